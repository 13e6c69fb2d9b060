import type { Pricebook } from "../catalog/createPricebook.js";
import type { PricingTable } from "../schema/types.js";
import { builtinPricebook } from "../tables/builtinPricebook.js";
import { fromLangChainUsage } from "../usage/fromLangChainUsage.js";
import {
  type PricedUsage,
  type PriceUsageOptions,
  priceUsage,
  type UnpricedUsage,
} from "./priceUsage.js";

/** What {@link pricebookCallbackHandler} hands to `onCharge` for each generation of a run. */
export type LangChainChargeEvent = (PricedUsage | UnpricedUsage) & {
  /** The model priced (the message's `response_metadata.model_name`, else the run's `ls_model_name`). */
  readonly model: string | null;
  /** The message's `usage_metadata`, as LangChain reported it. */
  readonly usage: unknown;
  readonly runId: string;
};

/** Options of {@link pricebookCallbackHandler}. */
export interface PricebookCallbackHandlerOptions extends PriceUsageOptions {
  /** The prices: a pricebook or one table. Default: `builtinPricebook()`. */
  readonly pricebook?: Pricebook | PricingTable;
  /** Called once per generation with its charge, or with `{ ok: false, code }` when unpriced. */
  readonly onCharge: (event: LangChainChargeEvent) => void;
}

/**
 * The handler: a plain object of LangChain callback methods (`CallbackHandlerMethods`), which
 * `callbacks: [handler]` accepts, so `@langchain/core` is never required at run time.
 */
export interface PricebookCallbackHandler {
  readonly name: string;
  handleChatModelStart(
    llm: unknown,
    messages: unknown,
    runId: string,
    parentRunId?: string,
    extraParams?: Record<string, unknown>,
    tags?: string[],
    metadata?: Record<string, unknown>,
  ): void;
  handleLLMEnd(
    output: { readonly generations: readonly (readonly unknown[])[] },
    runId: string,
  ): void;
  handleLLMError(error: unknown, runId: string): void;
}

/**
 * A LangChain callback handler that prices each chat-model generation from its message's
 * `usage_metadata` (cache reads and writes, reasoning) with `fromLangChainUsage`, exactly,
 * and hands each charge to `onCharge`; a generation that cannot be priced (no usage, an
 * unknown model) gives `{ ok: false, code }`, never a 0.
 *
 * @example
 * // o3 at openai@2025-06-10 (2 / 8 per million): 1000 × 0.000002 + 100 × 0.000008
 * const events: LangChainChargeEvent[] = [];
 * const handler = pricebookCallbackHandler({ asOf: "2025-06-11", onCharge: (e) => events.push(e) });
 * handler.handleLLMEnd({ generations: [[{ message: { response_metadata: { model_name: "o3" }, usage_metadata: { input_tokens: 1000, output_tokens: 100, total_tokens: 1100 } } }]] }, "run-1");
 * events.map((e) => (e.ok ? e.usd : e.code));
 * //=> ["0.0028"]
 */
export function pricebookCallbackHandler(
  options: PricebookCallbackHandlerOptions,
): PricebookCallbackHandler {
  // The model each running call was started with (LangChain's `ls_model_name`), by run id.
  const started = new Map<string, string>();
  return {
    name: "llm-pricebook",
    handleChatModelStart(_llm, _messages, runId, _parent, _extra, _tags, metadata) {
      const name = metadata?.ls_model_name;
      if (typeof name === "string" && name !== "") started.set(runId, name);
    },
    handleLLMEnd(output, runId) {
      const fallback = started.get(runId) ?? null;
      started.delete(runId);
      for (const generations of output.generations) {
        for (const generation of generations) {
          const message = (generation as { message?: Record<string, unknown> } | null)?.message;
          const metadata = message?.response_metadata as Record<string, unknown> | undefined;
          const named = metadata?.model_name ?? metadata?.model;
          const model = typeof named === "string" && named !== "" ? named : fallback;
          const usage = message?.usage_metadata;
          const priced = priceUsage(
            options.pricebook ?? builtinPricebook(),
            model ?? "",
            () => fromLangChainUsage(usage),
            { table: options.table, asOf: options.asOf },
          );
          options.onCharge({ ...priced, model, usage, runId });
        }
      }
    },
    handleLLMError(_error, runId) {
      started.delete(runId);
    },
  };
}
