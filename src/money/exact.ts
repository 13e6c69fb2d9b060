import { add, Dec, type DecValue, multiply, quotient, subtract, toDec } from "./decimal.js";

// Addition, subtraction and multiplication are exact at any length: bigints have no precision
// to exceed, and the work is proportional to the digits the operands actually have. Division
// is the one operation that may not terminate: `divide` computes the precision a terminating
// quotient needs from its operands.

/** a + b, exact at any length. @internal */
export function plus(a: DecValue, b: DecValue): Dec {
  return add(toDec(a), toDec(b));
}

/** a − b, exact at any length. @internal */
export function minus(a: DecValue, b: DecValue): Dec {
  return subtract(toDec(a), toDec(b));
}

/** a × b, exact at any length. @internal */
export function times(a: DecValue, b: DecValue): Dec {
  return multiply(toDec(a), toDec(b));
}

/** The sum of decimals, exact at any length. @internal */
export function sum(values: Iterable<DecValue>): Dec {
  let total = new Dec(0n);
  for (const value of values) total = add(total, toDec(value));
  return total;
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
export function divide(a: DecValue, b: DecValue): Dec {
  const x = toDec(a);
  const y = toDec(b);
  const needed = x.sd() + Math.ceil(y.sd() * 3.33) + 2;
  return quotient(x, y, Math.max(needed, QUOTIENT_DIGITS));
}

/** The integer part of a ÷ b (b ≠ 0), truncated towards zero, exact at any length. @internal */
export function divideToInteger(a: DecValue, b: DecValue): Dec {
  const x = toDec(a);
  const y = toDec(b);
  if (y.c === 0n) throw new Error("[Dec] division by zero");
  const shift = x.e - y.e;
  return new Dec(
    shift >= 0 ? (x.c * 10n ** BigInt(shift)) / y.c : x.c / (y.c * 10n ** BigInt(-shift)),
  );
}
