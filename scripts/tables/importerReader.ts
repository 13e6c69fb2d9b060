// Reads catalog records through the library's catalog importer (importCatalog), one record at
// a time, so the generator links ids by its own rules and the importer alone turns catalog
// floats into decimals.
import { importCatalog } from "../../src/import/importCatalog.js";
import type { ModelInput } from "../../src/schema/types.js";
import type { PriceReader } from "./buildTables.js";
import { clauseMatches } from "./genaiMatch.js";
import { flattenModel } from "./priceFields.js";

function onlyModel(
  tables: readonly { models: { readonly [id: string]: ModelInput } }[],
): ModelInput | undefined {
  const models = tables.flatMap((table) => Object.values(table.models));
  if (models.length > 1) throw new Error(`expected one imported model, got ${models.length}`);
  return models[0];
}

function withZeroOutput(prices: unknown): unknown {
  const add = (block: Record<string, unknown>) =>
    "output_mtok" in block ? block : { ...block, output_mtok: 0 };
  if (!Array.isArray(prices)) return add(prices as Record<string, unknown>);
  return prices.map((entry: { prices: Record<string, unknown> }) => ({
    ...entry,
    prices: add(entry.prices),
  }));
}

/** A {@link PriceReader} over `importCatalog`. */
export function importerReader(catalogDates: { genai: string; litellm: string }): PriceReader {
  return {
    genai(provider, model, id, asOf, embedding) {
      // The record alone, named by the id genai-prices' own match rules linked it to: the
      // importer reads its prices, whatever patterns its match rules hold. genai-prices prices
      // embeddings by input alone; the importer takes only models with an output price, so an
      // embedding's record gets output 0 (the generator never uses an embedding's output figure).
      const record = {
        ...model,
        id,
        match: { equals: id },
        ...(embedding ? { prices: withZeroOutput(model.prices) } : {}),
      };
      const { tables } = importCatalog([{ ...provider, models: [record] }], {
        format: "genai-prices",
        asOf,
        catalogDate: catalogDates.genai,
      });
      const imported = onlyModel(tables);
      return imported === undefined ? new Map() : flattenModel(imported);
    },
    names(provider) {
      // The names the importer gives each record of the provider (its id, its \`equals\` values
      // and its whole-name \`starts_with\` values, each to the first record that matches it), read
      // from an import of the provider alone with every record's prices set to a placeholder
      // (names do not depend on prices; an embedding or time-of-day record still gets its names).
      // A name the importer had to rename (characters an id cannot hold) is not a declared name.
      const placeholder = { input_mtok: 1, output_mtok: 1 };
      const { fallback_model_providers: _fallbacks, ...alone } = provider;
      const { tables, report } = importCatalog(
        [{ ...alone, models: provider.models.map((model) => ({ ...model, prices: placeholder })) }],
        { format: "genai-prices", catalogDate: catalogDates.genai },
      );
      const renamed = new Set(report.renamed.map((rename) => rename.id));
      const names = new Map<string, string[]>();
      for (const table of tables) {
        for (const [id, model] of Object.entries(table.models)) {
          // The importer gives a name to the first record whose rules match it, as genai-prices
          // does: the record of a model is the first one that matches its id.
          const record = provider.models.find((candidate) => clauseMatches(candidate.match, id));
          if (record === undefined) continue;
          const all = [id, ...(model.aliases ?? [])].filter((name) => !renamed.has(name));
          names.set(record.id, all);
        }
      }
      return names;
    },
    litellm(key, entry) {
      // As for genai-prices: an embedding entry may state no output price at all.
      const read =
        entry.mode === "embedding" && entry.output_cost_per_token === undefined
          ? { ...entry, output_cost_per_token: 0 }
          : entry;
      const { tables } = importCatalog(
        { [key]: read },
        { format: "litellm", catalogDate: catalogDates.litellm },
      );
      const imported = onlyModel(tables);
      return imported === undefined ? new Map() : flattenModel(imported);
    },
  };
}
