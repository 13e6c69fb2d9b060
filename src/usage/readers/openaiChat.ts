import { isRecord } from "../../catalog/validate.js";
import { type ErrorPath, pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  count,
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
  prompt_tokens_details: {
    cached_tokens: true,
    cache_write_tokens: true,
    audio_tokens: true,
    image_tokens: true,
    video_tokens: true,
    // The rest of prompt_tokens: no price of its own.
    text_tokens: true,
  },
  // Parts of completion_tokens (predicted-output tokens are billed as completion tokens).
  completion_tokens_details: {
    reasoning_tokens: true,
    audio_tokens: true,
    // Images generated (OpenRouter writes it for image models).
    image_tokens: true,
    accepted_prediction_tokens: true,
    rejected_prediction_tokens: true,
    // The rest of completion_tokens: no price of its own.
    text_tokens: true,
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
  // Pydantic AI Gateway's estimate (dollars).
  pydantic_ai_gateway: { cost_estimate: true },
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
const IN_DETAILS = ["usage", "prompt_tokens_details"];
const OUT_DETAILS = ["usage", "completion_tokens_details"];
const EMPTY: Readonly<Record<string, unknown>> = {};

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
  const input = count(usage.prompt_tokens, path, "prompt_tokens", true);
  const output = count(usage.completion_tokens, path, "completion_tokens", true);
  const inDetails = IN_DETAILS;
  const outDetails = OUT_DETAILS;
  const details = usage.prompt_tokens_details;
  const prompt: Readonly<Record<string, unknown>> = isRecord(details) ? details : EMPTY;
  const outputDetails = usage.completion_tokens_details;
  const completion: Readonly<Record<string, unknown>> = isRecord(outputDetails)
    ? outputDetails
    : EMPTY;
  const cached = cachedInput ?? count(prompt.cached_tokens, inDetails, "cached_tokens");
  const cacheWrite = count(prompt.cache_write_tokens, inDetails, "cache_write_tokens");
  const audioInput = count(prompt.audio_tokens, inDetails, "audio_tokens");
  const imageInput = count(prompt.image_tokens, inDetails, "image_tokens");
  const videoInput = count(prompt.video_tokens, inDetails, "video_tokens");
  const reasoning = count(completion.reasoning_tokens, outDetails, "reasoning_tokens");
  const audioOutput = count(completion.audio_tokens, outDetails, "audio_tokens");
  const imageOutput = count(completion.image_tokens, outDetails, "image_tokens");
  partOf(
    cached + cacheWrite + audioInput + imageInput + videoInput,
    input,
    inDetails,
    "cached, cache-write, audio, image and video prompt tokens",
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
    rest: { cacheWrite, audioInput, imageInput, videoInput, audioOutput, imageOutput },
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
