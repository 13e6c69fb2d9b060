import type { Dec } from "../money/decimal.js";
import { minus, plus, times } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { formatScaled, parseScaled, pow10n } from "../money/scaled.js";
import type { PricingTable } from "../schema/types.js";

/** The stated uncertainty around an estimate: `usd × (1 − band)` to `usd × (1 + band)`. */
export interface Band {
  readonly low: string;
  readonly high: string;
}

/** @internal the band around an exact amount, or null when the table states none. */
export function bandAround(table: PricingTable, usd: Dec): Band | null {
  if (table.band === null) return null;
  const fraction = table.band;
  return Object.freeze({
    low: formatDecimal(times(usd, minus(1, fraction))),
    high: formatDecimal(times(usd, plus(1, fraction))),
  });
}

/** A band's 1 − band and 1 + band as integers over 10^scale, compiled once per band. */
export interface BandFactors {
  readonly scale: number;
  readonly low: bigint;
  readonly high: bigint;
  readonly lowNumber: number;
  readonly highNumber: number;
}

const bandFactors = new Map<string, BandFactors>();

/** @internal */
export function factorsOf(band: string): BandFactors {
  let factors = bandFactors.get(band);
  if (factors === undefined) {
    const { int, scale } = parseScaled(band);
    const one = pow10n(scale);
    factors = {
      scale,
      low: one - int,
      high: one + int,
      lowNumber: Number(one - int),
      highNumber: Number(one + int),
    };
    bandFactors.set(band, factors);
  }
  return factors;
}

/**
 * {@link bandAround} of an amount held as a scaled integer (int ÷ 10^scale): the same strings,
 * in integer arithmetic (`number` while safe, bigint beyond).
 *
 * @internal
 */
export function bandAroundScaled(
  table: PricingTable,
  int: number | bigint,
  scale: number,
): Band | null {
  if (table.band === null) return null;
  return bandWithFactors(factorsOf(table.band), int, scale);
}

/** {@link bandAroundScaled} with the band's factors already looked up. @internal */
export function bandWithFactors(factors: BandFactors, int: number | bigint, scale: number): Band {
  const at = scale + factors.scale;
  if (typeof int === "number" && factors.highNumber <= Number.MAX_SAFE_INTEGER) {
    const high = int * factors.highNumber;
    if (high <= Number.MAX_SAFE_INTEGER) {
      return Object.freeze({
        low: formatScaled(int * factors.lowNumber, at),
        high: formatScaled(high, at),
      });
    }
  }
  const big = BigInt(int);
  return Object.freeze({
    low: formatScaled(big * factors.low, at),
    high: formatScaled(big * factors.high, at),
  });
}
