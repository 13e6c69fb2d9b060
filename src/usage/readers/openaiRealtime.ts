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
  usageIn,
} from "../reader.js";

const MODALITIES = { text_tokens: true, audio_tokens: true, image_tokens: true } as const;
/** Every numeric field of a Realtime API `response.usage`. */
const FIELDS: FieldSpec = {
  total_tokens: true,
  input_tokens: true,
  output_tokens: true,
  input_token_details: { cached_tokens: true, ...MODALITIES, cached_tokens_details: MODALITIES },
  output_token_details: { text_tokens: true, audio_tokens: true },
};

/**
 * A Realtime API `response.done` event's response (unwrapped before this reader sees it), or a
 * bare Realtime usage (`input_token_details` with `*_tokens` counts). Cached audio and image
 * tokens become `cachedAudioInput` / `cachedImageInput`; uncached ones `audioInput` /
 * `imageInput`.
 */
export const openaiRealtime: ResponseReader = {
  shape: "openai-realtime",
  evidence(body, usage) {
    if (body.object === "realtime.response") return 2;
    const details = usage.input_token_details;
    // A transcription's usage (`type: "tokens"`) has text and audio details too, but no cache.
    if (!isRecord(details) || usage.type !== undefined) return 0;
    return "cached_tokens" in details ||
      "cached_tokens_details" in details ||
      "image_tokens" in details
      ? 2
      : 0;
  },
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, FIELDS, path);
    const input = countOf(usage, "input_tokens", path, true);
    const output = countOf(usage, "output_tokens", path, true);
    const inPath = [...path, "input_token_details"];
    const details = usage.input_token_details;
    const cachedPath = [...inPath, "cached_tokens_details"];
    const cachedDetails = isRecord(details) ? details.cached_tokens_details : undefined;
    const cachedInput = countOf(details, "cached_tokens", inPath);
    const cachedAudioInput = countOf(cachedDetails, "audio_tokens", cachedPath);
    const cachedImageInput = countOf(cachedDetails, "image_tokens", cachedPath);
    const cachedText = countOf(cachedDetails, "text_tokens", cachedPath);
    partOf(
      cachedAudioInput + cachedImageInput + cachedText,
      cachedInput,
      cachedPath,
      "cached tokens by modality",
    );
    const text = countOf(details, "text_tokens", inPath);
    const audio = countOf(details, "audio_tokens", inPath);
    const image = countOf(details, "image_tokens", inPath);
    if (
      isRecord(details) &&
      "text_tokens" in details &&
      sum(inPath, text, audio, image) !== input
    ) {
      throw pricebookError(
        "INVALID_USAGE",
        inPath,
        `text, audio and image tokens (${text} + ${audio} + ${image}) do not add up to input_tokens (${input})`,
      );
    }
    partOf(cachedAudioInput, audio, cachedPath, "cached audio tokens");
    partOf(cachedImageInput, image, cachedPath, "cached image tokens");
    const outPath = [...path, "output_token_details"];
    const audioOutput = countOf(usage.output_token_details, "audio_tokens", outPath);
    partOf(audioOutput, output, outPath, "audio output tokens");
    return {
      shape: "openai-realtime",
      usage: usageFrom(
        { input, output, cachedInput },
        {
          cachedAudioInput,
          cachedImageInput,
          audioInput: audio - cachedAudioInput,
          imageInput: image - cachedImageInput,
          audioOutput,
        },
      ),
      model: modelOf(body.model),
      serviceTier: undefined,
    };
  },
};
