import { isRecord } from "../../catalog/validate.js";
import { pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  countOf,
  known,
  modelOf,
  partOf,
  type ResponseReader,
  sum,
  type UsageRead,
  usageFrom,
} from "../reader.js";

const MODALITIES = { text: true, image: true, audio: true, video: true, document: true } as const;
/** Every numeric field of a LangChain `UsageMetadata` (@langchain/core). */
const FIELDS: FieldSpec = {
  input_tokens: true,
  output_tokens: true,
  total_tokens: true,
  input_token_details: {
    ...MODALITIES,
    cache_read: true,
    cache_creation: true,
    // langchain-anthropic's breakdown of cache_creation by lifetime.
    ephemeral_5m_input_tokens: true,
    ephemeral_1h_input_tokens: true,
  },
  output_token_details: { ...MODALITIES, reasoning: true },
};
const LANGCHAIN_KEYS = [
  "cache_read",
  "cache_creation",
  "audio",
  "image",
  "video",
  "document",
  "text",
  "reasoning",
];

/** The usage metadata of a LangChain message: the message, its serialized form, or the usage. */
function usageOf(body: Readonly<Record<string, unknown>>): {
  usage: Record<string, unknown>;
  path: (string | number)[];
  message: Readonly<Record<string, unknown>>;
} {
  const message = isRecord(body.kwargs) ? body.kwargs : body;
  if (isRecord(message.usage_metadata))
    return { usage: message.usage_metadata, path: ["usage"], message };
  return { usage: body as Record<string, unknown>, path: ["usage"], message };
}

/**
 * A LangChain `AIMessage` (`usage_metadata`, `response_metadata.model_name`) or its
 * `UsageMetadata`. LangChain counts every input part inside `input_tokens` and reasoning inside
 * `output_tokens`, as the library does.
 */
export const langchain: ResponseReader = {
  shape: "langchain",
  evidence(body) {
    const message = isRecord(body.kwargs) ? body.kwargs : body;
    if (isRecord(message.usage_metadata)) return 2;
    for (const key of ["input_token_details", "output_token_details"]) {
      const details = body[key];
      if (isRecord(details) && LANGCHAIN_KEYS.some((name) => name in details)) return 2;
    }
    return 0;
  },
  read(body): UsageRead {
    const { usage, path, message } = usageOf(body);
    known(usage, FIELDS, path);
    const input = countOf(usage, "input_tokens", path, true);
    const output = countOf(usage, "output_tokens", path, true);
    const total = usage.total_tokens;
    if (total !== undefined && total !== null && total !== input + output) {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "total_tokens"],
        `total_tokens (${String(total)}) is not input_tokens + output_tokens (${input + output})`,
      );
    }
    const inPath = [...path, "input_token_details"];
    const outPath = [...path, "output_token_details"];
    const inDetails = usage.input_token_details;
    const outDetails = usage.output_token_details;
    const cachedInput = countOf(inDetails, "cache_read", inPath);
    const written = countOf(inDetails, "cache_creation", inPath);
    const write1h = countOf(inDetails, "ephemeral_1h_input_tokens", inPath);
    const write5m =
      isRecord(inDetails) && "ephemeral_5m_input_tokens" in inDetails
        ? countOf(inDetails, "ephemeral_5m_input_tokens", inPath)
        : written - write1h;
    if (write5m + write1h !== written) {
      throw pricebookError(
        "INVALID_USAGE",
        inPath,
        `the 5m and 1h cache writes (${write5m} + ${write1h}) do not add up to cache_creation (${written})`,
      );
    }
    const audioInput = countOf(inDetails, "audio", inPath);
    const imageInput = countOf(inDetails, "image", inPath);
    const videoInput = countOf(inDetails, "video", inPath);
    if (cachedInput > 0 && audioInput + imageInput + videoInput > 0) {
      throw pricebookError(
        "AMBIGUOUS_SHAPE",
        inPath,
        "cache reads beside audio, image or video tokens: LangChain does not say whether the modality counts include cached tokens; price the provider's own usage instead",
      );
    }
    partOf(
      sum(inPath, cachedInput, written, audioInput, imageInput, videoInput),
      input,
      inPath,
      "cache, audio, image and video input tokens",
    );
    const reasoning = countOf(outDetails, "reasoning", outPath);
    const audioOutput = countOf(outDetails, "audio", outPath);
    const imageOutput = countOf(outDetails, "image", outPath);
    const videoOutput = countOf(outDetails, "video", outPath);
    partOf(
      sum(outPath, reasoning, audioOutput, imageOutput, videoOutput),
      output,
      outPath,
      "reasoning, audio, image and video output tokens",
    );
    const metadata = isRecord(message.response_metadata) ? message.response_metadata : {};
    return {
      shape: "langchain",
      usage: usageFrom(
        { input, output, cachedInput, reasoning },
        {
          cacheWrite: write5m,
          cacheWrite1h: write1h,
          audioInput,
          imageInput,
          videoInput,
          audioOutput,
          imageOutput,
          videoOutput,
        },
      ),
      model: modelOf(metadata.model_name, metadata.model, message.model),
      serviceTier: undefined,
    };
  },
};
