// Issue 20: 114 response bodies recorded from provider APIs (test/fixtures/responses/corpus),
// read without a shape: each is taken by the reader it was pinned to, or refused with its code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeUsage } from "../src/pricing/normalizeUsage.js";
import { readResponse } from "../src/usage/readResponse.js";

const corpus = JSON.parse(
  readFileSync(new URL("./fixtures/responses/corpus/bodies.json", import.meta.url), "utf8"),
) as { body: Record<string, unknown>; outcome: string }[];

describe("recorded response bodies", () => {
  it("has bodies of every common API", () => {
    const outcomes = new Set(corpus.map((entry) => entry.outcome));
    for (const shape of [
      "openai-chat",
      "openai-responses",
      "anthropic",
      "gemini",
      "bedrock-converse",
      "mistral",
      "cohere",
      "deepseek",
      "moonshot",
    ]) {
      expect(outcomes.has(shape), shape).toBe(true);
    }
  });

  it.each(corpus.map((entry, i) => [i, entry] as const))("body %i", (_, { body, outcome }) => {
    let got: string;
    let usage: Record<string, unknown> | undefined;
    try {
      const read = readResponse(body);
      got = read.shape;
      usage = read.usage as Record<string, unknown>;
    } catch (error) {
      got = (error as { code: string }).code;
    }
    if (usage !== undefined) {
      // A read usage is a valid usage: parts inside their totals, counts whole.
      const { inferenceGeo: _geo, ...counts } = usage;
      expect(() => normalizeUsage(counts)).not.toThrow();
    }
    expect(got).toBe(outcome);
  });
});
