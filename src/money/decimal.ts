import Decimal from "decimal.js";

/**
 * The library's private Decimal constructor. A clone, so the caller's global decimal.js
 * settings (`Decimal.set`) are neither read nor changed. Its precision, 100 significant digits,
 * bounds division only: sums, differences, products and roundings that must be exact at any
 * length go through `src/money/exact.ts`, and quotients through its `divide` (exact whenever
 * the quotient terminates). Exponents are pushed out of reach so `toFixed()`/`toString()`
 * never give `1.5e-7`.
 */
export const Dec = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
});

/** An instance of the private clone. */
export type Dec = Decimal;

/** Zero, shared: decimals are immutable. */
export const ZERO: Dec = new Dec(0);
