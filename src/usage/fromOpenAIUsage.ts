import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import type { Usage } from "../pricing/normalizeUsage.js";
import { countAt, usageObject } from "./fields.js";

/**
 * Turns OpenAI usage into the library's {@link Usage}: a chat completion's `usage`
 * (`prompt_tokens`, `completion_tokens`, `prompt_tokens_details.cached_tokens` / `audio_tokens`,
 * `completion_tokens_details.reasoning_tokens` / `audio_tokens`) or a Responses or Realtime API
 * `usage` (`input_tokens`, `output_tokens`, `input_tokens_details` (or `input_token_details`)
 * `.cached_tokens` / `audio_tokens` / `image_tokens`, `output_tokens_details.reasoning_tokens` /
 * `audio_tokens`). OpenAI already counts cached tokens inside the prompt, and audio and
 * reasoning inside their totals, as the library does; cached audio and image tokens
 * (`cached_tokens_details`) stay cache reads. The whole response may be passed: a Responses API
 * response's `web_search_call` output items become `webSearch` calls. Audio, image and
 * web-search counts appear only when above zero.
 *
 * @throws PricebookError `INVALID_USAGE` with the field's path
 *
 * @example
 * fromOpenAIUsage({ prompt_tokens: 2006, completion_tokens: 300, prompt_tokens_details: { cached_tokens: 1920 } });
 * //=> { input: 2006, output: 300, cachedInput: 1920, reasoning: 0 }
 */
export function fromOpenAIUsage(response: unknown): Usage {
  return Object.freeze(readOpenAIUsage(response));
}

/**
 * {@link fromOpenAIUsage} without the freeze, for the log reader (which never hands the usage
 * out): the same counts and the same errors. @internal
 */
export function readOpenAIUsage(response: unknown): Usage {
  const usage = usageObject(response, "usage");
  const responses = "input_tokens" in usage;
  const inKey = responses
    ? "input_token_details" in usage
      ? "input_token_details"
      : "input_tokens_details"
    : "prompt_tokens_details";
  const outKey = responses
    ? "output_token_details" in usage
      ? "output_token_details"
      : "output_tokens_details"
    : "completion_tokens_details";
  const base = {
    input: countAt(usage, [responses ? "input_tokens" : "prompt_tokens"]),
    output: countAt(usage, [responses ? "output_tokens" : "completion_tokens"]),
    cachedInput: countAt(usage, [inKey, "cached_tokens"], 0),
    reasoning: countAt(usage, [outKey, "reasoning_tokens"], 0),
  };
  // Cached audio and image tokens are priced as cache reads, so they leave the modality counts.
  const audioInput =
    countAt(usage, [inKey, "audio_tokens"], 0) -
    countAt(usage, [inKey, "cached_tokens_details", "audio_tokens"], 0);
  const imageInput =
    countAt(usage, [inKey, "image_tokens"], 0) -
    countAt(usage, [inKey, "cached_tokens_details", "image_tokens"], 0);
  if (audioInput < 0 || imageInput < 0) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", inKey, "cached_tokens_details"],
      "more cached audio or image tokens than audio or image tokens",
    );
  }
  const audioOutput = countAt(usage, [outKey, "audio_tokens"], 0);
  const webSearch = webSearchCalls(response);
  return {
    ...base,
    ...(audioInput > 0 ? { audioInput } : {}),
    ...(imageInput > 0 ? { imageInput } : {}),
    ...(audioOutput > 0 ? { audioOutput } : {}),
    ...(webSearch > 0 ? { webSearch } : {}),
  };
}

/** The `web_search_call` items of a Responses API response's `output`; 0 without one. */
function webSearchCalls(response: unknown): number {
  if (!isRecord(response) || !Array.isArray(response.output)) return 0;
  let calls = 0;
  for (const item of response.output)
    if (isRecord(item) && item.type === "web_search_call") calls++;
  return calls;
}
