import type { Pricebook } from "../catalog/createPricebook.js";
import { pricebookResolve } from "../catalog/pricebookResolve.js";
import { tableAsOf } from "../catalog/tableAsOf.js";
import { PricebookError, type PricebookErrorCode } from "../errors.js";
import { type Charge, charge } from "../pricing/charge.js";
import type { Usage } from "../pricing/normalizeUsage.js";
import type { PricingTable, ServiceTierName } from "../schema/types.js";

/** Options every integration shares: where prices come from. */
export interface PriceUsageOptions {
  /**
   * With a pricebook: the id of the table every call is priced against (its version in force
   * `asOf`), or `"auto"` (the default): the table is found from the model name with
   * `pricebookResolve`. Not used with a single table.
   */
  readonly table?: string;
  /** The day (`YYYY-MM-DD`, UTC) to price at. Default: today. */
  readonly asOf?: string;
}

/** A call priced: its exact charge and the table version it was priced against. */
export interface PricedUsage {
  readonly ok: true;
  /** The exact USD, a decimal string, equal to `charge.usd`. */
  readonly usd: string;
  /** The table version, `id@version`. */
  readonly table: string;
  readonly charge: Charge;
}

/** A call that could not be priced: its error code, never a 0. */
export interface UnpricedUsage {
  readonly ok: false;
  readonly code: PricebookErrorCode;
  readonly message: string;
  readonly error: PricebookError;
}

/**
 * Prices one call's usage of `model`, catching the library's own errors into an
 * {@link UnpricedUsage} (an integration must not throw into the SDK's call). Other errors
 * (bugs) are rethrown. `usage` may be a function that reads it, so a reader's error is caught too.
 *
 * @example
 * // o3 on 2025-06-11 (2 / 8 per million): 1000 × 0.000002 + 100 × 0.000008
 * priceUsage(builtinPricebook(), "o3", { input: 1000, output: 100 }, { asOf: "2025-06-11" }).usd;
 * //=> "0.0028"
 */
export function priceUsage(
  source: Pricebook | PricingTable,
  model: string,
  usage: Usage | (() => Usage),
  options: PriceUsageOptions & { readonly serviceTier?: string | undefined } = {},
): PricedUsage | UnpricedUsage {
  try {
    const read = typeof usage === "function" ? usage() : usage;
    const table = tableFor(source, model, options);
    const { serviceTier } = options;
    const priced = charge(
      table,
      model,
      read,
      serviceTier === undefined ? {} : { serviceTier: serviceTier as ServiceTierName },
    );
    return { ok: true, usd: priced.usd, table: `${table.id}@${table.version}`, charge: priced };
  } catch (error) {
    if (!(error instanceof PricebookError)) throw error;
    return { ok: false, code: error.code, message: error.message, error };
  }
}

function tableFor(
  source: Pricebook | PricingTable,
  model: string,
  options: PriceUsageOptions,
): PricingTable {
  if (!("tables" in source)) return source;
  const asOf = options.asOf === undefined ? {} : { asOf: options.asOf };
  if (options.table !== undefined && options.table !== "auto") {
    return tableAsOf(source, options.table, asOf);
  }
  return pricebookResolve(source, model, asOf).table;
}
