import { PricebookError, type PricebookIssue } from "../errors.js";
import { tableSchema } from "../schema/tableSchema.js";
import type { PricingTable, PricingTableInput } from "../schema/types.js";
import { compileTable } from "./compileTable.js";
import { duplicateKeys } from "./duplicateKeys.js";
import { FORBIDDEN_KEYS, tableError } from "./validate.js";

/** The result of {@link safeParseTable}. */
export type SafeParseTableResult =
  | { readonly success: true; readonly data: PricingTable }
  | { readonly success: false; readonly error: PricebookError };

/**
 * Validates a pricing table from JSON text or an already-parsed value and compiles it.
 * Every problem is reported with its path (`models.gpt-4o.input: expected a decimal
 * string…`), all at once, in the error's `issues`.
 *
 * @throws PricebookError `INVALID_TABLE`
 *
 * @example
 * const json = `{
 *   "id": "mine", "version": "2025-01-01", "effectiveFrom": "2025-01-01",
 *   "source": "our price sheet", "checkedOn": "2025-01-01", "currency": "USD",
 *   "models": { "gpt-4o": { "provider": "openai", "input": { "perMillion": "2.50" }, "output": "0.00001" } }
 * }`;
 * parseTable(json).provenance.version;
 * //=> "2025-01-01"
 */
export function parseTable(json: string | unknown): PricingTable {
  const result = safeParseTable(json);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * {@link parseTable} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 * Only a {@link PricebookError} is ever returned as the error.
 *
 * @example
 * safeParseTable("{}").success;
 * //=> false
 */
export function safeParseTable(json: string | unknown): SafeParseTableResult {
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return failure([{ code: "INVALID_TABLE", path: [], message: notJson(json, error) }]);
    }
  }
  // Shape first (prototype keys, cycles, depth), so the text scan below only sees shallow JSON.
  const forbidden: PricebookIssue[] = [];
  findForbiddenKeys(value, [], forbidden);
  if (forbidden.length > 0) return failure(forbidden);
  if (typeof json === "string") {
    const duplicates = duplicateKeys(json);
    if (duplicates.length > 0) return failure(duplicates);
  }

  const early = chunkIssues(value);
  if (early.length > 0) return failure(early);
  const parsed = tableSchema().safeParse(value);
  if (!parsed.success) return failure(parsed.error.issues.map(toIssue));
  try {
    return { success: true, data: compileTable(parsed.data as PricingTableInput) };
  } catch (error) {
    if (error instanceof PricebookError) return { success: false, error };
    throw error;
  }
}

function toIssue(issue: { readonly path: readonly PropertyKey[]; readonly message: string }) {
  return {
    code: "INVALID_TABLE" as const,
    path: issue.path.map((part) => (typeof part === "number" ? part : String(part))),
    message: issue.message,
  };
}

/** Entries of a table's models, variants or workflows checked per round on a big table. */
const CHUNK = 1_000;
/** Problems collected from a big table before the rest of it is left unchecked. */
export const MAX_COLLECTED_ISSUES = 1_000;
const RECORDS = ["models", "variants", "workflows"] as const;

/**
 * A big table (over {@link CHUNK} entries in a list) that is invalid is checked a slice at a
 * time, and checking stops after {@link MAX_COLLECTED_ISSUES} problems: a 12 MB table of
 * nothing but mistakes costs the schema a thousand issues, not millions. The schema checks
 * each entry on its own, so a slice reports exactly the issues the whole would for those
 * entries. Returns no issues when every slice passes (the whole table is then checked in one
 * go, as any table is) or when the table is small.
 */
function chunkIssues(value: unknown): PricebookIssue[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const table = value as Record<string, unknown>;
  const lists = RECORDS.map((key) => {
    const list = table[key];
    return typeof list === "object" && list !== null && !Array.isArray(list)
      ? Object.entries(list)
      : null;
  });
  const longest = Math.max(0, ...lists.map((list) => list?.length ?? 0));
  if (longest <= CHUNK) return [];
  const issues: PricebookIssue[] = [];
  for (let start = 0; start < longest; start += CHUNK) {
    const slice: Record<string, unknown> = { ...table };
    RECORDS.forEach((key, index) => {
      const list = lists[index];
      if (list !== null && list !== undefined) {
        slice[key] = Object.fromEntries(list.slice(start, start + CHUNK));
      }
    });
    const parsed = tableSchema().safeParse(slice);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      // The table's own fields are checked with the first slice only.
      if (start > 0 && !RECORDS.includes(issue.path[0] as (typeof RECORDS)[number])) continue;
      issues.push(toIssue(issue));
    }
    if (issues.length >= MAX_COLLECTED_ISSUES) {
      issues.push({
        code: "INVALID_TABLE",
        path: [],
        message: `checking stopped after ${issues.length} problems; the rest of the table was not checked`,
      });
      break;
    }
  }
  return issues;
}

/** A table is a tree of JSON values, a few levels deep; deeper input is refused, not recursed into. */
const MAX_DEPTH = 32;

/**
 * Prototype keys anywhere, a value that contains itself, or nesting beyond MAX_DEPTH: each an
 * issue, found without recursing without bound (so hostile input cannot exhaust the stack).
 */
function findForbiddenKeys(
  value: unknown,
  path: (string | number)[],
  out: PricebookIssue[],
  open: Set<object> = new Set(),
): void {
  if (typeof value !== "object" || value === null) return;
  if (open.has(value)) {
    out.push({
      code: "INVALID_TABLE",
      path,
      message: "this value contains itself; a table is plain JSON",
    });
    return;
  }
  if (path.length >= MAX_DEPTH) {
    out.push({ code: "INVALID_TABLE", path, message: `nested more than ${MAX_DEPTH} levels deep` });
    return;
  }
  open.add(value);
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  for (const [key, child] of entries) {
    if (typeof key === "string" && FORBIDDEN_KEYS.has(key)) {
      out.push({
        code: "INVALID_TABLE",
        path: [...path, key],
        message: `the key "${key}" is not allowed`,
      });
    } else {
      findForbiddenKeys(child, [...path, key], out, open);
    }
  }
  open.delete(value);
}

/**
 * Where JSON.parse stopped, never what it read: the engine's message quotes the input (a
 * secret or a terminal escape sequence could be in it), so only its position is kept.
 */
function notJson(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/end of (JSON )?input|unterminated/i.test(message)) return "not JSON: it ends too soon";
  const match = /position (\d+)/.exec(message);
  if (match === null) return "not JSON: a character where JSON does not allow one";
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `not JSON: a character where JSON does not allow one, at line ${line}, column ${column}`;
}

function failure(issues: PricebookIssue[]): SafeParseTableResult {
  return { success: false, error: tableError(issues) };
}
