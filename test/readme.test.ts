import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runExample } from "./exampleRunner.js";

// Every ```ts block of the README runs here, and every `//=> value` in it must hold.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);

describe("README examples", () => {
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  blocks.forEach((block, n) => {
    it(`block ${n + 1} runs and every //=> holds`, async () => {
      const checks = await runExample(`readme-${n + 1}`, block);
      expect(checks.length).toBe((block.match(/^\/\/=>/gm) ?? []).length);
      for (const [actual, expected, source] of checks) expect(actual, source).toEqual(expected);
    });
  });
});

describe("README's first command", () => {
  it("prints what the README shows", async () => {
    const { cli } = await import("./helpers.js");
    const shown = /npm start -- quote gpt-4o-16k\n```\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    expect(cli("quote", "gpt-4o-16k").stdout).toBe(shown);
  });
});
