// `llm-pricebook/otel`: a span processor that writes the cost of each GenAI span. Re-exports only.

export {
  type PricebookSpanProcessor,
  type PricebookSpanProcessorOptions,
  type PricedSpanLike,
  pricebookSpanProcessor,
} from "./integrations/pricebookSpanProcessor.js";
export type { PriceUsageOptions } from "./integrations/priceUsage.js";
