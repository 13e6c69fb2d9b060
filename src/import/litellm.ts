import { isRecord } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import type { ModelInput, PricingTableInput, ServiceTierName } from "../schema/types.js";
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
import { SERVICE_TIER_KEY, TIER_KEY, unsupportedReason } from "./litellmFields.js";
import {
  buildTiers,
  fillRates,
  type ImportSettings,
  type RateKind,
  type RateSet,
  sortedModels,
  tableInput,
} from "./shared.js";

// LiteLLM's model_prices_and_context_window.json: one object keyed by model name, every
// price a JSON float in USD per token.

/** LiteLLM's per-token price fields, by our rate kind. */
const RATE_FIELDS: Readonly<Record<string, RateKind>> = {
  input_cost_per_token: "input",
  output_cost_per_token: "output",
  cache_read_input_token_cost: "cachedInput",
  cache_creation_input_token_cost: "cacheWrite",
  cache_creation_input_token_cost_above_1hr: "cacheWrite1h",
  input_cost_per_audio_token: "audioInput",
  output_cost_per_audio_token: "audioOutput",
  input_cost_per_image_token: "imageInput",
};

const SERVICE_TIERS: Readonly<Record<string, ServiceTierName>> = {
  batches: "batch",
  flex: "flex",
  priority: "priority",
};

/** Modes whose prices are per text token. */
const TOKEN_MODES = new Set(["chat", "completion", "embedding", "responses"]);

const PRICE_KEY = /cost|price/;

/** @internal */
export function importLitellm(
  data: unknown,
  settings: ImportSettings,
  collector: Collector,
): PricingTableInput[] {
  if (!isRecord(data)) {
    throw new PricebookError(
      "INVALID_CATALOG",
      [],
      "not a LiteLLM price map: expected a JSON object keyed by model name (model_prices_and_context_window.json)",
    );
  }
  const keys = Object.keys(data);
  let anyProvider = false;
  for (const key of keys) {
    const entry = data[key];
    if (!isRecord(entry)) {
      throw new PricebookError(
        "INVALID_CATALOG",
        [key],
        `not a LiteLLM price map: entry ${JSON.stringify(key)} is not an object`,
      );
    }
    if (typeof entry.litellm_provider === "string" && key !== "sample_spec") anyProvider = true;
  }
  if (!anyProvider) {
    const first = keys.find((key) => key !== "sample_spec");
    throw new PricebookError(
      "INVALID_CATALOG",
      first === undefined ? [] : [first],
      "not a LiteLLM price map: no entry has a litellm_provider",
    );
  }

  const tables = new Map<
    string,
    { label: string; models: Map<string, ModelInput>; keys: Map<string, string> }
  >();
  for (const key of keys) {
    const entry = data[key] as Record<string, unknown>;
    if (key === "sample_spec") {
      skipEntry(collector, key, "LiteLLM's description of the format, not a model");
      continue;
    }
    const provider = entry.litellm_provider;
    if (typeof provider !== "string" || !isTableId(provider.toLowerCase())) {
      collector.entries += 1;
      skipEntry(collector, key, "no litellm_provider naming a table id (a-z, 0-9, '.', '_', '-')");
      continue;
    }
    const tableId = provider.toLowerCase();
    if (settings.providers !== undefined && !settings.providers.has(tableId)) continue;
    collector.entries += 1;
    const model = readModel(collector, key, entry, tableId);
    if (model === undefined) continue;
    let table = tables.get(tableId);
    if (table === undefined) {
      table = { label: provider, models: new Map(), keys: new Map() };
      tables.set(tableId, table);
    }
    const taken = table.keys.get(model.id);
    if (taken !== undefined) {
      // Two keys for one name (`deepseek/deepseek-chat` beside `deepseek-chat`): one model when
      // their prices agree wherever both state one (the union of their prices); when they
      // disagree, neither is imported, so neither name answers with the other's price.
      const kept = table.models.get(model.id);
      const merged = kept === undefined ? undefined : mergeModels(kept, model.model);
      if (merged !== undefined) {
        table.models.set(model.id, merged);
        collector.imported += 1;
      } else {
        if (kept !== undefined) {
          table.models.delete(model.id);
          collector.imported -= 1;
          skipEntry(
            collector,
            taken,
            `another key, ${JSON.stringify(key)}, gives the same name ${JSON.stringify(model.id)} other prices in table ${tableId}`,
          );
        }
        skipEntry(
          collector,
          key,
          `its name ${JSON.stringify(model.id)} is also ${JSON.stringify(taken)}'s in table ${tableId}, at other prices`,
        );
      }
      continue;
    }
    table.keys.set(model.id, key);
    table.models.set(model.id, model.model);
    collector.imported += 1;
  }

  const source =
    settings.source ?? `LiteLLM model_prices_and_context_window.json as of ${settings.catalogDate}`;
  return [...tables.keys()].sort().map((id) => {
    const table = tables.get(id) as { label: string; models: Map<string, ModelInput> };
    return tableInput(
      id,
      table.label,
      settings.catalogDate,
      settings.catalogDate,
      source,
      settings.catalogDate,
      sortedModels(table.models),
    );
  });
}

function readModel(
  collector: Collector,
  key: string,
  value: Record<string, unknown>,
  tableId: string,
): { id: string; model: ModelInput } | undefined {
  const mode = value.mode;
  if (mode !== undefined && (typeof mode !== "string" || !TOKEN_MODES.has(mode))) {
    skipEntry(
      collector,
      key,
      `mode ${JSON.stringify(mode)} is not priced per text token (only chat, completion, embedding and responses are imported)`,
    );
    return undefined;
  }
  if (value.input_cost_per_token === undefined || value.output_cost_per_token === undefined) {
    const units = Object.keys(value).filter((field) => PRICE_KEY.test(field));
    skipEntry(
      collector,
      key,
      units.length === 0
        ? "no prices"
        : `no per-token input and output prices (it has ${units.join(", ")})`,
    );
    return undefined;
  }
  const entry = newEntry(key);
  const base: RateSet = {};
  const tiers = new Map<number, RateSet>();
  const service = new Map<ServiceTierName, RateSet>();
  let webSearch: string | undefined;
  for (const field of Object.keys(value)) {
    const raw = value[field];
    const kind = RATE_FIELDS[field];
    if (kind !== undefined) {
      const price = priceField(entry, field, raw);
      if (price !== undefined) base[kind] = price;
      continue;
    }
    const tier = TIER_KEY.exec(field);
    if (tier !== null && RATE_FIELDS[tier[1] as string] !== undefined) {
      const threshold = Number(tier[2]) * 1000;
      if (!Number.isSafeInteger(threshold) || threshold < 1) {
        dropField(entry, field, "a long-context price above 0 tokens or a count too large to hold");
        continue;
      }
      const price = priceField(entry, field, raw);
      if (price !== undefined) {
        tiers.set(threshold, {
          ...tiers.get(threshold),
          [RATE_FIELDS[tier[1] as string] as RateKind]: price,
        });
      }
      continue;
    }
    const serviceTier = SERVICE_TIER_KEY.exec(field);
    if (serviceTier !== null && RATE_FIELDS[serviceTier[1] as string] !== undefined) {
      const name = SERVICE_TIERS[serviceTier[2] as string] as ServiceTierName;
      const price = priceField(entry, field, raw);
      if (price !== undefined) {
        service.set(name, {
          ...service.get(name),
          [RATE_FIELDS[serviceTier[1] as string] as RateKind]: price,
        });
      }
      continue;
    }
    if (field === "search_context_cost_per_query" && isRecord(raw)) {
      // One price per call only when every context size costs the same.
      const prices = Object.values(raw);
      if (prices.length > 0 && prices.every((price) => price === prices[0])) {
        webSearch = priceField(entry, `${field}.${Object.keys(raw)[0]}`, prices[0]);
        continue;
      }
    }
    if (field === "output_cost_per_reasoning_token" && raw === value.output_cost_per_token)
      continue;
    if (field === "input_cost_per_token_cache_hit" && raw === value.cache_read_input_token_cost)
      continue;
    if (
      PRICE_KEY.test(field) ||
      field === "tiered_pricing" ||
      field.startsWith("regional_processing_uplift")
    ) {
      dropField(entry, field, unsupportedReason(field));
    }
  }
  const name = prefixedName(collector, key, key, tableId);
  if (name === undefined) {
    entry.problem ??= "its name has no characters a table id can hold";
  }
  if (!finishEntry(collector, entry) || name === undefined) return undefined;

  const serviceTiers: Partial<Record<ServiceTierName, RateSet>> = {};
  for (const [tierName, own] of service) serviceTiers[tierName] = fillRates(base, own);
  const tierList = buildTiers(base, tiers);
  const model: ModelInput = {
    provider: name.provider,
    ...(name.id === key ? {} : { label: key }),
    ...(base as { input: string; output: string }),
    ...(tierList === undefined ? {} : { tiers: tierList }),
    ...(service.size === 0 ? {} : { serviceTiers: serviceTiers as ModelInput["serviceTiers"] }),
    ...(webSearch === undefined ? {} : { webSearch }),
  };
  return { id: name.id, model };
}

/** The union of two models' prices when they agree wherever both state one; else undefined. */
function mergeModels(a: ModelInput, b: ModelInput): ModelInput | undefined {
  const merged: Record<string, unknown> = { ...a };
  for (const [field, value] of Object.entries(b)) {
    if (field === "label") continue;
    const existing = merged[field];
    if (existing === undefined) merged[field] = value;
    else if (JSON.stringify(existing) !== JSON.stringify(value)) return undefined;
  }
  return merged as unknown as ModelInput;
}
