import { pricebookError } from "../errors.js";
import type { Usage } from "../pricing/normalizeUsage.js";
import { countAt, usageObject } from "./fields.js";

/**
 * Turns a Gemini `usageMetadata` into the library's {@link Usage}. `promptTokenCount` already
 * includes `cachedContentTokenCount`; tool-use prompt tokens (`toolUsePromptTokenCount`) are
 * input too. Thinking tokens (`thoughtsTokenCount`) are reported beside
 * `candidatesTokenCount` and are added into `output` as its reasoning part. The whole
 * response may be passed.
 *
 * @throws PricebookError `INVALID_USAGE` with the field's path
 *
 * @example
 * fromGeminiUsage({ usageMetadata: { promptTokenCount: 1200, candidatesTokenCount: 80, thoughtsTokenCount: 400, cachedContentTokenCount: 1000, totalTokenCount: 1680 } });
 * //=> { input: 1200, output: 480, cachedInput: 1000, reasoning: 400 }
 */
export function fromGeminiUsage(response: unknown): Usage {
  const usage = usageObject(response, "usageMetadata");
  const input =
    countAt(usage, ["promptTokenCount"]) + countAt(usage, ["toolUsePromptTokenCount"], 0);
  const thoughts = countAt(usage, ["thoughtsTokenCount"], 0);
  const output = countAt(usage, ["candidatesTokenCount"], 0) + thoughts;
  if (!Number.isSafeInteger(input) || !Number.isSafeInteger(output)) {
    throw pricebookError("INVALID_USAGE", ["usage"], "token counts add up to more than 2^53 − 1");
  }
  return Object.freeze({
    input,
    output,
    cachedInput: countAt(usage, ["cachedContentTokenCount"], 0),
    reasoning: thoughts,
  });
}
