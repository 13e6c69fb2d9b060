// npm run bench: llm-pricebook beside float arithmetic, naive decimal.js and the peers
// (@pydantic/genai-prices calcPrice, tokenlens getTokenCosts), on the same usage records, in one
// run. Before timing, every llm-pricebook answer is checked against decimal.js.
import { cpus } from "node:os";
import { calcPrice } from "@pydantic/genai-prices";
import Decimal from "decimal.js";
import { bench, do_not_optimize, run } from "mitata";
import { getTokenCosts } from "tokenlens";
import {
  builtinPricebook,
  type Charge,
  charge,
  chargeUsd,
  quote,
  sumAmounts,
  tableAsOf,
} from "../src/index.js";

const MODEL = "gpt-4o-mini";
const RATES = { input: "0.00000015", output: "0.0000006" }; // openai table: 0.15 / 0.60 per 1M
const openai = tableAsOf(builtinPricebook(), "openai", { asOf: "2025-07-01" });
const byok = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2025-07-01" });
const variants = Object.keys(byok.variants);

// 1024 usage records, the same for every contender.
const records = Array.from({ length: 1024 }, (_, i) => ({
  input: 200 + ((i * 7919) % 60_000),
  output: 20 + ((i * 104_729) % 8_000),
}));

// --- correctness first: exact answers, or no timing at all --------------------------------
const D = Decimal.clone({ precision: 100 });
const exact = (r: { input: number; output: number }) =>
  new D(r.input).times(RATES.input).plus(new D(r.output).times(RATES.output)).toFixed();
for (const r of records) {
  const want = exact(r);
  const full = charge(openai, MODEL, r);
  if (full.usd !== want || chargeUsd(openai, MODEL, r) !== want) {
    throw new Error(`charge(${JSON.stringify(r)}) = ${full.usd}, expected ${want}`);
  }
}
for (const id of variants) {
  const v = byok.variants[id];
  const m = v && byok.models[v.model];
  if (!v || !m) throw new Error(id);
  const want = new D(v.reserved.input)
    .times(m.input)
    .plus(new D(v.reserved.output).times(m.output))
    .toFixed();
  if (quote(byok, id).usd !== want)
    throw new Error(`quote(${id}) = ${quote(byok, id).usd}, expected ${want}`);
}
const MILLION = 1_000_000;
const pool: Charge[] = records.map((r) => charge(openai, MODEL, r));
const million: Charge[] = Array.from({ length: MILLION }, (_, i) => pool[i & 1023] as Charge);
const expectedSum = million.reduce((sum, c) => sum.plus(c.usd), new D(0)).toFixed();
if (sumAmounts(million) !== expectedSum)
  throw new Error(`sumAmounts = ${sumAmounts(million)}, expected ${expectedSum}`);
const floatSum = million.reduce((sum, c) => sum + Number(c.usd), 0);
const floats = Float64Array.from(million, (c) => Number(c.usd));
const peerSample = calcPrice({ input_tokens: 2800, output_tokens: 1200 }, MODEL, {
  providerId: "openai",
});
console.log(
  `checked: ${records.length} charges and ${variants.length} quotes equal decimal.js; sum of ${MILLION} charges = ${expectedSum} exactly`,
);
console.log(
  `  (the same sum in floats: ${floatSum}; genai-prices for 2800/1200 tokens: ${peerSample?.total_price}; llm-pricebook: ${chargeUsd(openai, MODEL, { input: 2800, output: 1200 })})`,
);

// --- timing ---------------------------------------------------------------------------------
let k = 0;
const next = () => records[k++ & 1023] as { input: number; output: number };
const IN = 0.15e-6;
const OUT = 0.6e-6;
const names = {
  float: "float multiply-add (inexact floor)",
  decimal: "naive decimal.js (tokens × rate)",
  genai: "@pydantic/genai-prices calcPrice",
  tokenlens: "tokenlens getTokenCosts",
  chargeUsd: "llm-pricebook chargeUsd (by name)",
  charge: "llm-pricebook charge (itemized)",
  quote: "llm-pricebook quote (variant)",
  sumExact: "llm-pricebook sumAmounts, 1M charges",
  sumFloat: "float loop, Number(charge.usd), 1M charges",
  sumFloor: "float loop over a Float64Array, 1M",
} as const;

bench(names.float, () => {
  const r = next();
  return r.input * IN + r.output * OUT;
});
bench(names.decimal, () => {
  const r = next();
  return new Decimal(r.input)
    .times(RATES.input)
    .plus(new Decimal(r.output).times(RATES.output))
    .toFixed();
});
bench(names.genai, () => {
  const r = next();
  return calcPrice({ input_tokens: r.input, output_tokens: r.output }, MODEL, {
    providerId: "openai",
  });
});
bench(names.tokenlens, () => {
  const r = next();
  return getTokenCosts({
    modelId: `openai:${MODEL}`,
    usage: { input_tokens: r.input, output_tokens: r.output },
  });
});
bench(names.chargeUsd, () => chargeUsd(openai, MODEL, next()));
bench(names.charge, () => charge(openai, MODEL, next()));
bench(names.quote, () => quote(byok, variants[k++ % variants.length] as string));
bench(names.sumExact, () => do_not_optimize(sumAmounts(million)));
bench(names.sumFloat, () => {
  let total = 0;
  for (let i = 0; i < million.length; i++) total += Number((million[i] as Charge).usd);
  return do_not_optimize(total);
});
bench(names.sumFloor, () => {
  let total = 0;
  for (let i = 0; i < floats.length; i++) total += floats[i] as number;
  return do_not_optimize(total);
});

const { benchmarks } = await run({ format: "quiet" });
const median = new Map<string, number>();
for (const trial of benchmarks) {
  const stats = trial.runs[0]?.stats;
  if (stats) median.set(trial.alias, stats.p50);
}
const ns = (name: string) => median.get(name) ?? Number.NaN;
const fmt = (value: number) =>
  value >= 1e6
    ? `${(value / 1e6).toFixed(2)} ms`
    : value >= 1e3
      ? `${(value / 1e3).toFixed(2)} µs`
      : `${value.toFixed(1)} ns`;
const rows = Object.values(names).map(
  (name) =>
    `| ${name} | ${fmt(ns(name))} | ${Math.round(1e9 / ns(name)).toLocaleString("en-US")} |`,
);
const ratio = (slow: string, fast: string) => ns(slow) / ns(fast);
const targets = [
  ["chargeUsd by name vs genai-prices calcPrice", ratio(names.genai, names.chargeUsd), 50],
  ["chargeUsd by name vs tokenlens getTokenCosts", ratio(names.tokenlens, names.chargeUsd), 100],
  ["charge (itemized) vs genai-prices calcPrice", ratio(names.genai, names.charge), 0],
  ["charge (itemized) vs tokenlens getTokenCosts", ratio(names.tokenlens, names.charge), 0],
  ["quote vs genai-prices calcPrice", ratio(names.genai, names.quote), 200],
  [
    "exact sum of 1M charges ÷ float loop over the same charges",
    ratio(names.sumExact, names.sumFloat),
    -10,
  ],
  [
    "exact sum of 1M charges ÷ float loop over a Float64Array",
    ratio(names.sumExact, names.sumFloor),
    0,
  ],
] as const;

console.log(
  `\nmachine: ${cpus()[0]?.model ?? "unknown"} × ${cpus().length}, Node ${process.version}; median time per call\n`,
);
console.log("| contender | time / op | ops/s |\n|---|---:|---:|");
console.log(rows.join("\n"));
console.log("\n| ratio (same run) | value | target |\n|---|---:|---|");
let missed = 0;
for (const [label, value, target] of targets) {
  const goal = target > 0 ? `≥ ${target}×` : target < 0 ? `≤ ${-target}×` : "(reported)";
  const met = target === 0 ? "" : (target > 0 ? value >= target : value <= -target) ? " ✓" : " ✗";
  if (met === " ✗") missed += 1;
  console.log(`| ${label} | ${value.toFixed(1)}× | ${goal}${met} |`);
}
if (process.argv.includes("--strict") && missed > 0) process.exit(1);
