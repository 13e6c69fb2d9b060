// Public API: the engine, plus the built-in tables and parsing of untrusted tables (zod).
// This file only re-exports; each export lives in the module named after it.

export { parseTable, type SafeParseTableResult, safeParseTable } from "./catalog/parseTable.js";
export * from "./engine.js";
export { GENAI_PRICES_BASE_DATE } from "./import/genaiPrices.js";
export { importCatalog } from "./import/importCatalog.js";
export type {
  CatalogFormat,
  ImportCatalogOptions,
  ImportedCatalog,
  ImportNormalization,
  ImportRename,
  ImportReport,
  ImportSkip,
} from "./import/types.js";
export { tableJsonSchema } from "./schema/tableJsonSchema.js";
export { pricingTableSchema } from "./schema/tableSchema.js";
export {
  builtinPricebook,
  builtinTableInputs,
  DEFAULT_TABLE_ID,
} from "./tables/builtinPricebook.js";
