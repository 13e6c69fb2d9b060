import type { PricingTableInput } from "../schema/types.js";

/** The catalog formats {@link importCatalog} reads. */
export type CatalogFormat = "genai-prices" | "litellm" | "models.dev";

/** Options of {@link importCatalog}. */
export interface ImportCatalogOptions {
  /** Which catalog format `data` is in. */
  readonly format: CatalogFormat;
  /** Import only these providers (table ids, lower case); default: every provider. */
  readonly providers?: readonly string[];
  /**
   * Only the table version in force on this day, `YYYY-MM-DD` (genai-prices price history);
   * default: every version.
   */
  readonly asOf?: string;
  /**
   * The day the catalog was taken, `YYYY-MM-DD`: every table's `checkedOn`, and the version
   * and `effectiveFrom` of catalogs without price history (LiteLLM, models.dev). Default:
   * today (UTC).
   */
  readonly catalogDate?: string;
  /**
   * Where the catalog comes from, for every table's `source` (`"BerriAI/litellm@00035b69"`);
   * default: the catalog's name and `catalogDate`.
   */
  readonly source?: string;
}

/** A catalog number that was not already the decimal it stands for, and what it became. */
export interface ImportNormalization {
  /** The catalog entry: a LiteLLM key, `provider/model` for genai-prices and models.dev. */
  readonly key: string;
  /** The field inside the entry, e.g. `input_cost_per_token` or `prices[1].input_mtok.base`. */
  readonly field: string;
  /** The JSON float as the catalog holds it. */
  readonly raw: number;
  /** The decimal it was taken to mean, in the catalog's own unit. */
  readonly value: string;
}

/**
 * Something the import left out, and why. Without `field` the whole entry was skipped; with
 * it, the entry was imported without that price (which then prices as `UNPRICED_USAGE`,
 * never as zero). A `field` starting with `match` (genai-prices) is a regex rule the importer
 * did not evaluate, or a name it did not give because such a rule might claim it.
 */
export interface ImportSkip {
  readonly key: string;
  readonly field?: string;
  readonly reason: string;
}

/** A catalog name the table format cannot hold as it is, and the id the model got instead. */
export interface ImportRename {
  readonly key: string;
  readonly id: string;
  readonly reason: string;
}

/** Everything an import did besides copying a price: never silent. */
export interface ImportReport {
  readonly format: CatalogFormat;
  /** Entries read (models or keys), whether imported or not. */
  readonly entries: number;
  /** Models imported, counted once per table version. */
  readonly imported: number;
  readonly normalized: readonly ImportNormalization[];
  readonly skipped: readonly ImportSkip[];
  readonly renamed: readonly ImportRename[];
}

/** The result of {@link importCatalog}: table inputs ready for `parseTable`, and the report. */
export interface ImportedCatalog {
  readonly tables: readonly PricingTableInput[];
  readonly report: ImportReport;
}
