import type { Usage } from "../pricing/normalizeUsage.js";
import { countAt, usageObject } from "./fields.js";

/**
 * Turns OpenAI usage into the library's {@link Usage}: a chat completion's `usage`
 * (`prompt_tokens`, `completion_tokens`, `prompt_tokens_details.cached_tokens`,
 * `completion_tokens_details.reasoning_tokens`) or a Responses API `usage` (`input_tokens`,
 * `output_tokens`, `input_tokens_details.cached_tokens`,
 * `output_tokens_details.reasoning_tokens`). The whole response may be passed. OpenAI already
 * counts cached tokens inside the prompt and reasoning inside the completion, as the library
 * does.
 *
 * @throws PricebookError `INVALID_USAGE` with the field's path
 *
 * @example
 * fromOpenAIUsage({ prompt_tokens: 2006, completion_tokens: 300, prompt_tokens_details: { cached_tokens: 1920 } });
 * //=> { input: 2006, output: 300, cachedInput: 1920, reasoning: 0 }
 */
export function fromOpenAIUsage(response: unknown): Usage {
  const usage = usageObject(response, "usage");
  if ("input_tokens" in usage) {
    return Object.freeze({
      input: countAt(usage, ["input_tokens"]),
      output: countAt(usage, ["output_tokens"]),
      cachedInput: countAt(usage, ["input_tokens_details", "cached_tokens"], 0),
      reasoning: countAt(usage, ["output_tokens_details", "reasoning_tokens"], 0),
    });
  }
  return Object.freeze({
    input: countAt(usage, ["prompt_tokens"]),
    output: countAt(usage, ["completion_tokens"]),
    cachedInput: countAt(usage, ["prompt_tokens_details", "cached_tokens"], 0),
    reasoning: countAt(usage, ["completion_tokens_details", "reasoning_tokens"], 0),
  });
}
