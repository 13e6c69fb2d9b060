import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runExample } from "./exampleRunner.js";

// Every ```ts block of docs/integrations.md runs against the real SDKs, as the README's do.
const doc = readFileSync(new URL("../docs/integrations.md", import.meta.url), "utf8");
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);

describe("docs/integrations.md examples", () => {
  it("has one example per integration", () => {
    expect(blocks).toHaveLength(3);
  });

  blocks.forEach((block, n) => {
    it(`block ${n + 1} runs and every //=> holds`, async () => {
      const checks = await runExample(`integrations-${n + 1}`, block);
      expect(checks.length).toBe((block.match(/^\/\/=>/gm) ?? []).length);
      for (const [actual, expected, source] of checks) expect(actual, source).toEqual(expected);
    });
  });
});
