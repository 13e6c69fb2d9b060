import { type FastRates, fastRates } from "../catalog/fastRates.js";
import { type Resolved, resolveName } from "../catalog/resolveName.js";
import { pricebookError } from "../errors.js";
import { times } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { TOKEN_RATE_KINDS } from "../schema/rateKinds.js";
import type {
  Model,
  PricingTable,
  RateKind,
  Rates,
  ServiceTierName,
  Tier,
} from "../schema/types.js";
import type { ChargeLineKind, ChargeOptions } from "./charge.js";
import { type NormalUsage, normalizeUsage, type Usage } from "./normalizeUsage.js";

/** A usage priced in scaled integers, before any string is made. @internal */
export interface PricedUsage {
  readonly resolved: Resolved;
  readonly used: NormalUsage;
  readonly tier: Tier | null;
  readonly serviceTier: ServiceTierName | null;
  readonly fast: FastRates;
  /**
   * Tokens per line, in line order (input, cachedInput, cacheWrite, cacheWrite1h, output,
   * reasoning, audioInput, imageInput, audioOutput; then webSearch calls).
   */
  readonly counts: readonly number[];
  /** tokens × rate numerator per line, at `fast.scale`. */
  readonly products: readonly (number | bigint)[];
  readonly total: number | bigint;
}

/** The line kinds, in line order. @internal */
export const LINE_ORDER: readonly ChargeLineKind[] = [
  "input",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "output",
  "reasoning",
  "audioInput",
  "imageInput",
  "audioOutput",
  "webSearch",
];
/** How many lines a charge can have. @internal */
export const LINE_COUNT = 10;
const RATE_OF_LINE: Readonly<Record<ChargeLineKind, RateKind>> = {
  input: "input",
  cachedInput: "cachedInput",
  cacheWrite: "cacheWrite",
  cacheWrite1h: "cacheWrite1h",
  output: "output",
  reasoning: "output",
  audioInput: "audioInput",
  imageInput: "imageInput",
  audioOutput: "audioOutput",
  webSearch: "webSearch",
};
/** The per-token rates a service-tier multiplier scales (never the per-call webSearch fee). */
const TOKEN_RATES = TOKEN_RATE_KINDS;
const SERVICE_TIERS: readonly ServiceTierName[] = ["batch", "flex", "priority"];

/**
 * Resolves the name, checks the usage, picks the tier and service-tier rates, and prices every
 * line as tokens × the rate's integer numerator: in `number` while each product and the sum
 * stay safe integers, else in bigint. Shared by {@link charge} and {@link chargeUsd}.
 *
 * @internal
 */
export function priceUsage(
  table: PricingTable,
  name: string,
  usage: Usage,
  options: ChargeOptions | undefined,
): PricedUsage {
  return priceResolved(table, resolveName(table, name), usage, options);
}

/** {@link priceUsage} of a name already resolved, so a name is looked up once. @internal */
export function priceResolved(
  table: PricingTable,
  resolved: Resolved,
  usage: Usage,
  options: ChargeOptions | undefined,
): PricedUsage {
  const used = normalizeUsage(usage);
  const { model } = resolved;
  if (model.maxPricedInputTokens !== undefined && used.input > model.maxPricedInputTokens) {
    throw pricebookError(
      "UNPRICED_USAGE",
      ["usage", "input"],
      `${table.id}@${table.version} knows no price for ${model.id} above ${model.maxPricedInputTokens} input tokens, and this request has ${used.input}`,
    );
  }
  refuseUnratedParts(table, model, used);
  let tier: Tier | null = null;
  for (const candidate of model.tiers)
    if (used.input > candidate.aboveInputTokens) tier = candidate;
  const serviceTier = serviceTierOf(options, used);
  const rates = withModelFees(ratesFor(table, model, tier, serviceTier), model);

  const fast = fastRates(rates);
  const counts = [
    used.input -
      used.cachedInput -
      used.cacheWrite -
      used.cacheWrite1h -
      used.audioInput -
      used.imageInput,
    used.cachedInput,
    used.cacheWrite,
    used.cacheWrite1h,
    used.output - used.reasoning - used.audioOutput,
    used.reasoning,
    used.audioInput,
    used.imageInput,
    used.audioOutput,
    used.webSearch,
  ];
  // Scaled-integer arithmetic: each line is tokens × (rate as an integer at the level's scale),
  // in `number` while every product and the sum stay safe integers, else in bigint.
  const products: (number | bigint)[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  let total: number | bigint = 0;
  let safe = fast.safe;
  const numerators = fast.lineNumerators;
  for (let i = 0; i < LINE_COUNT; i++) {
    const tokens = counts[i] as number;
    const n = numerators[i] as number;
    if (n === -1) {
      if (tokens === 0) continue;
      throw unpriced(table, model, tier, serviceTier, LINE_ORDER[i] as ChargeLineKind, tokens);
    }
    if (safe) {
      const product = tokens * n;
      products[i] = product;
      total = (total as number) + product;
      if (product > Number.MAX_SAFE_INTEGER || total > Number.MAX_SAFE_INTEGER) safe = false;
    }
  }
  if (!safe) {
    total = 0n;
    for (let i = 0; i < LINE_COUNT; i++) {
      const n = fast.lineBig[i] as bigint;
      if (n === -1n) continue;
      const product = BigInt(counts[i] as number) * n;
      products[i] = product;
      total += product;
    }
  }
  return { resolved, used, tier, serviceTier, fast, counts, products, total };
}

/** The service tier of the options or of the usage; both, and different, is an error. */
function serviceTierOf(
  options: ChargeOptions | undefined,
  used: NormalUsage,
): ServiceTierName | null {
  const given = options?.serviceTier;
  if (given !== undefined && used.serviceTier !== null && given !== used.serviceTier) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["serviceTier"],
      `the serviceTier option (${given}) and the usage's serviceTier (${used.serviceTier}) disagree`,
    );
  }
  return given ?? used.serviceTier;
}

/** The usage parts no table format states a rate for yet (see docs/billing.md). */
const UNRATED_PARTS = [
  "cachedAudioInput",
  "cachedImageInput",
  "videoInput",
  "imageOutput",
  "videoOutput",
] as const;

/**
 * Cached audio and image, video and generated images or video have no rate kind in a table
 * yet, and a region multiplier no table declares: usage with any is `UNPRICED_USAGE`, never
 * priced at the text, cached-text or standard rates.
 */
function refuseUnratedParts(table: PricingTable, model: Model, used: NormalUsage): void {
  for (const part of UNRATED_PARTS) {
    if (used[part] > 0) {
      throw pricebookError(
        "UNPRICED_USAGE",
        ["usage", part],
        `${model.id} has no ${part} rate in ${table.id}@${table.version}, but the usage has ${used[part]} ${part} tokens; they are not priced at another rate or at 0`,
      );
    }
  }
  if (used.inferenceGeo !== null) {
    throw pricebookError(
      "UNPRICED_USAGE",
      ["usage", "inferenceGeo"],
      `${model.id} has no prices for inference in ${JSON.stringify(used.inferenceGeo)} in ${table.id}@${table.version}; it is not priced at the global rates`,
    );
  }
}

function unpriced(
  table: PricingTable,
  model: Model,
  tier: Tier | null,
  serviceTier: ServiceTierName | null,
  kind: ChargeLineKind,
  tokens: number,
) {
  const where = tier === null ? "" : ` above ${tier.aboveInputTokens} input tokens`;
  const at = serviceTier === null ? "" : ` at the ${serviceTier} tier`;
  const what = kind === "webSearch" ? `${tokens} web-search calls` : `${tokens} ${kind} tokens`;
  return pricebookError(
    "UNPRICED_USAGE",
    ["usage", kind],
    `${model.id} has no ${RATE_OF_LINE[kind]} rate${where}${at} in ${table.id}@${table.version}, but the usage has ${what}; it is not priced at another rate or at 0`,
  );
}

// Service-tier multiples of a level, computed once per level so their compiled form is reused.
const multiplied = new WeakMap<Rates, Map<string, Rates>>();

function scaledRates(level: Rates, name: string, multiplier: string): Rates {
  let byName = multiplied.get(level);
  if (byName === undefined) {
    byName = new Map();
    multiplied.set(level, byName);
  }
  const cached = byName.get(name);
  if (cached !== undefined) return cached;
  const scaled: Partial<Record<RateKind, string>> = {};
  for (const kind of TOKEN_RATES) {
    const rate = level[kind];
    if (rate !== undefined) scaled[kind] = formatDecimal(times(rate, multiplier));
  }
  const rates = Object.freeze(scaled) as Rates;
  byName.set(name, rates);
  return rates;
}

// A tier's or service tier's rates with the model's per-call fee, made once per level.
const withFees = new WeakMap<Rates, Rates>();

/** The level's rates plus the model's `webSearch` fee, which every tier shares unscaled. @internal */
export function withModelFees(level: Rates, model: Model): Rates {
  if (model.webSearch === undefined || level === model) return level;
  let result = withFees.get(level);
  if (result === undefined) {
    result = Object.freeze({ ...level, webSearch: model.webSearch });
    withFees.set(level, result);
  }
  return result;
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
  if ("multiplier" in service) return scaledRates(level, serviceTier, service.multiplier);
  if (tier !== null) {
    throw pricebookError(
      "UNPRICED_USAGE",
      ["serviceTier"],
      `${model.id} has ${serviceTier} prices only up to ${tier.aboveInputTokens} input tokens in ${table.id}@${table.version}`,
    );
  }
  return service;
}
