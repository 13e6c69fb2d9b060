import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import { describe } from "../money/toDecimal.js";
import { isCount, toTokenCount } from "../pricing/tokens.js";

/** The usage object itself, or the `usage`/`usageMetadata` of a whole response. @internal */
export function usageObject(value: unknown, key: string): Record<string, unknown> {
  if (!isRecord(value)) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage"],
      `expected a usage object, got ${describe(value)}`,
    );
  }
  const inner = value[key];
  return isRecord(inner) ? inner : value;
}

/** A token count at `path` inside `object`, or `fallback` when it is absent (or null). @internal */
export function countAt(
  object: Record<string, unknown>,
  path: readonly string[],
  fallback?: number,
): number {
  let value: unknown = object;
  for (let i = 0; i < path.length; i++) {
    value = isRecord(value) ? value[path[i] as string] : undefined;
  }
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw pricebookError("INVALID_USAGE", ["usage", ...path], `missing ${path.join(".")}`);
  }
  // A valid count (the usual case) needs no error path.
  if (isCount(value)) return value;
  return toTokenCount(value, ["usage", ...path]);
}
