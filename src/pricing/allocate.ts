import { pricebookError } from "../errors.js";
import { Dec, ZERO } from "../money/decimal.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { type DecimalInput, toDecimal } from "../money/toDecimal.js";
import type { PricingTable, Provenance } from "../schema/types.js";
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
  const balance = toDecimal(request?.balance, ["balance"], "INVALID_ARGUMENT");
  if (balance.isNegative()) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["balance"],
      `a credit balance cannot be negative, got ${formatDecimal(balance)}`,
    );
  }
  const partial = request.partial ?? "to-key";
  if (partial !== "to-key" && partial !== "split") {
    throw pricebookError("INVALID_ARGUMENT", ["partial"], 'expected "to-key" or "split"');
  }
  const perQueryCredits = (usd: Dec, published: string | null) =>
    published !== null
      ? new Dec(published)
      : roundCreditsDecimal(usd.div(unit.unitPrice), unit.rounding);

  let left = balance;
  let onCredits = 0;
  let onKey = 0;
  let split = 0;
  let keyUsd = ZERO;

  if (request.charges !== undefined) {
    if (!Array.isArray(request.charges)) {
      throw pricebookError("INVALID_ARGUMENT", ["charges"], "expected an array of charges");
    }
    request.charges.forEach((item: Charge, index: number) => {
      if (item?.table?.digest !== table.provenance.digest) {
        throw pricebookError(
          "INVALID_ARGUMENT",
          ["charges", index],
          `charge ${index} was not priced at ${table.id}@${table.version}`,
        );
      }
      const usd = new Dec(item.usd);
      const published =
        item.variant === null ? null : (table.variants[item.variant]?.credits ?? null);
      const credits = perQueryCredits(usd, published);
      if (onKey === 0 && credits.lte(left)) {
        left = left.minus(credits);
        onCredits += 1;
        return;
      }
      onKey += 1;
      if (onKey === 1 && partial === "split" && left.gt(0)) {
        split = 1;
        keyUsd = keyUsd.plus(usd.times(credits.minus(left)).div(credits));
        left = ZERO;
      } else keyUsd = keyUsd.plus(usd);
    });
  } else {
    const queries = toTokenCount(request.queries, ["queries"], "INVALID_ARGUMENT");
    const q = quote(table, request.variant as string);
    const usd = new Dec(q.usd);
    const credits = perQueryCredits(usd, q.credits?.published ?? null);
    // Closed form: the same credits every query.
    onCredits = credits.isZero()
      ? queries
      : Math.min(queries, left.div(credits).floor().toNumber());
    left = left.minus(credits.times(onCredits));
    onKey = queries - onCredits;
    if (onKey > 0 && partial === "split" && left.gt(0)) {
      split = 1;
      keyUsd = usd
        .times(credits.minus(left))
        .div(credits)
        .plus(usd.times(onKey - 1));
      left = ZERO;
    } else keyUsd = usd.times(onKey);
  }

  return Object.freeze({
    balance: formatDecimal(balance),
    creditsUsed: formatDecimal(balance.minus(left)),
    creditsLeft: formatDecimal(left),
    queriesOnCredits: onCredits,
    queriesOnKey: onKey,
    queriesSplit: split,
    keyUsd: formatDecimal(keyUsd),
    partial,
    table: table.provenance,
  });
}
