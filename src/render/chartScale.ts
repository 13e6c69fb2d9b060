import { Dec, type DecValue } from "../money/decimal.js";

/** The power of ten of a positive decimal's leading digit: 2 for 345, −3 for 0.0012. */
function magnitudeOf(value: Dec): number {
  const c = value.c < 0n ? -value.c : value.c;
  return c.toString().length - 1 + value.e;
}

/**
 * A y axis from 0 to a round maximum (1, 2 or 5 × a power of ten, times at most 5 steps) with
 * exact tick values, for any positive amount: the power of ten comes from the decimal's own
 * digits, not from a float logarithm (which is Infinity above 1.8e308).
 *
 * @internal
 */
export function chartAxis(highest: Dec): { readonly ticks: readonly Dec[]; readonly max: Dec } {
  const top = highest.isZero() || highest.isNegative() ? new Dec(1) : highest;
  const magnitude = new Dec(1n, magnitudeOf(top));
  const step =
    [1, 2, 5, 10].map((m) => magnitude.times(m)).find((candidate) => top.div(candidate).lte(5)) ??
    magnitude.times(10);
  const count = top.div(step).ceil().toNumber(); // 1 to 5
  const ticks = Array.from({ length: count + 1 }, (_, i) => step.times(i));
  return { ticks, max: step.times(count) };
}

/**
 * The pixel row of an amount on a y axis from 0 (at `bottom`) to `max` (at `bottom − height`):
 * the fraction value ÷ max is exact decimal arithmetic, and only the final coordinate becomes a
 * number, rounded to a tenth of a pixel, so any rate a table may hold gives a finite position.
 *
 * @internal
 */
export function chartY(value: DecValue, max: Dec, bottom: number, height: number): number {
  return bottom - new Dec(value).div(max).times(height).toDecimalPlaces(1).toNumber();
}
