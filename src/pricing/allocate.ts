import { pricebookError } from "../errors.js";
import { Dec, ZERO } from "../money/decimal.js";
import { divide, divideToInteger, minus, plus, times } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { type DecimalInput, toDecimal, toStoredAmount } from "../money/toDecimal.js";
import type { Credits, PricingTable, Provenance } from "../schema/types.js";
import type { Charge } from "./charge.js";
import { creditsOf } from "./credits.js";
import { quote } from "./quote.js";
import { roundCreditsDecimal } from "./roundCredits.js";
import { toTokenCount } from "./tokens.js";

/**
 * What happens to the query the remaining balance covers only in part:
 * - `to-key` (default): the whole query is billed to the customer's key; the remainder of the
 *   balance stays unused.
 * - `split`: the remainder of the balance pays its share of the query, and the customer's key
 *   pays the rest, `usd × (credits − remainder) ÷ credits`.
 */
export type PartialQueryPolicy = "to-key" | "split";

/** The queries to allocate: a number of queries of a variant, or real charges. */
export type AllocateRequest = {
  /** The customer's credit balance, in the table's credits. */
  readonly balance: DecimalInput;
  readonly partial?: PartialQueryPolicy;
} & (
  | { readonly variant: string; readonly queries: number; readonly charges?: undefined }
  | {
      readonly charges: readonly Charge[];
      readonly variant?: undefined;
      readonly queries?: undefined;
    }
);

/** Who pays what: credits first, then the customer's own provider key. */
export interface Allocation {
  readonly balance: string;
  readonly creditsUsed: string;
  readonly creditsLeft: string;
  /** Queries paid wholly by credits. */
  readonly queriesOnCredits: number;
  /** Queries billed (wholly or, with `split`, in part) to the customer's key. */
  readonly queriesOnKey: number;
  /** Of `queriesOnKey`: the one query the balance paid in part (0 or 1; `split` only). */
  readonly queriesSplit: number;
  /** USD billed to the customer's key, at provider cost. Exact. */
  readonly keyUsd: string;
  readonly partial: PartialQueryPolicy;
  readonly table: Provenance;
}

/**
 * Bring-your-own-key allocation. The customer's credits pay first, query by query; once the
 * balance does not cover a query, that query and every later one are billed to the customer's
 * own key at provider cost. A query's credits are its variant's published credits where the
 * table has them, else its estimated credits rounded by the table's policy (default: up to a
 * whole credit). Queries of a variant are priced at its quote (the upper bound); charges at
 * their exact usd. Partner workflows never appear here: they are the partner's, not the
 * customer's.
 *
 * @throws PricebookError `INVALID_ARGUMENT` for a negative balance or charges of another table
 *
 * @example
 * // GPT-4-1106-4k: 20 MCs a query; 50 MCs pay for 2 queries, the other 3 go to the key at 0.064.
 * allocate(table, { balance: "50", variant: "gpt-4-1106-4k", queries: 5 }).keyUsd;
 * //=> "0.192"
 */
export function allocate(table: PricingTable, request: AllocateRequest): Allocation {
  const unit = creditsOf(table);
  if (request?.charges !== undefined) {
    if (!Array.isArray(request.charges)) {
      throw pricebookError("INVALID_ARGUMENT", ["charges"], "expected an array of charges");
    }
    const segments = request.charges.map((item: Charge, index: number): Segment => {
      if (item?.table?.digest !== table.provenance.digest) {
        throw pricebookError(
          "INVALID_ARGUMENT",
          ["charges", index],
          `charge ${index} was not priced at ${table.id}@${table.version}`,
        );
      }
      const usd = toStoredAmount(item?.usd, ["charges", index, "usd"]);
      const published =
        typeof item.variant === "string" && Object.hasOwn(table.variants, item.variant)
          ? (table.variants[item.variant]?.credits ?? null)
          : null;
      return { count: 1, usd, credits: queryCredits(unit, usd, published) };
    });
    return allocateSegments(table, request.balance, request.partial, segments);
  }
  const queries = toTokenCount(request?.queries, ["queries"], "INVALID_ARGUMENT");
  return allocateSegments(table, request.balance, request.partial, [
    variantSegment(table, request.variant as string, queries),
  ]);
}

/** Queries that cost the same: `count` of them at `usd` and `credits` each. @internal */
export interface Segment {
  readonly count: number;
  readonly usd: Dec;
  readonly credits: Dec;
}

/** A query's credits: the published figure, else estimated credits rounded by the table's policy. @internal */
export function queryCredits(unit: Credits, usd: Dec, published: string | null): Dec {
  return published !== null
    ? new Dec(published)
    : unit.rounding.policy === "none"
      ? divide(usd, unit.unitPrice)
      : roundCreditsDecimal(usd, unit.rounding, unit.unitPrice);
}

/** `count` queries of a variant, each at its quote (the upper bound). @internal */
export function variantSegment(table: PricingTable, variant: string, count: number): Segment {
  const q = quote(table, variant);
  const usd = new Dec(q.usd);
  return { count, usd, credits: queryCredits(creditsOf(table), usd, q.credits?.published ?? null) };
}

/**
 * Credits first, in order; from the first query the balance does not cover, everything to the
 * key. Works segment by segment in closed form, so a billion queries cost no more than one.
 *
 * @internal
 */
export function allocateSegments(
  table: PricingTable,
  balanceInput: DecimalInput,
  partialInput: PartialQueryPolicy | undefined,
  segments: readonly Segment[],
): Allocation {
  const balance = toDecimal(balanceInput, ["balance"], "INVALID_ARGUMENT");
  if (balance.isNegative()) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["balance"],
      `a credit balance cannot be negative, got ${formatDecimal(balance)}`,
    );
  }
  const partial = partialInput ?? "to-key";
  if (partial !== "to-key" && partial !== "split") {
    throw pricebookError("INVALID_ARGUMENT", ["partial"], 'expected "to-key" or "split"');
  }
  let left = balance;
  let onCredits = 0;
  let onKey = 0;
  let split = 0;
  let keyUsd = ZERO;
  for (const { count, usd, credits } of segments) {
    if (onKey > 0) {
      onKey += count;
      keyUsd = plus(keyUsd, times(usd, count));
      continue;
    }
    const covered = credits.isZero()
      ? count
      : Math.min(count, divideToInteger(left, credits).toNumber());
    onCredits += covered;
    left = minus(left, times(credits, covered));
    const rest = count - covered;
    if (rest === 0) continue;
    onKey = rest;
    if (partial === "split" && left.gt(0)) {
      split = 1;
      // The one quotient of an allocation: exact when it terminates (see `divide`).
      keyUsd = plus(
        plus(keyUsd, divide(times(usd, minus(credits, left)), credits)),
        times(usd, rest - 1),
      );
      left = ZERO;
    } else keyUsd = plus(keyUsd, times(usd, rest));
  }
  return Object.freeze({
    balance: formatDecimal(balance),
    creditsUsed: formatDecimal(minus(balance, left)),
    creditsLeft: formatDecimal(left),
    queriesOnCredits: onCredits,
    queriesOnKey: onKey,
    queriesSplit: split,
    keyUsd: formatDecimal(keyUsd),
    partial,
    table: table.provenance,
  });
}
