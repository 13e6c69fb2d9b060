import type { ErrorPath } from "../errors.js";
import { formatDecimal } from "./formatDecimal.js";
import { type DecimalInput, toDecimal } from "./toDecimal.js";

/** An amount of money as the library returns it: a decimal string in plain notation. */
export type Amount = string;

/**
 * Normalises a decimal string or number into the library's amount form: plain notation,
 * trailing zeros trimmed. Throws `INVALID_AMOUNT` for anything that is not a finite decimal.
 *
 * @param value - a decimal string (`"0.0640"`) or a finite number (`1.5e-7`)
 * @param path - where the value came from, for the error
 * @returns the amount as a decimal string
 *
 * @example
 * toAmount(1.5e-7);
 * //=> "0.00000015"
 */
export function toAmount(value: DecimalInput, path: ErrorPath = []): Amount {
  return formatDecimal(toDecimal(value, path));
}
