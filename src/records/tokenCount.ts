/**
 * An exact running count of tokens: a safe-integer `number` while it fits, a `bigint` once a
 * sum passes 2^53 − 1. @internal
 */
export interface TokenCount {
  small: number;
  big: bigint;
}

const MAX = Number.MAX_SAFE_INTEGER;

/** Adds a whole count (a safe integer) exactly. @internal */
export function addTokens(count: TokenCount, tokens: number): void {
  const after = count.small + tokens;
  if (after <= MAX) count.small = after;
  else {
    count.big += BigInt(count.small) + BigInt(tokens);
    count.small = 0;
  }
}

/** The count: a `number` while it is a safe integer, else a `bigint`. @internal */
export function tokensValue(count: TokenCount): number | bigint {
  if (count.big === 0n) return count.small;
  return count.big + BigInt(count.small);
}
