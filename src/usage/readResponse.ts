import { isRecord } from "../catalog/validate.js";
import { PricebookError, pricebookError } from "../errors.js";
import { modelOf, type ResponseReader, type ResponseShape, type UsageRead } from "./reader.js";
import { readerBits } from "./readerBits.js";
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
