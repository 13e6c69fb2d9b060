import { readFileSync } from "node:fs";
import * as semconv from "@opentelemetry/semantic-conventions/incubating";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  builtinPricebook,
  charge,
  chargeUsd,
  fromAnthropicUsage,
  fromGeminiUsage,
  fromOpenAIUsage,
  type PricedRow,
  type PriceRow,
  priceRecords,
  summarizePriced,
  tableAsOf,
  tableVersion,
} from "../src/index.js";
import { GEN_AI } from "../src/records/otelAttributes.js";

const book = builtinPricebook();
const MIXED = new URL("./fixtures/price/mixed.jsonl", import.meta.url);
const priced = (rows: Iterable<PriceRow>) => [...rows].filter((r): r is PricedRow => r.ok);

describe("priceRecords: every shape", () => {
  const rows = [
    ...priceRecords(book, readFileSync(MIXED, "utf8").split("\n"), { asOf: "2025-12-10" }),
  ];

  it("prices each shape to the hand-computed figure, with its table and rule", () => {
    expect(
      priced(rows).map((r) => [r.line, r.shape, r.resolvedModel, r.table, r.resolvedBy, r.usd]),
    ).toEqual([
      // 1000 × 0.00001 + 100 × 0.00004 (o3 before the 2025-06-10 cut)
      [1, "flat", "o3", "openai@2025-01-01", "id", "0.014"],
      // 1000 × 0.000002 + 100 × 0.000008 (after it)
      [2, "flat", "o3", "openai@2025-06-10", "id", "0.0028"],
      // gpt-4.1: 86 × 0.000002 + 1920 × 0.0000005 + 300 × 0.000008 = 0.000172 + 0.00096 + 0.0024
      [3, "openai-chat", "gpt-4.1-2025-04-14", "openai@2025-06-10", "id", "0.003532"],
      // Anthropic adds cache tokens to input: 100 × 0.000003 + 2000 × 0.00000375 + 3000 × 0.0000003
      // + 500 × 0.000015 = 0.0003 + 0.0075 + 0.0009 + 0.0075 (no `at`: asOf 2025-12-10)
      [4, "anthropic", "claude-sonnet-4-20250514", "anthropic@2025-01-01", "id", "0.0162"],
      // 200 × 0.0000003 + 1000 × 0.00000003 + (80 + 400) × 0.0000025
      [5, "gemini", "gemini-2.5-flash", "google@2025-11-07", "id", "0.00129"],
      // OTel: cache reads are inside input_tokens: 400 × 0.0000025 + 600 × 0.00000125 + 50 × 0.00001
      [6, "otel", "gpt-4o-2024-08-06", "openai@2025-06-10", "id", "0.00225"],
    ]);
  });

  it("names every unpriced row with its line and code, never a 0", () => {
    expect(rows.filter((r) => !r.ok).map((r) => [r.line, !r.ok && r.code])).toEqual([
      [7, "INVALID_RECORD"],
      [8, "INVALID_USAGE"],
      [9, "UNKNOWN_MODEL"],
      [10, "INVALID_RECORD"],
    ]);
    expect(rows.some((r) => !r.ok && "usd" in r)).toBe(false);
  });

  it("reads each row's day from at, created, createTime and startTimeUnixNano (UTC)", () => {
    expect(priced(rows).map((r) => r.day)).toEqual([
      "2025-06-09",
      "2025-06-10",
      "2025-12-08",
      "2025-12-10",
      "2025-12-01",
      "2026-01-01",
    ]);
  });

  it("totals exactly per customer: 0.014 + 0.0028 + 0.0162 and 0.003532 + 0.00129 + 0.00225", () => {
    const summary = summarizePriced(rows, { groupBy: "customer" });
    expect(
      summary.groups.map((g) => [g.key.customer, g.rows, g.priced, g.unpriced, g.usd, g.tokens]),
    ).toEqual([
      ["acme", 5, 3, 2, "0.033", 2200 + 5600],
      ["globex", 3, 3, 0, "0.007072", 2306 + 1680 + 1050],
      ["zeta", 1, 0, 1, "0", 0],
      // A row without the key: the key is missing from group.key, a group apart from null.
      [undefined, 1, 0, 1, "0", 0],
    ]);
    expect([summary.rows, summary.priced, summary.unpriced, summary.usd]).toEqual([
      10,
      6,
      4,
      "0.040072",
    ]);
    expect(summary.errors.map((e) => e.line)).toEqual([7, 8, 9, 10]);
  });

  it("groups by several keys, dimensions first, then the row's own fields", () => {
    const summary = summarizePriced(rows, { groupBy: ["customer", "table"] });
    expect(summary.groups.slice(0, 3).map((g) => [g.key.customer, g.key.table, g.usd])).toEqual([
      ["acme", "anthropic@2025-01-01", "0.0162"],
      ["acme", "openai@2025-01-01", "0.014"],
      ["acme", "openai@2025-06-10", "0.0028"],
    ]);
  });
});

describe("priceRecords: OpenTelemetry", () => {
  it("uses the semantic conventions' own attribute names", () => {
    expect(GEN_AI.responseModel).toBe(semconv.ATTR_GEN_AI_RESPONSE_MODEL);
    expect(GEN_AI.requestModel).toBe(semconv.ATTR_GEN_AI_REQUEST_MODEL);
    expect(GEN_AI.providerName).toBe(semconv.ATTR_GEN_AI_PROVIDER_NAME);
    expect(GEN_AI.system).toBe(semconv.ATTR_GEN_AI_SYSTEM);
    expect(GEN_AI.inputTokens).toBe(semconv.ATTR_GEN_AI_USAGE_INPUT_TOKENS);
    expect(GEN_AI.outputTokens).toBe(semconv.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS);
    expect(GEN_AI.cacheReadInputTokens).toBe(semconv.ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS);
    expect(GEN_AI.cacheCreationInputTokens).toBe(
      semconv.ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
    );
    expect(GEN_AI.reasoningOutputTokens).toBe(semconv.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS);
    expect(GEN_AI.promptTokens).toBe(semconv.ATTR_GEN_AI_USAGE_PROMPT_TOKENS);
    expect(GEN_AI.completionTokens).toBe(semconv.ATTR_GEN_AI_USAGE_COMPLETION_TOKENS);
  });

  it("prices every GenAI span of an OTLP export, skipping other spans", () => {
    const doc = JSON.parse(
      readFileSync(new URL("../docs/examples/otel-genai-export.json", import.meta.url), "utf8"),
    );
    const rows = [...priceRecords(book, [doc])];
    expect(
      rows.map((r) => (r.ok ? [r.model, r.usd, r.dimensions["app.customer"]] : [r.model, r.code])),
    ).toEqual([
      // 904 × 0.000002 + 4096 × 0.0000005 + 700 × 0.000008
      ["gpt-4.1-2025-04-14", "0.009456", "acme"],
      // 500 × 0.000003 + 10000 × 0.0000003 + 1500 × 0.00000375 + 800 × 0.000015
      ["claude-sonnet-4-20250514", "0.022125", "globex"],
      // 3000 × 0.0000003 + 1200 × 0.0000025 (reasoning is inside output_tokens)
      ["gemini-2.5-flash", "0.0039", "acme"],
      // 900 × 0.000002 + 150 × 0.000006 (the mistral table)
      ["mistral-large-latest", "0.0027", "globex"],
    ]);
    expect(rows[0]?.dimensions["service.name"]).toBe("support-bot");
  });

  it("routes a span by its provider, else by the name: gpt-4o is openai's, not the product table's", () => {
    const span = (provider: string | null) => ({
      startTimeUnixNano: 1767225600000000000,
      attributes: {
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 1000,
        "gen_ai.usage.output_tokens": 100,
        ...(provider === null ? {} : { "gen_ai.provider.name": provider }),
      },
    });
    const [withProvider, without] = [...priceRecords(book, [span("openai"), span(null)])];
    expect(withProvider?.ok && [withProvider.table, withProvider.usd]).toEqual([
      "openai@2025-06-10",
      "0.0035",
    ]);
    // Without a provider, pricebookResolve sends a bare id to its owner's first-party table.
    expect(without?.ok && [without.table, without.usd]).toEqual(["openai@2025-06-10", "0.0035"]);
  });

  it("reads the older gen_ai.system and prompt/completion token names", () => {
    const [row] = [
      ...priceRecords(book, [
        {
          startTimeUnixNano: "1767225600000000000",
          attributes: [
            { key: "gen_ai.system", value: { stringValue: "openai" } },
            { key: "gen_ai.request.model", value: { stringValue: "o3" } },
            { key: "gen_ai.usage.prompt_tokens", value: { intValue: "1000" } },
            { key: "gen_ai.usage.completion_tokens", value: { intValue: "100" } },
          ],
        },
      ]),
    ];
    expect(row?.ok && row.usd).toBe("0.0028");
  });
});

describe("priceRecords: single table, shapes, dimensions", () => {
  const openai0610 = tableVersion(book, "openai", "2025-06-10");

  it("with a single table, a record dated before it takes effect is NO_TABLE_IN_EFFECT", () => {
    const rows = [
      ...priceRecords(openai0610, [
        { model: "o3", at: "2025-06-09T23:59:59Z", input: 1, output: 1 },
        { model: "o3", at: "2025-06-10", input: 1000, output: 100 },
      ]),
    ];
    expect(rows.map((r) => (r.ok ? r.usd : r.code))).toEqual(["NO_TABLE_IN_EFFECT", "0.0028"]);
  });

  it("a table id prices every record against that table's version of the day", () => {
    const rows = [
      ...priceRecords(book, [{ model: "gpt-4o", at: "2025-07-01", input: 1000, output: 100 }], {
        table: "openai",
      }),
    ];
    expect(rows[0]?.ok && [rows[0].table, rows[0].usd]).toEqual(["openai@2025-06-10", "0.0035"]);
  });

  it("--shape forces a shape: a flat record read as Gemini is UNRECOGNIZED_USAGE", () => {
    const [row] = [
      ...priceRecords(book, [{ model: "o3", input: 1, output: 1 }], { shape: "gemini" }),
    ];
    // The Gemini reader knows no `input` or `output` count: never priced without them.
    expect(!row?.ok && row?.code).toBe("UNRECOGNIZED_USAGE");
  });

  it("keeps other keys as dimensions, hostile characters included, and prices a service tier", () => {
    const hostile = '=HYPERLINK("http://x")\u001b[31m\u202e';
    const [row] = [
      ...priceRecords(book, [
        {
          model: "gpt-4.1-mini",
          at: "2025-07-01",
          input: 1000,
          output: 100,
          serviceTier: "batch",
          customer: hostile,
        },
      ]),
    ];
    // batch: 1000 × 0.0000002 + 100 × 0.0000008
    expect(row?.ok && [row.usd, row.dimensions.customer]).toEqual(["0.00028", hostile]);
  });

  it("an unpriced part is UNPRICED_USAGE: o3 has no cache-write rate", () => {
    const [row] = [
      ...priceRecords(book, [
        { model: "o3", at: "2025-07-01", input: 100, output: 1, cacheWrite: 50 },
      ]),
    ];
    expect(!row?.ok && row?.code).toBe("UNPRICED_USAGE");
  });

  it("audio, image and web-search parts of a flat record are never dropped or priced as text", () => {
    const rows = [
      ...priceRecords(book, [
        { model: "o3", at: "2025-07-01", input: 100, output: 1, audioInput: 50 },
        { model: "o3", at: "2025-07-01", input: 100, output: 1, imageInput: 50 },
        { model: "o3", at: "2025-07-01", input: 100, output: 10, audioOutput: 5 },
        { model: "o3", at: "2025-07-01", input: 100, output: 1, webSearch: 2 },
        { model: "o3", at: "2025-07-01", input: 100, output: 1, webSearch: 0 },
      ]),
    ];
    // o3 has none of those rates; a zero count is no part at all: 100 × 0.000002 + 1 × 0.000008.
    expect(rows.map((r) => (r.ok ? r.usd : r.code))).toEqual([
      "UNPRICED_USAGE",
      "UNPRICED_USAGE",
      "UNPRICED_USAGE",
      "UNPRICED_USAGE",
      "0.000208",
    ]);
  });

  it("takes an async iterable and returns one; summarizePriced then returns a promise", async () => {
    async function* lines() {
      yield '{"model":"o3","at":"2025-06-10","input":1000,"output":100,"customer":"a"}';
      yield "";
      yield '{"model":"o3","at":"2025-06-10","input":2000,"output":200,"customer":"a"}';
    }
    const summary = await summarizePriced(priceRecords(book, lines()), { groupBy: "customer" });
    expect([summary.rows, summary.usd, summary.groups[0]?.usd]).toEqual([2, "0.0084", "0.0084"]);
  });

  it("caps the errors it lists and counts the rest", () => {
    const bad = Array.from({ length: 250 }, () => "{");
    const summary = summarizePriced(priceRecords(book, bad));
    expect([summary.unpriced, summary.errors.length, summary.errorsOmitted]).toEqual([
      250, 100, 150,
    ]);
  });

  it("does not mutate its records", () => {
    const record = Object.freeze({
      model: "o3",
      at: "2025-07-01",
      input: 1000,
      output: 100,
      customer: "a",
    });
    const [row] = [...priceRecords(book, [record])];
    expect(row?.ok && row.usd).toBe("0.0028");
  });
});

describe("the integer path equals charge() to the digit", () => {
  const tables = ["openai", "anthropic", "google"].map((id) =>
    tableAsOf(book, id, { asOf: "2025-12-01" }),
  );
  const names = tables.flatMap((table) =>
    Object.keys(table.models).map((model) => [table, model] as const),
  );

  it("on random usages of every built-in model (tiers, caches, reasoning)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat({ max: 3_000_000 }),
        fc.nat({ max: 100 }),
        fc.nat({ max: 100 }),
        fc.nat({ max: 200_000 }),
        fc.nat({ max: 100 }),
        (pair, input, cachedPct, writePct, output, reasoningPct) => {
          const [table, model] = pair;
          const cachedInput = Math.floor((input * cachedPct) / 200);
          const cacheWrite = Math.floor((input * writePct) / 200);
          const reasoning = Math.floor((output * reasoningPct) / 100);
          const usage = { input, output, cachedInput, cacheWrite, reasoning };
          const [row] = [...priceRecords(table, [{ model, at: "2025-12-01", ...usage }])];
          let expected: string;
          try {
            expected = charge(table, model, usage).usd;
          } catch (error) {
            expect(!row?.ok && row?.code).toBe((error as { code: string }).code);
            return;
          }
          expect(row?.ok && row.usd).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("on random provider responses: the adapter's usage priced by chargeUsd, or its error", () => {
    const maybe = (n: number) => fc.option(fc.nat({ max: n }), { nil: undefined });
    // Counts of one response; audio parts only in OpenAI's shape.
    const counts = <S extends string>(shape: S, cached: number, audio: boolean) =>
      fc.record({
        shape: fc.constant(shape),
        prompt: fc.nat({ max: 2_000_000 }),
        completion: fc.nat({ max: 100_000 }),
        cached: maybe(cached),
        reasoning: maybe(shape === "anthropic" ? 500_000 : 100_000),
        audioIn: audio ? maybe(1_000) : fc.constant(undefined),
        audioOut: audio ? maybe(1_000) : fc.constant(undefined),
      });
    const response = fc.oneof(
      counts("openai" as const, 2_000_000, true),
      counts("anthropic" as const, 500_000, false),
      counts("gemini" as const, 2_000_000, false),
    );
    fc.assert(
      fc.property(fc.constantFrom(...names), response, (pair, r) => {
        const [table, model] = pair;
        let record: Record<string, unknown>;
        let adapt: (value: unknown) => ReturnType<typeof fromOpenAIUsage>;
        if (r.shape === "openai") {
          adapt = fromOpenAIUsage;
          record = {
            object: "chat.completion",
            model,
            usage: {
              prompt_tokens: r.prompt,
              completion_tokens: r.completion,
              prompt_tokens_details: {
                ...(r.cached === undefined ? {} : { cached_tokens: r.cached }),
                ...(r.audioIn === undefined ? {} : { audio_tokens: r.audioIn }),
              },
              completion_tokens_details: {
                ...(r.reasoning === undefined ? {} : { reasoning_tokens: r.reasoning }),
                ...(r.audioOut === undefined ? {} : { audio_tokens: r.audioOut }),
              },
            },
          };
        } else if (r.shape === "anthropic") {
          adapt = fromAnthropicUsage;
          record = {
            type: "message",
            model,
            usage: {
              input_tokens: r.prompt,
              output_tokens: r.completion,
              ...(r.cached === undefined ? {} : { cache_read_input_tokens: r.cached }),
              ...(r.reasoning === undefined ? {} : { cache_creation_input_tokens: r.reasoning }),
            },
          };
        } else {
          adapt = fromGeminiUsage;
          record = {
            modelVersion: model,
            usageMetadata: {
              promptTokenCount: r.prompt,
              candidatesTokenCount: r.completion,
              ...(r.cached === undefined ? {} : { cachedContentTokenCount: r.cached }),
              ...(r.reasoning === undefined ? {} : { thoughtsTokenCount: r.reasoning }),
            },
          };
        }
        const [row] = [...priceRecords(table, [record], { asOf: "2025-12-01" })];
        let expected: string;
        try {
          expected = chargeUsd(table, model, adapt(record));
        } catch (error) {
          expect(!row?.ok && row?.code).toBe((error as { code: string }).code);
          return;
        }
        expect(row?.ok && row.usd).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("and its sums equal the sum of the charges, past 2^53 at the rates' scale", () => {
    const table = tableAsOf(book, "anthropic", { asOf: "2025-12-01" });
    // 2 × 10^11 input tokens a row: each charge is about 3.4 million USD, ~3.4 × 10^14 units
    // of 10^-8; 2000 of them pass 2^53 units, so the sum must spill into bigint.
    const records = Array.from({ length: 2000 }, (_, i) => ({
      model: "claude-opus-4-20250514",
      input: 200_000_000_000 + i,
      output: 30_000 + i,
      cacheWrite: 100_000_000_000,
    }));
    const summary = summarizePriced(priceRecords(table, records));
    const each = records.map(({ model, ...usage }) => charge(table, model, usage).usd);
    let total = 0n;
    for (const usd of each) {
      const [whole, frac = ""] = usd.split(".");
      total += BigInt(whole as string) * 10n ** 7n + BigInt(frac.padEnd(7, "0"));
    }
    const text = total.toString().padStart(8, "0");
    const expected = `${text.slice(0, -7)}.${text.slice(-7)}`.replace(/\.?0+$/, "");
    expect(summary.usd).toBe(expected);
  });
});

describe("the day of a record's at", () => {
  // RFC 3339 read by a regular expression and Date (src/records/recordTime.ts reads it by
  // character codes, without Date): the UTC day, or null where RFC 3339 refuses the value (no
  // 24:00, no time without an offset, offsets up to 23:59) or the day does not exist.
  const RFC_3339 =
    /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.\d+)?(?:([Zz])|([+-])([01]\d|2[0-3]):([0-5]\d)))?$/;
  const calendarDay = (y: number, m: number, d: number) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  };
  const previousDay = (value: string): string | null => {
    const match = RFC_3339.exec(value);
    if (match === null) return null;
    const [y, m, d] = [1, 2, 3].map((i) => Number(match[i]));
    if (!calendarDay(y as number, m as number, d as number)) return null;
    if (match[4] === undefined || match[7] !== undefined) return value.slice(0, 10);
    const sign = match[8] === "+" ? 1 : -1;
    const offset = sign * (Number(match[9]) * 60 + Number(match[10])) * 60_000;
    const ms =
      Date.UTC(y as number, (m as number) - 1, d as number, Number(match[4]), Number(match[5])) -
      offset;
    const day = new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
    return day.startsWith("+") ? null : day;
  };
  const chars = [..."0123456789", "T", "Z", "z", ":", "-", " ", ".", "a", "٣", "\u0000"];
  const mutated = (template: string) =>
    fc
      .array(fc.tuple(fc.nat(template.length - 1), fc.constantFrom(...chars)), { maxLength: 3 })
      .map((edits) => {
        const out = [...template];
        for (const [at, c] of edits) out[at] = c;
        return out.join("");
      });
  const days = fc
    .tuple(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 0, max: 13 }), fc.nat(32))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

  it("is the day the general reading gives, or the same refusal, on near-ISO text", () => {
    const value = fc.oneof(
      days,
      days.map((d) => `${d}T23:59:59Z`),
      fc
        .tuple(days, fc.nat(99), fc.nat(99), fc.nat(99))
        .map(
          ([d, h, m, s]) =>
            `${d}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}Z`,
        ),
      mutated("2025-06-10T12:34:56Z"),
      mutated("2025-12-31"),
    );
    fc.assert(
      fc.property(value, (at) => {
        const [row] = [
          ...priceRecords(book, [{ model: "o3", at, input: 1, output: 1 }], { table: "openai" }),
        ];
        const day = previousDay(at);
        if (day === null) {
          expect([row?.ok, !row?.ok && row?.code]).toEqual([false, "INVALID_RECORD"]);
        } else if (day < "2025-01-01") {
          expect(!row?.ok && row?.code).toBe("NO_TABLE_IN_EFFECT");
        } else {
          expect(row?.ok && row.day).toBe(day);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
