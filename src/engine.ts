// The pricing engine: everything that prices from a compiled table, with no built-in table and
// no schema library. `llm-pricebook/engine` is this file; `llm-pricebook` adds the built-in
// tables, zod-validated parsing and the output formats (renderTable, renderChart, toSql), which
// stay out of the engine so that importing it costs at most 1.25× decimal.js alone (issue #15).
// This file only re-exports.

export { canonicalJson } from "./catalog/canonicalJson.js";
export {
  compareTables,
  type ModelComparison,
  type PriceDifference,
  type TableComparison,
} from "./catalog/compareTables.js";
export { compileTable } from "./catalog/compileTable.js";
export { createPricebook, type Pricebook } from "./catalog/createPricebook.js";
export { diffTables, type TableChange, type TableDiff } from "./catalog/diffTables.js";
export {
  type PricebookResolved,
  type PricebookResolveOptions,
  pricebookResolve,
} from "./catalog/pricebookResolve.js";
export { type Resolved, type ResolvedBy, resolveName } from "./catalog/resolveName.js";
export { type TableAsOfOptions, tableAsOf, tableVersion, todayUtc } from "./catalog/tableAsOf.js";
export {
  type ErrorPath,
  formatPath,
  PricebookError,
  type PricebookErrorCode,
  type PricebookIssue,
} from "./errors.js";
export {
  ROUNDING_MODES,
  type RoundAmountOptions,
  type RoundingMode,
  roundAmount,
} from "./money/roundAmount.js";
export { type HasUsd, sumAmounts } from "./money/sumAmounts.js";
export { type Amount, toAmount } from "./money/toAmount.js";
export type { DecimalInput } from "./money/toDecimal.js";
export {
  type AllocateRequest,
  type Allocation,
  allocate,
  type PartialQueryPolicy,
} from "./pricing/allocate.js";
export { type Audit, type AuditFinding, auditTable } from "./pricing/auditTable.js";
export type { Band } from "./pricing/band.js";
export {
  type Charge,
  type ChargeLine,
  type ChargeLineKind,
  type ChargeOptions,
  charge,
} from "./pricing/charge.js";
export { chargeUsd } from "./pricing/chargeUsd.js";
export { creditsFromUsd, usdFromCredits } from "./pricing/credits.js";
export { type Budget, type BudgetRequest, estimateBudget } from "./pricing/estimateBudget.js";
export {
  INPUT_PARTS,
  type InputPart,
  OUTPUT_PARTS,
  type OutputPart,
  type Usage,
} from "./pricing/normalizeUsage.js";
export { type Quote, type QuoteOptions, quote } from "./pricing/quote.js";
export { roundCredits } from "./pricing/roundCredits.js";
export { type Deployment, type WorkflowCost, workflowCosts } from "./pricing/workflowCosts.js";
export type * from "./schema/types.js";
export { fromAiSdkUsage } from "./usage/fromAiSdkUsage.js";
export { fromAnthropicUsage } from "./usage/fromAnthropicUsage.js";
export { fromBedrockUsage } from "./usage/fromBedrockUsage.js";
export { fromCohereUsage } from "./usage/fromCohereUsage.js";
export { fromDeepSeekUsage } from "./usage/fromDeepSeekUsage.js";
export { fromGeminiUsage } from "./usage/fromGeminiUsage.js";
export { fromLangChainUsage } from "./usage/fromLangChainUsage.js";
export { fromMistralUsage } from "./usage/fromMistralUsage.js";
export { fromMoonshotUsage } from "./usage/fromMoonshotUsage.js";
export { fromOpenAIUsage } from "./usage/fromOpenAIUsage.js";
export { fromXaiUsage } from "./usage/fromXaiUsage.js";
export type { ResponseShape } from "./usage/reader.js";
export { RESPONSE_SHAPES } from "./usage/readResponse.js";
