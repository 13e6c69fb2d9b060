import { isIsoDate, isRecord } from "../catalog/validate.js";
import type { ModelInput } from "../schema/types.js";
import {
  type Collector,
  dropField,
  type Entry,
  finishEntry,
  modelName,
  newEntry,
  priceField,
  skipEntry,
} from "./entry.js";
import { alternatives, type Rule } from "./matchRule.js";
import type { Owner } from "./ruleOwner.js";
import type { RateKind, RateSet } from "./shared.js";

// One genai-prices model: its names (from its id and match rules, each only where it is the
// first model to match it) and its price sets.

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

/** One set of prices, from a start date (undefined: before any dated change). @internal */
export interface PriceSet {
  readonly startDate: string | undefined;
  readonly rates: RateSet;
  readonly tiers: Map<number, RateSet>;
  readonly webSearch: { readonly perThousand: string } | undefined;
}

/** A model as read, before its price sets become table versions. @internal */
export interface ReadModel {
  readonly id: string;
  readonly model: Omit<ModelInput, "input" | "output">;
  readonly prices: PriceSet[];
}

/** A model of the catalog as read, or undefined (and reported) when skipped. @internal */
export function readModel(
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
