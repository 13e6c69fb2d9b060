import { isRecord } from "../catalog/validate.js";
import { type ErrorPath, pricebookError } from "../errors.js";
import type { Usage } from "../pricing/normalizeUsage.js";
import { isCount, toTokenCount } from "../pricing/tokens.js";
import { assertKnownFields, type FieldSpec } from "./knownFields.js";

/** The response shapes a reader exists for, one per API flavour. */
export type ResponseShape =
  | "openai-chat"
  | "openai-responses"
  | "openai-realtime"
  | "openai-embeddings"
  | "openai-transcription"
  | "anthropic"
  | "bedrock-converse"
  | "gemini"
  | "gemini-live"
  | "xai"
  | "mistral"
  | "deepseek"
  | "moonshot"
  | "cohere"
  | "ai-sdk"
  | "langchain";

/** What a reader found in one body. @internal */
export interface UsageRead {
  readonly shape: ResponseShape;
  /** The usage, in the library's convention; `inferenceGeo` where the body states a region. */
  readonly usage: Usage;
  /** The model the body names, or null (a stream event or an SDK value may name none). */
  readonly model: string | null;
  /** The service tier the body states; undefined for the standard tier. */
  readonly serviceTier: string | undefined;
}

/**
 * One API flavour's reader. `evidence` looks for fields only that API writes (2), for a shape it
 * shares with others (1), or finds none (0); `read` is strict: every numeric field of the usage
 * is known, or the read fails with `UNRECOGNIZED_USAGE`.
 *
 * @internal
 */
export interface ResponseReader {
  readonly shape: ResponseShape;
  /** `usage` is `body.usage` when that is an object, else the body itself. */
  evidence(
    body: Readonly<Record<string, unknown>>,
    usage: Readonly<Record<string, unknown>>,
  ): 0 | 1 | 2;
  read(body: Readonly<Record<string, unknown>>): UsageRead;
}

/**
 * The usage object of a body: `body[key]` when it is an object, else the body itself when it
 * has the usage's own fields (a bare usage object was passed).
 *
 * @internal
 */
export function usageIn(
  body: Readonly<Record<string, unknown>>,
  key: string,
): { readonly usage: Record<string, unknown>; readonly path: ErrorPath } {
  const inner = body[key];
  // Paths start at "usage" whatever the body calls it, as the adapters' errors always have.
  if (isRecord(inner)) return { usage: inner, path: ["usage"] };
  if (inner !== undefined && inner !== null) {
    throw pricebookError("INVALID_USAGE", [key], "expected a usage object");
  }
  return { usage: body as Record<string, unknown>, path: ["usage"] };
}

/**
 * Checks a usage object against the fields its reader knows (see {@link assertKnownFields}).
 *
 * @internal
 */
export function known(
  usage: unknown,
  spec: FieldSpec | readonly FieldSpec[],
  path: ErrorPath,
): void {
  assertKnownFields(usage, spec, path);
}

/** A count at `key` of `object` (0 when absent or null); anything but a count throws. @internal */
export function countOf(object: unknown, key: string, path: ErrorPath, required = false): number {
  const value = isRecord(object) ? object[key] : undefined;
  if (value === undefined || value === null) {
    if (required) throw pricebookError("INVALID_USAGE", [...path, key], `missing ${key}`);
    return 0;
  }
  return isCount(value) ? value : toTokenCount(value, [...path, key]);
}

/**
 * A count already read by name (`count(usage.prompt_tokens, …)`: a named read per call site is
 * cheaper on the log path than {@link countOf}'s keyed one); 0 when absent or null.
 *
 * @internal
 */
export function count(value: unknown, path: ErrorPath, key: string, required = false): number {
  if (
    typeof value === "number" &&
    Number.isSafeInteger(value) &&
    value >= 0 &&
    !Object.is(value, -0)
  ) {
    return value;
  }
  if (value === undefined || value === null) {
    if (required) throw pricebookError("INVALID_USAGE", [...path, key], `missing ${key}`);
    return 0;
  }
  return toTokenCount(value, [...path, key]);
}

/** A sum of counts, refused past 2^53 − 1. @internal */
export function sum(path: ErrorPath, a: number, b: number, c = 0, d = 0, e = 0, f = 0): number {
  // Fixed parameters, not a rest array: readers call this for every record of a log.
  const total = a + b + c + d + e + f;
  if (!Number.isSafeInteger(total)) {
    throw pricebookError("INVALID_USAGE", path, "token counts add up to more than 2^53 − 1");
  }
  return total;
}

/** The service tier a body states, undefined for the standard one (`default`, `auto`…). @internal */
export function serviceTierOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return STANDARD_TIERS.has(value) ? undefined : value;
}
const STANDARD_TIERS = /* @__PURE__ */ new Set([
  "default",
  "standard",
  "auto",
  "on_demand",
  "standard_only",
]);

/** The model a body names: the first non-empty string among `values`. @internal */
export function modelOf(a: unknown, b?: unknown, c?: unknown): string | null {
  // Fixed parameters, not a rest array: called for every record of a log.
  if (typeof a === "string" && a !== "") return a;
  if (typeof b === "string" && b !== "") return b;
  return typeof c === "string" && c !== "" ? c : null;
}

/** A usage with only the optional counts above zero, plus the always-present ones. @internal */
export function usageFrom(
  always: Readonly<Record<string, number>>,
  optional: Readonly<Record<string, number | string | undefined>>,
): Usage {
  const usage: Record<string, number | string> = { ...always };
  for (const key in optional) {
    const value = optional[key];
    if (typeof value === "number" ? value > 0 : value !== undefined) usage[key] = value as string;
  }
  return usage as Usage;
}

/** `INVALID_USAGE` unless `part` ≤ `whole`. @internal */
export function partOf(part: number, whole: number, path: ErrorPath, what: string): void {
  if (part > whole) {
    throw pricebookError("INVALID_USAGE", path, `${what} (${part}) cannot exceed ${whole}`);
  }
}

/** A numeric field that is billed but has no rate kind: refused above zero. @internal */
export function unpricedAbove0(count: number, path: ErrorPath, what: string): void {
  if (count > 0) {
    throw pricebookError(
      "UNPRICED_USAGE",
      path,
      `${count} ${what}: the library has no rate kind for it, so the usage is not priced rather than priced without it`,
    );
  }
}

/**
 * An adapter's result: the usage, with the service tier the body states, frozen.
 *
 * @internal
 */
export function adapterUsage(read: UsageRead): Usage {
  const usage =
    read.serviceTier === undefined ? read.usage : { ...read.usage, serviceTier: read.serviceTier };
  return Object.freeze(usage as Usage);
}
