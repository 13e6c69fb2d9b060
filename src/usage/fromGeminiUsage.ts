import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import type { Usage } from "../pricing/normalizeUsage.js";
import { toTokenCount } from "../pricing/tokens.js";
import { countAt, usageObject } from "./fields.js";

/**
 * Turns a Gemini `usageMetadata` into the library's {@link Usage}. `promptTokenCount` already
 * includes `cachedContentTokenCount`; tool-use prompt tokens (`toolUsePromptTokenCount`) are
 * input too. Thinking tokens (`thoughtsTokenCount`) are reported beside
 * `candidatesTokenCount` and are added into `output` as its reasoning part. The whole
 * response may be passed.
 *
 * By modality (`promptTokensDetails`, `toolUsePromptTokensDetails`, `candidatesTokensDetails`):
 * AUDIO and IMAGE input tokens become `audioInput` and `imageInput`, less the cached tokens of
 * the same modality (`cacheTokensDetails`), which stay cache reads; AUDIO output tokens become
 * `audioOutput`. TEXT, VIDEO and DOCUMENT tokens stay plain input (Gemini prices video and
 * documents with text). IMAGE output tokens have no rate kind yet and are `UNPRICED_USAGE`,
 * never priced as text. Modality counts appear only when above zero.
 *
 * @throws PricebookError `INVALID_USAGE` with the field's path; `UNPRICED_USAGE` for image output
 *
 * @example
 * fromGeminiUsage({ usageMetadata: { promptTokenCount: 1200, candidatesTokenCount: 80, thoughtsTokenCount: 400, cachedContentTokenCount: 1000, totalTokenCount: 1680 } });
 * //=> { input: 1200, output: 480, cachedInput: 1000, reasoning: 400 }
 */
export function fromGeminiUsage(response: unknown): Usage {
  return Object.freeze(readGeminiUsage(response));
}

/**
 * {@link fromGeminiUsage} without the freeze, for the log reader (which never hands the usage
 * out): the same counts and the same errors. @internal
 */
export function readGeminiUsage(response: unknown): Usage {
  const usage = usageObject(response, "usageMetadata");
  const input =
    countAt(usage, ["promptTokenCount"]) + countAt(usage, ["toolUsePromptTokenCount"], 0);
  const thoughts = countAt(usage, ["thoughtsTokenCount"], 0);
  const output = countAt(usage, ["candidatesTokenCount"], 0) + thoughts;
  if (!Number.isSafeInteger(input) || !Number.isSafeInteger(output)) {
    throw pricebookError("INVALID_USAGE", ["usage"], "token counts add up to more than 2^53 − 1");
  }
  const prompt = byModality(usage, "promptTokensDetails");
  const toolUse = byModality(usage, "toolUsePromptTokensDetails");
  const cached = byModality(usage, "cacheTokensDetails");
  const candidates = byModality(usage, "candidatesTokensDetails");
  const uncached = (modality: string) => {
    const count = (prompt[modality] ?? 0) + (toolUse[modality] ?? 0) - (cached[modality] ?? 0);
    if (count < 0) {
      throw pricebookError(
        "INVALID_USAGE",
        ["usage", "cacheTokensDetails"],
        `more cached ${modality} tokens than ${modality} prompt tokens`,
      );
    }
    return count;
  };
  const audioInput = uncached("AUDIO");
  const imageInput = uncached("IMAGE");
  const audioOutput = candidates.AUDIO ?? 0;
  if ((candidates.IMAGE ?? 0) > 0) {
    throw pricebookError(
      "UNPRICED_USAGE",
      ["usage", "candidatesTokensDetails"],
      `the response has ${candidates.IMAGE} IMAGE output tokens, which the library has no rate kind for; they are not priced as text`,
    );
  }
  return {
    input,
    output,
    cachedInput: countAt(usage, ["cachedContentTokenCount"], 0),
    reasoning: thoughts,
    ...(audioInput > 0 ? { audioInput } : {}),
    ...(imageInput > 0 ? { imageInput } : {}),
    ...(audioOutput > 0 ? { audioOutput } : {}),
  };
}

/** A `[{ modality, tokenCount }]` list as counts by modality; empty when absent. */
function byModality(usage: Record<string, unknown>, key: string): Record<string, number> {
  const list = usage[key];
  const counts: Record<string, number> = {};
  if (list === undefined || list === null) return counts;
  if (!Array.isArray(list)) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", key],
      "expected a list of { modality, tokenCount }",
    );
  }
  list.forEach((entry: unknown, index) => {
    if (!isRecord(entry) || typeof entry.modality !== "string") {
      throw pricebookError(
        "INVALID_USAGE",
        ["usage", key, index],
        "expected { modality, tokenCount }",
      );
    }
    // Gemini leaves tokenCount out when it is 0.
    const tokens =
      entry.tokenCount === undefined
        ? 0
        : toTokenCount(entry.tokenCount, ["usage", key, index, "tokenCount"]);
    const total = (counts[entry.modality] ?? 0) + tokens;
    if (!Number.isSafeInteger(total)) {
      throw pricebookError(
        "INVALID_USAGE",
        ["usage", key],
        "token counts add up to more than 2^53 − 1",
      );
    }
    counts[entry.modality] = total;
  });
  return counts;
}
