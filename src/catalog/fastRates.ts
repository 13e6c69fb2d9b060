import { POW10, parseScaled, pow10n } from "../money/scaled.js";
import type { RateKind, Rates } from "../schema/types.js";

/**
 * One pricing level's rates compiled once into integers at a common scale: rate = n ÷ 10^scale,
 * laid out in the order of a charge's lines — input, cachedInput, cacheWrite, cacheWrite1h,
 * output, reasoning (priced at the output rate), then the other modalities: audioInput,
 * imageInput, audioOutput and webSearch (per call) — so the hot loop indexes arrays rather than
 * looking up keys. `-1` marks a rate the level does not have; `safe` is false when a numerator
 * is not itself a safe integer, so only the bigint path may be used.
 *
 * @internal
 */
export interface FastRates {
  readonly scale: number;
  readonly safe: boolean;
  readonly lineNumerators: readonly number[];
  readonly lineBig: readonly bigint[];
  readonly lineRates: readonly (string | undefined)[];
}

/** The rate kind each charge line is priced at, in line order. */
const LINE_RATES: readonly RateKind[] = [
  "input",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "output",
  "output",
  "audioInput",
  "imageInput",
  "audioOutput",
  "webSearch",
];

// Compiled once per rates object (models, tiers and service-tier levels are frozen objects).
const compiled = new WeakMap<Rates, FastRates>();

// The rates asked for last: a run of calls on one model skips the WeakMap.
let lastRates: Rates | undefined;
let lastFast: FastRates | undefined;

/** @internal */
export function fastRates(rates: Rates): FastRates {
  if (rates === lastRates) return lastFast as FastRates;
  const cached = compiled.get(rates) ?? compile(rates);
  lastRates = rates;
  lastFast = cached;
  return cached;
}

function compile(rates: Rates): FastRates {
  const parsed = LINE_RATES.map((kind) => {
    const rate = rates[kind];
    return rate === undefined ? undefined : parseScaled(rate);
  });
  const scale = Math.max(0, ...parsed.map((p) => p?.scale ?? 0));
  const lineBig = parsed.map((p) => (p === undefined ? -1n : p.int * pow10n(scale - p.scale)));
  const safe = scale < POW10.length && lineBig.every((n) => n <= BigInt(Number.MAX_SAFE_INTEGER));
  const result: FastRates = Object.freeze({
    scale,
    safe,
    // Not frozen: internal, never handed out, and read on every charge (a frozen array's
    // elements load more slowly in optimized code).
    lineNumerators: lineBig.map((n) => Number(n)),
    lineBig: Object.freeze(lineBig),
    lineRates: LINE_RATES.map((kind) => rates[kind]),
  });
  compiled.set(rates, result);
  return result;
}
