import { isRecord } from "../../catalog/validate.js";
import { pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  countOf,
  known,
  modelOf,
  partOf,
  type ResponseReader,
  serviceTierOf,
  type UsageRead,
  usageFrom,
  usageIn,
} from "../reader.js";

/** Every numeric field of a Responses API `usage`. */
const FIELDS: FieldSpec = {
  input_tokens: true,
  output_tokens: true,
  total_tokens: true,
  input_tokens_details: { cached_tokens: true, cache_write_tokens: true },
  output_tokens_details: { reasoning_tokens: true },
  // OpenRouter's own cost report (dollars it computed, not tokens): known, not priced.
  cost: true,
  is_byok: true,
  cost_details: {
    upstream_inference_cost: true,
    upstream_inference_input_cost: true,
    upstream_inference_output_cost: true,
  },
  // Pydantic AI Gateway's cost estimate (dollars): known, not priced.
  pydantic_ai_gateway: { cost_estimate: true },
};
/** The billed tool calls a response may report in `tool_usage`. */
const TOOL_USAGE: FieldSpec = { web_search: { num_requests: true } };

/**
 * A Responses API response (`object: "response"`), its `response.completed` stream event
 * (unwrapped before this reader sees it) or a bare Responses usage.
 */
export const openaiResponses: ResponseReader = {
  shape: "openai-responses",
  evidence(body, usage) {
    if (body.object === "response") return 2;
    if ("input_tokens_details" in usage) return 2;
    return "input_tokens" in usage && "output_tokens" in usage ? 1 : 0;
  },
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, FIELDS, path);
    const input = countOf(usage, "input_tokens", path, true);
    const output = countOf(usage, "output_tokens", path, true);
    const inDetails = [...path, "input_tokens_details"];
    const cachedInput = countOf(usage.input_tokens_details, "cached_tokens", inDetails);
    const cacheWrite = countOf(usage.input_tokens_details, "cache_write_tokens", inDetails);
    const reasoning = countOf(usage.output_tokens_details, "reasoning_tokens", [
      ...path,
      "output_tokens_details",
    ]);
    partOf(cachedInput + cacheWrite, input, inDetails, "cached and cache-write input tokens");
    partOf(reasoning, output, [...path, "output_tokens_details"], "reasoning tokens");
    const total = usage.total_tokens;
    if (total !== undefined && total !== null && total !== input + output) {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "total_tokens"],
        `total_tokens (${String(total)}) is not input_tokens + output_tokens (${input + output})`,
      );
    }
    return {
      shape: "openai-responses",
      usage: usageFrom(
        { input, output, cachedInput, reasoning },
        { cacheWrite, webSearch: webSearches(body) },
      ),
      model: modelOf(body.model),
      serviceTier: serviceTierOf(body.service_tier),
    };
  },
};

/**
 * The web searches a response was billed for: `tool_usage.web_search.num_requests` where the
 * response states it, else its `web_search_call` output items whose action is a search (an
 * `open_page` or `find` action is part of a search, not one of its own).
 */
function webSearches(body: Readonly<Record<string, unknown>>): number {
  if (body.tool_usage !== undefined && body.tool_usage !== null) {
    known(body.tool_usage, TOOL_USAGE, ["tool_usage"]);
    const search = isRecord(body.tool_usage) ? body.tool_usage.web_search : undefined;
    return countOf(search, "num_requests", ["tool_usage", "web_search"]);
  }
  if (!Array.isArray(body.output)) return 0;
  let calls = 0;
  for (const item of body.output) {
    if (!isRecord(item) || item.type !== "web_search_call") continue;
    const action = isRecord(item.action) ? item.action.type : undefined;
    if (action === undefined || action === "search") calls++;
    else if (action !== "open_page" && action !== "find" && action !== "find_in_page") {
      throw pricebookError(
        "UNRECOGNIZED_USAGE",
        ["output"],
        `a web_search_call with action ${JSON.stringify(action)}, which this reader does not know how to bill`,
      );
    }
  }
  return calls;
}
