import { isRecord } from "../catalog/validate.js";
import { PricebookError, pricebookError } from "../errors.js";
import { modelOf, type ResponseReader, type ResponseShape, type UsageRead } from "./reader.js";
import { aiSdk } from "./readers/aiSdk.js";
import { anthropic } from "./readers/anthropic.js";
import { bedrockConverse } from "./readers/bedrockConverse.js";
import { cohere } from "./readers/cohere.js";
import { gemini, geminiLive } from "./readers/gemini.js";
import { langchain } from "./readers/langchain.js";
import { openaiChat } from "./readers/openaiChat.js";
import { deepseek, mistral, moonshot, xai } from "./readers/openaiCompatible.js";
import { openaiEmbeddings } from "./readers/openaiEmbeddings.js";
import { openaiRealtime } from "./readers/openaiRealtime.js";
import { openaiResponses } from "./readers/openaiResponses.js";
import { openaiTranscription } from "./readers/openaiTranscription.js";

/**
 * Every reader, vendor-specific ones first: when several have evidence for a body and all
 * fail, the first one's error is the one reported.
 */
const READERS: readonly ResponseReader[] = [
  xai,
  deepseek,
  mistral,
  moonshot,
  cohere,
  openaiRealtime,
  openaiTranscription,
  openaiEmbeddings,
  langchain,
  aiSdk,
  bedrockConverse,
  gemini,
  geminiLive,
  anthropic,
  openaiResponses,
  openaiChat,
];
/** The OpenAI family older releases named: the reader is picked by evidence within it. */
const OPENAI_FAMILY: readonly ResponseReader[] = [
  openaiRealtime,
  openaiTranscription,
  openaiEmbeddings,
  openaiResponses,
  openaiChat,
];

/** The response shapes, in the order docs/billing.md lists them (a literal: see the tests). */
export const RESPONSE_SHAPES: readonly ResponseShape[] = Object.freeze([
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

/** The readers a shape name stands for; undefined for a name that is no shape. */
function readersOf(shape: string): readonly ResponseReader[] | undefined {
  if (shape === "openai") return OPENAI_FAMILY;
  const reader = READERS.find((candidate) => candidate.shape === shape);
  return reader === undefined ? undefined : [reader];
}

/** A shape name `readResponse` takes: a reader's shape, or the `openai` family. @internal */
export function isResponseShape(value: unknown): boolean {
  return typeof value === "string" && readersOf(value) !== undefined;
}

/**
 * The body a reader reads, once a stream event that carries the final usage or a Batch API
 * result line is unwrapped. A batch line's body was billed at the batch tier.
 *
 * @internal
 */
export function unwrapEvent(
  body: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const type = body.type;
  if (typeof type === "string") {
    // OpenAI Responses (`response.completed` …) and Realtime (`response.done`) events.
    if (type.startsWith("response.") && isRecord(body.response)) return body.response;
    if (type === "message_start") {
      throw pricebookError(
        "INVALID_RECORD",
        ["type"],
        "a message_start event carries the usage at the start of the stream, not the final one: price the message_delta event (or the whole message)",
      );
    }
  }
  if (typeof body.custom_id === "string") {
    // An OpenAI Batch API output line, and an Anthropic Message Batches result (batch tier).
    const response = body.response;
    if (isRecord(response) && isRecord(response.body)) return response.body;
    const result = body.result;
    if (isRecord(result) && result.type === "succeeded" && isRecord(result.message)) {
      return result.message;
    }
    throw pricebookError(
      "INVALID_RECORD",
      ["custom_id"],
      "a batch result line without a succeeded response: nothing was billed for it",
    );
  }
  // A Bedrock ConverseStream `metadata` event.
  const metadata = body.metadata;
  if (isRecord(metadata) && isRecord(metadata.usage) && "inputTokens" in metadata.usage) {
    return metadata;
  }
  return body;
}

/**
 * Reads the usage of a provider response, stream event or SDK value. With `shape`, that reader
 * (or family) reads it; else the readers with positive evidence for the body do: fields only one
 * API writes beat a shape several share, and when several readers can read it and disagree, the
 * body is `AMBIGUOUS_SHAPE`, naming them.
 *
 * @throws PricebookError `INVALID_RECORD` when no reader recognises the body; `AMBIGUOUS_SHAPE`;
 *   a reader's `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE`
 * @internal
 */
export function readResponse(body: unknown, shape?: string): UsageRead {
  if (!isRecord(body)) {
    throw pricebookError("INVALID_USAGE", ["usage"], "expected a response or usage object");
  }
  return readUnwrapped(body, unwrapEvent(body), shape);
}

/**
 * {@link readResponse} of a body whose stream event or batch line the caller has unwrapped
 * (`inner`), for the log reader, which also takes the record's time from it.
 *
 * @internal
 */
export function readUnwrapped(
  body: Readonly<Record<string, unknown>>,
  inner: Readonly<Record<string, unknown>>,
  shape?: string,
): UsageRead {
  const candidates = shape === undefined ? candidatesFor(inner) : forcedReaders(inner, shape);
  if (candidates.length === 0) {
    throw pricebookError(
      "INVALID_RECORD",
      ["usage"],
      'no reader recognises this body; see docs/billing.md, "Reading responses", for the shapes and the fields that identify them',
    );
  }
  // One candidate (the usual case): its read, or its error.
  const read =
    candidates.length === 1
      ? (candidates[0] as ResponseReader).read(inner)
      : readAll(candidates, inner);
  if (inner === body) return read;
  const model = read.model ?? modelOf(body.model, body.modelId);
  // A batch line's body was billed at the batch tier.
  const batch = typeof body.custom_id === "string";
  const serviceTier = batch ? (read.serviceTier ?? "batch") : read.serviceTier;
  if (batch && serviceTier !== "batch") {
    throw pricebookError(
      "INVALID_RECORD",
      ["custom_id"],
      `a batch result whose body says service tier ${JSON.stringify(serviceTier)}`,
    );
  }
  return model === read.model && serviceTier === read.serviceTier
    ? read
    : { ...read, model, serviceTier };
}

/** Every candidate's read: the first, when all that read the body agree. */
function readAll(
  candidates: readonly ResponseReader[],
  inner: Readonly<Record<string, unknown>>,
): UsageRead {
  const reads: UsageRead[] = [];
  let firstError: PricebookError | undefined;
  for (const reader of candidates) {
    try {
      reads.push(reader.read(inner));
    } catch (error) {
      if (!(error instanceof PricebookError)) throw error;
      firstError ??= error;
    }
  }
  const read = reads[0];
  if (read === undefined) throw firstError as PricebookError;
  const differing = reads.filter((other) => !sameReading(read, other));
  if (differing.length > 0) {
    throw pricebookError(
      "AMBIGUOUS_SHAPE",
      ["usage"],
      `the body reads differently as ${[read, ...differing].map((r) => r.shape).join(" and ")}; name its shape (--shape / the shape option)`,
    );
  }
  return read;
}

/**
 * The readers whose evidence can be non-zero for a body with these keys, as bits of READERS'
 * indexes: each reader's evidence reads only the keys listed for it (a test holds the two to
 * each other). Looking a body's keys up here spares the sixteen evidence calls per record.
 */
const KEY_READERS: Readonly<Record<string, number>> = {
  __proto__: null,
  num_sources_used: 1 << 0,
  cached_prompt_text_tokens: 1 << 0,
  prompt_cache_hit_tokens: 1 << 1,
  prompt_cache_miss_tokens: 1 << 1,
  num_cached_tokens: 1 << 2,
  prompt_audio_seconds: 1 << 2,
  cached_tokens: 1 << 3,
  billed_units: 1 << 4,
  meta: 1 << 4,
  input_token_details: (1 << 5) | (1 << 8),
  usage_metadata: 1 << 8,
  kwargs: 1 << 8,
  output_token_details: 1 << 8,
  inputTokenDetails: 1 << 9,
  outputTokenDetails: 1 << 9,
  cachedInputTokens: 1 << 9,
  reasoningTokens: 1 << 9,
  promptTokens: 1 << 9,
  completionTokens: 1 << 9,
  totalUsage: 1 << 9,
  inputTokens: (1 << 9) | (1 << 10),
  serverToolUsage: 1 << 10,
  prompt_tokens: 1 << 7,
  usageMetadata: (1 << 12) | (1 << 11),
  responseTokenCount: 1 << 12,
  responseTokensDetails: 1 << 12,
  promptTokenCount: (1 << 12) | (1 << 11),
  cache_creation_input_tokens: 1 << 13,
  cache_read_input_tokens: 1 << 13,
  cache_creation: 1 << 13,
  server_tool_use: 1 << 13,
  inference_geo: 1 << 13,
  iterations: 1 << 13,
  input_tokens: (1 << 13) | (1 << 14),
  input_tokens_details: 1 << 14,
  completion_tokens: 1 << 15,
  candidatesTokenCount: 1 << 11,
  candidatesTokensDetails: 1 << 11,
  candidates: 1 << 11,
} as unknown as Record<string, number>;

/** The bits of KEY_READERS for the keys of a body and of its usage. @internal */
export function readerBits(
  body: Readonly<Record<string, unknown>>,
  usage: Readonly<Record<string, unknown>>,
): number {
  let bits = 0;
  for (const key in body) bits |= KEY_READERS[key] ?? 0;
  if (usage !== body) for (const key in usage) bits |= KEY_READERS[key] ?? 0;
  // Three keys count by their value: `object`, `type` (of the body, and of a usage: a
  // transcription's) and a `grok-` model.
  const object = body.object;
  if (typeof object === "string") bits |= VALUE_READERS[object] ?? 0;
  const type = body.type;
  if (typeof type === "string") bits |= VALUE_READERS[type] ?? 0;
  const usageType = usage.type;
  if (typeof usageType === "string") bits |= VALUE_READERS[usageType] ?? 0;
  const model = body.model;
  if (typeof model === "string" && model.startsWith("grok-")) bits |= 1 << 0;
  return bits;
}
const VALUE_READERS: Readonly<Record<string, number>> = {
  __proto__: null,
  "chat.completion": 1 << 15,
  "chat.completion.chunk": 1 << 15,
  response: 1 << 14,
  "realtime.response": 1 << 5,
  list: 1 << 7,
  message: 1 << 13,
  message_delta: 1 << 13,
  tokens: 1 << 6,
  duration: 1 << 6,
} as unknown as Record<string, number>;

function candidatesFor(body: Readonly<Record<string, unknown>>): readonly ResponseReader[] {
  const usage = isRecord(body.usage) ? body.usage : body;
  const bits = readerBits(body, usage);
  let strong: ResponseReader[] | undefined;
  let weak: ResponseReader[] | undefined;
  for (let i = 0; i < READERS.length; i++) {
    if ((bits & (1 << i)) === 0) continue;
    const reader = READERS[i] as ResponseReader;
    const evidence = reader.evidence(body, usage);
    if (evidence === 2) {
      strong ??= [];
      strong.push(reader);
    } else if (evidence === 1 && strong === undefined) {
      weak ??= [];
      weak.push(reader);
    }
  }
  return strong ?? weak ?? [];
}

/** Every reader's evidence for a body, without the key index (for the tests). @internal */
export function evidenceOfAll(body: Readonly<Record<string, unknown>>): readonly number[] {
  const usage = isRecord(body.usage) ? body.usage : body;
  return READERS.map((reader) => reader.evidence(body, usage));
}

/** The readers' shapes in index order (for the tests). @internal */
export function readerOrder(): readonly string[] {
  return READERS.map((reader) => reader.shape);
}

function forcedReaders(
  body: Readonly<Record<string, unknown>>,
  shape: string,
): readonly ResponseReader[] {
  const family = readersOf(shape);
  if (family === undefined) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["shape"],
      `unknown shape ${JSON.stringify(shape)}; use one of openai, ${RESPONSE_SHAPES.join(", ")}`,
    );
  }
  if (family.length === 1) return family;
  const usage = isRecord(body.usage) ? body.usage : body;
  const strong = family.filter((reader) => reader.evidence(body, usage) === 2);
  if (strong.length > 0) return strong;
  const weak = family.filter((reader) => reader.evidence(body, usage) === 1);
  return weak.length > 0 ? weak : family.slice(-1);
}

function sameReading(a: UsageRead, b: UsageRead): boolean {
  if (a.serviceTier !== b.serviceTier) return false;
  const x = a.usage as Record<string, unknown>;
  const y = b.usage as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if ((x[key] ?? 0) !== (y[key] ?? 0)) return false;
  return true;
}
