import { fastRates } from "../catalog/fastRates.js";
import { type Resolved, resolveName } from "../catalog/resolveName.js";
import { formatScaled } from "../money/scaled.js";
import type { PricingTable } from "../schema/types.js";
import type { ChargeOptions } from "./charge.js";
import type { Usage } from "./normalizeUsage.js";
import { PLAIN_COUNTS, plainLevel, readPlain } from "./plainUsage.js";
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
 * The common case in a handful of integer operations: a plain usage (see readPlain) at
 * standard rates or a long-context tier's, every product a safe integer. Undefined otherwise.
 */
function plainTotal(resolved: Resolved, usage: Usage): string | undefined {
  if (!readPlain(usage)) return undefined;
  // Copied out at once (see PLAIN_COUNTS), in straight-line code rather than a loop.
  const counts = PLAIN_COUNTS;
  const uncached = counts[0] as number;
  const cachedInput = counts[1] as number;
  const cacheWrite = counts[2] as number;
  const cacheWrite1h = counts[3] as number;
  const output = counts[4] as number;
  const reasoning = counts[5] as number;
  const model = resolved.model;
  const level = plainLevel(model, (usage as { input: number }).input);
  if (level === undefined) return undefined;
  const rates = fastRates(withModelFees(level, model));
  if (!rates.safe) return undefined;
  const n = rates.lineNumerators;
  // Input and output lines always count; the others only when used, and a used line without a
  // rate (-1) is the general path's UNPRICED_USAGE.
  const inputRate = n[0] as number;
  const outputRate = n[4] as number;
  if (inputRate === -1 || outputRate === -1) return undefined;
  let total = uncached * inputRate + output * outputRate;
  if (cachedInput !== 0) {
    const rate = n[1] as number;
    if (rate === -1) return undefined;
    total += cachedInput * rate;
  }
  if (cacheWrite !== 0) {
    const rate = n[2] as number;
    if (rate === -1) return undefined;
    total += cacheWrite * rate;
  }
  if (cacheWrite1h !== 0) {
    const rate = n[3] as number;
    if (rate === -1) return undefined;
    total += cacheWrite1h * rate;
  }
  if (reasoning !== 0) {
    const rate = n[5] as number;
    if (rate === -1) return undefined;
    total += reasoning * rate;
  }
  // One check covers every step: products and partial sums are non-negative and float
  // arithmetic is monotone, so a product or partial sum that passed 2^53 − 1 (and might have
  // rounded) leaves the total past it too.
  if (total > MAX) return undefined;
  return formatScaled(total, rates.scale);
}
