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
  // Own enumerable keys, without an array of them per object (start-up freezes every built-in
  // table, ~20,000 objects); only objects are visited further.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const inner = (value as Record<string, unknown>)[key];
    if (typeof inner === "object" && inner !== null) deepFreeze(inner, seen);
  }
  return value;
}
