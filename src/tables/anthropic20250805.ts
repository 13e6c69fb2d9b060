import type { PricingTableInput } from "../schema/types.js";

/**
 * Anthropic list prices (USD per million tokens) as in force from 2025-08-05, the day
 * claude-opus-4-1 launched. `cacheWrite` is the 5-minute cache write, `cacheWrite1h` the
 * 1-hour one, `cachedInput` the cache read.
 *
 * - claude-3-5-haiku is at its later price (0.80 / 4); its launch price (1 / 5, from
 *   2024-11-04) ended on a date the sources do not give, so no earlier version is built in.
 * - claude-3-sonnet has no cache prices: genai-prices' are unconfirmed (LiteLLM never had
 *   them; Anthropic's table does not list the model).
 * - The 1-hour cache-write prices of claude-3-haiku, claude-3-opus and claude-3-5-haiku are
 *   genai-prices' and Anthropic's (LiteLLM's 6 for them is wrong).
 * - claude-sonnet-4 above 200k input tokens (the 1M-context beta): 6 / 22.50, writes 7.50,
 *   reads 0.60 (LiteLLM; press coverage agrees). No 1-hour write price is known there, so such
 *   usage is `UNPRICED_USAGE`. Without the beta a request cannot exceed 200k input tokens.
 */
export const anthropic20250805 = {
  id: "anthropic",
  version: "2025-08-05",
  effectiveFrom: "2025-08-05",
  label: "Anthropic API list prices",
  source:
    "pydantic/genai-prices @ 47df840a (2026-08-21), prices/providers/anthropic.yml; BerriAI/litellm model_prices_and_context_window.json (claude-sonnet-4 >200k tier); Anthropic's pricing page as stored (platform.claude.com/docs/zh-CN/about-claude/pricing); via shared/data/provider-prices.md",
  checkedOn: "2026-08-21",
  currency: "USD",
  models: {
    "claude-3-haiku": {
      provider: "anthropic",
      label: "Claude 3 Haiku",
      aliases: ["claude-3-haiku-20240307"],
      input: { perMillion: "0.25" },
      output: { perMillion: "1.25" },
      cacheWrite: { perMillion: "0.30" },
      cacheWrite1h: { perMillion: "0.50" },
      cachedInput: { perMillion: "0.03" },
      contextWindow: 200000,
    },
    "claude-3-sonnet": {
      provider: "anthropic",
      label: "Claude 3 Sonnet",
      aliases: ["claude-3-sonnet-20240229"],
      input: { perMillion: "3" },
      output: { perMillion: "15" },
      contextWindow: 200000,
    },
    "claude-3-opus": {
      provider: "anthropic",
      label: "Claude 3 Opus",
      aliases: ["claude-3-opus-20240229"],
      input: { perMillion: "15" },
      output: { perMillion: "75" },
      cacheWrite: { perMillion: "18.75" },
      cacheWrite1h: { perMillion: "30" },
      cachedInput: { perMillion: "1.50" },
      contextWindow: 200000,
    },
    "claude-3-5-haiku": {
      provider: "anthropic",
      label: "Claude 3.5 Haiku",
      input: { perMillion: "0.80" },
      output: { perMillion: "4" },
      cacheWrite: { perMillion: "1.00" },
      cacheWrite1h: { perMillion: "1.60" },
      cachedInput: { perMillion: "0.08" },
      contextWindow: 200000,
    },
    "claude-3-5-sonnet": {
      provider: "anthropic",
      label: "Claude 3.5 Sonnet",
      aliases: ["claude-3-5-sonnet-20240620", "claude-3-5-sonnet-20241022"],
      input: { perMillion: "3" },
      output: { perMillion: "15" },
      cacheWrite: { perMillion: "3.75" },
      cacheWrite1h: { perMillion: "6" },
      cachedInput: { perMillion: "0.30" },
      contextWindow: 200000,
    },
    "claude-3-7-sonnet": {
      provider: "anthropic",
      label: "Claude 3.7 Sonnet",
      aliases: ["claude-3-7-sonnet-20250219"],
      input: { perMillion: "3" },
      output: { perMillion: "15" },
      cacheWrite: { perMillion: "3.75" },
      cacheWrite1h: { perMillion: "6" },
      cachedInput: { perMillion: "0.30" },
      contextWindow: 200000,
    },
    "claude-sonnet-4": {
      provider: "anthropic",
      label: "Claude Sonnet 4",
      aliases: ["claude-sonnet-4-20250514"],
      input: { perMillion: "3" },
      output: { perMillion: "15" },
      cacheWrite: { perMillion: "3.75" },
      cacheWrite1h: { perMillion: "6" },
      cachedInput: { perMillion: "0.30" },
      tiers: [
        {
          aboveInputTokens: 200000,
          input: { perMillion: "6" },
          output: { perMillion: "22.50" },
          cacheWrite: { perMillion: "7.50" },
          cachedInput: { perMillion: "0.60" },
        },
      ],
      contextWindow: 1000000,
    },
    "claude-opus-4": {
      provider: "anthropic",
      label: "Claude Opus 4",
      aliases: ["claude-opus-4-20250514"],
      input: { perMillion: "15" },
      output: { perMillion: "75" },
      cacheWrite: { perMillion: "18.75" },
      cacheWrite1h: { perMillion: "30" },
      cachedInput: { perMillion: "1.50" },
      contextWindow: 200000,
    },
    "claude-opus-4-1": {
      provider: "anthropic",
      label: "Claude Opus 4.1",
      aliases: ["claude-opus-4-1-20250805"],
      input: { perMillion: "15" },
      output: { perMillion: "75" },
      cacheWrite: { perMillion: "18.75" },
      cacheWrite1h: { perMillion: "30" },
      cachedInput: { perMillion: "1.50" },
      contextWindow: 200000,
    },
  },
} as const satisfies PricingTableInput;
