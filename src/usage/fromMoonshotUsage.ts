import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads a Moonshot chat response or its `usage` (`cached_tokens` at the top of `usage` are cache reads).
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromMoonshotUsage({ prompt_tokens: 900, completion_tokens: 60, total_tokens: 960, cached_tokens: 512 });
 * //=> { input: 900, output: 60, cachedInput: 512, reasoning: 0 }
 */
export function fromMoonshotUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "moonshot"));
}
