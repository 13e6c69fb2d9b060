/**
 * The trace and span ids of a span, as dimensions: OTLP/JSON's `traceId` / `spanId` fields, or
 * an SDK `ReadableSpan`'s `spanContext()`. Only ids that are non-empty strings, and only the
 * ones `keys` asks for when given. @internal
 */
export function spanIdentity(
  span: Readonly<Record<string, unknown>>,
  keys?: ReadonlySet<string>,
): Record<string, string> {
  let ids: Readonly<Record<string, unknown>> = span;
  if (typeof span.spanContext === "function") {
    const context: unknown = span.spanContext();
    if (typeof context === "object" && context !== null) ids = context as Record<string, unknown>;
  }
  const out: Record<string, string> = {};
  for (const key of ["traceId", "spanId"]) {
    const value = ids[key];
    if (typeof value === "string" && value !== "" && (keys === undefined || keys.has(key))) {
      out[key] = value;
    }
  }
  return out;
}

/**
 * A span's start as an SDK `ReadableSpan` gives it, an HrTime `[seconds, nanoseconds]`: its
 * whole seconds, which decide the day. Undefined when `value` is not an HrTime. @internal
 */
export function hrTimeSeconds(value: unknown): number | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [seconds, nanos] = value as unknown[];
  return typeof seconds === "number" && typeof nanos === "number" ? seconds : undefined;
}
