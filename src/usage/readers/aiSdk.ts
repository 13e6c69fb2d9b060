import { isRecord } from "../../catalog/validate.js";
import { type ErrorPath, pricebookError } from "../../errors.js";
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

/**
 * Every numeric field of a Vercel AI SDK `LanguageModelUsage`: AI SDK 6 (`inputTokenDetails`,
 * `outputTokenDetails`, with the deprecated `reasoningTokens` / `cachedInputTokens` copies), 5
 * (`inputTokens`, `outputTokens`, `reasoningTokens`, `cachedInputTokens`) and 4
 * (`promptTokens`, `completionTokens`). `raw` is the provider's own usage the counts were taken
 * from: the same tokens, not more.
 */
const FIELDS: FieldSpec = {
  inputTokens: true,
  outputTokens: true,
  totalTokens: true,
  reasoningTokens: true,
  cachedInputTokens: true,
  inputTokenDetails: { noCacheTokens: true, cacheReadTokens: true, cacheWriteTokens: true },
  outputTokenDetails: { textTokens: true, reasoningTokens: true },
  promptTokens: true,
  completionTokens: true,
  raw: true,
};

/** The usage of an AI SDK value: a result's `totalUsage` (every step), its `usage`, or a usage. */
function usageOf(body: Readonly<Record<string, unknown>>): {
  usage: Record<string, unknown>;
  path: ErrorPath;
} {
  if (isRecord(body.totalUsage)) return { usage: body.totalUsage, path: ["usage"] };
  if (isRecord(body.usage)) return { usage: body.usage, path: ["usage"] };
  return { usage: body as Record<string, unknown>, path: ["usage"] };
}

/**
 * A Vercel AI SDK usage (`LanguageModelUsage`, every form AI SDK 4–6 returns) or a
 * `generateText` / `streamText` result holding one. AI SDK 6 counts cache reads and writes
 * inside `inputTokens` and says so; AI SDK 5's `cachedInputTokens` is inside or beside
 * `inputTokens` depending on the provider, so a cached AI SDK 5 usage is `AMBIGUOUS_SHAPE`.
 */
export const aiSdk: ResponseReader = {
  shape: "ai-sdk",
  evidence(body) {
    const { usage } = usageOf(body);
    for (const key of [
      "inputTokenDetails",
      "outputTokenDetails",
      "cachedInputTokens",
      "reasoningTokens",
      "promptTokens",
      "completionTokens",
    ]) {
      if (key in usage) return 2;
    }
    return "inputTokens" in usage && "outputTokens" in usage ? 1 : 0;
  },
  read(body): UsageRead {
    const { usage, path } = usageOf(body);
    known(usage, FIELDS, path);
    const response = isRecord(body.response) ? body.response : {};
    const model = modelOf(response.modelId, body.modelId, body.model);
    if ("promptTokens" in usage || "completionTokens" in usage) {
      const input = countOf(usage, "promptTokens", path, true);
      const output = countOf(usage, "completionTokens", path, true);
      checkTotal(usage, path, input + output);
      return { shape: "ai-sdk", usage: { input, output }, model, serviceTier: undefined };
    }
    const input = countOf(usage, "inputTokens", path, true);
    const outputTotal = countOf(usage, "outputTokens", path, true);
    const inDetails = usage.inputTokenDetails;
    const outDetails = usage.outputTokenDetails;
    const inPath = [...path, "inputTokenDetails"];
    const outPath = [...path, "outputTokenDetails"];
    if (isRecord(inDetails) || isRecord(outDetails)) {
      const cachedInput = countOf(inDetails, "cacheReadTokens", inPath);
      const cacheWrite = countOf(inDetails, "cacheWriteTokens", inPath);
      const noCache = countOf(inDetails, "noCacheTokens", inPath);
      if (
        isRecord(inDetails) &&
        inDetails.noCacheTokens != null &&
        sum(inPath, noCache, cachedInput, cacheWrite) !== input
      ) {
        throw pricebookError(
          "INVALID_USAGE",
          inPath,
          `noCacheTokens + cacheReadTokens + cacheWriteTokens (${noCache} + ${cachedInput} + ${cacheWrite}) is not inputTokens (${input})`,
        );
      }
      partOf(cachedInput + cacheWrite, input, inPath, "cache reads and writes");
      const reasoning = countOf(outDetails, "reasoningTokens", outPath);
      partOf(reasoning, outputTotal, outPath, "reasoning tokens");
      checkTotal(usage, path, input + outputTotal);
      return {
        shape: "ai-sdk",
        usage: usageFrom({ input, output: outputTotal, cachedInput, reasoning }, { cacheWrite }),
        model,
        serviceTier: undefined,
      };
    }
    // AI SDK 5.
    if (countOf(usage, "cachedInputTokens", path) > 0) {
      throw pricebookError(
        "AMBIGUOUS_SHAPE",
        [...path, "cachedInputTokens"],
        "AI SDK 5 usage does not say whether cachedInputTokens are inside inputTokens (it depends on the provider); price the provider's response, or use AI SDK 6 (inputTokenDetails)",
      );
    }
    const reasoning = countOf(usage, "reasoningTokens", path);
    const total = usage.totalTokens;
    // Reasoning is inside outputTokens for some providers and beside it for others; the total says which.
    let output = outputTotal;
    if (reasoning > 0) {
      if (total === input + outputTotal + reasoning) output = sum(path, outputTotal, reasoning);
      else if (total !== input + outputTotal) {
        throw pricebookError(
          "AMBIGUOUS_SHAPE",
          [...path, "reasoningTokens"],
          "reasoningTokens without a totalTokens that says whether they are inside outputTokens",
        );
      }
    } else checkTotal(usage, path, input + outputTotal);
    partOf(reasoning, output, path, "reasoning tokens");
    return {
      shape: "ai-sdk",
      usage: usageFrom({ input, output, cachedInput: 0, reasoning }, {}),
      model,
      serviceTier: undefined,
    };
  },
};

function checkTotal(usage: Record<string, unknown>, path: ErrorPath, expected: number): void {
  const total = usage.totalTokens;
  if (total !== undefined && total !== null && total !== expected) {
    throw pricebookError(
      "INVALID_USAGE",
      [...path, "totalTokens"],
      `totalTokens (${String(total)}) is not input + output (${expected})`,
    );
  }
}
