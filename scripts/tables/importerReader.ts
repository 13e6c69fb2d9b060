// Reads catalog records through the library's catalog importer (importCatalog), one record at
// a time, so the generator links ids by its own rules and the importer alone turns catalog
// floats into decimals.
import { importCatalog } from "../../src/import/importCatalog.js";
import type { ModelInput } from "../../src/schema/types.js";
import type { PriceReader } from "./buildTables.js";
import { flattenModel } from "./priceFields.js";

function onlyModel(tables: readonly { models: { readonly [id: string]: ModelInput } }[]): ModelInput | undefined {
  const models = tables.flatMap((table) => Object.values(table.models));
  if (models.length > 1) throw new Error(`expected one imported model, got ${models.length}`);
  return models[0];
}

/** A {@link PriceReader} over `importCatalog`. */
export function importerReader(catalogDates: { genai: string; litellm: string }): PriceReader {
  return {
    genai(provider, model, asOf) {
      const { tables } = importCatalog([{ ...provider, models: [model] }], {
        format: "genai-prices",
        asOf,
        catalogDate: catalogDates.genai,
      });
      const imported = onlyModel(tables);
      return imported === undefined ? new Map() : flattenModel(imported);
    },
    litellm(key, entry) {
      const { tables } = importCatalog(
        { [key]: entry },
        { format: "litellm", catalogDate: catalogDates.litellm },
      );
      const imported = onlyModel(tables);
      return imported === undefined ? new Map() : flattenModel(imported);
    },
  };
}
