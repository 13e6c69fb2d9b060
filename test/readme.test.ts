import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Every ```ts block of the README runs here. A line `//=> value` asserts that the expression
// statement just above it (one or more lines) equals `value`.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
const tmp = new URL("./.tmp/", import.meta.url);
const index = fileURLToPath(new URL("../src/index.ts", import.meta.url));

function toModule(block: string): string {
  const lines = block
    .replaceAll('from "llm-pricebook"', `from ${JSON.stringify(index)}`)
    .split("\n");
  const out: string[] = ["export const __checks: [unknown, unknown, string][] = [];"];
  for (const line of lines) {
    if (line.startsWith("//=>")) {
      // The statement above may span lines: continuation lines are indented or close brackets.
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

describe("README examples", () => {
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  blocks.forEach((block, n) => {
    it(`block ${n + 1} runs and every //=> holds`, async () => {
      mkdirSync(tmp, { recursive: true });
      const file = new URL(`readme-${n + 1}.ts`, tmp);
      writeFileSync(file, toModule(block));
      const module = (await import(fileURLToPath(file))) as {
        __checks: [unknown, unknown, string][];
      };
      expect(module.__checks.length).toBe((block.match(/^\/\/=>/gm) ?? []).length);
      for (const [actual, expected, source] of module.__checks) {
        expect(actual, source).toEqual(expected);
      }
    });
  });
});
