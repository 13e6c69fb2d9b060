import { PricebookError } from "../errors.js";

// Every value this library writes into SQL goes through one of these writers, checked by its
// type at the point of writing, whatever object it came from: a compiled table is plain data and
// a JSON copy of one can say anything. A value that does not fit is a PricebookError, never SQL.
// Identifiers in double quotes with "" for a quote, literals in single quotes with '' for a
// quote (the PostgreSQL script turns standard_conforming_strings on, so a backslash is only a
// backslash).

/** Where a value came from, for the error. @internal */
export type SqlPath = readonly (string | number)[];

/** The largest token count the library accepts, 2^53 − 1. @internal */
export const MAX_SQL_INTEGER = Number.MAX_SAFE_INTEGER;

const DECIMAL = /^\d{1,400}(\.\d{1,400})?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function refuse(path: SqlPath, message: string): never {
  throw new PricebookError("INVALID_TABLE", path, `${path.join(".")}: ${message}`);
}

const shown = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value;

/**
 * A whole number from 0 to 2^53 − 1 (a token count, a threshold) as a SQL literal.
 *
 * @throws PricebookError `INVALID_TABLE` at `path` for anything else
 * @internal
 */
export function sqlInteger(value: unknown, path: SqlPath): string {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    refuse(path, `expected a whole number of tokens from 0 to 2^53 − 1, got ${shown(value)}`);
  }
  return String(value);
}

/**
 * A plain decimal string (digits, an optional point and digits) as a SQL numeric literal.
 *
 * @throws PricebookError `INVALID_TABLE` at `path` for anything else
 * @internal
 */
export function sqlDecimal(value: unknown, path: SqlPath): string {
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    refuse(path, `expected a plain decimal string such as "0.0000025", got ${shown(value)}`);
  }
  return value;
}

/**
 * A real calendar day `YYYY-MM-DD`, returned as it is (for the writers of dates and instants).
 *
 * @throws PricebookError `INVALID_TABLE` at `path` for anything else
 * @internal
 */
export function sqlDay(value: unknown, path: SqlPath): string {
  const match = typeof value === "string" ? DAY.exec(value) : null;
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (
      year >= 1 &&
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day
    ) {
      return value as string;
    }
  }
  return refuse(path, `expected a date YYYY-MM-DD, got ${shown(value)}`);
}

/** A real `YYYY-MM-DD` day as a SQL DATE literal. @internal */
export function sqlDate(value: unknown, path: SqlPath): string {
  return `DATE '${sqlDay(value, path)}'`;
}

/**
 * A string as a SQL text literal, quotes doubled. NUL, which neither engine stores in text, is
 * refused.
 *
 * @throws PricebookError `INVALID_TABLE` at `path` for a non-string or a NUL
 * @internal
 */
export function sqlText(value: unknown, path: SqlPath): string {
  if (typeof value !== "string") refuse(path, `expected a string, got ${shown(value)}`);
  if (value.includes("\0")) refuse(path, "holds a NUL character, which SQL text cannot hold");
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Characters refused in an identifier: C0 and C1 controls, DEL, bidirectional marks, overrides
 * and isolates, zero-width and invisible characters, line and paragraph separators, BOM and
 * noncharacters. The CLI prints such characters as `\uXXXX` escapes, which would name another
 * table than the API's script; refusing them in both keeps the two the same.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff0-\ufffc\ufffe\uffff]|[\ud800-\udfff]/u;

/**
 * A name as a quoted SQL identifier, `""` for a quote inside.
 *
 * @throws PricebookError `INVALID_ARGUMENT` at `path` for an empty name or one holding a
 *   control, bidirectional or invisible character
 * @internal
 */
export function sqlIdentifier(name: unknown, path: SqlPath): string {
  if (typeof name !== "string" || name === "") {
    throw new PricebookError("INVALID_ARGUMENT", path, `${path.join(".")}: expected a name`);
  }
  const bad = INVISIBLE.exec(name);
  if (bad !== null) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      path,
      `${path.join(".")}: a table name may not hold control, bidirectional or invisible characters; ${JSON.stringify(name).replace(/[^\x20-\x7e]/g, (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, "0")}`)} holds U+${(bad[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}; rename the table`,
    );
  }
  return `"${name.replaceAll('"', '""')}"`;
}
