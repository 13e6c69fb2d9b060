// A result's exact amount as a scaled integer, kept beside its `usd` string so that summing
// many results (sumAmounts over a million charges) need not parse a million strings. It is a
// non-enumerable property under a module-private symbol: invisible to JSON, Object.keys,
// spread, structuredClone and deep equality, so results stay plain data. The record repeats
// the very `usd` string it stands for; a reader uses it only while `result.usd` is that same
// string, so an object made from a result (spread, Object.create, a proxy) that changes `usd`
// is summed from its string like any other.

/** @internal */
export interface ExactUsd {
  /** The same string as the result's `usd`. */
  readonly usd: string;
  /** usd = int ÷ 10^scale; a safe integer. */
  readonly int: number;
  readonly scale: number;
}

/** @internal */
export const EXACT_USD: unique symbol = Symbol("llm-pricebook exact usd");

/**
 * Gives a not-yet-frozen result its exact amount (a safe integer at a scale) and returns it.
 * Amounts that are not safe integers are left to be read from their string.
 *
 * @internal
 */
export function withExactUsd<T extends { readonly usd: string }>(
  result: T,
  int: number | bigint,
  scale: number,
): T {
  if (typeof int === "number") {
    const exact: ExactUsd = { usd: result.usd, int, scale };
    Object.defineProperty(result, EXACT_USD, { value: exact });
  }
  return result;
}
