import type { PricingTableInput } from "../schema/types.js";

/**
 * Gemini API list prices (USD per million tokens) as in force by 2025-11-07, the date
 * genai-prices recorded the cut Gemini 2.5 cache prices (5de9400a): by then the Gemini 1.5 cuts
 * and the 2.5 cache cut had all taken effect. Their own dates are not in the sources, so no
 * earlier version is built in.
 *
 * - Tiers: a request whose input is strictly above 128k (1.5 models) or 200k (2.5 Pro) tokens
 *   is priced wholly at the higher rates.
 * - gemini-1.5-pro has no cache price in the sources; gemini-2.0-flash and gemini-2.5-flash
 *   price audio input differently (0.70 and 1.00), which this table does not model: price audio
 *   usage with a table of your own.
 * - Vertex AI prices differ and are not included.
 */
export const google20251107 = {
  id: "google",
  version: "2025-11-07",
  effectiveFrom: "2025-11-07",
  label: "Gemini API list prices",
  source:
    "pydantic/genai-prices @ 47df840a (2026-08-21), prices/providers/google.yml; 2.5 cache prices from genai-prices 5de9400a (2025-11-07); via shared/data/provider-prices.md",
  checkedOn: "2026-08-21",
  currency: "USD",
  models: {
    "gemini-1.5-flash": {
      provider: "google",
      label: "Gemini 1.5 Flash",
      input: { perMillion: "0.075" },
      output: { perMillion: "0.30" },
      cachedInput: { perMillion: "0.01875" },
      tiers: [
        {
          aboveInputTokens: 128000,
          input: { perMillion: "0.15" },
          output: { perMillion: "0.60" },
          cachedInput: { perMillion: "0.0375" },
        },
      ],
    },
    "gemini-1.5-pro": {
      provider: "google",
      label: "Gemini 1.5 Pro",
      input: { perMillion: "1.25" },
      output: { perMillion: "5" },
      tiers: [
        { aboveInputTokens: 128000, input: { perMillion: "2.50" }, output: { perMillion: "10" } },
      ],
    },
    "gemini-2.0-flash": {
      provider: "google",
      label: "Gemini 2.0 Flash",
      input: { perMillion: "0.10" },
      output: { perMillion: "0.40" },
      cachedInput: { perMillion: "0.025" },
    },
    "gemini-2.5-flash": {
      provider: "google",
      label: "Gemini 2.5 Flash",
      input: { perMillion: "0.30" },
      output: { perMillion: "2.50" },
      cachedInput: { perMillion: "0.03" },
    },
    "gemini-2.5-pro": {
      provider: "google",
      label: "Gemini 2.5 Pro",
      input: { perMillion: "1.25" },
      output: { perMillion: "10" },
      cachedInput: { perMillion: "0.125" },
      tiers: [
        {
          aboveInputTokens: 200000,
          input: { perMillion: "2.50" },
          output: { perMillion: "15" },
          cachedInput: { perMillion: "0.25" },
        },
      ],
    },
  },
} as const satisfies PricingTableInput;
