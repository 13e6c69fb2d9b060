import { z } from "zod";
import { DECIMAL, isIsoDate } from "../catalog/validate.js";
import type { PricingTableInput } from "./types.js";

// The structure of a pricing table file. Used at the edge only (parseTable, the CLI, the
// JSON Schema in docs/); the pricing engine never imports it.

const ID = /^[a-z0-9][a-z0-9._-]*$/;
// Model ids and aliases may also hold the ':' and '@' of vendor ids (`…-v1:0`, `…@20250514`).
const MODEL_ID = /^[a-z0-9][a-z0-9._:@-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

let built: z.ZodType<PricingTableInput> | undefined;

/**
 * The zod schema of a pricing table file (the input form), built on first use: the CLI loads
 * zod only when it reads a table file. {@link parseTable} runs it and then the checks a schema
 * cannot express (references, name clashes). @internal
 */
export function tableSchema(): z.ZodType<PricingTableInput> {
  built ??= createTableSchema();
  return built;
}

/**
 * The zod schema of a pricing table file (the input form). {@link parseTable} runs it and
 * then the checks a schema cannot express (references, name clashes).
 */
export const pricingTableSchema: z.ZodType<PricingTableInput> = /* @__PURE__ */ tableSchema();

function createTableSchema(): z.ZodType<PricingTableInput> {
  const decimal = z.string({ error: 'expected a decimal string like "0.0000025"' }).regex(DECIMAL, {
    error: 'expected a decimal string like "0.0000025" (no exponent, sign or spaces)',
  });
  const id = z
    .string()
    .regex(ID, { error: "expected a lower-case id of letters, digits, '.', '_' and '-'" });
  const modelId = z.string().regex(MODEL_ID, {
    error: "expected a lower-case model id of letters, digits, '.', '_', '-', ':' and '@'",
  });
  const date = z
    .string({ error: "expected a date, YYYY-MM-DD" })
    .regex(DATE, { error: "expected a date, YYYY-MM-DD" })
    .refine(isIsoDate, { error: "expected a date that exists" });
  const text = z.string().min(1, { error: "expected a non-empty string" });
  const positiveCount = z
    .number({ error: "expected a positive integer" })
    .int({ error: "expected a positive integer" })
    .min(1, { error: "expected a positive integer" })
    .max(Number.MAX_SAFE_INTEGER);
  const count = z
    .number({ error: "expected a non-negative integer" })
    .int({ error: "expected a non-negative integer" })
    .min(0, { error: "expected a non-negative integer" })
    .max(Number.MAX_SAFE_INTEGER);

  const rate = z.union([decimal, z.strictObject({ perMillion: decimal })], {
    error: 'expected a decimal string or { "perMillion": "<decimal>" }',
  });

  const callRate = z.union([decimal, z.strictObject({ perThousand: decimal })], {
    error: 'expected a decimal string (USD per call) or { "perThousand": "<decimal>" }',
  });

  const optionalRates = {
    cachedInput: rate.optional(),
    cacheWrite: rate.optional(),
    cacheWrite1h: rate.optional(),
    audioInput: rate.optional(),
    audioOutput: rate.optional(),
    imageInput: rate.optional(),
  };

  const rates = z.strictObject({ input: rate, output: rate, ...optionalRates });

  const tier = z.strictObject({
    aboveInputTokens: positiveCount,
    input: rate,
    output: rate,
    ...optionalRates,
  });

  const serviceTier = z.union([z.strictObject({ multiplier: decimal }), rates], {
    error: 'expected { "multiplier": "<decimal>" } or { input, output, … } rates',
  });

  const model = z.strictObject({
    provider: id,
    label: text.optional(),
    input: rate,
    output: rate,
    ...optionalRates,
    webSearch: callRate.optional(),
    tiers: z.array(tier).optional(),
    serviceTiers: z
      .strictObject({
        batch: serviceTier.optional(),
        flex: serviceTier.optional(),
        priority: serviceTier.optional(),
      })
      .optional(),
    aliases: z.array(modelId).optional(),
    contextWindow: positiveCount.optional(),
    maxPricedInputTokens: positiveCount.optional(),
    source: text.optional(),
    checkedOn: date.optional(),
  });

  const printed = z.strictObject({
    input: decimal.optional(),
    output: decimal.optional(),
    usd: decimal.optional(),
  });

  const variant = z.strictObject({
    label: text,
    model: modelId,
    reserved: z.strictObject({ input: positiveCount, output: positiveCount }),
    credits: decimal.optional(),
    printed: printed.optional(),
  });

  const workflow = z.strictObject({
    label: text,
    model: modelId,
    average: z.strictObject({ input: count, output: count }),
    runs: z.enum(["per-query", "per-agent-change"]),
    appliesWhen: z.strictObject({
      count: z.enum(["agents", "userFacingAgents", "variables"]),
      atLeast: count,
    }),
    printed: printed.optional(),
  });

  const rounding = z.discriminatedUnion("policy", [
    z.strictObject({ policy: z.literal("none") }),
    z.strictObject({ policy: z.literal("up"), step: decimal.optional() }),
    z.strictObject({ policy: z.literal("half-even"), step: decimal.optional() }),
  ]);

  const credits = z.strictObject({
    name: text,
    symbol: text,
    unitPrice: decimal,
    rounding: rounding.optional(),
    tokenMultiplier: z
      .strictObject({ perTokens: positiveCount, multipliers: z.record(modelId, decimal) })
      .optional(),
  });

  return z.strictObject({
    $schema: z.string().optional(),
    id,
    version: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: "expected a version label" }),
    effectiveFrom: date,
    label: text.optional(),
    source: text,
    checkedOn: date,
    currency: z.literal("USD"),
    credits: credits.optional(),
    band: decimal.optional(),
    models: z.record(modelId, model),
    variants: z.record(id, variant).optional(),
    workflows: z.record(id, workflow).optional(),
  }) as unknown as z.ZodType<PricingTableInput>;
}
