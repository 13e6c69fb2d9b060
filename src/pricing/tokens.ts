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

/** A non-negative safe integer, not -0: a valid token count. @internal */
export const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0);

/** An optional count: 0 when absent, -1 when present but not a valid count. @internal */
export const optionalCount = (value: unknown): number =>
  value === undefined ? 0 : isCount(value) ? value : -1;

const OPTIONAL_USAGE_KEYS = ["cachedInput", "cacheWrite", "cacheWrite1h", "reasoning"] as const;

/** How many of a usage's optional counts are present. @internal */
export function countPresent(usage: Record<string, unknown>): number {
  let present = 0;
  for (const key of OPTIONAL_USAGE_KEYS) if (usage[key] !== undefined) present += 1;
  return present;
}
