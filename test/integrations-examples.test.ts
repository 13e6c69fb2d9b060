import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runExample } from "./exampleRunner.js";

// The @example of each integration runs, as test/examples.test.ts runs the main entry's.
const ENTRIES = {
  pricebookMiddleware: ["ai-sdk", "integrations/pricebookMiddleware"],
  pricebookSpanProcessor: ["otel", "integrations/pricebookSpanProcessor"],
  pricebookCallbackHandler: ["langchain", "integrations/pricebookCallbackHandler"],
} as const;

function exampleOf(source: string, name: string): string {
  const at = source.indexOf(`export function ${name}(`);
  const doc = source.slice(source.lastIndexOf("/**", at), at);
  const lines = doc.split("\n").map((line) => line.replace(/^\s*\* ?/, ""));
  const start = lines.findIndex((line) => line.startsWith("@example"));
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith("@") || line === "/");
  return (end === -1 ? rest : rest.slice(0, end)).join("\n").trim();
}

describe("integration TSDoc examples", () => {
  it.each(Object.entries(ENTRIES))("%s's example runs", async (name, [entry, module]) => {
    const path = (file: string) => fileURLToPath(new URL(`../src/${file}.ts`, import.meta.url));
    const example = exampleOf(readFileSync(path(module), "utf8"), name);
    expect(example).toMatch(/^\/\/=>/m);
    const prelude = `import * as entry from ${JSON.stringify(path(entry))};\nconst { ${name} } = entry;\nimport type * as types from ${JSON.stringify(path(entry))};\ntype LangChainChargeEvent = types.${entry === "langchain" ? "LangChainChargeEvent" : "PriceUsageOptions"};`;
    const checks = await runExample(`example-${name}`, example, prelude);
    expect(checks.length).toBeGreaterThan(0);
    for (const [actual, expected, source] of checks) expect(actual, source).toEqual(expected);
  });
});
