/**
 * Freezes a plain value and everything it holds, including what sits inside an object that
 * was already frozen at its top only (a published table whose nested rates were still
 * writable); returns it. Each object is visited once, so shared or cyclic values are safe.
 *
 * @internal
 */
export function deepFreeze<T>(value: T, seen: Set<object> = new Set()): T {
  if (typeof value !== "object" || value === null || seen.has(value)) return value;
  seen.add(value);
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
  return value;
}
