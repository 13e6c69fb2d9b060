import { isRecord } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import type { ModelInput, PricingTableInput, RateInput } from "../schema/types.js";
import { type Collector, isTableId, newCollector, skipEntry } from "./entry.js";
import { type PriceSet, type ReadModel, readModel } from "./genaiPricesModel.js";
import { compileRule, type RuleNote } from "./matchRule.js";
import { ruleOwner } from "./ruleOwner.js";
import { refuseSameTableId } from "./sameTableId.js";
import { buildTiers, type ImportSettings, sortedModels, tableInput } from "./shared.js";

// pydantic/genai-prices, v2 data (prices/new_data/v2/data.json): an array of providers, each
// with models; a model has match rules and either one set of prices or a list of them with
// constraints (a start date, or a time of day). Prices are JSON floats in USD per million
// tokens (`*_mtok`) or per thousand (`*_kcount`).

/**
 * The `effectiveFrom` of prices with no start date: they are in force before the first dated
 * change, so the first version of every imported genai-prices table starts on this day.
 */
export const GENAI_PRICES_BASE_DATE = "2000-01-01";

/**
 * The most model prices one import makes, counted once per table version: each version of a
 * table holds every model in force, so 20,000 models with 20,000 start dates would be 400
 * million. genai-prices' own data makes under 3,000.
 */
const MAX_MODEL_VERSIONS = 250_000;

/** The most table versions (start dates) one provider may have; genai-prices' have a few. */
const MAX_VERSIONS = 1000;

/** @internal */
export function importGenaiPrices(
  data: unknown,
  settings: ImportSettings,
  collector: Collector,
): PricingTableInput[] {
  if (!Array.isArray(data)) {
    throw new PricebookError(
      "INVALID_CATALOG",
      [],
      "not genai-prices v2 data: expected a JSON array of providers (prices/new_data/v2/data.json)",
    );
  }
  data.forEach((provider, index) => {
    if (!isRecord(provider) || typeof provider.id !== "string" || !Array.isArray(provider.models)) {
      throw new PricebookError(
        "INVALID_CATALOG",
        [index],
        `not genai-prices v2 data: providers[${index}] is not a provider with an id and a models array`,
      );
    }
  });

  const providers = data as Record<string, unknown>[];
  const byId = new Map(providers.map((provider, index) => [provider.id as string, index]));
  const selectedAt = [...providers.keys()].filter((index) => {
    const provider = providers[index] as Record<string, unknown>;
    const tableId = (provider.id as string).toLowerCase();
    if (!isTableId(tableId)) {
      skipEntry(collector, provider.id as string, "a provider id a table id cannot hold");
      return false;
    }
    return settings.providers === undefined || settings.providers.has(tableId);
  });
  refuseSameTableId(selectedAt.map((index) => [providers[index]?.id as string, index]));
  const selected = selectedAt.map((index) => providers[index] as Record<string, unknown>);
  // A provider's own models, read once; a provider only needed as another's fallback is read
  // without reporting (its own import, if asked for, reports it).
  const readCache = new Map<string, ReadModel[]>();
  const own = (providerId: string, report: Collector): ReadModel[] => {
    let read = readCache.get(providerId);
    if (read === undefined) {
      const index = byId.get(providerId) as number;
      read = readProvider(report, providers[index] as Record<string, unknown>, index);
      readCache.set(providerId, read);
    }
    return read;
  };
  for (const provider of selected) own(provider.id as string, collector);

  const tables: PricingTableInput[] = [];
  for (const provider of selected) {
    const providerId = provider.id as string;
    const tableId = providerId.toLowerCase();
    // genai-prices' fallback_model_providers: Azure prices OpenAI's models at OpenAI's prices
    // where it has no price of its own. Those models join the table after its own.
    const models = [...own(providerId, collector)];
    const taken = new Set(models.flatMap((model) => [model.id, ...(model.model.aliases ?? [])]));
    const fallbacks = Array.isArray(provider.fallback_model_providers)
      ? provider.fallback_model_providers.filter((id): id is string => byId.has(id as string))
      : [];
    for (const fallbackId of fallbacks) {
      for (const model of own(fallbackId, newCollector())) {
        if (taken.has(model.id)) continue;
        const aliases = (model.model.aliases ?? []).filter((alias) => !taken.has(alias));
        for (const name of [model.id, ...aliases]) taken.add(name);
        const { aliases: _claimed, ...rest } = model.model;
        models.push({
          ...model,
          model: {
            ...rest,
            provider: tableId,
            ...(aliases.length === 0 ? {} : { aliases }),
            source: `genai-prices: ${providerId} falls back to ${fallbackId}'s price for this model`,
          },
        });
      }
    }

    const dates = new Set<string>([GENAI_PRICES_BASE_DATE]);
    for (const model of models)
      for (const set of model.prices) if (set.startDate !== undefined) dates.add(set.startDate);
    let versions = [...dates].sort();
    if (settings.asOf !== undefined) {
      const inForce = versions.filter((date) => date <= (settings.asOf as string)).at(-1);
      versions = inForce === undefined ? [] : [inForce];
    }
    // Checked before any version is built: a model is in force from its first start date on.
    const firsts = models
      .map((model) => model.prices.map((set) => set.startDate ?? GENAI_PRICES_BASE_DATE).sort()[0])
      .filter((date) => date !== undefined)
      .sort();
    let total = collector.imported;
    let inForceCount = 0;
    for (const version of versions) {
      while (inForceCount < firsts.length && (firsts[inForceCount] as string) <= version) {
        inForceCount += 1;
      }
      total += inForceCount;
    }
    if (versions.length > MAX_VERSIONS) {
      throw new PricebookError(
        "LIMIT_EXCEEDED",
        [byId.get(providerId) as number],
        `provider ${JSON.stringify(providerId)} has more than ${MAX_VERSIONS} price start dates, each a table version and a file; import one day's prices with --as-of (asOf)`,
      );
    }
    if (total > MAX_MODEL_VERSIONS) {
      throw new PricebookError(
        "LIMIT_EXCEEDED",
        [byId.get(providerId) as number],
        `the catalog's price history makes more than ${MAX_MODEL_VERSIONS} model prices across its table versions (every version holds every model in force); import one day's prices with --as-of (asOf)`,
      );
    }
    const urls = Array.isArray(provider.pricing_urls)
      ? provider.pricing_urls.filter((u) => typeof u === "string")
      : [];
    const source =
      settings.source ??
      `pydantic/genai-prices v2 data (prices/new_data/v2/data.json), provider ${providerId}${urls.length > 0 ? `; prices from ${urls[0]}` : ""}`;
    const label =
      typeof provider.name === "string" && provider.name.trim() !== "" ? provider.name : providerId;
    for (const version of versions) {
      const inForce = new Map<string, ModelInput>();
      for (const model of models) {
        const set = priceSetOn(model.prices, version);
        if (set === undefined) continue;
        const tiers = buildTiers(set.rates, set.tiers);
        inForce.set(model.id, {
          ...model.model,
          ...(set.rates as { input: RateInput; output: RateInput }),
          ...(tiers === undefined ? {} : { tiers }),
          ...(set.webSearch === undefined ? {} : { webSearch: set.webSearch }),
        } as ModelInput);
      }
      if (inForce.size === 0) continue;
      collector.imported += inForce.size;
      tables.push(
        tableInput(
          tableId,
          label,
          version,
          version,
          source,
          settings.catalogDate,
          sortedModels(inForce),
        ),
      );
    }
  }
  return tables;
}

/** A provider's models, in the catalog's order, each name given to the first model that has it. */
function readProvider(
  collector: Collector,
  provider: Record<string, unknown>,
  providerIndex: number,
): ReadModel[] {
  const providerId = provider.id as string;
  const tableId = providerId.toLowerCase();
  const rawModels = provider.models as unknown[];
  const notes = new Map<number, RuleNote[]>();
  const rules = rawModels.map((model, index) => {
    if (!isRecord(model)) return undefined;
    const found: RuleNote[] = [];
    const rule = compileRule(model.match, [providerIndex, "models", index, "match"], found);
    if (found.length > 0) notes.set(index, found);
    return rule;
  });
  const owner = ruleOwner(rules, [providerIndex, "models"]);
  for (const [index, list] of notes) {
    const id = (rawModels[index] as Record<string, unknown>).id;
    const key = `${providerId}/${typeof id === "string" ? id : `models[${index}]`}`;
    for (const note of list) collector.skipped.push({ key, ...note });
  }
  const read: ReadModel[] = [];
  const taken = new Map<string, string>();
  rawModels.forEach((value, index) => {
    collector.entries += 1;
    const model = readModel(collector, owner, rules[index], providerId, tableId, value, index);
    if (model === undefined) return;
    const clash = taken.get(model.id);
    if (clash !== undefined) {
      skipEntry(
        collector,
        `${providerId}/${model.id}`,
        `its id is already ${clash}'s in table ${tableId}`,
      );
      return;
    }
    taken.set(model.id, model.id);
    const aliases = (model.model.aliases ?? []).filter((alias) => !taken.has(alias));
    for (const alias of aliases) taken.set(alias, model.id);
    const { aliases: _claimed, ...rest } = model.model;
    read.push({ ...model, model: aliases.length === 0 ? rest : { ...rest, aliases } });
  });
  return read;
}

/** The price set in force on a day: the latest dated one on or before it, else the undated one. */
function priceSetOn(sets: readonly PriceSet[], day: string): PriceSet | undefined {
  let best: PriceSet | undefined;
  for (const set of sets) {
    const from = set.startDate ?? GENAI_PRICES_BASE_DATE;
    if (from > day) continue;
    if (best === undefined || from >= (best.startDate ?? GENAI_PRICES_BASE_DATE)) best = set;
  }
  return best;
}
