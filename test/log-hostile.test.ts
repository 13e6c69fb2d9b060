// Issue 21, one bad record never sinks a billing run: the red-team's log cases, each held.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinPricebook, type PriceRow, priceRecords, summarizePriced } from "../src/index.js";
import { cliAsync } from "./helpers.js";

const book = builtinPricebook();
const rows = (records: unknown[]) =>
  [...priceRecords(book, records, { asOf: "2025-07-01" })] as PriceRow[];
const o3 = (extra: Record<string, unknown>) => ({
  model: "o3",
  input: 1000,
  output: 100,
  ...extra,
});

describe("one record, one outcome", () => {
  it("a response created at 1e13 or a span at 1e30 ns is one unpriced row; the run goes on", () => {
    const out = rows([
      {
        object: "chat.completion",
        model: "o3",
        created: 1e13,
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
      {
        attributes: {
          "gen_ai.request.model": "o3",
          "gen_ai.usage.input_tokens": 1,
          "gen_ai.usage.output_tokens": 1,
        },
        startTimeUnixNano: 1e30,
      },
      o3({ at: "2025-06-11" }),
    ]);
    expect(out.map((r) => (r.ok ? r.usd : r.code))).toEqual([
      "INVALID_RECORD",
      "INVALID_RECORD",
      "0.0028",
    ]);
  });

  it("a time ending in its fraction is refused at once (the fraction scan ran past the end forever)", () => {
    const out = rows([o3({ at: "2025-06-10T12:34:56.5" }), o3({ at: "2025-06-10T12:34:56.5Z" })]);
    expect(out.map((r) => (r.ok ? r.usd : r.code))).toEqual(["INVALID_RECORD", "0.0028"]);
  });

  it("24:00 and a day that does not exist are refused, never priced on another day", () => {
    const out = rows([o3({ at: "2025-06-09T24:00:00Z" }), o3({ at: "2025-02-30" })]);
    expect(out.map((r) => (r.ok ? r.usd : r.code))).toEqual(["INVALID_RECORD", "INVALID_RECORD"]);
  });

  it("a 5,000-deep dimension makes its record unpriced, not a stack overflow", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const out = rows([o3({ at: "2025-06-11", customer: deep }), o3({ at: "2025-06-11" })]);
    expect(out.map((r) => (r.ok ? r.usd : r.code))).toEqual(["LIMIT_EXCEEDED", "0.0028"]);
  });

  it('group keys are typed: customer 1234 and the text \\u00001234 or "1234" are apart', () => {
    const summary = summarizePriced(
      rows([
        o3({ at: "2025-06-11", customer: 1234 }),
        o3({ at: "2025-06-11", customer: "\u00001234" }),
        o3({ at: "2025-06-11", customer: "1234" }),
      ]),
      { groupBy: "customer" },
    );
    expect(summary.groups.length).toBe(3);
    for (const group of summary.groups) expect(group.usd).toBe("0.0028");
  });

  it("token totals past 2^53 are exact, not LIMIT_EXCEEDED", () => {
    const big = 2 ** 52;
    const summary = summarizePriced(
      rows([
        { model: "o3", at: "2025-06-11", input: big, output: 0 },
        { model: "o3", at: "2025-06-11", input: big, output: 0 },
        { model: "o3", at: "2025-06-11", input: big, output: 0 },
      ]),
    );
    expect(String(summary.tokens)).toBe(String(3n * 2n ** 52n));
  });
});

describe("output that never destroys an input", () => {
  const dir = mkdtempSync(join(tmpdir(), "llm-pricebook-log-hostile-"));
  it("--out naming the input is refused up front and the log is untouched", async () => {
    const log = join(dir, "log.jsonl");
    const text = `${JSON.stringify(o3({ at: "2025-06-11" }))}\n`;
    writeFileSync(log, text);
    const run = await cliAsync(["price", log, "--out", log]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error INVALID_ARGUMENT: /);
    expect(readFileSync(log, "utf8")).toBe(text);
  });

  it("--json escapes bidi, C1 and DEL characters", async () => {
    const log = join(dir, "bidi.jsonl");
    writeFileSync(
      log,
      `${JSON.stringify(o3({ at: "2025-06-11", customer: "a\u202eb\u0085c\u007f" }))}\n`,
    );
    const run = await cliAsync(["price", log, "--group-by", "customer", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u202e\u0085\u007f]/);
  });
});
