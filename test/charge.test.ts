import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinPricebook, charge, quote, sumAmounts, tableAsOf } from "../src/index.js";
import { billingTable } from "./fixtures/tables.js";
import { caught, cli } from "./helpers.js";
import { RUNS } from "./runs.js";

const byok = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2024-12-01" });

describe("charge on the page's variants (computed by hand)", () => {
  it("GPT-4o-16k, 2000 in / 300 out: 0.005 + 0.003 = 0.008", () => {
    const result = charge(byok, "gpt-4o-16k", { input: 2000, output: 300 });
    expect(result.usd).toBe("0.008");
    expect(result.lines).toEqual([
      { kind: "input", tokens: 2000, rate: "0.0000025", usd: "0.005" },
      { kind: "output", tokens: 300, rate: "0.00001", usd: "0.003" },
    ]);
    expect(result.credits).toEqual({ estimated: "2.5", byTokens: null });
    expect(result.exceedsWindow).toBe(false);
    expect(result.table).toEqual(byok.provenance);
  });

  it("GPT-4o-mini-4k exactly at its window: 0.00114, inside", () => {
    const result = charge(byok, "gpt-4o-mini-4k", { input: 2800, output: 1200 });
    expect(result.usd).toBe("0.00114");
    expect(result.exceedsWindow).toBe(false);
  });

  it("GPT-4o-mini-4k one input token past its window: 0.00114015, exceeds", () => {
    const result = charge(byok, "gpt-4o-mini-4k", { input: 2801, output: 1200 });
    expect(result.usd).toBe("0.00114015");
    expect(result.exceedsWindow).toBe(true);
  });

  it("GPT-4o-mini-4k one output token past: 0.0011406, exceeds", () => {
    const result = charge(byok, "gpt-4o-mini-4k", { input: 2800, output: 1201 });
    expect(result.usd).toBe("0.0011406");
    expect(result.exceedsWindow).toBe(true);
  });

  it("GPT-4-0125-8k with the page's input parts", () => {
    // 300 + 1200 + 150 + 80 + 400 + 120 + 250 + 2000 + 600 = 5100 input; 5100 × 0.00001 = 0.051
    // 700 + 50 = 750 output; 750 × 0.00003 = 0.0225; total 0.0735
    const result = charge(byok, "gpt-4-0125-8k", {
      inputParts: {
        systemPrompt: 300,
        basePrompt: 1200,
        variables: 150,
        labelDefinitions: 80,
        functionMetadata: 400,
        functionParameters: 120,
        functionResponse: 250,
        ragContext: 2000,
        memory: 600,
      },
      outputParts: { textResponse: 700, responseMetadata: 50 },
    });
    expect(result.lines.map((line) => [line.kind, line.tokens])).toEqual([
      ["input", 5100],
      ["output", 750],
    ]);
    expect(result.usd).toBe("0.0735");
    expect(result.parts?.input).toHaveLength(9);
    expect(result.parts?.output).toEqual([
      { part: "textResponse", tokens: 700 },
      { part: "responseMetadata", tokens: 50 },
    ]);
  });

  it("by model name, exceedsWindow is null", () => {
    expect(charge(byok, "gpt-4o", { input: 1, output: 1 }).exceedsWindow).toBeNull();
  });

  it("through the CLI", () => {
    const result = cli(
      "charge",
      "gpt-4o-mini-4k",
      "--input",
      "2801",
      "--output",
      "1200",
      "--json",
      "--as-of",
      "2024-12-01",
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.usd).toBe("0.00114015");
    expect(json.exceedsWindow).toBe(true);
    expect(json.lines.map((line: { kind: string }) => line.kind)).toEqual(["input", "output"]);
  });
});

describe("cache, tiers and service tiers (claude-sonnet-4, gpt-4o list prices)", () => {
  it("prices cache reads and writes as parts of input", () => {
    // uncached 1000 × 0.000003 = 0.003; read 8000 × 0.0000003 = 0.0024;
    // write 1000 × 0.00000375 = 0.00375; output 500 × 0.000015 = 0.0075; total 0.01665
    const result = charge(billingTable, "claude-sonnet-4", {
      input: 10000,
      cachedInput: 8000,
      cacheWrite: 1000,
      output: 500,
    });
    expect(result.lines).toEqual([
      { kind: "input", tokens: 1000, rate: "0.000003", usd: "0.003" },
      { kind: "cachedInput", tokens: 8000, rate: "0.0000003", usd: "0.0024" },
      { kind: "cacheWrite", tokens: 1000, rate: "0.00000375", usd: "0.00375" },
      { kind: "output", tokens: 500, rate: "0.000015", usd: "0.0075" },
    ]);
    expect(result.usd).toBe("0.01665");
  });

  it("prices a 1-hour cache write at its own rate", () => {
    // 0 uncached; 100000 × 0.000006 = 0.6; 10 × 0.000015 = 0.00015
    expect(
      charge(billingTable, "claude-sonnet-4", { input: 100000, cacheWrite1h: 100000, output: 10 })
        .usd,
    ).toBe("0.60015");
  });

  it("keeps standard rates exactly at the tier threshold", () => {
    // 200000 × 0.000003 = 0.6; 1000 × 0.000015 = 0.015
    const result = charge(billingTable, "claude-sonnet-4", { input: 200000, output: 1000 });
    expect(result.tier).toBeNull();
    expect(result.usd).toBe("0.615");
  });

  it("reprices the whole request one token past the threshold", () => {
    // 200001 × 0.000006 = 1.200006; 1000 × 0.0000225 = 0.0225
    const result = charge(billingTable, "claude-sonnet-4", { input: 200001, output: 1000 });
    expect(result.tier).toEqual({ aboveInputTokens: 200000 });
    expect(result.usd).toBe("1.222506");
  });

  it("counts cache reads toward the threshold, and prices them at the tier's rate", () => {
    // input 250000 of which 200000 cached: 50000 × 0.000006 = 0.3; 200000 × 0.0000006 = 0.12; 0 output
    const result = charge(billingTable, "claude-sonnet-4", {
      input: 250000,
      cachedInput: 200000,
      output: 0,
    });
    expect(result.usd).toBe("0.42");
  });

  it("refuses a 1-hour cache write above the tier, where no rate is known", () => {
    const error = caught(() =>
      charge(billingTable, "claude-sonnet-4", { input: 300000, cacheWrite1h: 10, output: 0 }),
    );
    expect(error.code).toBe("UNPRICED_USAGE");
    expect(error.path).toEqual(["usage", "cacheWrite1h"]);
  });

  it("prices the batch tier by its multiplier", () => {
    // 1000 × 0.00000125 = 0.00125; 1000 × 0.000005 = 0.005
    const result = charge(
      billingTable,
      "gpt-4o",
      { input: 1000, output: 1000 },
      { serviceTier: "batch" },
    );
    expect(result.usd).toBe("0.00625");
    expect(result.serviceTier).toBe("batch");
  });

  it("refuses a service tier the model lacks, and an unknown one", () => {
    expect(
      caught(() => charge(billingTable, "gpt-4o", { input: 1, output: 1 }, { serviceTier: "flex" }))
        .code,
    ).toBe("UNPRICED_USAGE");
    expect(
      caught(() =>
        charge(billingTable, "gpt-4o", { input: 1, output: 1 }, { serviceTier: "cheap" as "flex" }),
      ).code,
    ).toBe("INVALID_USAGE");
  });

  it("prices reasoning as part of output", () => {
    // 1000 × 0.0000011 = 0.0011; 400 × 0.0000044 = 0.00176; 600 × 0.0000044 = 0.00264
    const result = charge(billingTable, "o3-mini", { input: 1000, output: 1000, reasoning: 600 });
    expect(result.lines.map((line) => [line.kind, line.tokens, line.usd])).toEqual([
      ["input", 1000, "0.0011"],
      ["output", 400, "0.00176"],
      ["reasoning", 600, "0.00264"],
    ]);
    expect(result.usd).toBe("0.0055");
  });

  it("gives credits by token multiplier where the table declares them", () => {
    // 3000 × 0.0000025 + 1000 × 0.00001 = 0.0175 USD; ÷ 0.005 = 3.5 estimated;
    // (3000 + 1000) ÷ 2000 × 2 = 4 by tokens
    const result = charge(billingTable, "gpt-4o-2024-08-06", { input: 3000, output: 1000 });
    expect(result.usd).toBe("0.0175");
    expect(result.credits).toEqual({ estimated: "3.5", byTokens: "4" });
  });

  it("refuses cached input on a model with no cache rate", () => {
    const error = caught(() => charge(byok, "gpt-4o", { input: 100, cachedInput: 50, output: 0 }));
    expect(error.code).toBe("UNPRICED_USAGE");
  });
});

describe("bad usage", () => {
  it.each([
    [{ input: -1, output: 0 }, ["usage", "input"]],
    [{ input: 1.5, output: 0 }, ["usage", "input"]],
    [{ input: Number.NaN, output: 0 }, ["usage", "input"]],
    [{ input: Number.POSITIVE_INFINITY, output: 0 }, ["usage", "input"]],
    [{ input: Number.NEGATIVE_INFINITY, output: 0 }, ["usage", "input"]],
    [{ input: 2 ** 53, output: 0 }, ["usage", "input"]],
    [{ input: -0, output: 0 }, ["usage", "input"]],
    [{ input: "1e3", output: 0 }, ["usage", "input"]],
    [{ input: "100", output: 0 }, ["usage", "input"]],
    [{ input: 10, output: 0, cachedInput: 11 }, ["usage", "cachedInput"]],
    [{ input: 10, output: 5, reasoning: 6 }, ["usage", "reasoning"]],
    [{ input: 10, output: 0, audio: 3 }, ["usage", "audio"]],
    [{ output: 0 }, ["usage", "input"]],
    [{ inputParts: { systemPrompt: 5, banter: 2 }, output: 0 }, ["usage", "inputParts", "banter"]],
    [{ input: 6, inputParts: { systemPrompt: 5 }, output: 0 }, ["usage", "inputParts"]],
    [null, ["usage"]],
    ["100 tokens", ["usage"]],
  ])("%j → INVALID_USAGE at %j", (usage, path) => {
    const error = caught(() => charge(byok, "gpt-4o-16k", usage as never));
    expect(error.code).toBe("INVALID_USAGE");
    expect(error.path).toEqual(path);
  });

  it("does not mutate the usage", () => {
    const usage = { input: 10, output: 5, inputParts: { memory: 10 } };
    const copy = structuredClone(usage);
    charge(byok, "gpt-4o-16k", usage);
    expect(usage).toEqual(copy);
  });
});

describe("laws", () => {
  const variants = Object.values(byok.variants);

  it("a charge inside a variant's window never exceeds its quote", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...variants),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (variant, a, b) => {
          const input = Math.floor(variant.reserved.input * a);
          const output = Math.floor(variant.reserved.output * b);
          const result = charge(byok, variant.id, { input, output });
          const upper = quote(byok, variant.id).usd;
          expect(result.exceedsWindow).toBe(false);
          // usd ≤ quote ⇔ quote − usd has no minus sign, compared exactly.
          expect(sumAmounts([upper, `-${result.usd}`]).startsWith("-")).toBe(false);
        },
      ),
      { numRuns: Math.max(RUNS, 500) },
    );
  });

  it("charges are additive in usage", () => {
    const usage = fc.record({
      input: fc.integer({ min: 0, max: 100000 }),
      output: fc.integer({ min: 0, max: 100000 }),
      cached: fc.integer({ min: 0, max: 100000 }),
    });
    fc.assert(
      fc.property(fc.constantFrom("gpt-4o", "o3-mini"), usage, usage, (model, a, b) => {
        const one = (u: typeof a) => ({
          input: u.input + u.cached,
          cachedInput: u.cached,
          output: u.output,
        });
        const both = charge(billingTable, model, {
          input: a.input + a.cached + b.input + b.cached,
          cachedInput: a.cached + b.cached,
          output: a.output + b.output,
        });
        expect(both.usd).toBe(
          sumAmounts([charge(billingTable, model, one(a)), charge(billingTable, model, one(b))]),
        );
      }),
      { numRuns: Math.max(RUNS, 300) },
    );
  });

  it("zero usage costs zero", () => {
    expect(charge(billingTable, "claude-sonnet-4", { input: 0, output: 0 }).usd).toBe("0");
  });
});
