// `price` without --out prices plain flat records straight from the parsed line (the "direct"
// path of createRecordPricer) and leaves everything else to the general path; with --out every
// record takes the general path. The two must print the same report on any log: this test
// feeds both a seeded mix of good, odd and bad lines and compares the reports exactly.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinPricebook, charge, tableAsOf } from "../src/index.js";
import { cliAsync } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "price-direct-"));

function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return (state >>> 8) % n;
  };
}

const MODELS = [
  "o3",
  "gpt-4.1",
  "gpt-4.1-mini",
  "claude-sonnet-4-20250514",
  "claude-sonnet-4",
  "gemini-2.5-flash",
  "openrouter/anthropic/claude-sonnet-4.5",
  "GPT-4.1",
  "no-such-model-at-all",
  "",
];
const ATS: unknown[] = [
  "2025-06-09",
  "2025-06-10",
  "2025-11-20T23:59:59Z",
  "2026-08-01T00:00:00Z",
  "2025-06-10T12:00:00.123Z",
  "2025-06-10T23:30:00-05:00",
  "2025-02-30",
  "2025-13-01T00:00:00Z",
  "2025-06-10T24:00:00Z",
  "2024-01-01",
  1749600000,
  null,
  undefined,
];
const COUNTS: unknown[] = [0, 1, 999, 12_345, 1_000_000, -5, 1.5, "123", 1e20, null];
const CUSTOMERS: unknown[] = [
  "acme",
  "globex",
  "a-customer-with-a-long-id",
  42,
  null,
  true,
  undefined,
];
const TIERS: unknown[] = [undefined, undefined, undefined, "standard", null, "batch", "bogus"];

function line(pick: (n: number) => number): string {
  const kind = pick(20);
  if (kind === 0) return "";
  if (kind === 1) return "{not json";
  if (kind === 2) return "[1,2]";
  const customer = CUSTOMERS[pick(CUSTOMERS.length)];
  const tokens = () => (pick(10) === 0 ? COUNTS[pick(COUNTS.length)] : 100 + pick(50_000));
  if (kind === 3) {
    return JSON.stringify({
      model: pick(2) === 0 ? "gpt-4.1" : MODELS[pick(MODELS.length)],
      created: 1749600000 + pick(200) * 86_400,
      usage: {
        prompt_tokens: tokens(),
        completion_tokens: tokens(),
        prompt_tokens_details: { cached_tokens: pick(3) === 0 ? pick(100) : 0 },
      },
      customer,
      project: `p${pick(3)}`,
    });
  }
  if (kind === 8) {
    return JSON.stringify({
      type: "message",
      model: "claude-sonnet-4-20250514",
      at: ATS[pick(ATS.length)],
      usage: {
        input_tokens: tokens(),
        output_tokens: tokens(),
        cache_read_input_tokens: pick(4) === 0 ? pick(1000) : 0,
      },
      customer,
    });
  }
  if (kind === 9 || kind === 10) {
    const attribute = (key: string, value: object) => ({ key, value });
    const span = (model: string) => ({
      name: `chat ${model}`,
      startTimeUnixNano: String(BigInt(1749600000 + pick(200) * 86_400) * 1_000_000_000n),
      attributes: [
        attribute("gen_ai.provider.name", {
          stringValue: model.startsWith("gemini") ? "gcp.gemini" : "openai",
        }),
        attribute("gen_ai.response.model", { stringValue: model }),
        attribute("gen_ai.usage.input_tokens", { intValue: String(tokens()) }),
        attribute("gen_ai.usage.output_tokens", { intValue: String(tokens()) }),
        ...(typeof customer === "string" ? [attribute("customer", { stringValue: customer })] : []),
      ],
    });
    if (kind === 9) return JSON.stringify(span(pick(2) === 0 ? "gemini-2.5-flash" : "gpt-4.1"));
    return JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [attribute("project", { stringValue: `p${pick(3)}` })] },
          scopeSpans: [{ spans: [span("gpt-4.1-mini"), span("gemini-2.5-flash")] }],
        },
      ],
    });
  }
  if (kind === 11) {
    return JSON.stringify({
      modelVersion: "gemini-2.5-flash",
      createTime: ATS[1 + pick(3)],
      usageMetadata: { promptTokenCount: tokens(), candidatesTokenCount: tokens() },
      customer,
    });
  }
  // Mostly plain rows (the direct path), with every odd case now and then.
  const odd = (n: number) => pick(n) === 0;
  const record: Record<string, unknown> = {
    model: odd(4) ? MODELS[pick(MODELS.length)] : MODELS[pick(4)],
  };
  const at = odd(4) ? ATS[pick(ATS.length)] : ATS[1 + pick(3)];
  if (at !== undefined) record.at = at;
  const input = pick(8) === 0 ? COUNTS[pick(COUNTS.length)] : 100 + pick(50_000);
  const output = pick(8) === 0 ? COUNTS[pick(COUNTS.length)] : pick(5_000);
  if (kind === 4) {
    record.usage = { input, output };
  } else {
    if (pick(10) !== 0) record.input = input;
    if (pick(10) !== 0) record.output = output;
  }
  if (pick(3) === 0 && typeof input === "number") record.cachedInput = Math.floor(input / 2);
  if (pick(6) === 0) record.reasoning = pick(4) === 0 ? 1e9 : pick(100);
  if (pick(8) === 0) record.cacheWrite = pick(500);
  const tier = odd(3) ? TIERS[pick(TIERS.length)] : undefined;
  if (tier !== undefined) record.serviceTier = tier;
  if (customer !== undefined) record.customer = customer;
  if (pick(4) === 0) record.project = `p${pick(3)}`;
  if (pick(12) === 0) record.day = "a-day-dimension";
  let text = JSON.stringify(record);
  // A duplicate key (the last one counts, as in JSON.parse), a __proto__ key, spaces.
  if (kind === 5) text = text.replace("{", '{"customer":"first",');
  if (kind === 6) text = text.replace("{", '{"__proto__":{"customer":"x"},');
  if (kind === 7) text = ` ${text.replaceAll(",", " , ")} `;
  return text;
}

const LOG = join(dir, "mixed.jsonl");
const pick = random(20261128);
writeFileSync(LOG, `${Array.from({ length: 1500 }, () => line(pick)).join("\n")}\n`);

describe("price: the direct path and the general path print the same report", () => {
  it.each([
    ["customer"],
    ["customer,project"],
    ["project"],
    ["day"],
    ["__proto__"],
    ["model"],
    [""],
  ])("--group-by %s", async (groupBy) => {
    const by = groupBy === "" ? [] : ["--group-by", groupBy];
    const args = ["price", LOG, ...by, "--as-of", "2026-01-15", "--allow-unpriced", "--json"];
    const direct = await cliAsync(args);
    const general = await cliAsync([...args, "--out", join(dir, `out-${groupBy}.jsonl`)]);
    expect(direct.stderr).toBe("");
    expect(direct.code).toBe(0);
    expect(direct.stdout).toBe(general.stdout);
    const report = JSON.parse(direct.stdout);
    // The mix is a real test: most rows priced, many not, for many reasons.
    expect(report.priced).toBeGreaterThan(400);
    expect(report.unpriced).toBeGreaterThan(200);
    expect(new Set(report.errors.map((e: { code: string }) => e.code)).size).toBeGreaterThan(3);
  });

  it("--shape flat: the same report both ways", async () => {
    const args = [
      "price",
      LOG,
      "--shape",
      "flat",
      "--group-by",
      "customer",
      "--as-of",
      "2026-01-15",
    ];
    const direct = await cliAsync([...args, "--allow-unpriced", "--json"]);
    const general = await cliAsync([
      ...args,
      "--allow-unpriced",
      "--json",
      "--out",
      join(dir, "flat.csv"),
    ]);
    expect(direct.stdout).toBe(general.stdout);
  });
});

describe("price: a group's exact sum", () => {
  it("across models of different scales, past 2^53, equals the charges added in bigint", async () => {
    const table = tableAsOf(builtinPricebook(), "anthropic", { asOf: "2025-12-01" });
    // Two models whose rates have different scales alternate in two groups: a group sums the
    // scale of its first row in place and the other beside it, and each group passes 2^53
    // units of its scale, so both spill into bigints.
    const models = ["claude-opus-4-20250514", "claude-3-5-haiku-20241022"];
    const records = Array.from({ length: 3000 }, (_, i) => ({
      model: models[i % 2] as string,
      at: "2025-12-01",
      input: 900_000_000_000 + i * 7,
      output: 1_000 + i,
      customer: i % 3 === 0 ? "a" : "b",
    }));
    const path = join(dir, "big.jsonl");
    writeFileSync(path, records.map((r) => JSON.stringify(r)).join("\n"));
    const exact = (list: typeof records) => {
      let total = 0n;
      for (const { model, input, output } of list) {
        const [whole, frac = ""] = charge(table, model, { input, output }).usd.split(".");
        total += BigInt(whole as string) * 10n ** 12n + BigInt(frac.padEnd(12, "0"));
      }
      const text = total.toString().padStart(13, "0");
      return `${text.slice(0, -12)}.${text.slice(-12)}`.replace(/\.?0+$/, "");
    };
    const result = await cliAsync([
      "price",
      path,
      "--table",
      "anthropic",
      "--group-by",
      "customer",
      "--json",
    ]);
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    expect(report.usd).toBe(exact(records));
    expect(report.groups.map((g: { usd: string }) => g.usd)).toEqual([
      exact(records.filter((r) => r.customer === "a")),
      exact(records.filter((r) => r.customer === "b")),
    ]);
  });
});
