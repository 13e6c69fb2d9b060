import type { PricingTableInput } from "../schema/types.js";
import { openai20250416 } from "./openai20250416.js";

/**
 * OpenAI list prices from 2025-06-10, when o3 was cut to 2 / 0.50 / 8 per million tokens
 * (genai-prices `start_date: 2025-06-10`; LiteLLM changed on 2025-06-11). Every other price is
 * the 2025-04-16 version's.
 */
export const openai20250610 = {
  ...openai20250416,
  version: "2025-06-10",
  effectiveFrom: "2025-06-10",
  models: {
    ...openai20250416.models,
    o3: {
      provider: "openai",
      label: "o3",
      aliases: ["o3-2025-04-16"],
      input: { perMillion: "2" },
      cachedInput: { perMillion: "0.50" },
      output: { perMillion: "8" },
      contextWindow: 200000,
      source: "pydantic/genai-prices @ 47df840a, o3 price block with start_date 2025-06-10",
    },
  },
} as const satisfies PricingTableInput;
