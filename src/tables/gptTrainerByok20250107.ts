import type { PricingTableInput, VariantInput } from "../schema/types.js";
import { gptTrainerByok20241101 } from "./gptTrainerByok20241101.js";

/**
 * Message Credits per query the product published for each variant, from its API reference
 * (the agent `model` property) as mirrored on 2025-01-07. Variants it does not list keep no
 * published figure. These are fixed per variant and are not cost ÷ 0.0032: GPT-4o-4k costs
 * 0.019 (5.9375 MCs at the unit price) but is charged 10.
 */
const publishedCredits = {
  "gpt-3.5": "1",
  "gpt-3.5-16k": "8",
  "gpt-4-0125-8k": "35",
  "gpt-4-1106-1k": "5",
  "gpt-4-1106-2k": "10",
  "gpt-4-1106-4k": "20",
  "gpt-4-1106-16k": "60",
  "gpt-4o-1k": "3",
  "gpt-4o-2k": "5",
  "gpt-4o-4k": "10",
  "gpt-4o-8k": "20",
  "gpt-4o-16k": "40",
  "gpt-4o-mini-4k": "1",
  "gpt-4o-mini-16k": "8",
} as const;

type VariantId = keyof typeof gptTrainerByok20241101.variants;

const variants = Object.fromEntries(
  Object.entries(gptTrainerByok20241101.variants).map(([id, variant]) => {
    const credits = publishedCredits[id as keyof typeof publishedCredits];
    const { credits: _previous, ...rest } = variant as VariantInput;
    return [id, credits === undefined ? rest : { ...rest, credits }];
  }),
) as Record<VariantId, VariantInput>;

/**
 * GPT-trainer BYOK as of 2025-01-07: the 2024-11-01 page's models, windows, workflows, unit
 * price and band (prices unchanged), with the per-query Message Credits the product published
 * in its API reference. Its digest is pinned by a test: published versions never change.
 */
export const gptTrainerByok20250107 = {
  ...gptTrainerByok20241101,
  version: "2025-01-07",
  effectiveFrom: "2025-01-07",
  source:
    'GPT-trainer help page "Bring Your Own Key (BYOK) and Pricing" (rates, windows, workflows); per-query Message Credits from GPT-trainer\'s API reference, agent `model` property (api-reference/agents/properties-reference.html, agents/create.html), as mirrored on 2025-01-07 in the public repository JasperNoBoxDev/firesidetech',
  checkedOn: "2025-01-07",
  variants,
} as const satisfies PricingTableInput;
