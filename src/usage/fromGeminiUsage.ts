import { isRecord } from "../catalog/validate.js";
import type { Usage } from "../pricing/normalizeUsage.js";
import { adapterUsage } from "./reader.js";
import { readResponse } from "./readResponse.js";

/**
 * Reads a Gemini `generateContent` response (Gemini API or Vertex), a stream chunk, a Live API
 * message, or its `usageMetadata`. Gemini counts cached tokens inside `promptTokenCount` and
 * thinking tokens (`thoughtsTokenCount`) beside the output count: they are added into `output`
 * as its reasoning part. By modality, AUDIO, IMAGE and VIDEO prompt tokens become `audioInput`,
 * `imageInput` and `videoInput` (cached AUDIO and IMAGE tokens `cachedAudioInput` and
 * `cachedImageInput`), IMAGE, AUDIO and VIDEO output tokens `imageOutput`, `audioOutput` and
 * `videoOutput`; TEXT and DOCUMENT tokens stay plain text. Every numeric field is one the reader
 * knows, or the call fails with `UNRECOGNIZED_USAGE` naming it.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE`, `INVALID_USAGE` or `UNPRICED_USAGE` with the
 *   field's path
 *
 * @example
 * fromGeminiUsage({ usageMetadata: { promptTokenCount: 1200, candidatesTokenCount: 80, thoughtsTokenCount: 400, cachedContentTokenCount: 1000, totalTokenCount: 1680 } });
 * //=> { input: 1200, output: 480, cachedInput: 1000, reasoning: 400 }
 */
export function fromGeminiUsage(response: unknown): Usage {
  const usage =
    isRecord(response) && isRecord(response.usageMetadata) ? response.usageMetadata : response;
  const live =
    isRecord(usage) && ("responseTokenCount" in usage || "responseTokensDetails" in usage);
  return adapterUsage(readResponse(response, live ? "gemini-live" : "gemini"));
}
