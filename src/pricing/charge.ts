import { resolveName } from "../catalog/resolveName.js";
import { pricebookError } from "../errors.js";
import { Dec, ZERO } from "../money/decimal.js";
import { formatDecimal } from "../money/formatDecimal.js";
import type {
  Model,
  PricingTable,
  Provenance,
  RateKind,
  Rates,
  ServiceTierName,
  Tier,
} from "../schema/types.js";
import { type InputPart, normalizeUsage, type OutputPart, type Usage } from "./normalizeUsage.js";

/** Options of {@link charge}. */
export interface ChargeOptions {
  /** Price at a service tier of the model (`batch`, `flex`, `priority`) instead of standard. */
  readonly serviceTier?: ServiceTierName;
}

/** What a line of a charge prices. */
export type ChargeLineKind =
  | "input"
  | "cachedInput"
  | "cacheWrite"
  | "cacheWrite1h"
  | "output"
  | "reasoning";

/** One priced part of a charge: tokens × rate = usd, exact. */
export interface ChargeLine {
  readonly kind: ChargeLineKind;
  readonly tokens: number;
  /** USD per token. */
  readonly rate: string;
  readonly usd: string;
}

/** The exact cost of one query's real usage. */
export interface Charge {
  /** The variant charged against, or null when charged by model. */
  readonly variant: string | null;
  readonly label: string;
  readonly model: string;
  readonly provider: string;
  /** The usage priced, every count filled in (cache and reasoning counts are parts of input and output). */
  readonly usage: {
    readonly input: number;
    readonly output: number;
    readonly cachedInput: number;
    readonly cacheWrite: number;
    readonly cacheWrite1h: number;
    readonly reasoning: number;
  };
  /** The long-context tier the whole request was priced at, or null for the standard rates. */
  readonly tier: { readonly aboveInputTokens: number } | null;
  readonly serviceTier: ServiceTierName | null;
  /** The sum of the lines, exact. */
  readonly usd: string;
  /**
   * One line per priced part: uncached `input`, `cachedInput`, `cacheWrite`, `cacheWrite1h`,
   * non-reasoning `output`, `reasoning`. `input` and `output` always appear; the others when
   * their count is above zero.
   */
  readonly lines: readonly ChargeLine[];
  /** The input and output breakdowns by the page's parts, when the usage gave them. */
  readonly parts: {
    readonly input: readonly { readonly part: InputPart; readonly tokens: number }[] | null;
    readonly output: readonly { readonly part: OutputPart; readonly tokens: number }[] | null;
  };
  /**
   * Credits, when the table has a credit currency: `estimated` = usd ÷ unit price, exact;
   * `byTokens` = tokens ÷ perTokens × the model's multiplier, where the table declares that
   * scheme for the model (else null). Neither is rounded.
   */
  readonly credits: { readonly estimated: string; readonly byTokens: string | null } | null;
  /**
   * Charged against a variant: whether the usage went past its reserved input or output
   * tokens (and so may cost more than its quote). Null when charged by model.
   */
  readonly exceedsWindow: boolean | null;
  readonly table: Provenance;
}

const LINE_ORDER: readonly ChargeLineKind[] = [
  "input",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "output",
  "reasoning",
];
const RATE_OF_LINE: Readonly<Record<ChargeLineKind, RateKind>> = {
  input: "input",
  cachedInput: "cachedInput",
  cacheWrite: "cacheWrite",
  cacheWrite1h: "cacheWrite1h",
  output: "output",
  reasoning: "output",
};
const SERVICE_TIERS: readonly ServiceTierName[] = ["batch", "flex", "priority"];

/**
 * The exact cost of one query's real usage, by model or by variant: a line per priced part
 * (tokens × rate), their exact sum, estimated credits, and the table's provenance. Cache
 * reads and writes are parts of `input` and reasoning is part of `output` (see {@link Usage});
 * a request whose input tokens are strictly above a long-context tier's threshold is priced
 * wholly at that tier's rates. Usage of a kind the model has no rate for is
 * `UNPRICED_USAGE`, never a silent zero. Nothing is rounded.
 *
 * @throws PricebookError `UNKNOWN_MODEL`, `INVALID_USAGE`, `UNPRICED_USAGE`
 *
 * @example
 * // 2000 × 0.0000025 + 300 × 0.00001 = 0.005 + 0.003
 * charge(table, "gpt-4o-16k", { input: 2000, output: 300 }).usd;
 * //=> "0.008"
 */
export function charge(
  table: PricingTable,
  name: string,
  usage: Usage,
  options: ChargeOptions = {},
): Charge {
  const resolved = resolveName(table, name);
  const used = normalizeUsage(usage);
  const { model, variant } = resolved;
  if (model.maxPricedInputTokens !== undefined && used.input > model.maxPricedInputTokens) {
    throw pricebookError(
      "UNPRICED_USAGE",
      ["usage", "input"],
      `${table.id}@${table.version} knows no price for ${model.id} above ${model.maxPricedInputTokens} input tokens, and this request has ${used.input}`,
    );
  }
  const tier = model.tiers.findLast((candidate) => used.input > candidate.aboveInputTokens) ?? null;
  const serviceTier = options?.serviceTier ?? null;
  const rates = ratesFor(table, model, tier, serviceTier);

  const counts: Record<ChargeLineKind, number> = {
    input: used.input - used.cachedInput - used.cacheWrite - used.cacheWrite1h,
    cachedInput: used.cachedInput,
    cacheWrite: used.cacheWrite,
    cacheWrite1h: used.cacheWrite1h,
    output: used.output - used.reasoning,
    reasoning: used.reasoning,
  };
  let total = ZERO;
  const lines: ChargeLine[] = [];
  for (const kind of LINE_ORDER) {
    const tokens = counts[kind];
    if (tokens === 0 && kind !== "input" && kind !== "output") continue;
    const rate = rates[RATE_OF_LINE[kind]];
    if (rate === undefined) {
      if (tokens === 0) continue;
      const where = tier === null ? "" : ` above ${tier.aboveInputTokens} input tokens`;
      throw pricebookError(
        "UNPRICED_USAGE",
        ["usage", kind],
        `${model.id} has no ${RATE_OF_LINE[kind]} rate${where}${serviceTier === null ? "" : ` at the ${serviceTier} tier`} in ${table.id}@${table.version}, but the usage has ${tokens} ${kind} tokens`,
      );
    }
    const usd = new Dec(tokens).times(rate);
    total = total.plus(usd);
    lines.push(Object.freeze({ kind, tokens, rate, usd: formatDecimal(usd) }));
  }

  const credits = table.credits;
  const multiplier = credits?.tokenMultiplier?.multipliers[model.id];
  return Object.freeze({
    variant: variant === null ? null : variant.id,
    label: variant === null ? model.label : variant.label,
    model: model.id,
    provider: model.provider,
    usage: Object.freeze({
      input: used.input,
      output: used.output,
      cachedInput: used.cachedInput,
      cacheWrite: used.cacheWrite,
      cacheWrite1h: used.cacheWrite1h,
      reasoning: used.reasoning,
    }),
    tier: tier === null ? null : Object.freeze({ aboveInputTokens: tier.aboveInputTokens }),
    serviceTier,
    usd: formatDecimal(total),
    lines: Object.freeze(lines),
    parts: Object.freeze({
      input: freezeParts(used.inputParts),
      output: freezeParts(used.outputParts),
    }),
    credits:
      credits === null
        ? null
        : Object.freeze({
            estimated: formatDecimal(total.div(credits.unitPrice)),
            byTokens:
              multiplier === undefined || credits.tokenMultiplier === undefined
                ? null
                : formatDecimal(
                    new Dec(used.input + used.output)
                      .div(credits.tokenMultiplier.perTokens)
                      .times(multiplier),
                  ),
          }),
    exceedsWindow:
      variant === null
        ? null
        : used.input > variant.reserved.input || used.output > variant.reserved.output,
    table: table.provenance,
  });
}

function freezeParts<T>(parts: readonly T[] | null): readonly T[] | null {
  return parts === null ? null : Object.freeze(parts.map((part) => Object.freeze({ ...part })));
}

/** The rates that apply: the standard or tier rates, then the service tier's. */
function ratesFor(
  table: PricingTable,
  model: Model,
  tier: Tier | null,
  serviceTier: ServiceTierName | null,
): Rates {
  const level: Rates = tier ?? model;
  if (serviceTier === null) return level;
  if (!SERVICE_TIERS.includes(serviceTier)) {
    throw pricebookError(
      "INVALID_USAGE",
      ["serviceTier"],
      `unknown service tier ${JSON.stringify(serviceTier)}; use one of ${SERVICE_TIERS.join(", ")}`,
    );
  }
  const service = model.serviceTiers[serviceTier];
  if (service === undefined) {
    const offered = Object.keys(model.serviceTiers);
    throw pricebookError(
      "UNPRICED_USAGE",
      ["serviceTier"],
      `${model.id} has no ${serviceTier} prices in ${table.id}@${table.version}${offered.length > 0 ? `; it has ${offered.join(", ")}` : ""}`,
    );
  }
  if ("multiplier" in service) {
    const scaled: Partial<Record<RateKind, string>> = {};
    for (const kind of ["input", "output", "cachedInput", "cacheWrite", "cacheWrite1h"] as const) {
      const rate = level[kind];
      if (rate !== undefined) scaled[kind] = formatDecimal(new Dec(rate).times(service.multiplier));
    }
    return scaled as Rates;
  }
  if (tier !== null) {
    throw pricebookError(
      "UNPRICED_USAGE",
      ["serviceTier"],
      `${model.id} has ${serviceTier} prices only up to ${tier.aboveInputTokens} input tokens in ${table.id}@${table.version}`,
    );
  }
  return service;
}
