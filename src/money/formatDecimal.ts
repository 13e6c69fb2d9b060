import type { Dec } from "./decimal.js";

/**
 * A decimal in plain notation (`"0.00000015"`, never `"1.5e-7"`), trailing zeros trimmed,
 * or with exactly `scale` decimal places when a scale is given (the value must already have
 * been rounded to it). Negative zero prints as `"0"`.
 *
 * @internal
 */
export function formatDecimal(value: Dec, scale?: number): string {
  const text = scale === undefined ? value.toFixed() : value.toFixed(scale);
  return value.isZero() && text.startsWith("-") ? text.slice(1) : text;
}
