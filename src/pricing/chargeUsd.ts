import { fastRates } from "../catalog/fastRates.js";
import { resolveName } from "../catalog/resolveName.js";
import { formatScaled } from "../money/scaled.js";
import type { PricingTable } from "../schema/types.js";
import type { ChargeOptions } from "./charge.js";
import type { Usage } from "./normalizeUsage.js";
import { priceUsage } from "./priceUsage.js";
import { countPresent, isCount, optionalCount } from "./tokens.js";

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
  const fast = options?.serviceTier === undefined ? standardTotal(table, name, usage) : undefined;
  if (fast !== undefined) return fast;
  // Anything unusual — parts, tiers, service tiers, a bad value, a big number — takes the one
  // general path, which also says exactly what is wrong.
  const priced = priceUsage(table, name, usage, options);
  return formatScaled(priced.total, priced.fast.scale);
}

/**
 * The common case in a handful of integer operations: a plain usage of a model without
 * long-context tiers, at standard rates, every product a safe integer. Undefined otherwise.
 */
function standardTotal(table: PricingTable, name: string, usage: Usage): string | undefined {
  if (typeof usage !== "object" || usage === null || typeof name !== "string") return undefined;
  let resolved: ReturnType<typeof resolveName>;
  try {
    resolved = resolveName(table, name);
  } catch {
    return undefined;
  }
  const model = resolved.model;
  if (model.tiers.length > 0 || model.maxPricedInputTokens !== undefined) return undefined;
  const rates = fastRates(model);
  if (!rates.safe) return undefined;
  const n = rates.lineNumerators;
  const u = usage as Record<string, unknown>;
  const { input, output } = u;
  if (!isCount(input) || !isCount(output)) return undefined;
  let total: number;
  if (Object.keys(u).length === 2) {
    // The commonest usage of all: input and output only.
    const a = input * (n[0] as number);
    total = a + output * (n[4] as number);
    if (a > MAX || total > MAX) return undefined;
  } else {
    const cachedInput = optionalCount(u.cachedInput);
    const cacheWrite = optionalCount(u.cacheWrite);
    const cacheWrite1h = optionalCount(u.cacheWrite1h);
    const reasoning = optionalCount(u.reasoning);
    if (cachedInput < 0 || cacheWrite < 0 || cacheWrite1h < 0 || reasoning < 0) return undefined;
    if (Object.keys(u).length !== 2 + countPresent(u) || Array.isArray(usage)) return undefined;
    const uncached = input - cachedInput - cacheWrite - cacheWrite1h;
    if (uncached < 0 || reasoning > output) return undefined;
    const tokens = [uncached, cachedInput, cacheWrite, cacheWrite1h, output - reasoning, reasoning];
    total = 0;
    for (let i = 0; i < 6; i++) {
      const t = tokens[i] as number;
      if (t === 0) continue;
      const rate = n[i] as number;
      if (rate === -1) return undefined;
      const product = t * rate;
      total += product;
      if (product > MAX || total > MAX) return undefined;
    }
  }
  return formatScaled(total, rates.scale);
}
