import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import { describe } from "../money/toDecimal.js";
import { countPresent, isCount, optionalCount, toTokenCount } from "./tokens.js";

/** The parts of a query's input, as the BYOK page lists them. */
export type InputPart =
  | "systemPrompt"
  | "basePrompt"
  | "variables"
  | "labelDefinitions"
  | "functionMetadata"
  | "functionParameters"
  | "functionResponse"
  | "ragContext"
  | "memory";

/** The parts of a query's output. */
export type OutputPart = "textResponse" | "responseMetadata";

/** The input parts, in the page's order. */
export const INPUT_PARTS: readonly InputPart[] = /* @__PURE__ */ Object.freeze([
  "systemPrompt",
  "basePrompt",
  "variables",
  "labelDefinitions",
  "functionMetadata",
  "functionParameters",
  "functionResponse",
  "ragContext",
  "memory",
]);

/** The output parts, in the page's order. */
export const OUTPUT_PARTS: readonly OutputPart[] = /* @__PURE__ */ Object.freeze([
  "textResponse",
  "responseMetadata",
]);

/**
 * The tokens one query used, in the library's one convention: **every count of a part is a
 * part of its total, never beside it.** Cache reads, cache writes, audio and image input are
 * part of `input`; reasoning and audio output are part of `output`. (OpenAI and Gemini report
 * usage this way; Anthropic reports cache tokens beside `input_tokens`, which
 * {@link fromAnthropicUsage} adds in.) Web-search calls are counted on their own.
 */
export interface Usage {
  /** All input tokens, cache reads and writes included. May be left out when `inputParts` are given. */
  readonly input?: number;
  /** All output tokens, reasoning included. May be left out when `outputParts` are given. */
  readonly output?: number;
  /** Of `input`: tokens read from the prompt cache. */
  readonly cachedInput?: number;
  /** Of `input`: tokens written to the prompt cache (the 5-minute cache where there are two). */
  readonly cacheWrite?: number;
  /** Of `input`: tokens written to a 1-hour prompt cache. */
  readonly cacheWrite1h?: number;
  /** Of `output`: reasoning (thinking) tokens. */
  readonly reasoning?: number;
  /** Of `input`: audio tokens (not cache reads, which are `cachedInput` whatever their modality). */
  readonly audioInput?: number;
  /** Of `input`: image tokens (not cache reads). */
  readonly imageInput?: number;
  /** Of `output`: audio tokens. */
  readonly audioOutput?: number;
  /** Web-search tool calls (a count of calls, not tokens). */
  readonly webSearch?: number;
  /** Of `cachedInput`: audio tokens read from the cache. */
  readonly cachedAudioInput?: number;
  /** Of `cachedInput`: image tokens read from the cache. */
  readonly cachedImageInput?: number;
  /** Of `input`: video tokens (not cache reads). */
  readonly videoInput?: number;
  /** Of `output`: image tokens. */
  readonly imageOutput?: number;
  /** Of `output`: video tokens. */
  readonly videoOutput?: number;
  /**
   * The service tier the usage was billed at, as a response states it (the adapters keep it):
   * priced as `{ serviceTier }` is. Giving a different `serviceTier` option is an error.
   */
  readonly serviceTier?: "batch" | "flex" | "priority";
  /**
   * The region a provider billed the request in, with a multiplier of its own (Anthropic's
   * `inference_geo`); absent or `"global"` for the standard rates.
   */
  readonly inferenceGeo?: string;
  /** A breakdown of `input` by the page's parts; its sum must equal `input`. */
  readonly inputParts?: { readonly [part in InputPart]?: number };
  /** A breakdown of `output`; its sum must equal `output`. */
  readonly outputParts?: { readonly [part in OutputPart]?: number };
}

/** A validated usage with every count present. @internal */
export interface NormalUsage {
  readonly input: number;
  readonly output: number;
  readonly cachedInput: number;
  readonly cacheWrite: number;
  readonly cacheWrite1h: number;
  readonly reasoning: number;
  readonly audioInput: number;
  readonly imageInput: number;
  readonly audioOutput: number;
  readonly webSearch: number;
  readonly cachedAudioInput: number;
  readonly cachedImageInput: number;
  readonly videoInput: number;
  readonly imageOutput: number;
  readonly videoOutput: number;
  readonly serviceTier: "batch" | "flex" | "priority" | null;
  readonly inferenceGeo: string | null;
  readonly inputParts: readonly { readonly part: InputPart; readonly tokens: number }[] | null;
  readonly outputParts: readonly { readonly part: OutputPart; readonly tokens: number }[] | null;
}

const KEYS = new Set([
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
  "cachedAudioInput",
  "cachedImageInput",
  "videoInput",
  "imageOutput",
  "videoOutput",
  "serviceTier",
  "inferenceGeo",
  "inputParts",
  "outputParts",
]);
const SERVICE_TIERS: readonly string[] = ["batch", "flex", "priority"];

/**
 * Checks a usage and fills in its defaults. Every problem is `INVALID_USAGE` with the path of
 * the field (`usage.cachedInput`): unknown kinds, counts that are not non-negative safe
 * integers, parts of a total larger than the total, breakdowns that do not add up.
 *
 * @internal
 */
export function normalizeUsage(usage: unknown): NormalUsage {
  return fastUsage(usage) ?? checkedUsage(usage);
}

/**
 * The common case with no allocation but the result: plain counts, no parts, nothing unknown,
 * every constraint met. Anything else returns undefined and takes the checked path, which says
 * exactly what is wrong.
 */
function fastUsage(usage: unknown): NormalUsage | undefined {
  if (typeof usage !== "object" || usage === null || Array.isArray(usage)) return undefined;
  const u = usage as Record<string, unknown>;
  const { input, output } = u;
  if (!isCount(input) || !isCount(output)) return undefined;
  const cachedInput = optionalCount(u.cachedInput);
  const cacheWrite = optionalCount(u.cacheWrite);
  const cacheWrite1h = optionalCount(u.cacheWrite1h);
  const reasoning = optionalCount(u.reasoning);
  if (cachedInput < 0 || cacheWrite < 0 || cacheWrite1h < 0 || reasoning < 0) return undefined;
  if (Object.keys(u).length !== 2 + countPresent(u)) return undefined;
  if (cachedInput + cacheWrite + cacheWrite1h > input || reasoning > output) return undefined;
  return {
    input,
    output,
    cachedInput,
    cacheWrite,
    cacheWrite1h,
    reasoning,
    audioInput: 0,
    imageInput: 0,
    audioOutput: 0,
    webSearch: 0,
    cachedAudioInput: 0,
    cachedImageInput: 0,
    videoInput: 0,
    imageOutput: 0,
    videoOutput: 0,
    serviceTier: null,
    inferenceGeo: null,
    inputParts: null,
    outputParts: null,
  };
}

function checkedUsage(usage: unknown): NormalUsage {
  if (!isRecord(usage)) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage"],
      `expected a usage object, got ${describe(usage)}`,
    );
  }
  for (const key of Object.keys(usage)) {
    if (!KEYS.has(key)) {
      throw pricebookError(
        "INVALID_USAGE",
        ["usage", key],
        `unknown kind of usage; use ${[...KEYS].join(", ")}`,
      );
    }
  }
  const count = (key: string) =>
    usage[key] === undefined ? undefined : toTokenCount(usage[key], ["usage", key]);
  const inputParts = parts(usage.inputParts, "inputParts", INPUT_PARTS);
  const outputParts = parts(usage.outputParts, "outputParts", OUTPUT_PARTS);
  const input = total(count("input"), inputParts, "input");
  const output = total(count("output"), outputParts, "output");
  const cachedInput = count("cachedInput") ?? 0;
  const cacheWrite = count("cacheWrite") ?? 0;
  const cacheWrite1h = count("cacheWrite1h") ?? 0;
  const reasoning = count("reasoning") ?? 0;
  const audioInput = count("audioInput") ?? 0;
  const imageInput = count("imageInput") ?? 0;
  const audioOutput = count("audioOutput") ?? 0;
  const webSearch = count("webSearch") ?? 0;
  const cachedAudioInput = count("cachedAudioInput") ?? 0;
  const cachedImageInput = count("cachedImageInput") ?? 0;
  const videoInput = count("videoInput") ?? 0;
  const imageOutput = count("imageOutput") ?? 0;
  const videoOutput = count("videoOutput") ?? 0;
  const serviceTier = usage.serviceTier ?? null;
  if (serviceTier !== null && !SERVICE_TIERS.includes(serviceTier as string)) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", "serviceTier"],
      `unknown service tier ${describe(serviceTier)}; use one of ${SERVICE_TIERS.join(", ")}`,
    );
  }
  const geo = usage.inferenceGeo ?? null;
  if (geo !== null && (typeof geo !== "string" || geo === "")) {
    throw pricebookError("INVALID_USAGE", ["usage", "inferenceGeo"], "expected a region name");
  }
  if (cachedAudioInput + cachedImageInput > cachedInput) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", cachedAudioInput > 0 ? "cachedAudioInput" : "cachedImageInput"],
      `cached audio and image tokens (${cachedAudioInput} + ${cachedImageInput}) are parts of cachedInput and cannot exceed it (${cachedInput})`,
    );
  }
  if (cachedInput + cacheWrite + cacheWrite1h > input) {
    const field =
      cachedInput > input ? "cachedInput" : cacheWrite > input ? "cacheWrite" : "cacheWrite1h";
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", field],
      `cache reads and writes (${cachedInput} + ${cacheWrite} + ${cacheWrite1h}) are part of input and cannot exceed it (${input}); with Anthropic usage, use fromAnthropicUsage, which adds them to input`,
    );
  }
  if (cachedInput + cacheWrite + cacheWrite1h + audioInput + imageInput + videoInput > input) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", audioInput > 0 ? "audioInput" : imageInput > 0 ? "imageInput" : "videoInput"],
      `cache reads and writes, audio, image and video tokens (${cachedInput} + ${cacheWrite} + ${cacheWrite1h} + ${audioInput} + ${imageInput} + ${videoInput}) are parts of input and together cannot exceed it (${input})`,
    );
  }
  if (reasoning > output) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", "reasoning"],
      `reasoning tokens (${reasoning}) are part of output and cannot exceed it (${output})`,
    );
  }
  if (reasoning + audioOutput + imageOutput + videoOutput > output) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", audioOutput > 0 ? "audioOutput" : imageOutput > 0 ? "imageOutput" : "videoOutput"],
      `reasoning, audio, image and video output tokens (${reasoning} + ${audioOutput} + ${imageOutput} + ${videoOutput}) are parts of output and together cannot exceed it (${output})`,
    );
  }
  return {
    input,
    output,
    cachedInput,
    cacheWrite,
    cacheWrite1h,
    reasoning,
    audioInput,
    imageInput,
    audioOutput,
    webSearch,
    cachedAudioInput,
    cachedImageInput,
    videoInput,
    imageOutput,
    videoOutput,
    serviceTier: serviceTier as NormalUsage["serviceTier"],
    inferenceGeo: geo === "global" ? null : (geo as string | null),
    inputParts,
    outputParts,
  };
}

function parts<P extends string>(
  value: unknown,
  key: string,
  names: readonly P[],
): { part: P; tokens: number }[] | null {
  if (value === undefined) return null;
  if (!isRecord(value)) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", key],
      `expected an object of token counts by part`,
    );
  }
  for (const name of Object.keys(value)) {
    if (!names.includes(name as P)) {
      throw pricebookError(
        "INVALID_USAGE",
        ["usage", key, name],
        `unknown part; use ${names.join(", ")}`,
      );
    }
  }
  return names
    .filter((name) => value[name] !== undefined)
    .map((name) => ({ part: name, tokens: toTokenCount(value[name], ["usage", key, name]) }));
}

function total(
  given: number | undefined,
  breakdown: readonly { tokens: number }[] | null,
  key: "input" | "output",
): number {
  if (breakdown === null) {
    if (given === undefined) {
      throw pricebookError("INVALID_USAGE", ["usage", key], `missing ${key} tokens`);
    }
    return given;
  }
  const sum = breakdown.reduce((acc, part) => acc + part.tokens, 0);
  if (!Number.isSafeInteger(sum)) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", `${key}Parts`],
      "the parts add up to more than 2^53 − 1 tokens",
    );
  }
  if (given !== undefined && given !== sum) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", `${key}Parts`],
      `the ${key} parts add up to ${sum} tokens, but ${key} is ${given}`,
    );
  }
  return sum;
}
