import { isRecord } from "../../catalog/validate.js";
import { pricebookError } from "../../errors.js";
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

const TOKENS: FieldSpec = {
  input_tokens: true,
  output_tokens: true,
  total_tokens: true,
  input_token_details: { text_tokens: true, audio_tokens: true },
};

/**
 * An audio transcription (`{ text, usage: { type: "tokens" | "duration" } }`). Token usage
 * prices its audio input at the audio rate; usage by duration (whisper-1: seconds) has no rate
 * kind and is `UNPRICED_USAGE`.
 */
export const openaiTranscription: ResponseReader = {
  shape: "openai-transcription",
  evidence(_body, usage) {
    return usage.type === "tokens" || usage.type === "duration" ? 2 : 0;
  },
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    if (usage.type === "duration") {
      known(usage, { seconds: true }, path);
      throw pricebookError(
        "UNPRICED_USAGE",
        [...path, "seconds"],
        "a transcription billed by duration (seconds of audio): the library has no per-second rate kind",
      );
    }
    known(usage, TOKENS, path);
    const input = countOf(usage, "input_tokens", path, true);
    const output = countOf(usage, "output_tokens", path, true);
    const detailsPath = [...path, "input_token_details"];
    const text = countOf(usage.input_token_details, "text_tokens", detailsPath);
    const audioInput = countOf(usage.input_token_details, "audio_tokens", detailsPath);
    if (isRecord(usage.input_token_details) && sum(detailsPath, text, audioInput) !== input) {
      throw pricebookError(
        "INVALID_USAGE",
        detailsPath,
        `text and audio tokens (${text} + ${audioInput}) do not add up to input_tokens (${input})`,
      );
    }
    if (!isRecord(usage.input_token_details) && input > 0) {
      throw pricebookError(
        "INVALID_USAGE",
        detailsPath,
        "a transcription's input tokens without input_token_details: the audio part is unknown",
      );
    }
    return {
      shape: "openai-transcription",
      usage: usageFrom({ input, output }, { audioInput }),
      model: modelOf(body.model),
      serviceTier: undefined,
    };
  },
};
