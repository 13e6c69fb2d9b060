import { isRecord } from "../../catalog/validate.js";
import { type ErrorPath, pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  countOf,
  known,
  modelOf,
  type ResponseReader,
  sum,
  type UsageRead,
  usageFrom,
  usageIn,
} from "../reader.js";

const LIST: readonly [FieldSpec] = [{ tokenCount: true }];
const COMMON: FieldSpec = {
  promptTokenCount: true,
  cachedContentTokenCount: true,
  toolUsePromptTokenCount: true,
  thoughtsTokenCount: true,
  totalTokenCount: true,
  // Pydantic AI Gateway's cost estimate (dollars): known, not priced.
  pydantic_ai_gateway: { cost_estimate: true },
  promptTokensDetails: LIST,
  // The same list under the name embeddings and token counts use.
  promptTokenDetails: LIST,
  cacheTokensDetails: LIST,
  toolUsePromptTokensDetails: LIST,
};
const GENERATE: readonly FieldSpec[] = [
  {
    candidatesTokenCount: true,
    candidatesTokensDetails: LIST,
  },
  COMMON,
];
const LIVE: readonly FieldSpec[] = [
  {
    responseTokenCount: true,
    responseTokensDetails: LIST,
  },
  COMMON,
];

/** A generateContent response (Gemini API or Vertex), a stream chunk, or a bare `usageMetadata`. */
export const gemini: ResponseReader = {
  shape: "gemini",
  evidence(body) {
    const usage = isRecord(body.usageMetadata) ? body.usageMetadata : body;
    if (
      "candidatesTokenCount" in usage ||
      "candidatesTokensDetails" in usage ||
      "candidates" in body
    )
      return 2;
    return "promptTokenCount" in usage ? 1 : 0;
  },
  read: (body) => readGemini(body, "gemini"),
};

/** A Live API server message's `usageMetadata` (`responseTokenCount` for the output). */
export const geminiLive: ResponseReader = {
  shape: "gemini-live",
  evidence(body) {
    const usage = isRecord(body.usageMetadata) ? body.usageMetadata : body;
    if ("responseTokenCount" in usage || "responseTokensDetails" in usage) return 2;
    return "promptTokenCount" in usage ? 1 : 0;
  },
  read: (body) => readGemini(body, "gemini-live"),
};

/**
 * Gemini counts cached tokens inside `promptTokenCount` and thinking tokens beside the output
 * count. By modality: AUDIO, IMAGE and VIDEO prompt tokens become their own parts (cached ones
 * `cachedAudioInput` / `cachedImageInput`), IMAGE, AUDIO and VIDEO output tokens too; TEXT and
 * DOCUMENT stay plain text. Cached VIDEO tokens have no rate kind and are refused.
 */
function readGemini(
  body: Readonly<Record<string, unknown>>,
  shape: "gemini" | "gemini-live",
): UsageRead {
  const { usage, path } = usageIn(body, "usageMetadata");
  const live = shape === "gemini-live";
  known(usage, live ? LIVE : GENERATE, path);
  const outKey = live ? "responseTokenCount" : "candidatesTokenCount";
  const prompt = countOf(usage, "promptTokenCount", path);
  const toolUse = countOf(usage, "toolUsePromptTokenCount", path);
  const thoughts = countOf(usage, "thoughtsTokenCount", path);
  const answer = countOf(usage, outKey, path);
  const input = sum(path, prompt, toolUse);
  const output = sum(path, answer, thoughts);
  const promptBy = byModality(
    usage,
    usage.promptTokensDetails === undefined ? "promptTokenDetails" : "promptTokensDetails",
    path,
  );
  const toolBy = byModality(usage, "toolUsePromptTokensDetails", path);
  const cachedBy = byModality(usage, "cacheTokensDetails", path);
  const outBy = byModality(usage, live ? "responseTokensDetails" : "candidatesTokensDetails", path);
  const cached = (modality: string) => cachedBy[modality] ?? 0;
  const uncached = (modality: string) => {
    const count = (promptBy[modality] ?? 0) + (toolBy[modality] ?? 0) - cached(modality);
    if (count < 0) {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "cacheTokensDetails"],
        `more cached ${modality} tokens than ${modality} prompt tokens`,
      );
    }
    return count;
  };
  if (cached("VIDEO") > 0) {
    throw pricebookError(
      "UNPRICED_USAGE",
      [...path, "cacheTokensDetails"],
      `${cached("VIDEO")} cached VIDEO tokens: the library has no rate kind for cached video`,
    );
  }
  return {
    shape,
    usage: usageFrom(
      {
        input,
        output,
        cachedInput: countOf(usage, "cachedContentTokenCount", path),
        reasoning: thoughts,
      },
      {
        cachedAudioInput: cached("AUDIO"),
        cachedImageInput: cached("IMAGE"),
        audioInput: uncached("AUDIO"),
        imageInput: uncached("IMAGE"),
        videoInput: uncached("VIDEO"),
        audioOutput: outBy.AUDIO ?? 0,
        imageOutput: outBy.IMAGE ?? 0,
        videoOutput: outBy.VIDEO ?? 0,
      },
    ),
    model: modelOf(body.modelVersion, body.model),
    serviceTier: undefined,
  };
}

const MODALITIES = /* @__PURE__ */ new Set([
  "TEXT",
  "IMAGE",
  "AUDIO",
  "VIDEO",
  "DOCUMENT",
  "MODALITY_UNSPECIFIED",
]);

/** A `[{ modality, tokenCount }]` list as counts by modality; empty when absent. */
function byModality(
  usage: Record<string, unknown>,
  key: string,
  path: ErrorPath,
): Record<string, number> {
  const list = usage[key];
  const counts: Record<string, number> = {};
  if (list === undefined || list === null) return counts;
  const at = [...path, key];
  if (!Array.isArray(list))
    throw pricebookError("INVALID_USAGE", at, "expected a list of { modality, tokenCount }");
  list.forEach((entry: unknown, index) => {
    const modality = isRecord(entry) ? entry.modality : undefined;
    if (typeof modality !== "string" || !MODALITIES.has(modality)) {
      throw pricebookError(
        "UNRECOGNIZED_USAGE",
        [...at, index, "modality"],
        `a modality this reader does not know: ${JSON.stringify(modality)}`,
      );
    }
    if (modality === "MODALITY_UNSPECIFIED" && countOf(entry, "tokenCount", [...at, index]) > 0) {
      throw pricebookError(
        "UNRECOGNIZED_USAGE",
        [...at, index],
        "tokens of an unspecified modality",
      );
    }
    // Gemini leaves tokenCount out when it is 0.
    counts[modality] = sum(at, counts[modality] ?? 0, countOf(entry, "tokenCount", [...at, index]));
  });
  return counts;
}
