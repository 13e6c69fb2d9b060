import { formatScaled } from "../money/scaled.js";
import type { PricingTable } from "../schema/types.js";
import type { ChargeOptions } from "./charge.js";
import type { Usage } from "./normalizeUsage.js";
import { priceUsage } from "./priceUsage.js";

/**
 * The exact USD of one query's usage, and nothing else: the hot path for billing code that
 * records a total per query. The same name resolution, usage checks, tiers, service tiers and
 * errors as {@link charge}, and always the same figure as `charge(…).usd`, without building
 * the line items.
 *
 * @throws PricebookError `UNKNOWN_MODEL`, `INVALID_USAGE`, `UNPRICED_USAGE`
 *
 * @example
 * // 2000 × 0.0000025 + 300 × 0.00001
 * chargeUsd(table, "gpt-4o", { input: 2000, output: 300 });
 * //=> "0.008"
 */
export function chargeUsd(
  table: PricingTable,
  name: string,
  usage: Usage,
  options?: ChargeOptions,
): string {
  const priced = priceUsage(table, name, usage, options);
  return formatScaled(priced.total, priced.fast.scale);
}
