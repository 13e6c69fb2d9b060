/**
 * The stable codes a {@link PricebookError} carries. A code never changes meaning between
 * releases; messages may be reworded.
 */
export type PricebookErrorCode =
  | "INVALID_AMOUNT"
  | "INVALID_ARGUMENT"
  | "INVALID_TABLE"
  | "INVALID_USAGE"
  | "UNKNOWN_MODEL"
  | "AMBIGUOUS_MODEL"
  | "UNKNOWN_TABLE"
  | "NO_TABLE_IN_EFFECT"
  | "UNPRICED_USAGE"
  | "UNKNOWN_COMMAND"
  | "UNKNOWN_FLAG"
  | "MISSING_ARGUMENT"
  | "INVALID_CATALOG"
  | "INVALID_RECORD"
  | "UNRECOGNIZED_USAGE"
  | "AMBIGUOUS_SHAPE"
  | "LIMIT_EXCEEDED"
  | "IO_ERROR";

/** A path to the offending field: object keys and array indexes, outermost first. */
export type ErrorPath = readonly (string | number)[];

/** One problem found while validating input (a table may have several). */
export interface PricebookIssue {
  readonly code: PricebookErrorCode;
  readonly path: ErrorPath;
  readonly message: string;
}

/**
 * Marks a PricebookError whichever copy of the library made it: the ESM and CommonJS builds
 * each hold their own class, so `instanceof` checks this registry-wide symbol, not the class.
 */
const BRAND: unique symbol = Symbol.for("llm-pricebook.error") as never;

/**
 * The one error class of llm-pricebook. Bad input never produces a number: it produces this,
 * with a stable {@link PricebookErrorCode}, the `path` of the offending field and a message
 * that says what to do. `code`, `path`, `issues` and `suggestions` are read-only at run time
 * too, and `instanceof PricebookError` holds for an error made by either build of the
 * package (ESM `import` or CommonJS `require`) in the same process.
 *
 * @example
 * try {
 *   quote(table, "gpt-4o-17k");
 * } catch (error) {
 *   if (error instanceof PricebookError) error.code;
 * }
 * //=> "UNKNOWN_MODEL"
 */
export class PricebookError extends Error {
  declare readonly name: "PricebookError";
  declare readonly code: PricebookErrorCode;
  declare readonly path: ErrorPath;
  /** Every problem found, when validation collected more than one; else just this one. */
  declare readonly issues: readonly PricebookIssue[];
  /** For `UNKNOWN_MODEL`: the nearest names, at most three; else empty. */
  declare readonly suggestions: readonly string[];

  /** True for any PricebookError, from this build of the library or another. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as { readonly [BRAND]?: unknown })[BRAND] === true
    );
  }

  constructor(
    code: PricebookErrorCode,
    path: ErrorPath,
    message: string,
    options: { issues?: readonly PricebookIssue[]; suggestions?: readonly string[] } = {},
  ) {
    super(message);
    const frozenPath = Object.freeze([...path]);
    const fixed = (value: unknown) => ({ value, enumerable: true, writable: false });
    Object.defineProperties(this, {
      name: { value: "PricebookError", enumerable: false, writable: false },
      code: fixed(code),
      path: fixed(frozenPath),
      issues: fixed(
        Object.freeze(options.issues ?? [Object.freeze({ code, path: frozenPath, message })]),
      ),
      suggestions: fixed(Object.freeze([...(options.suggestions ?? [])])),
      [BRAND]: { value: true },
    });
  }
}

/**
 * Renders an error's path the way messages show it.
 *
 * @example
 * formatPath(["models", "gpt-4o", "tiers", 0, "input"]);
 * //=> "models.gpt-4o.tiers[0].input"
 */
export function formatPath(path: ErrorPath): string {
  if (!Array.isArray(path)) {
    throw new PricebookError("INVALID_ARGUMENT", ["path"], "expected an array of keys and indexes");
  }
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

/** Builds an error whose message is prefixed with its path when there is one. */
export function pricebookError(
  code: PricebookErrorCode,
  path: ErrorPath,
  message: string,
): PricebookError {
  const where = formatPath(path);
  return new PricebookError(code, path, where === "" ? message : `${where}: ${message}`);
}
