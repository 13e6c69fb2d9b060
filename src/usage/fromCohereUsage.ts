import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads a Cohere v2 chat response or its `usage`: the `billed_units` are priced.
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromCohereUsage({ usage: { billed_units: { input_tokens: 65, output_tokens: 12 }, tokens: { input_tokens: 71, output_tokens: 12 } } });
 * //=> { input: 65, output: 12 }
 */
export function fromCohereUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "cohere"));
}
