import { assertTable } from "../catalog/assertTable.js";
import { pricebookError } from "../errors.js";
import { divide, times } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { type DecimalInput, toDecimal } from "../money/toDecimal.js";
import type { Credits, PricingTable } from "../schema/types.js";

/** @internal the table's credit currency, or INVALID_ARGUMENT when it has none. */
export function creditsOf(table: PricingTable): Credits {
  assertTable(table);
  if (table.credits === null) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["table", "credits"],
      `${table.id}@${table.version} has no credit currency`,
    );
  }
  return table.credits;
}

/**
 * Converts USD to the table's credits at its unit price, exactly and unrounded:
 * `usd ÷ unitPrice`. The quotient is exact whenever it terminates, which it always does for a
 * unit price whose digits divide a power of ten (0.0032 does), at any length; a
 * non-terminating quotient is given to at least 100 significant digits, rounded half-even.
 *
 * @example
 * creditsFromUsd(table, "0.019");
 * //=> "5.9375"
 */
export function creditsFromUsd(table: PricingTable, usd: DecimalInput): string {
  const credits = creditsOf(table);
  return formatDecimal(divide(toDecimal(usd, ["usd"]), credits.unitPrice));
}

/**
 * Converts credits to USD at the table's unit price: `credits × unitPrice`, exact.
 *
 * @example
 * usdFromCredits(table, "20");
 * //=> "0.064"
 */
export function usdFromCredits(table: PricingTable, credits: DecimalInput): string {
  const unit = creditsOf(table);
  return formatDecimal(times(toDecimal(credits, ["credits"]), unit.unitPrice));
}
