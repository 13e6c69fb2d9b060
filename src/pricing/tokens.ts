import { type ErrorPath, type PricebookErrorCode, pricebookError } from "../errors.js";
import { describe } from "../money/toDecimal.js";

/**
 * A token count: a non-negative safe integer (a `number`). Returns it; anything else throws.
 * `-0`, fractions, NaN, ±Infinity, counts above 2^53 − 1, strings and other types are all
 * rejected: a count is never coerced.
 *
 * @internal
 */
export function toTokenCount(
  value: unknown,
  path: ErrorPath,
  code: PricebookErrorCode = "INVALID_USAGE",
  min = 0,
): number {
  const count =
    typeof value === "number" && Number.isSafeInteger(value) && !Object.is(value, -0)
      ? value
      : undefined;
  if (count === undefined || count < min) {
    const what =
      min > 0 ? "a positive whole number of tokens" : "a whole number of tokens, 0 or more";
    throw pricebookError(code, path, `expected ${what} (at most 2^53 − 1), got ${describe(value)}`);
  }
  return count;
}
