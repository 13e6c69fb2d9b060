import type { Pricebook } from "../catalog/createPricebook.js";
import type { PricebookError, PricebookErrorCode } from "../errors.js";
import type { Charge } from "../pricing/charge.js";
import type { PricingTable } from "../schema/types.js";
import { builtinPricebook } from "../tables/builtinPricebook.js";
import { fromAiSdkUsage } from "../usage/fromAiSdkUsage.js";
import { type PriceUsageOptions, priceUsage } from "./priceUsage.js";

/** What {@link pricebookMiddleware} hands to `onCharge` for each call. */
export type AiSdkChargeEvent =
  | {
      readonly ok: true;
      /** The exact USD, a decimal string. */
      readonly usd: string;
      /** The table version, `id@version`. */
      readonly table: string;
      readonly charge: Charge;
      /** The usage the SDK reported, as it reported it. */
      readonly usage: unknown;
      readonly model: string;
      readonly type: "generate" | "stream";
    }
  | {
      readonly ok: false;
      readonly code: PricebookErrorCode;
      readonly message: string;
      readonly error: PricebookError;
      readonly usage: unknown;
      readonly model: string;
      readonly type: "generate" | "stream";
    };

/** Options of {@link pricebookMiddleware}. */
export interface PricebookMiddlewareOptions extends PriceUsageOptions {
  /** The prices: a pricebook or one table. Default: `builtinPricebook()`. */
  readonly pricebook?: Pricebook | PricingTable;
  /** Called once per call with its charge, or with `{ ok: false, code }` when unpriced. */
  readonly onCharge?: (event: AiSdkChargeEvent) => void;
}

/** The part of an AI SDK language model the middleware reads. */
interface ModelLike {
  readonly modelId: string;
}
/** The part of a `doGenerate` result or a `finish` stream part the middleware reads. */
interface Finished {
  usage?: unknown;
  providerMetadata?: Record<string, Record<string, unknown>> | undefined;
  response?: { modelId?: string | undefined } | undefined;
}

/**
 * The middleware, structurally a `LanguageModelV3Middleware` of the AI SDK (`ai@6`): pass it to
 * `wrapLanguageModel({ model, middleware })`.
 */
export interface PricebookMiddleware {
  readonly specificationVersion: "v3";
  wrapGenerate<R extends object>(options: {
    doGenerate: () => PromiseLike<R>;
    model: ModelLike;
  }): Promise<R>;
  wrapStream<R extends { stream: ReadableStream<unknown> }>(options: {
    doStream: () => PromiseLike<R>;
    model: ModelLike;
  }): Promise<R>;
}

/**
 * A Vercel AI SDK language-model middleware that prices every `generateText`, `streamText`
 * and `generateObject` call from the usage the model reports (cache reads and writes,
 * reasoning, and the service tier OpenAI's provider metadata states), exactly. Each call's
 * charge goes to `onCharge` and to the result's `providerMetadata.llmPricebook` as
 * `{ usd, table }`; a call that cannot be priced gives `{ ok: false, code }` (and
 * `providerMetadata.llmPricebook.code`), never a 0.
 *
 * @example
 * // o3 at openai@2025-06-10 (2 / 8 per million): 1000 × 0.000002 + 100 × 0.000008
 * const result = await pricebookMiddleware({ asOf: "2025-06-11" }).wrapGenerate({
 *   model: { modelId: "o3" },
 *   doGenerate: async () => ({ usage: { inputTokens: { total: 1000, noCache: 1000, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 100, text: 100, reasoning: 0 } } }),
 * });
 * (result as { providerMetadata?: unknown }).providerMetadata;
 * //=> { llmPricebook: { usd: "0.0028", table: "openai@2025-06-10" } }
 */
export function pricebookMiddleware(options: PricebookMiddlewareOptions = {}): PricebookMiddleware {
  const price = (finished: Finished, model: ModelLike, type: "generate" | "stream") => {
    const name = finished.response?.modelId ?? model.modelId;
    const usage = finished.usage;
    const serviceTier = tierOf(finished.providerMetadata);
    const priced = priceUsage(
      options.pricebook ?? builtinPricebook(),
      name,
      () => fromAiSdkUsage(languageModelUsage(usage)),
      { table: options.table, asOf: options.asOf, serviceTier },
    );
    options.onCharge?.({ ...priced, usage, model: name, type });
    const metadata = priced.ok
      ? { usd: priced.usd, table: priced.table }
      : { code: priced.code, message: priced.message };
    finished.providerMetadata = { ...finished.providerMetadata, llmPricebook: metadata };
  };
  return {
    specificationVersion: "v3",
    async wrapGenerate({ doGenerate, model }) {
      const result = await doGenerate();
      const finished: Finished = { ...result };
      price(finished, model, "generate");
      return finished as typeof result;
    },
    async wrapStream({ doStream, model }) {
      const result = await doStream();
      const stream = result.stream as ReadableStream<Record<string, unknown>>;
      let modelId: string | undefined;
      const priced = stream.pipeThrough(
        new TransformStream<Record<string, unknown>, Record<string, unknown>>({
          transform(part, controller) {
            if (part.type === "response-metadata" && typeof part.modelId === "string") {
              modelId = part.modelId;
            }
            if (part.type === "finish") {
              const finished: Finished = {
                ...part,
                response: modelId === undefined ? undefined : { modelId },
              };
              price(finished, model, "stream");
              controller.enqueue({ ...part, providerMetadata: finished.providerMetadata });
              return;
            }
            controller.enqueue(part);
          },
        }),
      );
      return { ...result, stream: priced };
    },
  };
}

/**
 * A provider's V3 usage (`inputTokens: { total, noCache, cacheRead, cacheWrite }`) as the
 * `LanguageModelUsage` the SDK gives users, which `fromAiSdkUsage` reads; a V2 usage (flat
 * counts) is already that.
 */
function languageModelUsage(usage: unknown): unknown {
  if (typeof usage !== "object" || usage === null) return usage;
  const { inputTokens, outputTokens, raw } = usage as Record<string, unknown>;
  if (typeof inputTokens !== "object" || inputTokens === null) return usage;
  const input = inputTokens as Record<string, unknown>;
  const output = (outputTokens ?? {}) as Record<string, unknown>;
  const read: Record<string, unknown> = {
    inputTokens: input.total,
    inputTokenDetails: {
      noCacheTokens: input.noCache,
      cacheReadTokens: input.cacheRead,
      cacheWriteTokens: input.cacheWrite,
    },
    outputTokens: output.total,
    outputTokenDetails: { textTokens: output.text, reasoningTokens: output.reasoning },
  };
  if (raw !== undefined) read.raw = raw;
  return read;
}

/** The service tier OpenAI's provider metadata states (`providerMetadata.openai.serviceTier`). */
function tierOf(metadata: Finished["providerMetadata"]): string | undefined {
  const tier = metadata?.openai?.serviceTier;
  if (typeof tier !== "string" || ["default", "auto", "standard"].includes(tier)) return undefined;
  return tier;
}
