import { isRecord } from "../../catalog/validate.js";
import { type ErrorPath, pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  count,
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
  // Pydantic AI Gateway's cost estimate (dollars): known, not priced.
  pydantic_ai_gateway: { cost_estimate: true },
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
    const input = sum(INPUT_PATH, counts.uncached, counts.read, counts.write5m, counts.write1h);
    const details = usage.output_tokens_details;
    const thinking = isRecord(details)
      ? count(details.thinking_tokens, DETAILS_PATH, "thinking_tokens")
      : 0;
    partOf(thinking, counts.output, DETAILS_PATH, "thinking tokens");
    const tools = usage.server_tool_use;
    const searches = isRecord(tools)
      ? count(tools.web_search_requests, TOOLS_PATH, "web_search_requests")
      : 0;
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
          webSearch: searches,
          inferenceGeo: typeof geo === "string" && !STANDARD_GEOS.has(geo) ? geo : undefined,
        },
      ),
      model: modelOf(body.model),
      serviceTier: serviceTierOf(usage.service_tier),
    };
  },
};

const INPUT_PATH = ["usage", "input_tokens"];
const DETAILS_PATH = ["usage", "output_tokens_details"];
const TOOLS_PATH = ["usage", "server_tool_use"];
const STRONG = [
  "cache_creation_input_tokens",
  "cache_read_input_tokens",
  "cache_creation",
  "server_tool_use",
  "inference_geo",
  "iterations",
];
const STANDARD_GEOS = /* @__PURE__ */ new Set(["global", "not_available"]);

function countsOf(value: unknown, path: ErrorPath, inputRequired: boolean): Counts {
  const usage: Readonly<Record<string, unknown>> = isRecord(value) ? value : {};
  const uncached = count(usage.input_tokens, path, "input_tokens", inputRequired);
  const output = count(usage.output_tokens, path, "output_tokens", true);
  const read = count(usage.cache_read_input_tokens, path, "cache_read_input_tokens");
  const written = count(usage.cache_creation_input_tokens, path, "cache_creation_input_tokens");
  const creation = usage.cache_creation;
  if (!isRecord(creation)) return { uncached, output, read, write5m: written, write1h: 0 };
  const at = [...path, "cache_creation"];
  const write5m = count(creation.ephemeral_5m_input_tokens, at, "ephemeral_5m_input_tokens");
  const write1h = count(creation.ephemeral_1h_input_tokens, at, "ephemeral_1h_input_tokens");
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
