import type { PricingTableInput } from "../schema/types.js";

const GP = "pydantic/genai-prices @ 47df840a (2026-08-21), prices/providers/openai.yml";
const LL = "BerriAI/litellm model_prices_and_context_window.json @ 00035b69";

/**
 * OpenAI list prices (USD per million tokens) as in force from 2025-04-16, the day o3 and
 * o4-mini launched: by then every model here was on sale at these prices. Earlier dates have
 * no built-in OpenAI table, because the sources do not date earlier prices (for example, when
 * gpt-4o's cached-input price took effect).
 *
 * - `gpt-4o` is the gpt-4o-2024-08-06 / gpt-4o-2024-11-20 price; `gpt-4o-2024-05-13` is a
 *   separate model at 5 / 15 with no cache price (LiteLLM, and genai-prices PR #496: genai-prices
 *   prices it wrongly under its `gpt-4o` record).
 * - o3 at launch: cached input 2.50 (LiteLLM at launch, 25% of input as for post-cut o3 and
 *   o4-mini; genai-prices' 0.50 is the post-cut price).
 * - Batch prices are given as rates where LiteLLM lists them; batch prices of cached input are
 *   not in the sources, so a batch charge with cached tokens is `UNPRICED_USAGE`.
 */
export const openai20250416 = {
  id: "openai",
  version: "2025-04-16",
  effectiveFrom: "2025-04-16",
  label: "OpenAI API list prices",
  source: `${GP}; ${LL} (batch prices, gpt-4o-2024-05-13, launch o3); via shared/data/provider-prices.md`,
  checkedOn: "2026-08-21",
  currency: "USD",
  models: {
    "gpt-3.5-turbo-0125": {
      provider: "openai",
      label: "GPT-3.5 Turbo (0125)",
      aliases: ["gpt-3.5-turbo"],
      input: { perMillion: "0.50" },
      output: { perMillion: "1.50" },
      contextWindow: 16385,
    },
    "gpt-3.5-turbo-1106": {
      provider: "openai",
      label: "GPT-3.5 Turbo (1106)",
      input: { perMillion: "1.00" },
      output: { perMillion: "2.00" },
      contextWindow: 16385,
    },
    "gpt-3.5-turbo-16k-0613": {
      provider: "openai",
      label: "GPT-3.5 Turbo 16k (0613)",
      input: { perMillion: "3.00" },
      output: { perMillion: "4.00" },
      contextWindow: 16385,
    },
    "gpt-4-1106-preview": {
      provider: "openai",
      label: "GPT-4 Turbo (1106 preview)",
      input: { perMillion: "10" },
      output: { perMillion: "30" },
      contextWindow: 128000,
    },
    "gpt-4-0125-preview": {
      provider: "openai",
      label: "GPT-4 Turbo (0125 preview)",
      input: { perMillion: "10" },
      output: { perMillion: "30" },
      contextWindow: 128000,
    },
    "gpt-4o-2024-05-13": {
      provider: "openai",
      label: "GPT-4o (2024-05-13)",
      input: { perMillion: "5" },
      output: { perMillion: "15" },
      serviceTiers: { batch: { input: { perMillion: "2.50" }, output: { perMillion: "7.50" } } },
      contextWindow: 128000,
      source: LL,
    },
    "gpt-4o": {
      provider: "openai",
      label: "GPT-4o",
      aliases: ["gpt-4o-2024-08-06", "gpt-4o-2024-11-20"],
      input: { perMillion: "2.50" },
      cachedInput: { perMillion: "1.25" },
      output: { perMillion: "10" },
      serviceTiers: { batch: { input: { perMillion: "1.25" }, output: { perMillion: "5" } } },
      contextWindow: 128000,
    },
    "gpt-4o-mini": {
      provider: "openai",
      label: "GPT-4o mini",
      aliases: ["gpt-4o-mini-2024-07-18"],
      input: { perMillion: "0.15" },
      cachedInput: { perMillion: "0.075" },
      output: { perMillion: "0.60" },
      serviceTiers: { batch: { input: { perMillion: "0.075" }, output: { perMillion: "0.30" } } },
      contextWindow: 128000,
    },
    "gpt-4.1": {
      provider: "openai",
      label: "GPT-4.1",
      aliases: ["gpt-4.1-2025-04-14"],
      input: { perMillion: "2.00" },
      cachedInput: { perMillion: "0.50" },
      output: { perMillion: "8.00" },
      serviceTiers: { batch: { input: { perMillion: "1" }, output: { perMillion: "4" } } },
      contextWindow: 1047576,
    },
    "gpt-4.1-mini": {
      provider: "openai",
      label: "GPT-4.1 mini",
      input: { perMillion: "0.40" },
      cachedInput: { perMillion: "0.10" },
      output: { perMillion: "1.60" },
      serviceTiers: { batch: { input: { perMillion: "0.20" }, output: { perMillion: "0.80" } } },
      contextWindow: 1047576,
    },
    "gpt-4.1-nano": {
      provider: "openai",
      label: "GPT-4.1 nano",
      input: { perMillion: "0.10" },
      cachedInput: { perMillion: "0.025" },
      output: { perMillion: "0.40" },
      serviceTiers: { batch: { input: { perMillion: "0.05" }, output: { perMillion: "0.20" } } },
      contextWindow: 1047576,
    },
    o1: {
      provider: "openai",
      label: "o1",
      aliases: ["o1-2024-12-17"],
      input: { perMillion: "15" },
      cachedInput: { perMillion: "7.50" },
      output: { perMillion: "60" },
    },
    o3: {
      provider: "openai",
      label: "o3",
      aliases: ["o3-2025-04-16"],
      input: { perMillion: "10" },
      cachedInput: { perMillion: "2.50" },
      output: { perMillion: "40" },
      contextWindow: 200000,
      source: `${LL} at launch (LiteLLM 1c191ffd, 2025-04-16)`,
    },
    "o3-mini": {
      provider: "openai",
      label: "o3-mini",
      aliases: ["o3-mini-2025-01-31"],
      input: { perMillion: "1.10" },
      cachedInput: { perMillion: "0.55" },
      output: { perMillion: "4.40" },
      contextWindow: 200000,
    },
    "o4-mini": {
      provider: "openai",
      label: "o4-mini",
      aliases: ["o4-mini-2025-04-16"],
      input: { perMillion: "1.10" },
      cachedInput: { perMillion: "0.275" },
      output: { perMillion: "4.40" },
      contextWindow: 200000,
    },
  },
} as const satisfies PricingTableInput;
