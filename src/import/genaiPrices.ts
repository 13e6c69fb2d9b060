import { isIsoDate, isRecord } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import type { ModelInput, PricingTableInput, RateInput } from "../schema/types.js";
import {
  type Collector,
  dropField,
  type Entry,
  finishEntry,
  isTableId,
  modelName,
  newCollector,
  newEntry,
  priceField,
  skipEntry,
} from "./entry.js";
import { alternatives, compileRule, type Rule, type RuleNote } from "./matchRule.js";
import { type Owner, ruleOwner } from "./ruleOwner.js";
import { refuseSameTableId } from "./sameTableId.js";
import {
  buildTiers,
  type ImportSettings,
  type RateKind,
  type RateSet,
  sortedModels,
  tableInput,
} from "./shared.js";

// pydantic/genai-prices, v2 data (prices/new_data/v2/data.json): an array of providers, each
// with models; a model has match rules and either one set of prices or a list of them with
// constraints (a start date, or a time of day). Prices are JSON floats in USD per million
// tokens (`*_mtok`) or per thousand (`*_kcount`).

/**
 * The `effectiveFrom` of prices with no start date: they are in force before the first dated
 * change, so the first version of every imported genai-prices table starts on this day.
 */
export const GENAI_PRICES_BASE_DATE = "2000-01-01";

const RATE_FIELDS: Readonly<Record<string, RateKind>> = {
  input_mtok: "input",
  output_mtok: "output",
  cache_read_mtok: "cachedInput",
  cache_write_mtok: "cacheWrite",
  cache_write_1h_mtok: "cacheWrite1h",
  input_audio_mtok: "audioInput",
  output_audio_mtok: "audioOutput",
  input_image_mtok: "imageInput",
};

/** The literal names a rule holds: `equals` values, and `starts_with` values that are whole names. */
function literalNames(rule: Rule | undefined): string[] {
  if (rule === undefined) return [];
  return alternatives(rule).flatMap((part) =>
    part.t === "literal" &&
    (part.kind === "equals" || (part.kind === "prefix" && isWholeName(part.value)))
      ? [part.value]
      : [],
  );
}

/**
 * A `starts_with` value is a name of its own only when it does not stop mid-name: not at a
 * separator (`gemini-3-flash-preview-`, `claude-sonnet-4@`) and not inside a date
 * (`claude-sonnet-4-2025`).
 */
function isWholeName(prefix: string): boolean {
  return !/[-_.:/@]$/.test(prefix) && !/-(19|20)\d\d(\d\d?)?$/.test(prefix);
}

interface PriceSet {
  readonly startDate: string | undefined;
  readonly rates: RateSet;
  readonly tiers: Map<number, RateSet>;
  readonly webSearch: { readonly perThousand: string } | undefined;
}

interface ReadModel {
  readonly id: string;
  readonly model: Omit<ModelInput, "input" | "output">;
  readonly prices: PriceSet[];
}

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

function readModel(
  collector: Collector,
  owner: Owner,
  rule: Rule | undefined,
  providerId: string,
  tableId: string,
  value: unknown,
  index: number,
): { id: string; model: Omit<ModelInput, "input" | "output">; prices: PriceSet[] } | undefined {
  if (!isRecord(value) || typeof value.id !== "string" || value.id === "") {
    skipEntry(collector, `${providerId}/models[${index}]`, "not a model with a string id");
    return undefined;
  }
  const key = `${providerId}/${value.id}`;
  const entry = newEntry(key);

  // Names: the model's id and the literal names in its match rules, each only when this model
  // is the first in the provider whose rules match it (genai-prices' own first-match order).
  // Pattern rules (contains, regex, prefixes that stop mid-name) make no names.
  const candidates = [value.id, ...literalNames(rule)].filter((name) => !/[-_.:/@]$/.test(name));
  const names: string[] = [];
  for (const candidate of candidates) {
    const first = owner(candidate);
    if (first === "unknown") {
      dropField(
        entry,
        "match",
        `the name ${JSON.stringify(candidate)} is not given: an earlier model's regex rule, not evaluated, might match it`,
      );
    }
    if (first !== index) continue;
    const name = modelName(collector, key, candidate);
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  if (names.length === 0) {
    skipEntry(
      collector,
      key,
      "no exact name: its match rules are patterns (contains, regex, prefixes), and a pattern is never turned into a name",
    );
    return undefined;
  }

  const rawPrices = value.prices;
  const sets: PriceSet[] = [];
  if (Array.isArray(rawPrices)) {
    rawPrices.forEach((item, k) => {
      const field = `prices[${k}]`;
      if (!isRecord(item) || !isRecord(item.prices)) {
        entry.problem ??= `${field}: expected { constraint?, prices }`;
        return;
      }
      const constraint = item.constraint;
      if (constraint !== undefined) {
        if (!isRecord(constraint)) {
          entry.problem ??= `${field}.constraint: expected an object`;
          return;
        }
        if (constraint.start_time !== undefined || constraint.end_time !== undefined) {
          dropField(
            entry,
            field,
            `a time-of-day price (${String(constraint.start_time)}–${String(constraint.end_time)}); the price without a time constraint is imported`,
          );
          return;
        }
        if (!isIsoDate(constraint.start_date)) {
          entry.problem ??= `${field}.constraint: expected a start_date, YYYY-MM-DD`;
          return;
        }
      }
      const set = readPrices(
        entry,
        `${field}.prices`,
        item.prices,
        isRecord(constraint) ? (constraint.start_date as string) : undefined,
      );
      if (set !== undefined) sets.push(set);
    });
  } else if (isRecord(rawPrices)) {
    const set = readPrices(entry, "prices", rawPrices, undefined);
    if (set !== undefined) sets.push(set);
  } else {
    entry.problem ??= "prices: expected an object or a list of constrained prices";
  }
  if (!finishEntry(collector, entry)) return undefined;
  const [id, ...aliases] = names as [string, ...string[]];
  const label = typeof value.name === "string" && value.name.trim() !== "" ? value.name : value.id;
  const window = value.context_window;
  return {
    id,
    prices: sets,
    model: {
      provider: tableId,
      ...(label === id ? {} : { label }),
      ...(aliases.length === 0 ? {} : { aliases }),
      ...(typeof window === "number" && Number.isSafeInteger(window) && window > 0
        ? { contextWindow: window }
        : {}),
    },
  };
}

function readPrices(
  entry: Entry,
  path: string,
  prices: Record<string, unknown>,
  startDate: string | undefined,
): PriceSet | undefined {
  const rates: RateSet = {};
  const tiers = new Map<number, RateSet>();
  let webSearch: { perThousand: string } | undefined;
  for (const field of Object.keys(prices)) {
    const raw = prices[field];
    const at = `${path}.${field}`;
    const kind = RATE_FIELDS[field];
    if (kind !== undefined) {
      if (isRecord(raw)) {
        const base = priceField(entry, `${at}.base`, raw.base);
        if (base !== undefined) rates[kind] = { perMillion: base };
        if (!Array.isArray(raw.tiers)) {
          entry.problem ??= `${at}.tiers: expected a list of { start, price }`;
          continue;
        }
        raw.tiers.forEach((tier: unknown, t) => {
          if (
            !isRecord(tier) ||
            typeof tier.start !== "number" ||
            !Number.isSafeInteger(tier.start) ||
            tier.start < 1
          ) {
            entry.problem ??= `${at}.tiers[${t}]: expected { start: a positive integer, price }`;
            return;
          }
          const price = priceField(entry, `${at}.tiers[${t}].price`, tier.price);
          if (price !== undefined)
            tiers.set(tier.start, { ...tiers.get(tier.start), [kind]: { perMillion: price } });
        });
      } else {
        const price = priceField(entry, at, raw);
        if (price !== undefined) rates[kind] = { perMillion: price };
      }
      continue;
    }
    if (field === "web_searches_kcount" && typeof raw === "number") {
      const price = priceField(entry, at, raw);
      if (price !== undefined) webSearch = { perThousand: price };
      continue;
    }
    dropField(
      entry,
      at,
      isRecord(raw)
        ? "a tiered price the table format has no tiers for (web searches and other per-call units are the same at every size)"
        : "a price for a usage part the table format has no rate for",
    );
  }
  if (rates.input === undefined || rates.output === undefined) {
    entry.problem ??= `${path}: no ${rates.input === undefined ? "input_mtok" : "output_mtok"} price (only text input and output priced models are imported)`;
    return undefined;
  }
  return { startDate, rates, tiers, webSearch };
}
