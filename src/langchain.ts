// `llm-pricebook/langchain`: a callback handler that prices each LangChain chat-model run.
// Re-exports only.

export {
  type LangChainChargeEvent,
  type PricebookCallbackHandler,
  type PricebookCallbackHandlerOptions,
  pricebookCallbackHandler,
} from "./integrations/pricebookCallbackHandler.js";
export type {
  PricedUsage,
  PriceUsageOptions,
  UnpricedUsage,
} from "./integrations/priceUsage.js";
