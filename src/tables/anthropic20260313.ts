import type { PricingTableInput } from "../schema/types.js";
import { anthropic20250805 } from "./anthropic20250805.js";

const { tiers: _surcharge, ...sonnet4 } = anthropic20250805.models["claude-sonnet-4"];

/**
 * Anthropic list prices from 2026-03-13, when genai-prices drops the long-context surcharge
 * for the 4.6 models. Whether claude-sonnet-4 lost it too is unknown, so from this date its
 * price above 200k input tokens is left out: such a request is `UNPRICED_USAGE` rather than a
 * guess. Every other price is the 2025-08-05 version's.
 */
export const anthropic20260313 = {
  ...anthropic20250805,
  version: "2026-03-13",
  effectiveFrom: "2026-03-13",
  models: {
    ...anthropic20250805.models,
    "claude-sonnet-4": { ...sonnet4, maxPricedInputTokens: 200000 },
  },
} as const satisfies PricingTableInput;
