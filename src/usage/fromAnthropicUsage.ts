import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads an Anthropic Messages response (also from Bedrock InvokeModel and Vertex), a `message_delta` event, or its `usage`. Cache reads and writes, which Anthropic counts beside `input_tokens`, are added into `input`; `cache_creation` splits writes into 5-minute and 1-hour ones; compaction iterations are added; `service_tier` and `inference_geo` are kept.
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromAnthropicUsage({ input_tokens: 21, output_tokens: 393, cache_creation_input_tokens: 188086, cache_read_input_tokens: 0 });
 * //=> { input: 188107, output: 393, cachedInput: 0, cacheWrite: 188086, cacheWrite1h: 0 }
 */
export function fromAnthropicUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "anthropic"));
}
