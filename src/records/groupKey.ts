import { PricebookError } from "../errors.js";
import type { Dimension } from "./readRecord.js";
import { depthOf, MAX_DIMENSION_DEPTH } from "./recordFailure.js";

/**
 * The identity of one group key value, typed so that no two distinct values meet: a string is
 * itself (unless it begins with U+0000), anything else begins with U+0000 and a type letter —
 * `s` a string that began with U+0000, `n` a number (1234 and "1234" are distinct groups; 0
 * and -0 are one number), `b` a boolean, `z` JSON null, `u` missing (so null, "null" and a row
 * without the key are three groups), `j` an array or object as JSON with its keys sorted.
 *
 * @throws PricebookError `LIMIT_EXCEEDED` for a value nested deeper than 64 levels
 * @internal
 */
export function groupKeyId(value: Dimension | undefined): string {
  if (typeof value === "string") return value.charCodeAt(0) === 0 ? `\u0000s${value}` : value;
  return `\u0000${typedPart(value)}`;
}

/** The identity of several key values: typed parts, each self-delimiting, joined. @internal */
export function groupKeysId(values: readonly (Dimension | undefined)[]): string {
  let id = "";
  for (const value of values) {
    id += typeof value === "string" ? JSON.stringify(value) : typedPart(value);
    id += ",";
  }
  return id;
}

function typedPart(value: Dimension | undefined): string {
  if (value === undefined) return "u";
  if (value === null) return "z";
  if (typeof value === "number") return `n${value === 0 ? 0 : value}`;
  if (typeof value === "boolean") return value ? "bt" : "bf";
  if (typeof value === "string") return `s${value}`;
  if (depthOf(value, MAX_DIMENSION_DEPTH) > MAX_DIMENSION_DEPTH) {
    throw new PricebookError(
      "LIMIT_EXCEEDED",
      ["groupBy"],
      `a group key value is nested deeper than ${MAX_DIMENSION_DEPTH} levels`,
    );
  }
  return `j${canonicalJson(value)}`;
}

/** JSON with object keys sorted; depth already bounded by the caller. */
function canonicalJson(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  const parts = keys.map(
    (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
  );
  return `{${parts.join(",")}}`;
}
