import { Dec } from "./decimal.js";
import { formatDecimal } from "./formatDecimal.js";
import { type DecimalInput, toDecimal } from "./toDecimal.js";

/** Anything with an exact `usd` amount: a quote, a charge, a workflow line. */
export interface HasUsd {
  readonly usd: string;
}

/**
 * Sums amounts exactly: decimal strings, finite numbers, or results carrying `usd` (quotes,
 * charges). A million charges of 0.00024 sum to exactly `"240"`. Nothing is rounded; round
 * the total with {@link roundAmount} if you need cents.
 *
 * @example
 * sumAmounts(["0.1", "0.2"]);
 * //=> "0.3"
 */
export function sumAmounts(amounts: Iterable<DecimalInput | HasUsd>): string {
  let total = new Dec(0);
  let index = 0;
  for (const amount of amounts) {
    const value =
      typeof amount === "object" && amount !== null
        ? toDecimal(amount.usd, [index, "usd"])
        : toDecimal(amount, [index]);
    total = total.plus(value);
    index += 1;
  }
  return formatDecimal(total);
}
