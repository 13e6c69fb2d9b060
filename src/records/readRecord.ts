import { isRecord } from "../catalog/validate.js";
import { PricebookError, pricebookError } from "../errors.js";
import type { Usage } from "../pricing/normalizeUsage.js";
import type { ResponseShape, UsageRead } from "../usage/reader.js";
import { readUnwrapped, unwrapEvent } from "../usage/readResponse.js";
import { GEN_AI } from "./otelAttributes.js";
import { hrTimeSeconds, spanIdentity } from "./spanIdentity.js";

/**
 * The record shapes a log may hold (see {@link priceRecords}): a flat record, an OpenTelemetry
 * span or export, a provider response of one of the {@link ResponseShape}s, or `openai`, the
 * OpenAI family (the reader is picked by the body's fields).
 */
export type RecordShape = "flat" | "otel" | "openai" | ResponseShape;

/** The record shapes, in the order they are documented. */
export const RECORD_SHAPES: readonly RecordShape[] = /* @__PURE__ */ Object.freeze([
  "flat",
  "otel",
  "openai",
  "xai",
  "deepseek",
  "mistral",
  "moonshot",
  "cohere",
  "openai-realtime",
  "openai-transcription",
  "openai-embeddings",
  "langchain",
  "ai-sdk",
  "bedrock-converse",
  "gemini",
  "gemini-live",
  "anthropic",
  "openai-responses",
  "openai-chat",
] as const);

/** A dimension's value as a row keeps it. */
export type Dimension = string | number | boolean | null | readonly unknown[] | object;

/** One usage read out of a record, before it is priced. @internal */
export interface UsageItem {
  readonly shape: RecordShape;
  readonly model: string | null;
  /** `gen_ai.provider.name` of a span; null elsewhere. */
  readonly provider: string | null;
  /** When the usage happened: an ISO string, Unix seconds or Unix nanoseconds. */
  readonly at: { readonly kind: "iso" | "seconds" | "nanos"; readonly value: unknown } | null;
  readonly usage: Usage | null;
  /**
   * A flat record's counts are read from this object (the record, or its `usage`) by name;
   * its other keys are dimensions, not usage. Null for the other shapes.
   */
  readonly counts: Readonly<Record<string, unknown>> | null;
  readonly serviceTier: string | undefined;
  readonly dimensions: Readonly<Record<string, Dimension>>;
  /** Why the usage could not be read, when it could not. */
  readonly error: PricebookError | null;
}

/** A flat record's keys that are not dimensions. @internal */
export const FLAT_KEYS: ReadonlySet<string> = new Set([
  "model",
  "at",
  "input",
  "output",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "reasoning",
  "serviceTier",
]);
/** The usage counts of a flat record. @internal */
export const USAGE_KEYS = [
  "input",
  "output",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "reasoning",
  "audioInput",
  "imageInput",
  "audioOutput",
  "webSearch",
] as const;
const RESPONSE_KEYS = new Set([
  "model",
  "modelId",
  "usage_metadata",
  "totalUsage",
  "metrics",
  "modelVersion",
  "usage",
  "usageMetadata",
  "at",
  "created",
  "created_at",
  "createTime",
  "service_tier",
]);
const EMPTY: Readonly<Record<string, Dimension>> = Object.freeze({});

/**
 * Reads the usages of one record: one for a flat record, a provider response or a span, one
 * per GenAI span of an OTLP/JSON export (an array). `shape` forces a shape; else it is
 * detected.
 *
 * @internal
 */
export function readRecord(
  record: unknown,
  shape: RecordShape | undefined,
  keys?: ReadonlySet<string>,
): UsageItem | readonly UsageItem[] {
  if (!isRecord(record)) return failed("flat", null, EMPTY, notARecord(record));
  const detected = shape ?? detectShape(record);
  switch (detected) {
    case "flat":
      return readFlat(record, keys);
    case "otel":
      return readOtel(record, keys);
    default:
      return readResponseRecord(record, detected, keys);
  }
}

/**
 * A flat record or a span, from the fields it has; a provider response is left to the
 * readers (undefined), which detect its API by positive evidence.
 */
function detectShape(record: Record<string, unknown>): "flat" | "otel" | undefined {
  const { input, output } = record;
  // A flat record's counts are numbers (or text from a CSV cell); a Responses API object's
  // `output` is an array.
  if (isFlatCount(input) || isFlatCount(output)) return "flat";
  const usage = record.usage;
  if (isRecord(usage) && ("input" in usage || "output" in usage)) return "flat";
  if (Array.isArray(record.resourceSpans) || Array.isArray(record.attributes)) return "otel";
  if (
    isRecord(record.attributes) &&
    (record.startTimeUnixNano !== undefined || hrTimeSeconds(record.startTime) !== undefined)
  ) {
    return "otel"; // an OTLP/JSON span with plain attributes, or an SDK ReadableSpan
  }
  return undefined;
}

function isFlatCount(value: unknown): boolean {
  return typeof value === "number" || typeof value === "string";
}

function readFlat(record: Record<string, unknown>, keys?: ReadonlySet<string>): UsageItem {
  // `{ model, usage: { input, output } }` is flat too.
  const source = isRecord(record.usage) && !("input" in record) ? record.usage : record;
  const dimensions: Record<string, Dimension> = {};
  for (const key in record) {
    if (
      !FLAT_KEYS.has(key) &&
      !(source !== record && key === "usage") &&
      (keys === undefined || keys.has(key))
    ) {
      dimensions[key] = record[key] as Dimension;
    }
  }
  const serviceTier = record.serviceTier ?? source.serviceTier;
  return {
    shape: "flat",
    model: stringOr(record.model),
    provider: null,
    at: record.at === undefined || record.at === null ? null : { kind: "iso", value: record.at },
    usage: null,
    counts: source,
    serviceTier:
      serviceTier === undefined || serviceTier === null || serviceTier === "standard"
        ? undefined
        : (serviceTier as string),
    dimensions,
    error: null,
  };
}

function readResponseRecord(
  record: Record<string, unknown>,
  shape: RecordShape | undefined,
  keys?: ReadonlySet<string>,
): UsageItem {
  const dimensions = primitives(record, RESPONSE_KEYS, keys);
  let read: UsageRead;
  let body: Readonly<Record<string, unknown>> = record;
  try {
    body = unwrapEvent(record);
    read = readUnwrapped(record, body, shape);
  } catch (error) {
    if (!(error instanceof PricebookError)) throw error;
    const model = stringOr(body.model) ?? stringOr(body.modelVersion) ?? stringOr(record.model);
    return failed(isResponse(shape) ? shape : "flat", model, dimensions, error);
  }
  return {
    shape: read.shape,
    model: read.model ?? stringOr(record.model),
    provider: null,
    at: body === record ? timeOf(record) : (timeOf(body) ?? timeOf(record)),
    usage: read.usage,
    counts: null,
    serviceTier: read.serviceTier,
    dimensions,
    error: null,
  };
}

/** When a response says it happened: `at`, else its creation time. */
function timeOf(body: Readonly<Record<string, unknown>>): UsageItem["at"] {
  if (body.at !== undefined) return { kind: "iso", value: body.at };
  if (body.created_at !== undefined) return { kind: "seconds", value: body.created_at };
  if (body.created !== undefined) return { kind: "seconds", value: body.created };
  if (body.createTime !== undefined) return { kind: "iso", value: body.createTime };
  return null;
}

function isResponse(shape: RecordShape | undefined): shape is RecordShape {
  return shape !== undefined && shape !== "flat" && shape !== "otel";
}

function readOtel(
  record: Record<string, unknown>,
  keys?: ReadonlySet<string>,
): UsageItem | readonly UsageItem[] {
  if (!Array.isArray(record.resourceSpans)) return readSpan(record, EMPTY, keys);
  const items: UsageItem[] = [];
  for (const resourceSpans of record.resourceSpans) {
    const resource = isRecord(resourceSpans) ? resourceSpans.resource : undefined;
    const resourceAttributes = attributesOf(isRecord(resource) ? resource.attributes : undefined);
    const scopes = isRecord(resourceSpans) ? resourceSpans.scopeSpans : undefined;
    if (!Array.isArray(scopes)) continue;
    for (const scope of scopes) {
      const spans = isRecord(scope) ? scope.spans : undefined;
      if (!Array.isArray(spans)) continue;
      for (const span of spans) {
        const attributes = isRecord(span) ? attributesOf(span.attributes) : EMPTY;
        // Only GenAI spans carry usage; an HTTP or database span of the same trace is skipped.
        if (
          attributes[GEN_AI.inputTokens] === undefined &&
          attributes[GEN_AI.outputTokens] === undefined &&
          attributes[GEN_AI.promptTokens] === undefined
        ) {
          continue;
        }
        items.push(readSpan(span, resourceAttributes, keys));
      }
    }
  }
  return items;
}

const CONSUMED_ATTRIBUTES = new Set<string>(Object.values(GEN_AI));

function readSpan(
  span: unknown,
  resourceAttributes: Readonly<Record<string, Dimension>>,
  keys?: ReadonlySet<string>,
): UsageItem {
  if (!isRecord(span)) return failed("otel", null, EMPTY, notARecord(span));
  const attributes = attributesOf(span.attributes);
  const dimensions: Record<string, Dimension> = {};
  if (keys !== undefined) {
    // Only the keys asked for: a span's own attribute, else its resource's.
    for (const key of keys) {
      if (Object.hasOwn(attributes, key) && !CONSUMED_ATTRIBUTES.has(key)) {
        dimensions[key] = attributes[key] as Dimension;
      } else if (Object.hasOwn(resourceAttributes, key)) {
        dimensions[key] = resourceAttributes[key] as Dimension;
      }
    }
  } else {
    // Object.keys rather than Object.entries: one array per span, not one per attribute.
    for (const key of Object.keys(resourceAttributes)) {
      dimensions[key] = resourceAttributes[key] as Dimension;
    }
    for (const key of Object.keys(attributes)) {
      if (!CONSUMED_ATTRIBUTES.has(key)) dimensions[key] = attributes[key] as Dimension;
    }
  }
  Object.assign(dimensions, spanIdentity(span, keys));
  const model = stringOr(attributes[GEN_AI.responseModel] ?? attributes[GEN_AI.requestModel]);
  const provider = stringOr(attributes[GEN_AI.providerName] ?? attributes[GEN_AI.system]);
  const seconds = hrTimeSeconds(span.startTime);
  const at =
    span.startTimeUnixNano !== undefined
      ? { kind: "nanos" as const, value: span.startTimeUnixNano }
      : seconds === undefined
        ? null
        : { kind: "seconds" as const, value: seconds };
  try {
    const count = (name: string, fallback?: string): number | undefined => {
      const value = attributes[name] ?? (fallback === undefined ? undefined : attributes[fallback]);
      if (value === undefined || value === null) return undefined;
      return toCount(value, name);
    };
    const input = count(GEN_AI.inputTokens, GEN_AI.promptTokens);
    const output = count(GEN_AI.outputTokens, GEN_AI.completionTokens);
    // The conventions count cache reads and writes inside input_tokens and reasoning inside
    // output_tokens — the library's own convention — so they are copied, never added.
    const usage: Record<string, number | undefined> = {
      input: input ?? 0,
      output: output ?? 0,
    };
    if (input === undefined && output === undefined) {
      throw pricebookError(
        "INVALID_USAGE",
        ["attributes", GEN_AI.inputTokens],
        "the span has no token counts",
      );
    }
    const cachedInput = count(GEN_AI.cacheReadInputTokens);
    const cacheWrite = count(GEN_AI.cacheCreationInputTokens);
    const reasoning = count(GEN_AI.reasoningOutputTokens);
    if (cachedInput !== undefined) usage.cachedInput = cachedInput;
    if (cacheWrite !== undefined) usage.cacheWrite = cacheWrite;
    if (reasoning !== undefined) usage.reasoning = reasoning;
    return {
      shape: "otel",
      model,
      provider,
      at,
      usage: usage as Usage,
      counts: null,
      serviceTier: undefined,
      dimensions,
      error: null,
    };
  } catch (error) {
    if (!(error instanceof PricebookError)) throw error;
    return failed("otel", model, dimensions, error);
  }
}

/**
 * A span's attributes as plain values: OTLP/JSON's `[{ key, value: { stringValue | intValue
 * | doubleValue | boolValue } }]` (intValue a string or a number), or an already plain object.
 */
function attributesOf(raw: unknown): Readonly<Record<string, Dimension>> {
  if (isRecord(raw)) return raw as Record<string, Dimension>;
  if (!Array.isArray(raw)) return EMPTY;
  const out: Record<string, Dimension> = {};
  for (const attribute of raw) {
    if (!isRecord(attribute) || typeof attribute.key !== "string") continue;
    const value = attribute.value;
    if (!isRecord(value)) continue;
    if ("stringValue" in value) out[attribute.key] = value.stringValue as Dimension;
    else if ("intValue" in value) out[attribute.key] = intValue(value.intValue);
    else if ("doubleValue" in value) out[attribute.key] = value.doubleValue as Dimension;
    else if ("boolValue" in value) out[attribute.key] = value.boolValue as Dimension;
    else if ("arrayValue" in value) out[attribute.key] = value.arrayValue as Dimension;
  }
  return out;
}

/** OTLP/JSON writes 64-bit ints as strings of digits; a safe integer becomes a number. */
function intValue(value: unknown): Dimension {
  if (typeof value === "string" && /^-?\d{1,16}$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  return value as Dimension;
}

function toCount(value: unknown, name: string): number {
  if (
    typeof value === "number" &&
    Number.isSafeInteger(value) &&
    value >= 0 &&
    !Object.is(value, -0)
  ) {
    return value;
  }
  throw pricebookError(
    "INVALID_USAGE",
    ["attributes", name],
    `expected a whole number of tokens, 0 or more (at most 2^53 − 1), got ${JSON.stringify(value)?.slice(0, 40) ?? String(value)}`,
  );
}

function primitives(
  record: Record<string, unknown>,
  skip: ReadonlySet<string>,
  keys?: ReadonlySet<string>,
): Record<string, Dimension> {
  const out: Record<string, Dimension> = {};
  const take = (key: string) => {
    const value = record[key];
    if (
      value === null ||
      typeof value === "string" ||
      typeof value === "number" ||
      typeof value === "boolean"
    ) {
      out[key] = value;
    }
  };
  if (keys !== undefined) {
    // Only the keys asked for (the group keys of a totals-only read).
    for (const key of keys) if (!skip.has(key) && Object.hasOwn(record, key)) take(key);
  } else {
    for (const key in record) if (!skip.has(key)) take(key);
  }
  return out;
}

function stringOr(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function failed(
  shape: RecordShape,
  model: string | null,
  dimensions: Readonly<Record<string, Dimension>>,
  error: PricebookError,
): UsageItem {
  return {
    shape,
    model,
    provider: null,
    at: null,
    usage: null,
    counts: null,
    serviceTier: undefined,
    dimensions,
    error,
  };
}

function notARecord(value: unknown): PricebookError {
  const what = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
  return new PricebookError(
    "INVALID_RECORD",
    ["record"],
    isRecord(value)
      ? "not a usage record: expected a flat record { model, input, output }, a provider response with usage (OpenAI, Anthropic, Gemini), or an OpenTelemetry GenAI span"
      : `not a usage record: expected a JSON object, got ${what}`,
  );
}
