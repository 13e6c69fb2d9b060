import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { INDEX, runExample } from "./exampleRunner.js";

// Every exported function has TSDoc with an @example, and every example runs: its `//=>` lines
// hold. Examples may use these names, set up here as a reader would set them up.
const PRELUDE = `
import * as lib from ${JSON.stringify(INDEX)};
const { ${Object.keys(lib).join(", ")} } = lib;
const book = builtinPricebook();
const table = tableAsOf(book, "gpt-trainer-byok", { asOf: "2024-12-01" });
const byok20241101 = tableVersion(book, "gpt-trainer-byok", "2024-11-01");
const byok20250107 = tableVersion(book, "gpt-trainer-byok", "2025-01-07");
`;

const srcDir = new URL("../src/", import.meta.url);
const sources = (readdirSync(srcDir, { recursive: true }) as string[])
  .filter((file) => file.endsWith(".ts"))
  .map((file) => readFileSync(new URL(file, srcDir), "utf8"));

/** The TSDoc comment right above `export function name`, or undefined. */
function docOf(name: string): string | undefined {
  for (const source of sources) {
    const at = source.indexOf(`export function ${name}(`);
    if (at === -1) continue;
    const start = source.lastIndexOf("/**", at);
    const end = source.indexOf("*/", start);
    if (start === -1 || source.slice(end + 2, at).trim() !== "") return undefined;
    return source.slice(start + 3, end);
  }
  return undefined;
}

function exampleOf(doc: string): string | undefined {
  const lines = doc.split("\n").map((line) => line.replace(/^\s*\* ?/, ""));
  const start = lines.findIndex((line) => line.startsWith("@example"));
  if (start === -1) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith("@"));
  return (end === -1 ? rest : rest.slice(0, end)).join("\n").trim();
}

const functions = Object.entries(lib)
  .filter(
    ([, value]) =>
      typeof value === "function" && !/^class\b/.test(Function.prototype.toString.call(value)),
  )
  .map(([name]) => name);

describe("TSDoc examples", () => {
  it("cover the exported functions", () => {
    expect(functions.length).toBeGreaterThanOrEqual(29);
  });

  it.each(functions)("%s has TSDoc with an example that runs", async (name) => {
    const doc = docOf(name);
    expect(doc, `${name} has no TSDoc`).toBeDefined();
    const example = exampleOf(doc as string);
    expect(example, `${name} has no @example`).toBeDefined();
    expect(example, `${name}'s example shows no result`).toMatch(/^\/\/=>/m);
    const checks = await runExample(`example-${name}`, example as string, PRELUDE);
    expect(checks.length).toBeGreaterThan(0);
    for (const [actual, expected, source] of checks)
      expect(actual, `${name}: ${source}`).toEqual(expected);
  });
});
