import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads a DeepSeek chat response or its `usage` (`prompt_cache_hit_tokens` are cache reads).
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromDeepSeekUsage({ prompt_tokens: 1000, completion_tokens: 40, total_tokens: 1040, prompt_cache_hit_tokens: 768, prompt_cache_miss_tokens: 232 });
 * //=> { input: 1000, output: 40, cachedInput: 768, reasoning: 0 }
 */
export function fromDeepSeekUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "deepseek"));
}
