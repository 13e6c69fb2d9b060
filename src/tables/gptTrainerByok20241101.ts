import type { PricingTableInput } from "../schema/types.js";

/**
 * GPT-trainer's "Bring Your Own Key (BYOK) and Pricing" page, as in force from 2024-11-01
 * (the page cites OpenAI's rules "as of November 1, 2024"): its OpenAI model table (23
 * variants with their reservation windows), its white-label workflow table, the Message
 * Credit's unit price (~$0.0032) and the ±20% band. The one published credit figure is the
 * page's own: GPT-4-1106-4k uses 20 MCs per query. Every figure the page prints is kept under
 * `printed` for {@link auditTable}; prices are always computed from tokens × rates.
 */
export const gptTrainerByok20241101 = {
  id: "gpt-trainer-byok",
  version: "2024-11-01",
  effectiveFrom: "2024-11-01",
  label: "GPT-trainer BYOK",
  source:
    'GPT-trainer help page "Bring Your Own Key (BYOK) and Pricing": "OpenAI pricing breakdown" and "BYOK for white-label commercial partners" tables',
  checkedOn: "2024-11-01",
  currency: "USD",
  credits: {
    name: "Message Credit",
    symbol: "MC",
    unitPrice: "0.0032",
    rounding: { policy: "up", step: "1" },
  },
  band: "0.2",
  models: {
    "gpt-3.5-turbo": {
      provider: "openai",
      label: "GPT-3.5 Turbo",
      input: "0.0000005",
      output: "0.0000015",
    },
    "gpt-3.5-turbo-1106": {
      provider: "openai",
      label: "GPT-3.5 Turbo (1106)",
      input: "0.000001",
      output: "0.000002",
    },
    "gpt-4o-mini": {
      provider: "openai",
      label: "GPT-4o mini",
      input: "0.00000015",
      output: "0.0000006",
    },
    "gpt-4o": { provider: "openai", label: "GPT-4o", input: "0.0000025", output: "0.00001" },
    "gpt-4-1106-preview": {
      provider: "openai",
      label: "GPT-4 Turbo (1106 preview)",
      input: "0.00001",
      output: "0.00003",
    },
    "gpt-4-0125-preview": {
      provider: "openai",
      label: "GPT-4 Turbo (0125 preview)",
      input: "0.00001",
      output: "0.00003",
    },
  },
  variants: {
    "gpt-3.5": {
      label: "GPT-3.5",
      model: "gpt-3.5-turbo",
      reserved: { input: 2800, output: 1200 },
      printed: { input: "0.0000005", output: "0.0000015", usd: "0.0032" },
    },
    "gpt-3.5-16k": {
      label: "GPT-3.5-16k",
      model: "gpt-3.5-turbo",
      reserved: { input: 13600, output: 2400 },
      printed: { input: "0.0000005", output: "0.0000015", usd: "0.0104" },
    },
    "gpt-4o-mini-1k": {
      label: "GPT-4o-mini-1k",
      model: "gpt-4o-mini",
      reserved: { input: 800, output: 200 },
      printed: { input: "0.00000015", output: "0.0000006", usd: "0.00024" },
    },
    "gpt-4o-mini-2k": {
      label: "GPT-4o-mini-2k",
      model: "gpt-4o-mini",
      reserved: { input: 1600, output: 400 },
      printed: { input: "0.00000015", output: "0.0000006", usd: "0.00048" },
    },
    "gpt-4o-mini-4k": {
      label: "GPT-4o-mini-4k",
      model: "gpt-4o-mini",
      reserved: { input: 2800, output: 1200 },
      printed: { input: "0.00000015", output: "0.0000006", usd: "0.00114" },
    },
    "gpt-4o-mini-8k": {
      label: "GPT-4o-mini-8k",
      model: "gpt-4o-mini",
      reserved: { input: 5600, output: 2400 },
      printed: { input: "0.00000015", output: "0.0000006", usd: "0.00228" },
    },
    "gpt-4o-mini-16k": {
      label: "GPT-4o-mini-16k",
      model: "gpt-4o-mini",
      reserved: { input: 12800, output: 3200 },
      printed: { input: "0.00000015", output: "0.0000006", usd: "0.00384" },
    },
    "gpt-4o-mini-32k": {
      label: "GPT-4o-mini-32k",
      model: "gpt-4o-mini",
      reserved: { input: 28000, output: 4000 },
      printed: { input: "0.00000015", output: "0.0000006", usd: "0.0066" },
    },
    "gpt-4o-mini-64k": {
      label: "GPT-4o-mini-64k",
      model: "gpt-4o-mini",
      reserved: { input: 60000, output: 4000 },
      printed: { input: "0.00000015", output: "0.0000006", usd: "0.0114" },
    },
    "gpt-4o-1k": {
      label: "GPT-4o-1k",
      model: "gpt-4o",
      reserved: { input: 800, output: 200 },
      printed: { input: "0.0000025", output: "0.00001", usd: "0.004" },
    },
    "gpt-4o-2k": {
      label: "GPT-4o-2k",
      model: "gpt-4o",
      reserved: { input: 1600, output: 400 },
      printed: { input: "0.0000025", output: "0.00001", usd: "0.008" },
    },
    "gpt-4o-4k": {
      label: "GPT-4o-4k",
      model: "gpt-4o",
      reserved: { input: 2800, output: 1200 },
      printed: { input: "0.0000025", output: "0.00001", usd: "0.019" },
    },
    "gpt-4o-8k": {
      label: "GPT-4o-8k",
      model: "gpt-4o",
      reserved: { input: 5600, output: 2400 },
      printed: { input: "0.0000025", output: "0.00001", usd: "0.038" },
    },
    "gpt-4o-16k": {
      label: "GPT-4o-16k",
      model: "gpt-4o",
      reserved: { input: 12800, output: 3200 },
      printed: { input: "0.0000025", output: "0.00001", usd: "0.064" },
    },
    "gpt-4o-32k": {
      label: "GPT-4o-32k",
      model: "gpt-4o",
      reserved: { input: 28000, output: 4000 },
      printed: { input: "0.0000025", output: "0.00001", usd: "0.11" },
    },
    "gpt-4o-64k": {
      label: "GPT-4o-64k",
      model: "gpt-4o",
      reserved: { input: 60000, output: 4000 },
      printed: { input: "0.0000025", output: "0.00001", usd: "0.19" },
    },
    "gpt-4-1106-1k": {
      label: "GPT-4-1106-1k",
      model: "gpt-4-1106-preview",
      reserved: { input: 800, output: 200 },
      printed: { input: "0.00001", output: "0.00003", usd: "0.014" },
    },
    "gpt-4-1106-2k": {
      label: "GPT-4-1106-2k",
      model: "gpt-4-1106-preview",
      reserved: { input: 1600, output: 400 },
      printed: { input: "0.00001", output: "0.00003", usd: "0.028" },
    },
    "gpt-4-1106-4k": {
      label: "GPT-4-1106-4k",
      model: "gpt-4-1106-preview",
      reserved: { input: 2800, output: 1200 },
      credits: "20",
      printed: { input: "0.00001", output: "0.00003", usd: "0.064" },
    },
    "gpt-4-0125-8k": {
      label: "GPT-4-0125-8k",
      model: "gpt-4-0125-preview",
      reserved: { input: 5600, output: 2400 },
      printed: { input: "0.00001", output: "0.00003", usd: "0.128" },
    },
    "gpt-4-1106-16k": {
      label: "GPT-4-1106-16k",
      model: "gpt-4-1106-preview",
      reserved: { input: 12800, output: 3200 },
      printed: { input: "0.00001", output: "0.00003", usd: "0.224" },
    },
    "gpt-4-1106-32k": {
      label: "GPT-4-1106-32k",
      model: "gpt-4-1106-preview",
      reserved: { input: 28000, output: 4000 },
      printed: { input: "0.00001", output: "0.00003", usd: "0.4" },
    },
    "gpt-4-1106-64k": {
      label: "GPT-4-1106-64k",
      model: "gpt-4-1106-preview",
      reserved: { input: 60000, output: 4000 },
      printed: { input: "0.00001", output: "0.00003", usd: "0.72" },
    },
  },
  workflows: {
    "intent-generation": {
      label: "AI Agent intent generation",
      model: "gpt-4-1106-preview",
      average: { input: 600, output: 450 },
      runs: "per-agent-change",
      appliesWhen: { count: "agents", atLeast: 2 },
      // The page prints 0.0011 here and 0.0195 for query classification: the two are swapped
      // (600 × 0.00001 + 450 × 0.00003 = 0.0195). auditTable reports it.
      printed: { input: "0.00001", output: "0.00003", usd: "0.0011" },
    },
    "query-intent-classification": {
      label: "Query intent classification",
      model: "gpt-3.5-turbo-1106",
      average: { input: 1000, output: 50 },
      runs: "per-query",
      appliesWhen: { count: "userFacingAgents", atLeast: 2 },
      printed: { input: "0.000001", output: "0.000002", usd: "0.0195" },
    },
    "variable-extraction": {
      label: "Variables extraction",
      model: "gpt-3.5-turbo-1106",
      average: { input: 1000, output: 100 },
      runs: "per-query",
      appliesWhen: { count: "variables", atLeast: 1 },
      printed: { input: "0.000001", output: "0.000002", usd: "0.0012" },
    },
  },
} as const satisfies PricingTableInput;
