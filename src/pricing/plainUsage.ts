import type { Model, Tier } from "../schema/types.js";
import { isCount } from "./tokens.js";

/** The keys a plain usage may have. */
const PLAIN_KEYS: ReadonlySet<string> = new Set([
  "input",
  "output",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "reasoning",
]);

/**
 * Where {@link readPlain} leaves a plain usage's counts, in line order: uncached input,
 * cachedInput, cacheWrite, cacheWrite1h, non-reasoning output, reasoning. One array for every
 * call, so reading a usage allocates nothing: copy the counts out before running any other
 * code (a getter of a usage or a table could price another usage and overwrite them).
 *
 * @internal
 */
export const PLAIN_COUNTS: number[] = [0, 0, 0, 0, 0, 0];

/**
 * The hot paths' reading of the commonest usage: `input` and `output` and, optionally, cache
 * reads, cache writes and reasoning, every one a valid count and nothing else (keys whose value
 * is undefined count as absent, as in the general path). True, with the tokens per text line in
 * {@link PLAIN_COUNTS}; false for anything else, which takes the general path and its errors.
 *
 * @internal
 */
export function readPlain(usage: unknown): boolean {
  if (typeof usage !== "object" || usage === null) return false;
  const u = usage as Record<string, unknown>;
  const input = u.input;
  const output = u.output;
  if (!isCount(input) || !isCount(output)) return false;
  let present = 2;
  let cachedInput = 0;
  let cacheWrite = 0;
  let cacheWrite1h = 0;
  let reasoning = 0;
  let value = u.cachedInput;
  if (value !== undefined) {
    if (!isCount(value)) return false;
    cachedInput = value;
    present += 1;
  }
  value = u.cacheWrite;
  if (value !== undefined) {
    if (!isCount(value)) return false;
    cacheWrite = value;
    present += 1;
  }
  value = u.cacheWrite1h;
  if (value !== undefined) {
    if (!isCount(value)) return false;
    cacheWrite1h = value;
    present += 1;
  }
  value = u.reasoning;
  if (value !== undefined) {
    if (!isCount(value)) return false;
    reasoning = value;
    present += 1;
  }
  // Nothing else: counting keys with for-in allocates nothing; on a mismatch (an undefined
  // value, an inherited key, an array, another kind of usage) look at the own keys.
  let keys = 0;
  for (const _ in u) keys += 1;
  if (keys !== present && (Array.isArray(u) || !Object.keys(u).every((k) => PLAIN_KEYS.has(k))))
    return false;
  const uncached = input - cachedInput - cacheWrite - cacheWrite1h;
  if (uncached < 0 || reasoning > output) return false;
  const counts = PLAIN_COUNTS;
  counts[0] = uncached;
  counts[1] = cachedInput;
  counts[2] = cacheWrite;
  counts[3] = cacheWrite1h;
  counts[4] = output - reasoning;
  counts[5] = reasoning;
  return true;
}

/**
 * The standard (no service tier) level a plain usage of `input` tokens is priced at: the model,
 * or the last long-context tier whose threshold the input exceeds. Undefined when the model
 * knows no price for that many input tokens (the general path says so).
 *
 * @internal
 */
export function plainLevel(model: Model, input: number): Tier | Model | undefined {
  if (model.maxPricedInputTokens !== undefined && input > model.maxPricedInputTokens)
    return undefined;
  let level: Tier | Model = model;
  const tiers = model.tiers;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i] as Tier;
    if (input > tier.aboveInputTokens) level = tier;
  }
  return level;
}
