import { PricebookError } from "../errors.js";

// Quoting for the SQL this library writes. Both dialects follow the SQL standard here:
// identifiers in double quotes with "" for a quote, literals in single quotes with '' for a
// quote. The PostgreSQL script also turns standard_conforming_strings on, so a backslash in a
// literal is only a backslash.

/** A string as a SQL literal. NUL, which neither engine stores in text, is refused. @internal */
export function sqlString(value: string): string {
  if (value.includes("\0")) {
    throw new PricebookError("INVALID_ARGUMENT", ["tables"], "a name holds a NUL character");
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** A name as a quoted SQL identifier. @internal */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A plain decimal (already validated) as a SQL numeric literal. @internal */
export function sqlDecimal(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value)) {
    throw new PricebookError("INVALID_ARGUMENT", ["tables"], `not a plain decimal: ${value}`);
  }
  return value;
}

/** A `YYYY-MM-DD` date (already validated) as a SQL DATE literal. @internal */
export function sqlDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new PricebookError("INVALID_ARGUMENT", ["tables"], `not a date: ${value}`);
  }
  return `DATE '${value}'`;
}

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
