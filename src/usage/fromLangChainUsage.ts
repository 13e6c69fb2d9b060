import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads a LangChain `AIMessage` or its `usage_metadata` (`input_token_details`, `output_token_details`).
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromLangChainUsage({ input_tokens: 350, output_tokens: 240, total_tokens: 590, input_token_details: { cache_read: 100 }, output_token_details: { reasoning: 200 } });
 * //=> { input: 350, output: 240, cachedInput: 100, reasoning: 200 }
 */
export function fromLangChainUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "langchain"));
}
