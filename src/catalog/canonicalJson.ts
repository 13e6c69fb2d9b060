/**
 * JSON with object keys sorted at every level and no whitespace, so two tables with the same
 * content have the same text, and the same digest, whatever order their keys were written in.
 * `undefined` members are left out, as JSON.stringify does. A table's digest is `sha256:` and
 * the SHA-256 of `canonicalJson` of the table without its provenance.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null], c: undefined });
 * //=> '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map(
      (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
    );
  return `{${entries.join(",")}}`;
}
