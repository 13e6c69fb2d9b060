import type { RateKind } from "./types.js";

/** A rate per token: every {@link RateKind} but the per-call `webSearch` fee. */
export type TokenRateKind = Exclude<RateKind, "webSearch">;

/**
 * The per-token rate kinds, in the order tables, diffs and comparisons list them. The one list:
 * a kind added to {@link RateKind} is added here.
 *
 * @internal
 */
export const TOKEN_RATE_KINDS: readonly TokenRateKind[] = Object.freeze([
  "input",
  "output",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "audioInput",
  "audioOutput",
  "imageInput",
] as const);

/** Every rate kind: the per-token ones, then the per-call `webSearch` fee. @internal */
export const RATE_KINDS: readonly RateKind[] = Object.freeze([...TOKEN_RATE_KINDS, "webSearch"]);
