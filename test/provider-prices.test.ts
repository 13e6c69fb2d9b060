import { describe, expect, it } from "vitest";
import { builtinPricebook, charge, type PricingTable, tableAsOf } from "../src/index.js";
import { caught } from "./helpers.js";

// Row by row from data/provider-prices.md (USD per 1M tokens), transcribed by hand, against the
// generated tables (npm run tables:generate), by the ids the catalogs and the API carry. Each
// figure is read back from a real charge: the rate of the line that priced that kind of token,
// moved six places (a string shift written here, independent of the library's arithmetic).
const book = builtinPricebook();
const at = (id: string, asOf: string) => tableAsOf(book, id, { asOf });

function timesMillion(rate: string): string {
  const [int = "0", frac = ""] = rate.split(".");
  const padded = frac.padEnd(6, "0");
  const whole = `${int}${padded.slice(0, 6)}`.replace(/^0+(?=\d)/, "");
  const rest = padded.slice(6).replace(/0+$/, "");
  return rest === "" ? whole : `${whole}.${rest}`;
}

type Kind = "input" | "output" | "cachedInput" | "cacheWrite" | "cacheWrite1h";

/** The per-million rate of `kind` in a charge of 1000 tokens of it, with `input` tokens of input in all. */
function perMillion(
  table: PricingTable,
  model: string,
  kind: Kind,
  serviceTier?: "batch",
  input = 1000,
): string {
  const usage =
    kind === "output"
      ? { input: 0, output: 1000 }
      : kind === "input"
        ? { input, output: 0 }
        : { input, output: 0, [kind]: 1000 };
  const result = charge(table, model, usage, serviceTier === undefined ? {} : { serviceTier });
  const line = result.lines.find((candidate) => candidate.kind === kind);
  if (line === undefined) throw new Error(`no ${kind} line`);
  return timesMillion(line.rate);
}

type Row = [
  model: string,
  input: string,
  cached: string | null,
  output: string,
  batch: [string, string] | null,
];

const openaiRows: Row[] = [
  ["gpt-3.5-turbo-0125", "0.5", null, "1.5", null],
  ["gpt-3.5-turbo-1106", "1", null, "2", null],
  ["gpt-3.5-turbo-16k-0613", "3", null, "4", null],
  ["gpt-4-1106-preview", "10", null, "30", null],
  ["gpt-4-0125-preview", "10", null, "30", null],
  ["gpt-4o-2024-05-13", "5", null, "15", ["2.5", "7.5"]],
  ["gpt-4o-2024-08-06", "2.5", "1.25", "10", ["1.25", "5"]],
  ["gpt-4o-2024-11-20", "2.5", "1.25", "10", ["1.25", "5"]],
  ["gpt-4o-mini-2024-07-18", "0.15", "0.075", "0.6", ["0.075", "0.3"]],
  ["gpt-4.1", "2", "0.5", "8", ["1", "4"]],
  ["gpt-4.1-mini", "0.4", "0.1", "1.6", ["0.2", "0.8"]],
  ["gpt-4.1-nano", "0.1", "0.025", "0.4", ["0.05", "0.2"]],
  ["o1", "15", "7.5", "60", null],
  ["o3-mini", "1.1", "0.55", "4.4", null],
  ["o4-mini", "1.1", "0.275", "4.4", null],
];

describe("OpenAI list prices", () => {
  const openai = at("openai", "2025-07-01");
  it.each(openaiRows)(
    "%s: input %s, cached %s, output %s, batch %j",
    (model, input, cached, output, batch) => {
      expect(perMillion(openai, model, "input")).toBe(input);
      expect(perMillion(openai, model, "output")).toBe(output);
      if (cached === null)
        expect(caught(() => perMillion(openai, model, "cachedInput")).code).toBe("UNPRICED_USAGE");
      else expect(perMillion(openai, model, "cachedInput")).toBe(cached);
      if (batch === null)
        expect(caught(() => perMillion(openai, model, "input", "batch")).code).toBe(
          "UNPRICED_USAGE",
        );
      else {
        expect(perMillion(openai, model, "input", "batch")).toBe(batch[0]);
        expect(perMillion(openai, model, "output", "batch")).toBe(batch[1]);
      }
    },
  );

  it("o3: 10 / 2.50 / 40 at launch, 2 / 0.50 / 8 from 2025-06-10", () => {
    const launch = at("openai", "2025-06-09");
    const cut = at("openai", "2025-06-10");
    expect([
      perMillion(launch, "o3", "input"),
      perMillion(launch, "o3", "cachedInput"),
      perMillion(launch, "o3", "output"),
    ]).toEqual(["10", "2.5", "40"]);
    expect([
      perMillion(cut, "o3", "input"),
      perMillion(cut, "o3", "cachedInput"),
      perMillion(cut, "o3", "output"),
    ]).toEqual(["2", "0.5", "8"]);
    expect(launch.provenance.version).toBe("2025-01-01");
    expect(cut.provenance.version).toBe("2025-06-10");
  });

  it("has no table before the base date (data/decisions.json)", () => {
    expect(at("openai", "2025-01-01").provenance.version).toBe("2025-01-01");
    expect(caught(() => at("openai", "2024-12-31")).code).toBe("NO_TABLE_IN_EFFECT");
  });
});

type AnthropicRow = [
  model: string,
  input: string,
  output: string,
  write5m: string | null,
  write1h: string | null,
  read: string | null,
];

const anthropicRows: AnthropicRow[] = [
  ["claude-3-haiku-20240307", "0.25", "1.25", "0.3", "0.5", "0.03"],
  ["claude-3-sonnet-20240229", "3", "15", null, null, null],
  ["claude-3-opus-20240229", "15", "75", "18.75", "30", "1.5"],
  ["claude-3-5-haiku-20241022", "0.8", "4", "1", "1.6", "0.08"],
  ["claude-3-5-haiku-latest", "0.8", "4", "1", "1.6", "0.08"],
  ["claude-3-5-sonnet-20240620", "3", "15", "3.75", "6", "0.3"],
  ["claude-3-5-sonnet-20241022", "3", "15", "3.75", "6", "0.3"],
  ["claude-3-7-sonnet-20250219", "3", "15", "3.75", "6", "0.3"],
  ["claude-sonnet-4-20250514", "3", "15", "3.75", "6", "0.3"],
  ["claude-opus-4-20250514", "15", "75", "18.75", "30", "1.5"],
  ["claude-opus-4-1", "15", "75", "18.75", "30", "1.5"],
  ["claude-opus-4-1-20250805", "15", "75", "18.75", "30", "1.5"],
];

describe("Anthropic list prices", () => {
  const anthropic = at("anthropic", "2025-09-01");
  it.each(anthropicRows)(
    "%s: in %s, out %s, 5m write %s, 1h write %s, read %s",
    (model, input, output, write5m, write1h, read) => {
      expect(perMillion(anthropic, model, "input")).toBe(input);
      expect(perMillion(anthropic, model, "output")).toBe(output);
      for (const [kind, figure] of [
        ["cacheWrite", write5m],
        ["cacheWrite1h", write1h],
        ["cachedInput", read],
      ] as const) {
        if (figure === null)
          expect(caught(() => perMillion(anthropic, model, kind)).code).toBe("UNPRICED_USAGE");
        else expect(perMillion(anthropic, model, kind)).toBe(figure);
      }
    },
  );

  it("claude-sonnet-4 above 200k input: 6 / 22.50, writes 7.50, reads 0.60; 1h writes unpriced", () => {
    const t = anthropic;
    // 200001 × 0.000006 + 100 × 0.0000225 = 1.200006 + 0.00225
    expect(charge(t, "claude-sonnet-4-20250514", { input: 200001, output: 100 }).usd).toBe(
      "1.202256",
    );
    // 250000 in, 200000 read, 50000 written: 0 × 6 + 200000 × 0.0000006 + 50000 × 0.0000075 = 0.12 + 0.375
    expect(
      charge(t, "claude-sonnet-4-20250514", {
        input: 250000,
        cachedInput: 200000,
        cacheWrite: 50000,
        output: 0,
      }).usd,
    ).toBe("0.495");
    expect(
      caught(() =>
        charge(t, "claude-sonnet-4-20250514", { input: 250000, cacheWrite1h: 1, output: 0 }),
      ).code,
    ).toBe("UNPRICED_USAGE");
  });

  it("from 2026-03-13, claude-sonnet-4 above 200k is unknown, so unpriced; at 200k it is standard", () => {
    const later = at("anthropic", "2026-03-13");
    expect(later.provenance.version).toBe("2026-03-13");
    expect(charge(later, "claude-sonnet-4-20250514", { input: 200000, output: 0 }).usd).toBe("0.6");
    const error = caught(() =>
      charge(later, "claude-sonnet-4-20250514", { input: 200001, output: 0 }),
    );
    expect(error.code).toBe("UNPRICED_USAGE");
  });
});

describe("Gemini list prices", () => {
  const google = at("google", "2026-01-01");
  it.each([
    // model, input ≤T / >T, output ≤T / >T, cached ≤T / >T, T
    ["gemini-1.5-flash", "0.075", "0.15", "0.3", "0.6", "0.01875", "0.0375", 128000],
    ["gemini-1.5-pro", "1.25", "2.5", "5", "10", null, null, 128000],
    ["gemini-2.5-pro", "1.25", "2.5", "10", "15", "0.125", "0.25", 200000],
  ] as const)(
    "%s: standard rates up to its threshold, tier rates one token past it",
    (model, inLow, inHigh, outLow, outHigh, cachedLow, cachedHigh, threshold) => {
      const rates = (input: number) => {
        const usage = { input, output: 1000, ...(cachedLow === null ? {} : { cachedInput: 1000 }) };
        const result = charge(google, model, usage);
        return Object.fromEntries(result.lines.map((line) => [line.kind, timesMillion(line.rate)]));
      };
      const low = {
        input: inLow,
        output: outLow,
        ...(cachedLow === null ? {} : { cachedInput: cachedLow }),
      };
      const high = {
        input: inHigh,
        output: outHigh,
        ...(cachedHigh === null ? {} : { cachedInput: cachedHigh }),
      };
      expect(rates(threshold)).toEqual(low);
      expect(rates(threshold + 1)).toEqual(high);
      expect(charge(google, model, { input: threshold, output: 0 }).tier).toBeNull();
      expect(charge(google, model, { input: threshold + 1, output: 0 }).tier).toEqual({
        aboveInputTokens: threshold,
      });
      if (cachedLow === null) {
        expect(
          caught(() => charge(google, model, { input: 10, cachedInput: 10, output: 0 })).code,
        ).toBe("UNPRICED_USAGE");
      }
    },
  );

  it.each([
    ["gemini-2.0-flash", "0.1", "0.025", "0.4"],
    ["gemini-2.5-flash", "0.3", "0.03", "2.5"],
  ])("%s: input %s, cached %s, output %s, no tier", (model, input, cached, output) => {
    expect(perMillion(google, model, "input")).toBe(input);
    expect(perMillion(google, model, "cachedInput")).toBe(cached);
    expect(perMillion(google, model, "output")).toBe(output);
    expect(charge(google, model, { input: 2_000_000, output: 0 }).tier).toBeNull();
  });

  it("prices Gemini 2.5 cache reads only from 2025-11-07, when the sources recorded the cut", () => {
    const before = at("google", "2025-11-06");
    expect(before.provenance.version).toBe("2025-01-01");
    for (const model of ["gemini-2.5-flash", "gemini-2.5-pro"]) {
      expect(
        caught(() => charge(before, model, { input: 10, cachedInput: 10, output: 0 })).code,
      ).toBe("UNPRICED_USAGE");
    }
    expect(perMillion(before, "gemini-2.5-pro", "input")).toBe("1.25");
    expect(perMillion(at("google", "2025-11-07"), "gemini-2.5-flash", "cachedInput")).toBe("0.03");
    expect(caught(() => at("google", "2024-12-31")).code).toBe("NO_TABLE_IN_EFFECT");
  });
});
