import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads an xAI chat response or its `usage`. xAI counts reasoning beside `completion_tokens`; it is added into `output`.
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromXaiUsage({ prompt_tokens: 30, completion_tokens: 10, total_tokens: 240, completion_tokens_details: { reasoning_tokens: 200 } });
 * //=> { input: 30, output: 210, cachedInput: 0, reasoning: 200 }
 */
export function fromXaiUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "xai"));
}
