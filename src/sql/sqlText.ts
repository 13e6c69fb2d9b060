import { PricebookError } from "../errors.js";
import { sqlText } from "./sqlLiteral.js";

// The usage table's name as the user writes it; the writers of SQL values are in sqlLiteral.ts.

const PART = /[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+"/y;

/**
 * Parses a table name as SQL writes it after FROM: one to three dot-separated parts
 * (`usage`, `analytics.usage`, `lake.analytics.usage`), each a plain identifier (letters,
 * digits, `_`, `$`, not starting with a digit) or a double-quoted identifier with `""` for a
 * quote (`"my ""usage"""`). Returns the parts, each `{ name, quoted }`.
 *
 * @internal
 */
export function parseTableName(text: unknown): { name: string; quoted: boolean }[] {
  if (typeof text !== "string" || text === "") {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["usageTable"],
      "usageTable: expected a table name such as usage or analytics.usage",
    );
  }
  const parts: { name: string; quoted: boolean }[] = [];
  let at = 0;
  for (;;) {
    PART.lastIndex = at;
    const match = PART.exec(text);
    if (match === null) break;
    const token = match[0];
    parts.push(
      token.startsWith('"')
        ? { name: token.slice(1, -1).replaceAll('""', '"'), quoted: true }
        : { name: token, quoted: false },
    );
    at = PART.lastIndex;
    if (text[at] !== ".") break;
    at += 1;
  }
  if (at !== text.length || parts.length === 0 || parts.length > 3 || text.includes("\0")) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["usageTable"],
      `usageTable: ${JSON.stringify(text)} is not a table name; write it as after FROM: usage, analytics.usage, or "my ""usage""" (double quotes around a name with spaces or quotes, "" for a quote inside)`,
    );
  }
  return parts;
}

/**
 * A string as a SQL text literal: {@link sqlText} for a value of no table (kept for the
 * warehouse tests, which write their usage rows with it).
 *
 * @internal
 */
export function sqlString(value: string): string {
  return sqlText(value, ["value"]);
}
