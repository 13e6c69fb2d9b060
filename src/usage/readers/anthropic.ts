import { isRecord } from "../../catalog/validate.js";
import { type ErrorPath, pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  countOf,
  known,
  modelOf,
  partOf,
  type ResponseReader,
  serviceTierOf,
  sum,
  type UsageRead,
  usageFrom,
  usageIn,
} from "../reader.js";

const CACHE_CREATION: FieldSpec = {
  ephemeral_5m_input_tokens: true,
  ephemeral_1h_input_tokens: true,
};
/** The token counts of one sampling iteration (`usage.iterations[i]`). */
const ITERATION: FieldSpec = {
  input_tokens: true,
  output_tokens: true,
  cache_creation_input_tokens: true,
  cache_read_input_tokens: true,
  cache_creation: CACHE_CREATION,
};
/** Every numeric field of a Messages `usage` (also from Bedrock InvokeModel and Vertex). */
const FIELDS: FieldSpec = {
  input_tokens: true,
  output_tokens: true,
  cache_creation_input_tokens: true,
  cache_read_input_tokens: true,
  cache_creation: CACHE_CREATION,
  // Web fetches cost no more than the tokens of their results, which are in input_tokens.
  server_tool_use: { web_search_requests: true, web_fetch_requests: true },
  // A part of output_tokens ("the inclusive, authoritative total used for billing").
  output_tokens_details: { thinking_tokens: true },
  iterations: [ITERATION],
};

interface Counts {
  uncached: number;
  output: number;
  read: number;
  write5m: number;
  write1h: number;
}

/**
 * An Anthropic Messages response (`type: "message"`; the same body comes back from Bedrock
 * InvokeModel and Vertex), a `message_delta` stream event (its usage is cumulative), or a bare
 * Messages usage. Cache reads and writes, counted beside `input_tokens`, are added into
 * `input`; compaction iterations (not in the top-level counts) are added to them.
 */
export const anthropic: ResponseReader = {
  shape: "anthropic",
  evidence(body, usage) {
    if (body.type === "message" || body.type === "message_delta") return 2;
    for (const key of STRONG) if (key in usage) return 2;
    return "input_tokens" in usage && "output_tokens" in usage ? 1 : 0;
  },
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, FIELDS, path);
    if (usage.speed !== undefined && usage.speed !== null && usage.speed !== "standard") {
      throw pricebookError(
        "UNPRICED_USAGE",
        [...path, "speed"],
        `served at speed ${JSON.stringify(usage.speed)}, which is priced apart from the standard rates; the tables have no rate for it`,
      );
    }
    const counts = countsOf(usage, path, body.type !== "message_delta");
    addIterations(usage, path, counts);
    const input = sum(
      [...path, "input_tokens"],
      counts.uncached,
      counts.read,
      counts.write5m,
      counts.write1h,
    );
    const thinking = countOf(usage.output_tokens_details, "thinking_tokens", [
      ...path,
      "output_tokens_details",
    ]);
    partOf(thinking, counts.output, [...path, "output_tokens_details"], "thinking tokens");
    const tools = [...path, "server_tool_use"];
    const geo = usage.inference_geo;
    return {
      shape: "anthropic",
      usage: usageFrom(
        {
          input,
          output: counts.output,
          cachedInput: counts.read,
          cacheWrite: counts.write5m,
          cacheWrite1h: counts.write1h,
        },
        {
          reasoning: thinking,
          webSearch: countOf(usage.server_tool_use, "web_search_requests", tools),
          inferenceGeo: typeof geo === "string" && !STANDARD_GEOS.has(geo) ? geo : undefined,
        },
      ),
      model: modelOf(body.model),
      serviceTier: serviceTierOf(usage.service_tier),
    };
  },
};

const STRONG = [
  "cache_creation_input_tokens",
  "cache_read_input_tokens",
  "cache_creation",
  "server_tool_use",
  "inference_geo",
  "iterations",
];
const STANDARD_GEOS = /* @__PURE__ */ new Set(["global", "not_available"]);

function countsOf(usage: unknown, path: ErrorPath, inputRequired: boolean): Counts {
  const uncached = countOf(usage, "input_tokens", path, inputRequired);
  const output = countOf(usage, "output_tokens", path, true);
  const read = countOf(usage, "cache_read_input_tokens", path);
  const written = countOf(usage, "cache_creation_input_tokens", path);
  const creation = isRecord(usage) ? usage.cache_creation : undefined;
  if (!isRecord(creation)) return { uncached, output, read, write5m: written, write1h: 0 };
  const at = [...path, "cache_creation"];
  const write5m = countOf(creation, "ephemeral_5m_input_tokens", at);
  const write1h = countOf(creation, "ephemeral_1h_input_tokens", at);
  if (write5m + write1h !== written) {
    throw pricebookError(
      "INVALID_USAGE",
      at,
      `cache_creation's 5m and 1h tokens (${write5m} + ${write1h}) do not add up to cache_creation_input_tokens (${written})`,
    );
  }
  return { uncached, output, read, write5m, write1h };
}

/**
 * Compaction iterations are billed on top of the top-level counts (which leave them out);
 * `message` iterations are already inside them. An advisor or fallback iteration ran on a model
 * of its own, priced at that model's rates: refused here rather than priced at this one's.
 */
function addIterations(usage: Record<string, unknown>, path: ErrorPath, counts: Counts): void {
  const iterations = usage.iterations;
  if (iterations === undefined || iterations === null) return;
  const at = [...path, "iterations"];
  if (!Array.isArray(iterations)) throw pricebookError("INVALID_USAGE", at, "expected a list");
  iterations.forEach((iteration: unknown, index) => {
    const type = isRecord(iteration) ? iteration.type : undefined;
    if (type === "message") return;
    if (type !== "compaction") {
      throw pricebookError(
        "UNPRICED_USAGE",
        [...at, index],
        `an iteration of type ${JSON.stringify(type)} (run on a model of its own, or unknown) is not priced at this model's rates`,
      );
    }
    const part = countsOf(iteration, [...at, index], true);
    counts.uncached = sum(at, counts.uncached, part.uncached);
    counts.output = sum(at, counts.output, part.output);
    counts.read = sum(at, counts.read, part.read);
    counts.write5m = sum(at, counts.write5m, part.write5m);
    counts.write1h = sum(at, counts.write1h, part.write1h);
  });
}
