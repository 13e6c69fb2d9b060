// Public API: the engine, plus the built-in tables, parsing of untrusted tables (zod), usage
// logs (priceRecords, summarizePriced) and the output formats (tables, charts, SQL).
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
export {
  type PricedRow,
  type PriceRecordsOptions,
  type PriceRow,
  priceRecords,
  type RowTokens,
  type UnpricedRow,
} from "./records/priceRecords.js";
export { type Dimension, RECORD_SHAPES, type RecordShape } from "./records/readRecord.js";
export {
  type PricedGroup,
  type PricedSummary,
  type PriceError,
  type SummarizePricedOptions,
  summarizePriced,
} from "./records/summarizePriced.js";
export type { Cell, ColumnKey, GridOptions, RateUnit, TableSection } from "./render/grid.js";
export { SECTION_COLUMNS } from "./render/grid.js";
export { type ChartKind, type RenderChartOptions, renderChart } from "./render/renderChart.js";
export { type RenderTableOptions, renderTable, type TableFormat } from "./render/renderTable.js";
export { tableJsonSchema } from "./schema/tableJsonSchema.js";
export { pricingTableSchema } from "./schema/tableSchema.js";
export { type SqlDialectName, type ToSqlOptions, toSql } from "./sql/toSql.js";
export {
  builtinPricebook,
  builtinTableInputs,
  DEFAULT_TABLE_ID,
} from "./tables/builtinPricebook.js";
