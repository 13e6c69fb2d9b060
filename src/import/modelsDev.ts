import { isRecord } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import type { ModelInput, PricingTableInput, RateInput } from "../schema/types.js";
import {
  type Collector,
  dropField,
  finishEntry,
  isTableId,
  newEntry,
  prefixedName,
  priceField,
  skipEntry,
} from "./entry.js";
import { refuseSameTableId } from "./sameTableId.js";
import {
  buildTiers,
  type ImportSettings,
  type RateKind,
  type RateSet,
  sortedModels,
  tableInput,
} from "./shared.js";

// models.dev's catalog (https://models.dev/api.json): an object keyed by provider id, each
// `{ id, name, models: { [id]: { name, cost?: { input, output, … }, limit?: { context } } } }`,
// costs JSON floats in USD per million tokens.

const COST_FIELDS: Readonly<Record<string, RateKind>> = {
  input: "input",
  output: "output",
  cache_read: "cachedInput",
  cache_write: "cacheWrite",
  input_audio: "audioInput",
  output_audio: "audioOutput",
};

/** @internal */
export function importModelsDev(
  data: unknown,
  settings: ImportSettings,
  collector: Collector,
): PricingTableInput[] {
  // An empty object is no catalog: most likely the wrong file (or `"{}"` given as the text).
  if (!isRecord(data) || Object.keys(data).length === 0) {
    throw new PricebookError(
      "INVALID_CATALOG",
      [],
      "not a models.dev catalog: expected a JSON object keyed by provider id (models.dev/api.json)",
    );
  }
  for (const key of Object.keys(data)) {
    const provider = data[key];
    if (!isRecord(provider) || !isRecord(provider.models)) {
      throw new PricebookError(
        "INVALID_CATALOG",
        [key],
        `not a models.dev catalog: provider ${JSON.stringify(key)} is not { id, name, models }`,
      );
    }
  }
  refuseSameTableId(
    Object.keys(data)
      .filter(
        (key) => settings.providers === undefined || settings.providers.has(key.toLowerCase()),
      )
      .map((key) => [key, key]),
  );
  const tables: PricingTableInput[] = [];
  for (const providerKey of Object.keys(data).sort()) {
    const provider = data[providerKey] as Record<string, unknown>;
    const tableId = providerKey.toLowerCase();
    if (!isTableId(tableId)) {
      skipEntry(collector, providerKey, "a provider id a table id cannot hold");
      continue;
    }
    if (settings.providers !== undefined && !settings.providers.has(tableId)) continue;
    const models = new Map<string, ModelInput>();
    const rawModels = provider.models as Record<string, unknown>;
    for (const modelKey of Object.keys(rawModels)) {
      collector.entries += 1;
      const key = `${providerKey}/${modelKey}`;
      const model = readModel(collector, key, modelKey, rawModels[modelKey], tableId);
      if (model === undefined) continue;
      if (models.has(model.id)) {
        skipEntry(
          collector,
          key,
          `its name ${JSON.stringify(model.id)} is taken in table ${tableId}`,
        );
        continue;
      }
      models.set(model.id, model.model);
      collector.imported += 1;
    }
    if (models.size === 0) continue;
    const label =
      typeof provider.name === "string" && provider.name.trim() !== ""
        ? provider.name
        : providerKey;
    const doc = typeof provider.doc === "string" ? `; provider docs ${provider.doc}` : "";
    const source =
      settings.source ?? `models.dev catalog (api.json) as of ${settings.catalogDate}${doc}`;
    tables.push(
      tableInput(
        tableId,
        label,
        settings.catalogDate,
        settings.catalogDate,
        source,
        settings.catalogDate,
        sortedModels(models),
      ),
    );
  }
  return tables;
}

function readModel(
  collector: Collector,
  key: string,
  modelKey: string,
  value: unknown,
  tableId: string,
): { id: string; model: ModelInput } | undefined {
  if (!isRecord(value)) {
    skipEntry(collector, key, "not a model object");
    return undefined;
  }
  const cost = value.cost;
  if (cost === undefined) {
    skipEntry(collector, key, "no cost");
    return undefined;
  }
  const entry = newEntry(key);
  const rates: RateSet = {};
  const tiers = new Map<number, RateSet>();
  if (!isRecord(cost)) entry.problem = "cost: expected an object";
  else {
    for (const field of Object.keys(cost)) {
      const raw = cost[field];
      const kind = COST_FIELDS[field];
      if (kind !== undefined) {
        const price = priceField(entry, `cost.${field}`, raw);
        if (price !== undefined) rates[kind] = { perMillion: price };
      } else if (field === "reasoning" && raw === cost.output) {
        // Reasoning tokens are output tokens at the output price: nothing to add.
      } else if (field === "context_over_200k" && isRecord(raw)) {
        const tier: RateSet = {};
        for (const inner of Object.keys(raw)) {
          const innerKind = COST_FIELDS[inner];
          if (innerKind === undefined) {
            dropField(
              entry,
              `cost.${field}.${inner}`,
              "a long-context price the table format has no rate for",
            );
            continue;
          }
          const price = priceField(entry, `cost.${field}.${inner}`, raw[inner]);
          if (price !== undefined) tier[innerKind] = { perMillion: price };
        }
        tiers.set(200_000, tier);
      } else {
        dropField(
          entry,
          `cost.${field}`,
          field === "reasoning"
            ? "a reasoning-token price different from the output price; the table format prices reasoning as output"
            : "a price for a usage part the table format has no rate for",
        );
      }
    }
    if (rates.input === undefined || rates.output === undefined) {
      entry.problem ??= `cost: no ${rates.input === undefined ? "input" : "output"} price`;
    }
  }
  const name = prefixedName(collector, key, modelKey, tableId);
  if (name === undefined) entry.problem ??= "its name has no characters a model id can hold";
  if (!finishEntry(collector, entry) || name === undefined) return undefined;
  const tierList = buildTiers(rates, tiers);
  const label = typeof value.name === "string" && value.name.trim() !== "" ? value.name : undefined;
  const limit = value.limit;
  const context = isRecord(limit) ? limit.context : undefined;
  const model: ModelInput = {
    provider: name.provider,
    ...(label === undefined || label === name.id ? {} : { label }),
    ...(rates as { input: RateInput; output: RateInput }),
    ...(tierList === undefined ? {} : { tiers: tierList }),
    ...(typeof context === "number" && Number.isSafeInteger(context) && context > 0
      ? { contextWindow: context }
      : {}),
  };
  return { id: name.id, model };
}
