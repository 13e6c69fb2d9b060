import { isRecord } from "../../catalog/validate.js";
import { pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  countOf,
  known,
  modelOf,
  type ResponseReader,
  type UsageRead,
  unpricedAbove0,
} from "../reader.js";

const BILLED: FieldSpec = {
  input_tokens: true,
  output_tokens: true,
  search_units: true,
  classifications: true,
  // Embed: images billed apart from text tokens.
  image_tokens: true,
};
/**
 * A Cohere v2 chat `usage`: `billed_units` are what Cohere bills; `tokens` are the raw counts,
 * prompt template included, which are not billed.
 */
const FIELDS: FieldSpec = {
  billed_units: BILLED,
  tokens: { input_tokens: true, output_tokens: true },
  cached_tokens: true,
};

/** A Cohere v2 chat response (`usage.billed_units`) or a v1 response (`meta.billed_units`). */
export const cohere: ResponseReader = {
  shape: "cohere",
  evidence(body) {
    if (isRecord(body.usage) && isRecord(body.usage.billed_units)) return 2;
    if (isRecord(body.meta) && isRecord(body.meta.billed_units)) return 2;
    return isRecord(body.billed_units) ? 2 : 0;
  },
  read(body): UsageRead {
    const key = isRecord(body.usage) ? "usage" : isRecord(body.meta) ? "meta" : undefined;
    const usage = (key === undefined ? body : body[key]) as Record<string, unknown>;
    const path = key === undefined ? [] : [key];
    known(
      usage,
      key === "meta"
        ? {
            billed_units: BILLED,
            tokens: FIELDS.tokens as FieldSpec,
            api_version: { version: true },
          }
        : FIELDS,
      path,
    );
    const billed = usage.billed_units;
    const at = [...path, "billed_units"];
    if (!isRecord(billed)) throw pricebookError("INVALID_USAGE", at, "expected billed_units");
    unpricedAbove0(
      countOf(billed, "search_units", at),
      [...at, "search_units"],
      "search units (billed per unit)",
    );
    unpricedAbove0(countOf(billed, "image_tokens", at), [...at, "image_tokens"], "image tokens");
    unpricedAbove0(
      countOf(billed, "classifications", at),
      [...at, "classifications"],
      "classifications (billed per call)",
    );
    unpricedAbove0(
      countOf(usage, "cached_tokens", path),
      [...path, "cached_tokens"],
      "cached tokens (Cohere's cache price is not stated in the tables)",
    );
    return {
      shape: "cohere",
      usage: {
        input: countOf(billed, "input_tokens", at),
        output: countOf(billed, "output_tokens", at),
      },
      model: modelOf(body.model),
      serviceTier: undefined,
    };
  },
};
