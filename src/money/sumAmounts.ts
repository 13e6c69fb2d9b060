import { pricebookError } from "../errors.js";
import { Dec } from "./decimal.js";
import { plus } from "./exact.js";
import { exactInt, exactScale, STAMPED_RUN, sumStamped } from "./exactUsd.js";
import { formatDecimal } from "./formatDecimal.js";
import { formatScaled, POW10, pow10n } from "./scaled.js";
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
 * and in the exact decimal beyond; the result is the same either way.
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
  // The exact partial sum is (carry + total) ÷ 10^scale: `total` a safe integer, `carry` the
  // bigint it spills into when it would stop being one.
  let total = 0;
  let carry = 0n;
  let scale = 0;
  let slow: Dec | null = null;
  let index = 0;
  // The commonest long sum, an array of charges, in a tight loop while every element is a
  // stamped result at one scale and the total stays safe; the loop below takes the rest.
  if (Array.isArray(amounts)) {
    const list = amounts as readonly unknown[];
    const first = list[0];
    if (typeof first === "object" && first !== null && exactInt(first) !== undefined)
      scale = exactScale(first);
    sumStamped(list, scale);
    total = STAMPED_RUN.total;
    index = STAMPED_RUN.end;
  }
  const rest: Iterable<DecimalInput | HasUsd> =
    index === 0 ? amounts : (amounts as readonly (DecimalInput | HasUsd)[]).slice(index);
  for (const amount of rest) {
    if (slow === null) {
      let int = -1;
      let places = -1;
      // A charge carries its amount as a scaled integer (see exactUsd.ts).
      const exact = typeof amount === "object" && amount !== null ? exactInt(amount) : undefined;
      if (exact !== undefined) {
        int = exact;
        places = exactScale(amount as object);
      } else {
        const text =
          typeof amount === "string"
            ? amount
            : typeof amount === "object" && amount !== null
              ? amount.usd
              : undefined;
        // Parse -?digits(.digits)? of at most 15 digits into (int, places); else the general path.
        if (typeof text === "string" && text.length > 0 && text.length <= 17) {
          let i = text.charCodeAt(0) === 45 ? 1 : 0;
          const negative = i === 1;
          let digits = 0;
          let point = -1;
          let value = 0;
          for (; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c >= 48 && c <= 57) {
              value = value * 10 + (c - 48);
              digits += 1;
            } else if (c === 46 && point === -1 && digits > 0) {
              point = digits;
            } else {
              digits = 0;
              break;
            }
          }
          if (digits > 0 && digits <= 15 && point !== digits) {
            int = negative ? -value : value;
            places = point === -1 ? 0 : digits - point;
          }
        }
      }
      if (places >= 0 && places < POW10.length) {
        if (places > scale) {
          const up = POW10[places - scale] as number;
          if (carry !== 0n) carry *= BigInt(up);
          const next = total * up;
          if (next <= MAX && next >= -MAX) total = next;
          else {
            carry += BigInt(total) * BigInt(up);
            total = 0;
          }
          scale = places;
        } else if (places < scale) {
          const widened = int * (POW10[scale - places] as number);
          if (widened <= MAX && widened >= -MAX) int = widened;
          else {
            carry += BigInt(int) * pow10n(scale - places);
            int = 0;
          }
        }
        const sum = total + int;
        if (sum <= MAX && sum >= -MAX) total = sum;
        else {
          carry += BigInt(total) + BigInt(int);
          total = 0;
        }
        index += 1;
        continue;
      }
      slow = new Dec(formatScaled(carry + BigInt(total), scale));
    }
    const value =
      typeof amount === "object" && amount !== null
        ? toDecimal((amount as HasUsd).usd, [index, "usd"])
        : toDecimal(amount, [index]);
    slow = plus(slow, value);
    index += 1;
  }
  if (slow !== null) return formatDecimal(slow);
  return formatScaled(carry === 0n ? total : carry + BigInt(total), scale);
}
