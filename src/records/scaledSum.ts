import { formatScaled, pow10n } from "../money/scaled.js";

/**
 * An exact running sum of scaled integers of mixed scales: the scale it first saw in two
 * fields of its own (a log's amounts mostly share a few scales, and a row at that scale touches
 * nothing else), every other scale in one `number` per scale while it stays a safe integer, and
 * bigints beyond. Memory is a few slots per scale, whatever the number of terms. @internal
 */
export interface ScaledSum {
  /** The first scale added, or -1 before any term. */
  scale: number;
  /** The running sum at `scale` (a safe integer). */
  sum: number;
  small: number[];
  big: bigint[];
}

const MAX = Number.MAX_SAFE_INTEGER;

/** @internal */
export function newScaledSum(): ScaledSum {
  // Pre-filled, so the hot path reads a packed array of numbers rather than holes.
  return { scale: -1, sum: 0, small: new Array<number>(SLOTS).fill(0), big: [] };
}

const SLOTS = 24;

/** Adds int ÷ 10^scale. @internal */
export function addScaled(sum: ScaledSum, int: number | bigint, scale: number): void {
  if (typeof int === "number") {
    if (scale === sum.scale) {
      const after = sum.sum + int;
      if (after <= MAX) {
        sum.sum = after;
        return;
      }
    } else if (sum.scale === -1) {
      sum.scale = scale;
      sum.sum = int;
      return;
    }
    const before = scale < SLOTS ? (sum.small[scale] as number) : (sum.small[scale] ?? 0);
    const after = before + int;
    if (after <= MAX) {
      sum.small[scale] = after;
      return;
    }
    sum.small[scale] = 0;
    sum.big[scale] = (sum.big[scale] ?? 0n) + BigInt(before) + BigInt(int);
    return;
  }
  sum.big[scale] = (sum.big[scale] ?? 0n) + int;
}

/** Adds a whole sum into another. @internal */
export function addSum(into: ScaledSum, from: ScaledSum): void {
  if (from.scale !== -1) addScaled(into, from.sum, from.scale);
  const length = Math.max(from.small.length, from.big.length);
  for (let scale = 0; scale < length; scale++) {
    const small = from.small[scale];
    if (small !== undefined && small !== 0) addScaled(into, small, scale);
    const big = from.big[scale];
    if (big !== undefined && big !== 0n) addScaled(into, big, scale);
  }
}

/** The sum as a plain decimal string, exact. @internal */
export function formatSum(sum: ScaledSum): string {
  const length = Math.max(sum.small.length, sum.big.length, sum.scale + 1);
  if (length === 0) return "0";
  const scale = length - 1;
  let total = 0n;
  for (let s = 0; s < length; s++) {
    const part =
      BigInt(sum.small[s] ?? 0) + (sum.big[s] ?? 0n) + (s === sum.scale ? BigInt(sum.sum) : 0n);
    if (part !== 0n) total += part * pow10n(scale - s);
  }
  return formatScaled(total, scale);
}
