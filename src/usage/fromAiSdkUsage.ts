import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads a Vercel AI SDK `LanguageModelUsage` (AI SDK 4, 5 or 6) or a `generateText` / `streamText` result (its `totalUsage`).
 * The result is the library's {@link Usage}, read strictly: every numeric field is one the
 * reader knows, or the call fails with `UNRECOGNIZED_USAGE` naming it. A service tier the body
 * states is kept (`serviceTier`), so `charge` of the result prices what `priceRecords` prices
 * for the same body.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path; `AMBIGUOUS_SHAPE` when the body reads two ways
 *
 * @example
 * fromAiSdkUsage({ inputTokens: 1200, inputTokenDetails: { noCacheTokens: 200, cacheReadTokens: 1000, cacheWriteTokens: 0 }, outputTokens: 80, outputTokenDetails: { textTokens: 80, reasoningTokens: 0 }, totalTokens: 1280 });
 * //=> { input: 1200, output: 80, cachedInput: 1000, reasoning: 0 }
 */
export function fromAiSdkUsage(response: unknown): Usage {
  return adapterUsage(readResponse(response, "ai-sdk"));
}
