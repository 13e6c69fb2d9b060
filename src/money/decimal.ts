import Decimal from "decimal.js";

/**
 * The library's private Decimal constructor. A clone, so the caller's global decimal.js
 * settings (`Decimal.set`) are neither read nor changed. 100 significant digits hold any
 * product of a token count (≤ 2^53, 16 digits) and a rate, and any realistic sum of them,
 * exactly; only a non-terminating quotient is ever rounded, half-even, at that precision.
 * Exponents are pushed out of reach so `toFixed()`/`toString()` never give `1.5e-7`.
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
