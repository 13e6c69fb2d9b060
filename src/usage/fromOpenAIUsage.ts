import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads an OpenAI Chat Completions, Responses, Realtime (`response.done`), embeddings or transcription response or its `usage`; the reader is picked by the body's fields (see docs/billing.md).
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromOpenAIUsage({ prompt_tokens: 2006, completion_tokens: 300, total_tokens: 2306, prompt_tokens_details: { cached_tokens: 1920 } });
 * //=> { input: 2006, output: 300, cachedInput: 1920, reasoning: 0 }
 */
export function fromOpenAIUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "openai"));
}
