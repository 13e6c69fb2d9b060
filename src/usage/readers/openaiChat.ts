import { type ErrorPath, pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  countOf,
  known,
  modelOf,
  partOf,
  type ResponseReader,
  serviceTierOf,
  type UsageRead,
  usageFrom,
  usageIn,
} from "../reader.js";

/** Every numeric field of an OpenAI Chat Completions `usage`, and what it is. */
export const CHAT_FIELDS: FieldSpec = {
  prompt_tokens: true,
  completion_tokens: true,
  total_tokens: true,
  // Parts of prompt_tokens.
  prompt_tokens_details: { cached_tokens: true, cache_write_tokens: true, audio_tokens: true },
  // Parts of completion_tokens (predicted-output tokens are billed as completion tokens).
  completion_tokens_details: {
    reasoning_tokens: true,
    audio_tokens: true,
    // Images generated (OpenRouter writes it for image models).
    image_tokens: true,
    accepted_prediction_tokens: true,
    rejected_prediction_tokens: true,
  },
  // Not token counts of the request, known and not priced: Groq's timings (seconds) and
  // OpenRouter's own cost report (dollars it computed).
  queue_time: true,
  prompt_time: true,
  completion_time: true,
  total_time: true,
  cost: true,
  is_byok: true,
  cost_details: {
    upstream_inference_cost: true,
    upstream_inference_prompt_cost: true,
    upstream_inference_completions_cost: true,
  },
};
/** The Chat Completions fields, with the informational ones. */
export const OPENAI_CHAT_FIELDS: FieldSpec = CHAT_FIELDS;

/**
 * Reads a Chat Completions usage in OpenAI's convention (cached, cache-write and audio tokens
 * inside `prompt_tokens`; reasoning and audio inside `completion_tokens`). Shared by the
 * OpenAI-compatible readers, which add their own fields.
 *
 * @internal
 */
export function readChatUsage(
  usage: Record<string, unknown>,
  path: ErrorPath,
  cachedInput?: number,
): {
  input: number;
  output: number;
  cachedInput: number;
  reasoning: number;
  rest: Record<string, number>;
} {
  const input = countOf(usage, "prompt_tokens", path, true);
  const output = countOf(usage, "completion_tokens", path, true);
  const inDetails = [...path, "prompt_tokens_details"];
  const outDetails = [...path, "completion_tokens_details"];
  const cached = cachedInput ?? countOf(usage.prompt_tokens_details, "cached_tokens", inDetails);
  const cacheWrite = countOf(usage.prompt_tokens_details, "cache_write_tokens", inDetails);
  const audioInput = countOf(usage.prompt_tokens_details, "audio_tokens", inDetails);
  const reasoning = countOf(usage.completion_tokens_details, "reasoning_tokens", outDetails);
  const audioOutput = countOf(usage.completion_tokens_details, "audio_tokens", outDetails);
  const imageOutput = countOf(usage.completion_tokens_details, "image_tokens", outDetails);
  partOf(
    cached + cacheWrite + audioInput,
    input,
    inDetails,
    "cached, cache-write and audio prompt tokens",
  );
  partOf(
    reasoning + audioOutput + imageOutput,
    output,
    outDetails,
    "reasoning, audio and image completion tokens",
  );
  const total = usage.total_tokens;
  if (total !== undefined && total !== null && total !== input + output) {
    throw pricebookError(
      "INVALID_USAGE",
      [...path, "total_tokens"],
      `total_tokens (${String(total)}) is not prompt_tokens + completion_tokens (${input + output}); reasoning may be counted beside completion_tokens (xAI does): name the shape (--shape xai)`,
    );
  }
  return {
    input,
    output,
    cachedInput: cached,
    reasoning,
    rest: { cacheWrite, audioInput, audioOutput, imageOutput },
  };
}

/** A Chat Completions response or stream chunk (with `usage`), or a bare chat usage. */
export const openaiChat: ResponseReader = {
  shape: "openai-chat",
  evidence(body, usage) {
    if (body.object === "chat.completion" || body.object === "chat.completion.chunk") return 2;
    return "completion_tokens" in usage && "prompt_tokens" in usage ? 1 : 0;
  },
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, OPENAI_CHAT_FIELDS, path);
    const { input, output, cachedInput, reasoning, rest } = readChatUsage(usage, path);
    return {
      shape: "openai-chat",
      usage: usageFrom({ input, output, cachedInput, reasoning }, rest),
      model: modelOf(body.model),
      serviceTier: serviceTierOf(body.service_tier),
    };
  },
};
