import { fastRates } from "../catalog/fastRates.js";
import { type Resolved, resolveName } from "../catalog/resolveName.js";
import { formatScaled } from "../money/scaled.js";
import type { PricingTable } from "../schema/types.js";
import type { ChargeOptions } from "./charge.js";
import type { Usage } from "./normalizeUsage.js";
import { plainCounts, plainLevel } from "./plainUsage.js";
import { priceResolved, withModelFees } from "./priceUsage.js";

const MAX = Number.MAX_SAFE_INTEGER;

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
  // One lookup, whatever follows: an unknown name throws here, as the general path would.
  const resolved = resolveName(table, name);
  if (options?.serviceTier === undefined) {
    const fast = plainTotal(resolved, usage);
    if (fast !== undefined) return fast;
  }
  // Anything unusual — parts, other modalities, service tiers, a bad value, a big number —
  // takes the one general path, which also says exactly what is wrong.
  const priced = priceResolved(table, resolved, usage, options);
  return formatScaled(priced.total, priced.fast.scale);
}

/**
 * The common case in a handful of integer operations: a plain usage (see plainCounts) at
 * standard rates or a long-context tier's, every product a safe integer. Undefined otherwise.
 */
function plainTotal(resolved: Resolved, usage: Usage): string | undefined {
  const counts = plainCounts(usage);
  if (counts === undefined) return undefined;
  const model = resolved.model;
  const level = plainLevel(model, (usage as { input: number }).input);
  if (level === undefined) return undefined;
  const rates = fastRates(withModelFees(level, model));
  if (!rates.safe) return undefined;
  const n = rates.lineNumerators;
  let total = 0;
  for (let i = 0; i < 6; i++) {
    const tokens = counts[i] as number;
    const rate = n[i] as number;
    if (rate === -1) {
      if (tokens === 0) continue;
      return undefined;
    }
    const product = tokens * rate;
    total += product;
    if (product > MAX || total > MAX) return undefined;
  }
  return formatScaled(total, rates.scale);
}
