import { todayUtc } from "../catalog/tableAsOf.js";
import { isIsoDate } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import type { PricingTableInput } from "../schema/types.js";
import { newCollector } from "./entry.js";
import { importGenaiPrices } from "./genaiPrices.js";
import { keepParsable } from "./keepParsable.js";
import { importLitellm } from "./litellm.js";
import { importModelsDev } from "./modelsDev.js";
import { parseCatalogText } from "./parseCatalogText.js";
import type { ImportCatalogOptions, ImportedCatalog } from "./types.js";

const FORMATS = ["genai-prices", "litellm", "models.dev"] as const;

/**
 * Turns a price catalog others keep (pydantic's genai-prices v2 data, LiteLLM's
 * `model_prices_and_context_window.json`, or models.dev's `api.json`) into pricing-table
 * inputs, one per provider (and per price version, for genai-prices' dated price history),
 * each ready for {@link parseTable} or {@link compileTable}. Catalog floats become the
 * decimals their authors meant (at most 15 significant digits; see docs/catalogs.md), and the
 * report lists every value that changed on the way, every entry or price left out and why,
 * and every name the table format could not hold as it was. Every table returned parses with
 * {@link parseTable}: a model it would refuse is left out and reported. Does not mutate `data`.
 *
 * `data` is the parsed catalog, or its JSON text: pass the text when the catalog comes from
 * elsewhere, so a key given twice is refused, a price such as `1e-400` (which JSON.parse
 * reads as 0) is reported rather than imported as 0, and a syntax error names a line and
 * column without quoting the text. Limits (docs/catalogs.md): 64 Mi characters, nesting 64
 * deep, match rules nesting 32 deep; a catalog's `regex` rules run in linear time or not at
 * all (reported), never with JavaScript's backtracking RegExp.
 *
 * @throws PricebookError `INVALID_CATALOG` (with the path of the first offending entry) when
 *   `data` is not in the named format, is not JSON, has a key twice, nests too deep, or has two
 *   providers that become one table id; `LIMIT_EXCEEDED` past a limit; `INVALID_ARGUMENT` for
 *   bad options. A wrong value inside one entry skips that entry (reported), it never aborts
 *   the import.
 *
 * @example
 * const litellm = {
 *   "gpt-4o-mini": {
 *     litellm_provider: "openai", mode: "chat",
 *     input_cost_per_token: 1.5e-7, output_cost_per_token: 6e-7,
 *   },
 *   "databricks-claude-3-7-sonnet": {
 *     litellm_provider: "databricks", mode: "chat",
 *     input_cost_per_token: 2.9999900000000002e-6, output_cost_per_token: 0.000015000020000000002,
 *   },
 * };
 * const { tables, report } = importCatalog(litellm, { format: "litellm", catalogDate: "2026-07-18" });
 * tables.map((table) => table.id);
 * //=> ["databricks", "openai"]
 * report.normalized[0].value;
 * //=> "0.00000299999"
 */
export function importCatalog(data: unknown, options: ImportCatalogOptions): ImportedCatalog {
  if (typeof options !== "object" || options === null) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["options"],
      'expected options such as { format: "litellm" }',
    );
  }
  const { format } = options;
  if (!FORMATS.includes(format as never)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["format"],
      `format: expected one of ${FORMATS.join(", ")}, got ${JSON.stringify(format)}`,
    );
  }
  for (const name of ["asOf", "catalogDate"] as const) {
    const value = options[name];
    if (value !== undefined && !isIsoDate(value)) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        [name],
        `${name}: expected a date that exists, YYYY-MM-DD, got ${JSON.stringify(value)}`,
      );
    }
  }
  if (
    options.source !== undefined &&
    (typeof options.source !== "string" || options.source.trim() === "")
  ) {
    throw new PricebookError("INVALID_ARGUMENT", ["source"], "source: expected a non-empty string");
  }
  let providers: ReadonlySet<string> | undefined;
  if (options.providers !== undefined) {
    if (
      !Array.isArray(options.providers) ||
      !options.providers.every((p) => typeof p === "string" && p !== "")
    ) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        ["providers"],
        "providers: expected an array of provider ids",
      );
    }
    providers = new Set(options.providers.map((p) => p.toLowerCase()));
  }
  const settings = {
    providers,
    asOf: options.asOf,
    catalogDate: options.catalogDate ?? todayUtc(),
    source: options.source,
  };
  const collector = newCollector();
  const value = typeof data === "string" ? parseCatalogText(data) : data;
  let tables: PricingTableInput[];
  if (format === "litellm") tables = importLitellm(value, settings, collector);
  else if (format === "genai-prices") tables = importGenaiPrices(value, settings, collector);
  else tables = importModelsDev(value, settings, collector);
  tables = keepParsable(tables, collector);
  return {
    tables,
    report: {
      format,
      entries: collector.entries,
      imported: collector.imported,
      normalized: collector.normalized,
      skipped: collector.skipped,
      renamed: collector.renamed,
    },
  };
}
