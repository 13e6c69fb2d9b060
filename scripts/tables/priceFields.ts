// A model's prices as a flat map of field → per-token decimal string, so two sources can be
// compared field by field, and the agreed fields turned back into a ModelInput.
import { Dec } from "../../src/money/decimal.js";
import { formatDecimal } from "../../src/money/formatDecimal.js";
import { TOKEN_RATE_KINDS } from "../../src/schema/rateKinds.js";
import type {
  CallRateInput,
  ModelInput,
  RateInput,
  RateKind,
  ServiceTierName,
  TierInput,
} from "../../src/schema/types.js";

/** The per-token rate kinds (every kind but the per-call `webSearch`). */
type TokenKind = Exclude<RateKind, "webSearch">;

/**
 * Field names: `input`, `cachedInput`, `audioInput`, … for standard per-token rates, `webSearch`
 * for the per-call web-search fee (USD per call); `tier:<aboveInputTokens>:<kind>`
 * for a long-context tier; `batch:<kind>`, `flex:<kind>`, `priority:<kind>` for service tiers.
 */
export type PriceFields = ReadonlyMap<string, string>;

export const RATE_KINDS: readonly TokenKind[] = TOKEN_RATE_KINDS;
export const SERVICE_TIERS: readonly ServiceTierName[] = ["batch", "flex", "priority"];

/** A rate as a plain per-token decimal string. */
export function perToken(rate: RateInput): string {
  return typeof rate === "string"
    ? formatDecimal(new Dec(rate))
    : formatDecimal(new Dec(rate.perMillion).div(1_000_000));
}

/** A per-call fee as a plain per-call decimal string. */
export function perCall(fee: CallRateInput): string {
  return typeof fee === "string"
    ? formatDecimal(new Dec(fee))
    : formatDecimal(new Dec(fee.perThousand).div(1000));
}

/** A per-token rate stated per million tokens, trailing zeros trimmed. */
export function perMillion(rate: string): string {
  return formatDecimal(new Dec(rate).times(1_000_000));
}

/** The flat fields of a model as a table or importer states it. */
export function flattenModel(model: ModelInput): Map<string, string> {
  const fields = new Map<string, string>();
  const put = (prefix: string, rates: Partial<Record<TokenKind, RateInput>>): void => {
    for (const kind of RATE_KINDS) {
      const rate = rates[kind];
      if (rate !== undefined) fields.set(`${prefix}${kind}`, perToken(rate));
    }
  };
  put("", model);
  if (model.webSearch !== undefined) fields.set("webSearch", perCall(model.webSearch));
  for (const tier of model.tiers ?? []) put(`tier:${tier.aboveInputTokens}:`, tier);
  for (const name of SERVICE_TIERS) {
    const tier = model.serviceTiers?.[name];
    if (tier === undefined) continue;
    if ("multiplier" in tier) {
      // A multiplier is stated as the rates it gives, so it compares with rates of its own.
      for (const kind of RATE_KINDS) {
        const rate = model[kind];
        if (rate !== undefined)
          fields.set(
            `${name}:${kind}`,
            formatDecimal(new Dec(perToken(rate)).times(tier.multiplier)),
          );
      }
    } else put(`${name}:`, tier);
  }
  return fields;
}

/** The tier thresholds a set of fields mentions, ascending. */
export function tierThresholds(fields: PriceFields): number[] {
  const found = new Set<number>();
  for (const key of fields.keys()) {
    const match = /^tier:(\d+):/.exec(key);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

function ratesAt(fields: PriceFields, prefix: string): Partial<Record<TokenKind, RateInput>> {
  const rates: Partial<Record<TokenKind, RateInput>> = {};
  for (const kind of RATE_KINDS) {
    const rate = fields.get(`${prefix}${kind}`);
    if (rate !== undefined) rates[kind] = { perMillion: perMillion(rate) };
  }
  return rates;
}

/** The prices part of a ModelInput from agreed fields (input and output must be there). */
export function pricesFromFields(fields: PriceFields): Pick<
  ModelInput,
  RateKind | "tiers" | "serviceTiers"
> & {
  input: RateInput;
  output: RateInput;
} {
  const base = ratesAt(fields, "");
  if (base.input === undefined || base.output === undefined)
    throw new Error("pricesFromFields: input and output are required");
  const tiers: TierInput[] = [];
  for (const threshold of tierThresholds(fields)) {
    const rates = ratesAt(fields, `tier:${threshold}:`);
    if (rates.input === undefined || rates.output === undefined) continue;
    tiers.push({ aboveInputTokens: threshold, ...rates, input: rates.input, output: rates.output });
  }
  const serviceTiers: NonNullable<ModelInput["serviceTiers"]> = {};
  const mutable = serviceTiers as Record<string, unknown>;
  for (const name of SERVICE_TIERS) {
    const rates = ratesAt(fields, `${name}:`);
    if (rates.input === undefined || rates.output === undefined) continue;
    mutable[name] = rates;
  }
  const webSearch = fields.get("webSearch");
  return {
    ...base,
    input: base.input,
    output: base.output,
    ...(webSearch !== undefined
      ? { webSearch: { perThousand: formatDecimal(new Dec(webSearch).times(1000)) } }
      : {}),
    ...(tiers.length > 0 ? { tiers } : {}),
    ...(Object.keys(serviceTiers).length > 0 ? { serviceTiers } : {}),
  };
}
