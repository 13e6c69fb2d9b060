import { pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  countOf,
  known,
  modelOf,
  type ResponseReader,
  type UsageRead,
  usageIn,
} from "../reader.js";

const FIELDS: FieldSpec = { prompt_tokens: true, total_tokens: true };

/** An embeddings response (`object: "list"` of embeddings): input tokens only. */
export const openaiEmbeddings: ResponseReader = {
  shape: "openai-embeddings",
  evidence(body, usage) {
    if (body.object === "list" && Array.isArray(body.data)) {
      const first = body.data[0] as { object?: unknown } | undefined;
      if (first === undefined || first?.object === "embedding") return 2;
    }
    // A bare embeddings usage: prompt and total tokens, nothing generated.
    return "prompt_tokens" in usage && "total_tokens" in usage && !("completion_tokens" in usage)
      ? 1
      : 0;
  },
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, FIELDS, path);
    const input = countOf(usage, "prompt_tokens", path, true);
    const total = usage.total_tokens;
    if (total !== undefined && total !== null && total !== input) {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "total_tokens"],
        `an embedding's total_tokens (${String(total)}) should equal its prompt_tokens (${input})`,
      );
    }
    return {
      shape: "openai-embeddings",
      usage: { input, output: 0 },
      model: modelOf(body.model),
      serviceTier: undefined,
    };
  },
};
