// `llm-pricebook/ai-sdk`: price every Vercel AI SDK call where it is made. Re-exports only.

export {
  type AiSdkChargeEvent,
  type PricebookMiddleware,
  type PricebookMiddlewareOptions,
  pricebookMiddleware,
} from "./integrations/pricebookMiddleware.js";
export type {
  PricedUsage,
  PriceUsageOptions,
  UnpricedUsage,
} from "./integrations/priceUsage.js";
