import { type ErrorPath, type PricebookErrorCode, pricebookError } from "../errors.js";
import { Dec } from "./decimal.js";

/** A decimal amount as callers may give it: a decimal string, or a finite number. */
export type DecimalInput = string | number;

/**
 * The one decimal check of the library: a non-negative decimal string, digits with an
 * optional point and more digits. Table rates, stored amounts and every amount argument are
 * held to it (an argument may also carry a leading `-`).
 */
export const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Parses a decimal string (`"0.0000025"`, `"-3"`; no exponent, sign `+`, spaces, hex or empty
 * string) or a finite number (through its shortest round-trip form, so `0.1` is exactly
 * `"0.1"`) into the private Decimal. Anything else throws a {@link PricebookError}.
 *
 * @internal
 */
export function toDecimal(
  value: unknown,
  path: ErrorPath,
  code: PricebookErrorCode = "INVALID_AMOUNT",
): Dec {
  if (typeof value === "string") {
    if (!DECIMAL.test(value.charCodeAt(0) === 45 ? value.slice(1) : value)) {
      throw pricebookError(
        code,
        path,
        `expected a decimal string like "0.0000025", got ${JSON.stringify(value)}`,
      );
    }
    // "-0" is zero: no negative zero ever reaches a result.
    return value.startsWith("-") && /^-0+(\.0+)?$/.test(value) ? new Dec(0) : new Dec(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw pricebookError(code, path, `expected a finite number, got ${String(value)}`);
    }
    // String(n) is the shortest decimal that round-trips to n: 0.1 → "0.1", 1.5e-7 → "1.5e-7".
    return new Dec(Object.is(value, -0) ? "0" : String(value));
  }
  throw pricebookError(code, path, `expected a decimal string, got ${describe(value)}`);
}

/**
 * An amount read back from stored data (a charge's `usd`): a non-negative decimal string,
 * as the library writes them. `"NaN"`, `"1e3"`, `"0x10"`, `"-5"`, a number or nothing is an
 * `INVALID_AMOUNT` at `path`.
 *
 * @internal
 */
export function toStoredAmount(value: unknown, path: ErrorPath): Dec {
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    throw pricebookError(
      "INVALID_AMOUNT",
      path,
      `expected a stored amount, a decimal string of 0 or more like "0.064", got ${describe(value)}`,
    );
  }
  return new Dec(value);
}

/** Names a value's type for an error message without echoing large values. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return `${typeof value} ${String(value)}`;
  }
  return typeof value;
}
