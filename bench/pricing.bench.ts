// npm run bench: llm-pricebook beside float arithmetic, naive decimal.js and the two peers
// (@pydantic/genai-prices calcPrice, tokenlens getTokenCosts), all in this one process, on the
// same 1,024 gpt-4o-mini usage records, a third of them with cached input. Every answer is
// checked against decimal.js before timing; every timed result is kept in a sink that is
// checked after timing. Timing is by blocks of ~10 ms (bench/blocks.ts), so each contender pays
// for its own garbage. `--strict` exits 1 on a missed target; `--write` puts the tables into
// docs/performance.md between its `bench:pricing` markers.
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { calcPrice } from "@pydantic/genai-prices";
import Decimal from "decimal.js";
import { getTokenCosts } from "tokenlens";
import {
  builtinPricebook,
  type Charge,
  charge,
  chargeUsd,
  type Quote,
  quote,
  sumAmounts,
  tableAsOf,
  type Usage,
} from "../src/index.js";
import {
  type Contender,
  formatNs,
  type Timing,
  timeBlocks,
  writeBetweenMarkers,
} from "./blocks.js";

const MODEL = "gpt-4o-mini";
// openai table, gpt-4o-mini: 0.15 / 0.075 (cached) / 0.60 per million tokens.
const RATE = { input: "0.00000015", cachedInput: "0.000000075", output: "0.0000006" };
const FLOAT = { input: 0.15e-6, cachedInput: 0.075e-6, output: 0.6e-6 };
const pricebook = builtinPricebook();
const openai = tableAsOf(pricebook, "openai", { asOf: "2025-07-01" });
const byok = tableAsOf(pricebook, "gpt-trainer-byok", { asOf: "2025-07-01" });
const anthropic = tableAsOf(pricebook, "anthropic", { asOf: "2025-09-01" });
const variants = Object.keys(byok.variants);
const N = 1024;
const MASK = N - 1;

// --- the workload: 1,024 records, every third with cached input -----------------------------
interface Rec {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number;
}
const records: Rec[] = Array.from({ length: N }, (_, i) => {
  const input = 200 + ((i * 7919) % 60_000);
  const output = 20 + ((i * 104_729) % 8_000);
  return i % 3 === 0
    ? { input, output, cachedInput: Math.floor((input * ((i % 7) + 1)) / 8) }
    : { input, output };
});
// The same records in each peer's own usage shape, made before timing.
const genaiUsage = records.map((r) =>
  r.cachedInput === undefined
    ? { input_tokens: r.input, output_tokens: r.output }
    : { input_tokens: r.input, output_tokens: r.output, cache_read_tokens: r.cachedInput },
);
const tokenlensUsage = genaiUsage;
// Cache reads, cache writes (5-minute and 1-hour) and reasoning, on a model without tiers.
const anthropicRecords: Usage[] = records.map((r, i) => ({
  input: r.input,
  output: r.output,
  cachedInput: Math.floor(r.input / 4),
  cacheWrite: Math.floor(r.input / 8),
  cacheWrite1h: i % 2 === 0 ? Math.floor(r.input / 16) : 0,
  reasoning: Math.floor(r.output / 2),
}));

// --- correctness first: exact answers, or no timing at all ------------------------------------
const D = Decimal.clone({ precision: 100 });
const exact = (r: Rec) => {
  const cached = r.cachedInput ?? 0;
  return new D(r.input - cached)
    .times(RATE.input)
    .plus(new D(cached).times(RATE.cachedInput))
    .plus(new D(r.output).times(RATE.output))
    .toFixed();
};
const expected = records.map(exact);
records.forEach((r, i) => {
  const full = charge(openai, MODEL, r);
  if (full.usd !== expected[i] || chargeUsd(openai, MODEL, r) !== expected[i])
    throw new Error(`charge(${JSON.stringify(r)}) = ${full.usd}, expected ${expected[i]}`);
  const lines = full.lines.reduce((sum, line) => sum.plus(line.usd), new D(0)).toFixed();
  if (lines !== expected[i]) throw new Error(`lines of ${JSON.stringify(r)} sum to ${lines}`);
});
const sonnet = anthropic.models["claude-3-7-sonnet-20250219"];
if (!sonnet) throw new Error("claude-3-7-sonnet-20250219");
const anthropicExpected = anthropicRecords.map((u) => {
  const [cached, write, write1h] = [u.cachedInput ?? 0, u.cacheWrite ?? 0, u.cacheWrite1h ?? 0];
  return new D((u.input as number) - cached - write - write1h)
    .times(sonnet.input)
    .plus(new D(cached).times(sonnet.cachedInput as string))
    .plus(new D(write).times(sonnet.cacheWrite as string))
    .plus(new D(write1h).times(sonnet.cacheWrite1h as string))
    .plus(new D(u.output as number).times(sonnet.output))
    .toFixed();
});
anthropicRecords.forEach((u, i) => {
  const got = chargeUsd(anthropic, "claude-3-7-sonnet-20250219", u);
  if (
    got !== anthropicExpected[i] ||
    charge(anthropic, "claude-3-7-sonnet-20250219", u).usd !== got
  )
    throw new Error(`claude-3-7-sonnet ${JSON.stringify(u)} = ${got}`);
});
const mini = byok.models[MODEL];
if (!mini || byok.credits === null || byok.band === null) throw new Error(MODEL);
const windowUsd = (r: Rec, m: { input: string; output: string } = mini) =>
  new D(r.input).times(m.input).plus(new D(r.output).times(m.output));
const quoteExpected = records.map((r) => {
  const usd = windowUsd(r);
  return `${usd.toFixed()} ${usd.div(byok.credits?.unitPrice as string).toFixed()} ${usd.times(new D(1).minus(byok.band as string)).toFixed()}`;
});
records.forEach((r, i) => {
  const q = quote(byok, MODEL, { window: { input: r.input, output: r.output } });
  const got = `${q.usd} ${q.credits?.estimated} ${q.band?.low}`;
  if (got !== quoteExpected[i]) throw new Error(`quote window ${JSON.stringify(r)} = ${got}`);
});
for (const id of variants) {
  const v = byok.variants[id];
  const m = v && byok.models[v.model];
  if (!v || !m) throw new Error(id);
  const want = windowUsd(v.reserved, m).toFixed();
  if (quote(byok, id).usd !== want) throw new Error(`quote(${id}) = ${quote(byok, id).usd}`);
}

const MILLION = 1_000_000;
const pool: Charge[] = records.map((r) => charge(openai, MODEL, r));
const million: Charge[] = Array.from({ length: MILLION }, (_, i) => pool[i & MASK] as Charge);
const millionStrings: string[] = Array.from(
  { length: MILLION },
  (_, i) => chargeUsd(openai, MODEL, records[i & MASK] as Rec) as string,
);
const expectedSum = million.reduce((sum, c) => sum.plus(c.usd), new D(0)).toFixed();
if (sumAmounts(million) !== expectedSum || sumAmounts(millionStrings) !== expectedSum)
  throw new Error(`sumAmounts = ${sumAmounts(million)}, expected ${expectedSum}`);
const floats = Float64Array.from(million, (c) => Number(c.usd));
let floatSum = 0;
for (let i = 0; i < floats.length; i++) floatSum += floats[i] as number;

// --- the contenders -----------------------------------------------------------------------
/** A contender of one call per record, its results kept in a 1,024-slot sink. */
function perRecord<T>(name: string, call: (i: number) => T, ok: (got: T, i: number) => boolean) {
  const sink: T[] = new Array(N);
  return {
    name,
    minCalls: N,
    block(calls: number) {
      for (let j = 0; j < calls; j++) {
        const i = j & MASK;
        sink[i] = call(i);
      }
    },
    check() {
      for (let i = 0; i < N; i++)
        if (!ok(sink[i] as T, i))
          throw new Error(
            `${name}: wrong result for record ${i}: ${String(sink[i])} (${expected[i]})`,
          );
    },
  } satisfies Contender;
}
/** A contender of one whole sum per call. */
function perSum<T>(name: string, sum: () => T, ok: (got: T) => boolean): Contender {
  let sink: T | undefined;
  return {
    name,
    block(calls: number) {
      for (let j = 0; j < calls; j++) sink = sum();
    },
    check() {
      if (!ok(sink as T)) throw new Error(`${name}: wrong sum ${String(sink)}`);
    },
  };
}
const close = (a: number | undefined, want: string) =>
  typeof a === "number" && Math.abs(a - Number(want)) <= 1e-12 * Math.max(1, Number(want));

const floatFloor = (() => {
  const sink = new Float64Array(N);
  return {
    name: "float multiply-add (inexact floor)",
    minCalls: N,
    block(calls: number) {
      for (let j = 0; j < calls; j++) {
        const i = j & MASK;
        const r = records[i] as Rec;
        const cached = r.cachedInput ?? 0;
        sink[i] =
          (r.input - cached) * FLOAT.input + cached * FLOAT.cachedInput + r.output * FLOAT.output;
      }
    },
    check() {
      for (let i = 0; i < N; i++)
        if (!close(sink[i], expected[i] as string)) throw new Error(`float floor ${i}`);
    },
  } satisfies Contender;
})();

const names = {
  float: floatFloor.name,
  decimal: "naive decimal.js (tokens × rate)",
  genai: "genai-prices calcPrice",
  tokenlens: "tokenlens getTokenCosts",
  chargeUsd: "llm-pricebook chargeUsd",
  charge: "llm-pricebook charge (itemized, frozen)",
  quote: "llm-pricebook quote, model + window (computed)",
  variant: "llm-pricebook quote, variant (cache hit: memoized per table)",
  anthropic: "llm-pricebook chargeUsd, cache reads + writes + reasoning (claude-3-7-sonnet)",
  sumCharges: "llm-pricebook sumAmounts, 1M charges",
  sumStrings: "llm-pricebook sumAmounts, 1M chargeUsd strings",
  sumNumber: "float loop, Number(charge.usd), 1M charges",
  sumFloor: "float loop over a Float64Array, 1M",
} as const;

const contenders: Contender[] = [
  floatFloor,
  perRecord(
    names.decimal,
    (i) => {
      const r = records[i] as Rec;
      const cached = r.cachedInput ?? 0;
      return new Decimal(r.input - cached)
        .times(RATE.input)
        .plus(new Decimal(cached).times(RATE.cachedInput))
        .plus(new Decimal(r.output).times(RATE.output))
        .toFixed();
    },
    // decimal.js's default 20 significant digits: close to the exact answer, not always equal.
    (got, i) => close(Number(got), expected[i] as string),
  ),
  perRecord(
    names.genai,
    (i) => calcPrice(genaiUsage[i] as never, MODEL, { providerId: "openai" }),
    (got, i) => close(got?.total_price, expected[i] as string),
  ),
  perRecord(
    names.tokenlens,
    (i) => getTokenCosts({ modelId: `openai:${MODEL}`, usage: tokenlensUsage[i] as never }),
    (got) => typeof got.totalUSD === "number" && got.totalUSD > 0,
  ),
  perRecord(
    names.chargeUsd,
    (i) => chargeUsd(openai, MODEL, records[i] as Rec),
    (got, i) => got === expected[i],
  ),
  perRecord(
    names.charge,
    (i) => charge(openai, MODEL, records[i] as Rec),
    (got, i) => got.usd === expected[i] && Object.isFrozen(got) && Object.isFrozen(got.lines[0]),
  ),
  perRecord(
    names.quote,
    (i) => {
      const r = records[i] as Rec;
      return quote(byok, MODEL, { window: { input: r.input, output: r.output } });
    },
    (got: Quote, i) =>
      `${got.usd} ${got.credits?.estimated} ${got.band?.low}` === quoteExpected[i] &&
      Object.isFrozen(got),
  ),
  perRecord(
    names.variant,
    (i) => quote(byok, variants[i % variants.length] as string),
    (got, i) => got.variant === variants[i % variants.length],
  ),
  perRecord(
    names.anthropic,
    (i) => chargeUsd(anthropic, "claude-3-7-sonnet-20250219", anthropicRecords[i] as Usage),
    (got, i) => got === anthropicExpected[i],
  ),
  perSum(
    names.sumCharges,
    () => sumAmounts(million),
    (got) => got === expectedSum,
  ),
  perSum(
    names.sumStrings,
    () => sumAmounts(millionStrings),
    (got) => got === expectedSum,
  ),
  perSum(
    names.sumNumber,
    () => {
      let total = 0;
      for (let i = 0; i < million.length; i++) total += Number((million[i] as Charge).usd);
      return total;
    },
    (got) => got === floatSum,
  ),
  perSum(
    names.sumFloor,
    () => {
      let total = 0;
      for (let i = 0; i < floats.length; i++) total += floats[i] as number;
      return total;
    },
    (got) => got === floatSum,
  ),
];

const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const rounds = Number(process.argv.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 41);
const timings = timeBlocks(
  only === undefined ? contenders : contenders.filter((c) => c.name.includes(only)),
  { rounds },
);
const byName = new Map<string, Timing>(timings.map((t) => [t.name, t]));
const ns = (name: string) => byName.get(name)?.median ?? Number.NaN;

// --- the report ---------------------------------------------------------------------------
const cpu = cpus();
const out: string[] = [];
out.push(
  `Run on ${new Date().toISOString().slice(0, 10)}: ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform}, Node ${process.version}. ${rounds} timed blocks of ~10 ms per contender, round-robin.`,
  "",
  "| contender | median / call | p25–p75 | mean | calls / block |",
  "|---|---:|---:|---:|---:|",
);
for (const t of timings)
  out.push(
    `| ${t.name} | ${formatNs(t.median)} | ${formatNs(t.p25)}–${formatNs(t.p75)} | ${formatNs(t.mean)} | ${t.calls.toLocaleString("en-US")} |`,
  );
const ratio = (slow: string, fast: string) => ns(slow) / ns(fast);
const targets: [string, number, number][] = [
  ["calcPrice ÷ chargeUsd", ratio(names.genai, names.chargeUsd), 150],
  ["tokenlens ÷ chargeUsd", ratio(names.tokenlens, names.chargeUsd), 100],
  ["calcPrice ÷ charge (itemized, frozen)", ratio(names.genai, names.charge), 50],
  ["tokenlens ÷ charge (itemized, frozen)", ratio(names.tokenlens, names.charge), 0],
  ["calcPrice ÷ quote, model + window (computed)", ratio(names.genai, names.quote), 100],
  [
    "calcPrice ÷ quote, variant (a cache hit, not a computation)",
    ratio(names.genai, names.variant),
    0,
  ],
  ["sumAmounts of 1M charges ÷ Float64Array loop", ratio(names.sumCharges, names.sumFloor), -10],
  [
    "sumAmounts of 1M chargeUsd strings ÷ Float64Array loop",
    ratio(names.sumStrings, names.sumFloor),
    0,
  ],
  [
    "sumAmounts of 1M charges ÷ Number(charge.usd) loop",
    ratio(names.sumCharges, names.sumNumber),
    0,
  ],
];
out.push("", "| ratio of medians (same run) | value | target |", "|---|---:|---|");
let missed = 0;
for (const [label, value, target] of targets) {
  if (Number.isNaN(value)) continue;
  const goal = target > 0 ? `≥ ${target}×` : target < 0 ? `≤ ${-target}×` : "(reported)";
  const met = target === 0 ? "" : (target > 0 ? value >= target : value <= -target) ? " ✓" : " ✗";
  if (met === " ✗") missed += 1;
  out.push(`| ${label} | ${value.toFixed(1)}× | ${goal}${met} |`);
}
out.push("", `The million charges sum to exactly \`${expectedSum}\`; in floats, \`${floatSum}\`.`);
const report = out.join("\n");
console.log(report);
if (process.argv.includes("--write")) {
  const doc = fileURLToPath(new URL("../docs/performance.md", import.meta.url));
  await writeBetweenMarkers(doc, "bench:pricing", report);
  console.log(`\nwritten to ${doc}`);
}
if (process.argv.includes("--strict") && missed > 0) process.exit(1);
