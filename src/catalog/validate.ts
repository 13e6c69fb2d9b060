import { type ErrorPath, PricebookError, type PricebookIssue } from "../errors.js";
import { describe } from "../money/toDecimal.js";

/** Problems found so far while checking one table. @internal */
export type IssueList = PricebookIssue[];

const ID = /^[a-z0-9][a-z0-9._-]*$/;
// Model ids and aliases may also carry the ':' and '@' of vendor ids (`…-v1:0`, `…@20250514`).
const MODEL_ID = /^[a-z0-9][a-z0-9._:@-]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A non-negative decimal string: digits, optionally a point and more digits. */
export const DECIMAL = /^\d+(\.\d+)?$/;
/** Keys that could reach an object's prototype; never accepted as ids. */
export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** @internal */
export function addIssue(issues: IssueList, path: ErrorPath, message: string): void {
  issues.push(Object.freeze({ code: "INVALID_TABLE", path: Object.freeze([...path]), message }));
}

/** True when `text` is a calendar date that exists, `YYYY-MM-DD`. @internal */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== "string") return false;
  const match = DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** @internal */
export function checkDate(issues: IssueList, path: ErrorPath, value: unknown): void {
  if (!isIsoDate(value)) {
    addIssue(issues, path, `expected a date that exists, YYYY-MM-DD, got ${describe(value)}`);
  }
}

/** @internal */
export function checkId(issues: IssueList, path: ErrorPath, value: unknown): value is string {
  if (typeof value !== "string" || FORBIDDEN_KEYS.has(value) || !ID.test(value)) {
    addIssue(
      issues,
      path,
      `expected a lower-case id of letters, digits, ".", "_" and "-" (not __proto__, constructor or prototype), got ${describe(value)}`,
    );
    return false;
  }
  return true;
}

/** A model id or alias: an id that may also hold ':' and '@'. @internal */
export function checkModelId(issues: IssueList, path: ErrorPath, value: unknown): value is string {
  if (typeof value !== "string" || FORBIDDEN_KEYS.has(value) || !MODEL_ID.test(value)) {
    addIssue(
      issues,
      path,
      `expected a lower-case model id of letters, digits, ".", "_", "-", ":" and "@" (not __proto__, constructor or prototype), got ${describe(value)}`,
    );
    return false;
  }
  return true;
}

/** A non-negative decimal string. @internal */
export function checkDecimal(issues: IssueList, path: ErrorPath, value: unknown): boolean {
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    addIssue(issues, path, `expected a decimal string like "0.0000025", got ${describe(value)}`);
    return false;
  }
  return true;
}

/** An integer count of tokens: at least `min`, at most 2^53 − 1. @internal */
export function checkCount(
  issues: IssueList,
  path: ErrorPath,
  value: unknown,
  min: number,
): boolean {
  if (
    typeof value !== "number" ||
    !Number.isSafeInteger(value) ||
    value < min ||
    Object.is(value, -0)
  ) {
    const what = min > 0 ? "a positive integer" : "a non-negative integer";
    addIssue(issues, path, `expected ${what}, got ${describe(value)}`);
    return false;
  }
  return true;
}

/** A non-empty string. @internal */
export function checkText(issues: IssueList, path: ErrorPath, value: unknown): value is string {
  if (typeof value !== "string" || value.trim() === "") {
    addIssue(issues, path, `expected a non-empty string, got ${describe(value)}`);
    return false;
  }
  return true;
}

/** True for a plain object (not null, not an array). @internal */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The own keys of a record, each checked as an id. @internal */
export function idKeys(
  issues: IssueList,
  path: ErrorPath,
  value: unknown,
  check: typeof checkId = checkId,
): string[] {
  if (!isRecord(value)) {
    addIssue(issues, path, `expected an object keyed by id, got ${describe(value)}`);
    return [];
  }
  return Object.keys(value).filter((key) => check(issues, [...path, key], key));
}

/** One `INVALID_TABLE` error carrying every problem found, the first one's path as its own. @internal */
export function tableError(issues: readonly PricebookIssue[]): PricebookError {
  const lines = issues.map(
    (issue) => `${issue.path.length === 0 ? "(table)" : issue.path.join(".")}: ${issue.message}`,
  );
  const message =
    issues.length === 1
      ? `invalid pricing table: ${lines[0]}`
      : `invalid pricing table, ${issues.length} problems:\n  ${lines.join("\n  ")}`;
  return new PricebookError("INVALID_TABLE", issues[0]?.path ?? [], message, { issues });
}
