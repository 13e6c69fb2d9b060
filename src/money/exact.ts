import Decimal from "decimal.js";
import { Dec } from "./decimal.js";

// Addition, subtraction and multiplication are exact at any length: they run in a clone whose
// precision (decimal.js's maximum, 1e9 significant digits) no finite input reaches, and the
// work is proportional to the digits the operands actually have. Division is the one
// operation that may not terminate, so it never runs in that clone (a non-terminating
// quotient would be computed to a billion digits): `divide` computes the precision a
// terminating quotient needs from its operands. Results come back as the library's `Dec`, so
// a later `.div` elsewhere can never inherit the huge precision.
const Exact = Decimal.clone({
  precision: 1e9,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
});

type Operand = Dec | string | number;

/** a + b, exact at any length. @internal */
export function plus(a: Operand, b: Operand): Dec {
  return new Dec(new Exact(a).plus(b));
}

/** a − b, exact at any length. @internal */
export function minus(a: Operand, b: Operand): Dec {
  return new Dec(new Exact(a).minus(b));
}

/** a × b, exact at any length. @internal */
export function times(a: Operand, b: Operand): Dec {
  return new Dec(new Exact(a).times(b));
}

/** The sum of decimals, exact at any length. @internal */
export function sum(values: Iterable<Operand>): Dec {
  let total = new Exact(0);
  for (const value of values) total = total.plus(value);
  return new Dec(total);
}

/** The least precision of a quotient: non-terminating quotients get this many digits. */
export const QUOTIENT_DIGITS = 100;

/**
 * a ÷ b (b ≠ 0): exact whenever the quotient terminates, whatever the operands' length; a
 * quotient that does not terminate is rounded half-even to max(100, the digits a terminating
 * one could need) significant digits. A terminating a ÷ b has at most sd(a) + log2(b's
 * digits' integer) < sd(a) + 3.33 × sd(b) significant digits, so that is the precision used.
 *
 * @internal
 */
export function divide(a: Operand, b: Operand): Dec {
  const x = new Dec(a);
  const y = new Dec(b);
  const needed = x.sd() + Math.ceil(y.sd() * 3.33) + 2;
  const Quotient = needed <= QUOTIENT_DIGITS ? Dec : Dec.clone({ precision: needed });
  return new Dec(new Quotient(x).div(y));
}

/** The integer part of a ÷ b (b ≠ 0), truncated towards zero, exact at any length. @internal */
export function divideToInteger(a: Operand, b: Operand): Dec {
  return new Dec(new Exact(a).divToInt(b));
}
