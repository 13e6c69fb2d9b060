import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads an AWS Bedrock Converse response, a ConverseStream `metadata` event, or its `usage`. Bedrock counts cache reads and writes beside `inputTokens`; they are added into `input`.
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromBedrockUsage({ usage: { inputTokens: 100, outputTokens: 20, totalTokens: 1620, cacheReadInputTokens: 1500 }, stopReason: "end_turn" });
 * //=> { input: 1600, output: 20, cachedInput: 1500, cacheWrite: 0 }
 */
export function fromBedrockUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "bedrock-converse"));
}
