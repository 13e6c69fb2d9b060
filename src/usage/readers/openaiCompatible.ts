import { isRecord } from "../../catalog/validate.js";
import { pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  countOf,
  known,
  modelOf,
  partOf,
  type ResponseReader,
  serviceTierOf,
  sum,
  type UsageRead,
  usageFrom,
  usageIn,
} from "../reader.js";
import { CHAT_FIELDS, readChatUsage } from "./openaiChat.js";

// Each vendor's fields beside the Chat Completions ones (a list of specs: no spread, so a bundle
// that reads no response drops them).
const MISTRAL_FIELDS: readonly FieldSpec[] = [
  CHAT_FIELDS,
  { num_cached_tokens: true, prompt_audio_seconds: true },
];
const DEEPSEEK_FIELDS: readonly FieldSpec[] = [
  CHAT_FIELDS,
  { prompt_cache_hit_tokens: true, prompt_cache_miss_tokens: true },
];
const MOONSHOT_FIELDS: readonly FieldSpec[] = [CHAT_FIELDS, { cached_tokens: true }];

/** Mistral chat: `num_cached_tokens` (inside `prompt_tokens`); audio billed by the second. */
export const mistral: ResponseReader = {
  shape: "mistral",
  evidence: (_body, usage) =>
    "num_cached_tokens" in usage || "prompt_audio_seconds" in usage ? 2 : 0,
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, MISTRAL_FIELDS, path);
    const seconds = usage.prompt_audio_seconds;
    if (typeof seconds === "number" && seconds > 0) {
      throw pricebookError(
        "UNPRICED_USAGE",
        [...path, "prompt_audio_seconds"],
        "audio billed by the second: the library has no per-second rate kind",
      );
    }
    const numCached = countOf(usage, "num_cached_tokens", path);
    const detailed = countOf(usage.prompt_tokens_details, "cached_tokens", [
      ...path,
      "prompt_tokens_details",
    ]);
    if (numCached > 0 && detailed > 0 && numCached !== detailed) {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "num_cached_tokens"],
        `num_cached_tokens (${numCached}) and prompt_tokens_details.cached_tokens (${detailed}) disagree`,
      );
    }
    const read = readChatUsage(usage, path, Math.max(numCached, detailed));
    return chatRead("mistral", body, read);
  },
};

/** DeepSeek: `prompt_cache_hit_tokens` + `prompt_cache_miss_tokens` = `prompt_tokens`. */
export const deepseek: ResponseReader = {
  shape: "deepseek",
  evidence: (_body, usage) =>
    "prompt_cache_hit_tokens" in usage || "prompt_cache_miss_tokens" in usage ? 2 : 0,
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, DEEPSEEK_FIELDS, path);
    const hit = countOf(usage, "prompt_cache_hit_tokens", path);
    const prompt = countOf(usage, "prompt_tokens", path, true);
    if (
      "prompt_cache_miss_tokens" in usage &&
      sum(path, hit, countOf(usage, "prompt_cache_miss_tokens", path)) !== prompt
    ) {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "prompt_cache_miss_tokens"],
        `cache hit and miss tokens do not add up to prompt_tokens (${prompt})`,
      );
    }
    const detailed = countOf(usage.prompt_tokens_details, "cached_tokens", [
      ...path,
      "prompt_tokens_details",
    ]);
    if (
      "prompt_tokens_details" in usage &&
      isRecord(usage.prompt_tokens_details) &&
      "cached_tokens" in usage.prompt_tokens_details &&
      detailed !== hit
    ) {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "prompt_tokens_details", "cached_tokens"],
        `cached_tokens (${detailed}) and prompt_cache_hit_tokens (${hit}) disagree`,
      );
    }
    return chatRead("deepseek", body, readChatUsage(usage, path, hit));
  },
};

/** Moonshot (Kimi): `cached_tokens` at the top of `usage`, inside `prompt_tokens`. */
export const moonshot: ResponseReader = {
  shape: "moonshot",
  evidence: (_body, usage) => ("cached_tokens" in usage && "prompt_tokens" in usage ? 2 : 0),
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, MOONSHOT_FIELDS, path);
    const cached = countOf(usage, "cached_tokens", path);
    const detailed = countOf(usage.prompt_tokens_details, "cached_tokens", [
      ...path,
      "prompt_tokens_details",
    ]);
    if (detailed > 0 && detailed !== cached) {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "cached_tokens"],
        `cached_tokens (${cached}) and prompt_tokens_details.cached_tokens (${detailed}) disagree`,
      );
    }
    return chatRead("moonshot", body, readChatUsage(usage, path, cached));
  },
};

const XAI_EXTRA: FieldSpec = {
  prompt_tokens_details: {
    text_tokens: true,
    audio_tokens: true,
    image_tokens: true,
    cached_tokens: true,
  },
  num_sources_used: true,
  // The older flat form.
  reasoning_tokens: true,
  cached_prompt_text_tokens: true,
};
const XAI_FIELDS: readonly FieldSpec[] = [XAI_EXTRA, CHAT_FIELDS];

/**
 * xAI chat. Its `completion_tokens` leaves reasoning out (`total_tokens` = prompt + completion +
 * reasoning), so reasoning is added into `output`; where `total_tokens` shows reasoning inside
 * `completion_tokens`, it is not added twice. Live-search sources (`num_sources_used`) are billed
 * per source, which no rate kind prices: refused above zero.
 */
export const xai: ResponseReader = {
  shape: "xai",
  evidence(body, usage) {
    if ("num_sources_used" in usage || "cached_prompt_text_tokens" in usage) return 2;
    const model = typeof body.model === "string" ? body.model : "";
    return model.startsWith("grok-") && "prompt_tokens" in usage ? 2 : 0;
  },
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, XAI_FIELDS, path);
    const sources = countOf(usage, "num_sources_used", path);
    if (sources > 0) {
      throw pricebookError(
        "UNPRICED_USAGE",
        [...path, "num_sources_used"],
        `${sources} live-search sources, billed per source: the library has no rate kind for them`,
      );
    }
    const input = countOf(usage, "prompt_tokens", path, true);
    const completion = countOf(usage, "completion_tokens", path, true);
    const inPath = [...path, "prompt_tokens_details"];
    const details = usage.prompt_tokens_details;
    const cachedInput = Math.max(
      countOf(details, "cached_tokens", inPath),
      countOf(usage, "cached_prompt_text_tokens", path),
    );
    const imageInput = countOf(details, "image_tokens", inPath);
    const audioInput = countOf(details, "audio_tokens", inPath);
    const reasoning = Math.max(
      countOf(usage.completion_tokens_details, "reasoning_tokens", [
        ...path,
        "completion_tokens_details",
      ]),
      countOf(usage, "reasoning_tokens", path),
    );
    const total = usage.total_tokens;
    let output: number;
    if (total === undefined || total === null || total === input + completion + reasoning) {
      output = sum(path, completion, reasoning);
    } else if (total === input + completion) {
      output = completion;
      partOf(reasoning, output, [...path, "completion_tokens_details"], "reasoning tokens");
    } else {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "total_tokens"],
        `total_tokens (${String(total)}) is neither prompt + completion + reasoning nor prompt + completion`,
      );
    }
    partOf(
      cachedInput + imageInput + audioInput,
      input,
      inPath,
      "cached, image and audio prompt tokens",
    );
    return {
      shape: "xai",
      usage: usageFrom({ input, output, cachedInput, reasoning }, { imageInput, audioInput }),
      model: modelOf(body.model),
      serviceTier: serviceTierOf(body.service_tier),
    };
  },
};

function chatRead(
  shape: "mistral" | "deepseek" | "moonshot",
  body: Readonly<Record<string, unknown>>,
  read: ReturnType<typeof readChatUsage>,
): UsageRead {
  const { input, output, cachedInput, reasoning, rest } = read;
  return {
    shape,
    usage: usageFrom({ input, output, cachedInput, reasoning }, rest),
    model: modelOf(body.model),
    serviceTier: serviceTierOf(body.service_tier),
  };
}
