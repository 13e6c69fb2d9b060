import type { RateKind } from "../schema/types.js";

/**
 * Every rate kind a table may price, with its name in `pricebook_rates.rate_kind`. The one list
 * of kinds the SQL knows: a kind added to {@link RateKind} is one line here (the compiler asks
 * for it). Kinds the usage view has no column for are still loaded into `pricebook_rates`.
 *
 * @internal
 */
export const SQL_RATE_KINDS = {
  input: "input",
  output: "output",
  cachedInput: "cached_input",
  cacheWrite: "cache_write",
  cacheWrite1h: "cache_write_1h",
  audioInput: "audio_input",
  imageInput: "image_input",
  audioOutput: "audio_output",
  webSearch: "web_search",
} as const satisfies Readonly<Record<RateKind, string>>;

/** The service tiers, as `pricebook_rates.service_tier` names them (`standard` first). @internal */
export const SQL_SERVICE_TIERS = ["standard", "batch", "flex", "priority"] as const;
