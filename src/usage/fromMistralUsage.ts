import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads a Mistral chat response or its `usage` (`num_cached_tokens` are cache reads).
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromMistralUsage({ prompt_tokens: 1200, completion_tokens: 50, total_tokens: 1250, num_cached_tokens: 1024 });
 * //=> { input: 1200, output: 50, cachedInput: 1024, reasoning: 0 }
 */
export function fromMistralUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "mistral"));
}
