import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Absolute path of the library's entry, for generated example modules to import. */
export const INDEX = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const TMP = new URL("./.tmp/", import.meta.url);

/**
 * Turns a code example into a module that records its checks: a line `//=> value` asserts that
 * the expression statement above it (one or more lines; continuation lines are indented or
 * close brackets) equals `value`.
 */
export function toModule(block: string, prelude = ""): string {
  const lines = block
    .replaceAll('from "llm-pricebook"', `from ${JSON.stringify(INDEX)}`)
    // A subpath (`llm-pricebook/ai-sdk`, `/otel`, `/langchain`…) is its src/<subpath>.ts.
    .replace(
      /from "llm-pricebook\/([a-z-]+)"/g,
      (_, subpath: string) =>
        `from ${JSON.stringify(fileURLToPath(new URL(`../src/${subpath}.ts`, import.meta.url)))}`,
    )
    .split("\n");
  const out: string[] = [prelude, "export const __checks: [unknown, unknown, string][] = [];"];
  for (const line of lines) {
    if (line.startsWith("//=>")) {
      const parts: string[] = [];
      do parts.unshift(out.pop() as string);
      while (/^[\s)\]}.]/.test(parts[0] as string));
      const expression = parts.join("\n").replace(/;\s*$/, "");
      out.push(
        `__checks.push([${expression}, ${line.slice(4).trim()}, ${JSON.stringify(expression)}]);`,
      );
    } else {
      out.push(line);
    }
  }
  return out.join("\n");
}

/** Writes the example as a module, imports it, and returns its checks. */
export async function runExample(name: string, block: string, prelude = "") {
  mkdirSync(TMP, { recursive: true });
  const file = new URL(`${name}.ts`, TMP);
  writeFileSync(file, toModule(block, prelude));
  const module = (await import(fileURLToPath(file))) as { __checks: [unknown, unknown, string][] };
  return module.__checks;
}
