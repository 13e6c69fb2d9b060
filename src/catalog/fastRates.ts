import { POW10, parseScaled, pow10n } from "../money/scaled.js";
import type { RateKind, Rates } from "../schema/types.js";

/**
 * One pricing level's rates compiled once into integers at a common scale: rate = n ÷ 10^scale.
 * `-1` marks a rate the level does not have. `safe` is false when a numerator itself is not a
 * safe integer, so only the bigint path may be used.
 *
 * @internal
 */
export interface FastRates {
  readonly rates: Rates;
  readonly scale: number;
  readonly safe: boolean;
  readonly input: number;
  readonly output: number;
  readonly cachedInput: number;
  readonly cacheWrite: number;
  readonly cacheWrite1h: number;
  readonly big: Readonly<Record<RateKind, bigint>>;
  /**
   * In the order of a charge's lines — input, cachedInput, cacheWrite, cacheWrite1h, output,
   * reasoning (priced at the output rate) — the numerators (-1 where missing), as numbers and
   * bigints, and the rates as strings. Arrays, so the hot loop indexes rather than looks up keys.
   */
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
];

const KINDS: readonly RateKind[] = ["input", "output", "cachedInput", "cacheWrite", "cacheWrite1h"];

// Compiled once per rates object (models, tiers and service-tier levels are frozen objects).
const compiled = new WeakMap<Rates, FastRates>();

/** @internal */
export function fastRates(rates: Rates): FastRates {
  const cached = compiled.get(rates);
  if (cached !== undefined) return cached;
  const parsed = KINDS.map((kind) => {
    const rate = rates[kind];
    return rate === undefined ? undefined : parseScaled(rate);
  });
  const scale = Math.max(0, ...parsed.map((p) => p?.scale ?? 0));
  const big = {} as Record<RateKind, bigint>;
  const small = {} as Record<RateKind, number>;
  let safe = scale < POW10.length;
  KINDS.forEach((kind, index) => {
    const p = parsed[index];
    if (p === undefined) {
      big[kind] = -1n;
      small[kind] = -1;
      return;
    }
    const n = p.int * pow10n(scale - p.scale);
    big[kind] = n;
    small[kind] = Number(n);
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) safe = false;
  });
  const result: FastRates = Object.freeze({
    rates,
    scale,
    safe,
    ...small,
    big: Object.freeze(big),
    lineNumerators: Object.freeze(LINE_RATES.map((kind) => small[kind])),
    lineBig: Object.freeze(LINE_RATES.map((kind) => big[kind])),
    lineRates: Object.freeze(LINE_RATES.map((kind) => rates[kind])),
  });
  compiled.set(rates, result);
  return result;
}
