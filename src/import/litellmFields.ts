// LiteLLM price keys the importer reads by pattern, and why it leaves others out.

/** `input_cost_per_token_above_200k_tokens`: a long-context price. @internal */
export const TIER_KEY = /^(.+)_above_(\d+)k_tokens$/;

/** `input_cost_per_token_flex`: a service tier's price. @internal */
export const SERVICE_TIER_KEY = /^(.+)_(batches|flex|priority)$/;

/** Why a LiteLLM price field is left out of an imported model, for the report. @internal */
export function unsupportedReason(field: string): string {
  if (/per_second/.test(field)) return "priced per second, a unit the table format has no rate for";
  if (/pixel/.test(field)) return "priced per pixel, a unit the table format has no rate for";
  if (/per_image(?!_token)/.test(field))
    return "priced per image, a unit the table format has no rate for";
  if (/character/.test(field))
    return "priced per character, a unit the table format has no rate for";
  if (field === "search_context_cost_per_query")
    return "web search priced per query by context size (low/medium/high), at different prices; no single per-call price to import";
  if (field === "output_cost_per_reasoning_token")
    return "a reasoning-token price different from the output price; the table format prices reasoning as output";
  if (TIER_KEY.test(field) || SERVICE_TIER_KEY.test(field))
    return "a long-context price inside a service tier (or on a price the table format has no tiers for)";
  if (field === "tiered_pricing") return "tiered pricing in a shape the importer does not read";
  if (field.startsWith("regional_processing_uplift"))
    return "a regional uplift multiplier, not applied by the importer";
  return "a price in a unit or for a usage part the table format has no rate for";
}
