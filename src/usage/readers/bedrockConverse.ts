import { isRecord } from "../../catalog/validate.js";
import { type ErrorPath, pricebookError } from "../../errors.js";
import type { FieldSpec } from "../knownFields.js";
import {
  countOf,
  known,
  modelOf,
  type ResponseReader,
  serviceTierOf,
  sum,
  type UsageRead,
  usageFrom,
  usageIn,
} from "../reader.js";

/** Every numeric field of a Converse `TokenUsage`. */
const FIELDS: FieldSpec = {
  inputTokens: true,
  outputTokens: true,
  totalTokens: true,
  cacheReadInputTokens: true,
  cacheWriteInputTokens: true,
  // The names of the same two counts in early 2025.
  cacheReadInputTokenCount: true,
  cacheWriteInputTokenCount: true,
  // Pydantic AI Gateway's cost estimate (dollars): known, not priced.
  pydantic_ai_gateway: { cost_estimate: true },
  // Server-side tool calls (their counts are not known to this reader: any is refused).
  serverToolUsage: {},
  // A breakdown of cacheWriteInputTokens by TTL.
  cacheDetails: [{ inputTokens: true }],
};

/**
 * An AWS Bedrock Converse response (`output`, `stopReason`, `usage`, `metrics`) or a
 * ConverseStream `metadata` event (unwrapped before this reader sees it). Bedrock counts cache
 * reads and writes beside `inputTokens`; they are added into `input`. Latency-optimized
 * inference is priced apart and refused.
 */
export const bedrockConverse: ResponseReader = {
  shape: "bedrock-converse",
  evidence(body, usage) {
    if (!("inputTokens" in usage)) return 0;
    if ("stopReason" in body || "metrics" in body || isRecord(body.output)) return 2;
    if (
      "cacheReadInputTokens" in usage ||
      "cacheWriteInputTokens" in usage ||
      "cacheDetails" in usage ||
      "serverToolUsage" in usage
    ) {
      return 2;
    }
    return "outputTokens" in usage ? 1 : 0;
  },
  read(body): UsageRead {
    const { usage, path } = usageIn(body, "usage");
    known(usage, FIELDS, path);
    const performance = isRecord(body.performanceConfig)
      ? body.performanceConfig.latency
      : undefined;
    if (performance !== undefined && performance !== "standard") {
      throw pricebookError(
        "UNPRICED_USAGE",
        ["performanceConfig", "latency"],
        `latency ${JSON.stringify(performance)} inference is priced apart from the standard rates; the tables have no rate for it`,
      );
    }
    const uncached = countOf(usage, "inputTokens", path, true);
    const output = countOf(usage, "outputTokens", path, true);
    const read = either(usage, "cacheReadInputTokens", "cacheReadInputTokenCount", path);
    const written = either(usage, "cacheWriteInputTokens", "cacheWriteInputTokenCount", path);
    let write1h = 0;
    if (Array.isArray(usage.cacheDetails) && usage.cacheDetails.length > 0) {
      let listed = 0;
      usage.cacheDetails.forEach((detail: unknown, index) => {
        const at = [...path, "cacheDetails", index];
        const tokens = countOf(detail, "inputTokens", at, true);
        const ttl = isRecord(detail) ? detail.ttl : undefined;
        if (ttl === "1h") write1h += tokens;
        else if (ttl !== "5m") {
          throw pricebookError(
            "UNRECOGNIZED_USAGE",
            [...at, "ttl"],
            `a cache TTL of ${JSON.stringify(ttl)}`,
          );
        }
        listed += tokens;
      });
      if (listed !== written) {
        throw pricebookError(
          "INVALID_USAGE",
          [...path, "cacheDetails"],
          `cacheDetails add up to ${listed} tokens, but cacheWriteInputTokens is ${written}`,
        );
      }
    }
    const total = usage.totalTokens;
    const all = sum(path, uncached, output, read, written);
    if (total !== undefined && total !== null && total !== all && total !== uncached + output) {
      throw pricebookError(
        "INVALID_USAGE",
        [...path, "totalTokens"],
        `totalTokens (${String(total)}) is neither the sum of every count (${all}) nor inputTokens + outputTokens (${uncached + output})`,
      );
    }
    const tier = isRecord(body.serviceTier) ? body.serviceTier.type : body.serviceTier;
    return {
      shape: "bedrock-converse",
      usage: usageFrom(
        {
          input: sum(path, uncached, read, written),
          output,
          cachedInput: read,
          cacheWrite: written - write1h,
        },
        { cacheWrite1h: write1h },
      ),
      model: modelOf(body.modelId, body.model),
      serviceTier: serviceTierOf(tier),
    };
  },
};

/** A count under its current name or its older one; both present must agree. */
function either(
  usage: Record<string, unknown>,
  name: string,
  older: string,
  path: ErrorPath,
): number {
  const current = countOf(usage, name, path);
  const old = countOf(usage, older, path);
  if (usage[name] != null && usage[older] != null && current !== old) {
    throw pricebookError(
      "INVALID_USAGE",
      [...path, older],
      `${older} (${old}) and ${name} (${current}) disagree`,
    );
  }
  return usage[name] != null ? current : old;
}
