// An independent reading of the raw catalog JSON into flat price fields (see
// scripts/tables/priceFields.ts for the field names), for the tests that check every generated
// price against both catalogs without going through the importer or the generator.
import { Dec } from "../src/money/decimal.js";
import { formatDecimal } from "../src/money/formatDecimal.js";

const GENAI_KINDS: Record<string, string> = {
  input_mtok: "input",
  output_mtok: "output",
  cache_read_mtok: "cachedInput",
  cache_write_mtok: "cacheWrite",
  cache_write_1h_mtok: "cacheWrite1h",
  input_audio_mtok: "audioInput",
  output_audio_mtok: "audioOutput",
  input_image_mtok: "imageInput",
};

/** A float as the decimal its author meant: at most 15 significant digits. */
export function floatDecimal(value: number): Dec {
  return new Dec(value.toPrecision(15));
}

type GenaiValue = number | { base: number; tiers: { start: number; price: number }[] };
type GenaiPrices = Record<string, GenaiValue>;
type GenaiBlock = { constraint?: { start_date?: string }; prices: GenaiPrices };

/** The price block of a genai-prices record in force on `asOf` (the last whose start date is not after it). */
export function genaiBlock(prices: GenaiPrices | GenaiBlock[], asOf: string): GenaiPrices {
  if (!Array.isArray(prices)) return prices;
  let chosen: GenaiPrices | undefined;
  for (const block of prices) {
    const start = block.constraint?.start_date;
    if (start === undefined || start <= asOf) chosen = block.prices;
  }
  if (chosen === undefined) throw new Error("no genai-prices block in force");
  return chosen;
}

/** A genai-prices record's text-token prices on `asOf`, per token. */
export function genaiFields(prices: GenaiPrices | GenaiBlock[], asOf: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(genaiBlock(prices, asOf))) {
    if (key === "web_searches_kcount" && typeof value === "number") {
      fields.set("webSearch", formatDecimal(floatDecimal(value).div(1000)));
      continue;
    }
    const kind = GENAI_KINDS[key];
    if (kind === undefined) continue;
    const perToken = (mtok: number): string => formatDecimal(floatDecimal(mtok).div(1_000_000));
    if (typeof value === "number") fields.set(kind, perToken(value));
    else {
      fields.set(kind, perToken(value.base));
      for (const tier of value.tiers)
        fields.set(`tier:${tier.start}:${kind}`, perToken(tier.price));
    }
  }
  return fields;
}

const LITELLM_KINDS: Record<string, string> = {
  input_cost_per_token: "input",
  output_cost_per_token: "output",
  cache_read_input_token_cost: "cachedInput",
  cache_creation_input_token_cost: "cacheWrite",
  cache_creation_input_token_cost_above_1hr: "cacheWrite1h",
  input_cost_per_audio_token: "audioInput",
  output_cost_per_audio_token: "audioOutput",
  input_cost_per_image_token: "imageInput",
};
const LITELLM_SUFFIXES: Record<string, string> = {
  _batches: "batch",
  _flex: "flex",
  _priority: "priority",
};

/** A LiteLLM entry's text-token prices, per token. */
export function litellmFields(entry: Record<string, unknown>): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(entry)) {
    if (key === "search_context_cost_per_query" && typeof value === "object" && value !== null) {
      // One per-call price only when every context size costs the same.
      const sizes = new Set(Object.values(value).map((fee) => formatDecimal(floatDecimal(fee))));
      if (sizes.size === 1) fields.set("webSearch", [...sizes][0] as string);
      continue;
    }
    if (typeof value !== "number") continue;
    const text = formatDecimal(floatDecimal(value));
    const direct = LITELLM_KINDS[key];
    if (direct !== undefined) {
      fields.set(direct, text);
      continue;
    }
    const tier = /^(.*)_above_(\d+)k_tokens$/.exec(key);
    if (tier) {
      const kind = LITELLM_KINDS[tier[1] as string];
      if (kind !== undefined) fields.set(`tier:${Number(tier[2]) * 1000}:${kind}`, text);
      continue;
    }
    for (const [suffix, name] of Object.entries(LITELLM_SUFFIXES)) {
      if (!key.endsWith(suffix)) continue;
      const kind = LITELLM_KINDS[key.slice(0, -suffix.length)];
      if (kind !== undefined) fields.set(`${name}:${kind}`, text);
    }
  }
  return fields;
}
