import { PricebookError } from "../errors.js";

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
  return canonical(value, new Set());
}

function canonical(value: unknown, open: Set<object>): string {
  if (typeof value === "bigint" || typeof value === "symbol" || typeof value === "function") {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["value"],
      `canonical JSON has no ${typeof value} values`,
    );
  }
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (open.has(value)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["value"],
      "a value that contains itself has no JSON form",
    );
  }
  open.add(value);
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map((item) => canonical(item ?? null, open)).join(",")}]`;
  } else {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key], open)}`);
    text = `{${entries.join(",")}}`;
  }
  open.delete(value);
  return text;
}
