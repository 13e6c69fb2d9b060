import { pricebookError } from "../errors.js";
import { Dec } from "./decimal.js";
import { plus } from "./exact.js";
import { formatDecimal } from "./formatDecimal.js";
import { formatScaled, POW10 } from "./scaled.js";
import { type DecimalInput, toDecimal } from "./toDecimal.js";

/** Anything with an exact `usd` amount: a quote, a charge, a workflow line. */
export interface HasUsd {
  readonly usd: string;
}

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Sums amounts exactly: decimal strings, finite numbers, or results carrying `usd` (quotes,
 * charges). A million charges of 0.00024 sum to exactly `"240"`. Nothing is rounded; round
 * the total with {@link roundAmount} if you need cents.
 *
 * Decimal strings are added as scaled integers while the running total stays a safe integer,
 * and in decimal.js beyond; the result is the same either way.
 *
 * @example
 * sumAmounts(["0.1", "0.2"]);
 * //=> "0.3"
 */
export function sumAmounts(amounts: Iterable<DecimalInput | HasUsd>): string {
  if (amounts === null || typeof amounts !== "object" || !(Symbol.iterator in amounts)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["amounts"],
      "expected an array (or other iterable) of amounts",
    );
  }
  let total = 0;
  let scale = 0;
  let slow: Dec | null = null;
  let index = 0;
  for (const amount of amounts) {
    const text =
      typeof amount === "string"
        ? amount
        : typeof amount === "object" && amount !== null
          ? amount.usd
          : undefined;
    if (slow === null && typeof text === "string") {
      // Parse -?digits(.digits)? into (int, places) while it stays safe; else take the slow path.
      let int = 0;
      let places = -1;
      let digits = 0;
      let i = text.charCodeAt(0) === 45 ? 1 : 0;
      const negative = i === 1;
      let ok = text.length > i;
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          int = int * 10 + (c - 48);
          digits += 1;
          if (places >= 0) places += 1;
        } else if (c === 46 && places === -1 && digits > 0) {
          places = 0;
        } else {
          ok = false;
          break;
        }
      }
      if (places === 0) ok = false;
      if (ok && digits <= 15) {
        if (places < 0) places = 0;
        let value = negative ? -int : int;
        let next = total;
        let nextScale = scale;
        if (places > scale) {
          next = total * (POW10[places - scale] as number);
          nextScale = places;
        } else if (places < scale) {
          value *= POW10[scale - places] as number;
        }
        const sum = next + value;
        if (
          nextScale < POW10.length &&
          Math.abs(next) <= MAX &&
          Math.abs(value) <= MAX &&
          Math.abs(sum) <= MAX
        ) {
          total = sum;
          scale = nextScale;
          index += 1;
          continue;
        }
      }
      slow = new Dec(formatScaled(total, scale));
    }
    if (slow === null) slow = new Dec(formatScaled(total, scale));
    const value =
      typeof amount === "object" && amount !== null
        ? toDecimal((amount as HasUsd).usd, [index, "usd"])
        : toDecimal(amount, [index]);
    slow = plus(slow, value);
    index += 1;
  }
  return slow === null ? formatScaled(total, scale) : formatDecimal(slow);
}
