import type { ResolvedBy } from "../catalog/resolveName.js";
import { Dec } from "../money/decimal.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { formatScaled } from "../money/scaled.js";
import type { PricingTable, Provenance, ServiceTierName } from "../schema/types.js";
import { divideByUnitPrice } from "./creditDivider.js";
import type { InputPart, OutputPart, Usage } from "./normalizeUsage.js";
import { LINE_COUNT, LINE_ORDER, priceUsage } from "./priceUsage.js";

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
  | "reasoning"
  | "audioInput"
  | "imageInput"
  | "audioOutput"
  | "webSearch";

/** One priced part of a charge: tokens × rate = usd, exact. */
export interface ChargeLine {
  readonly kind: ChargeLineKind;
  /** Tokens; for a `webSearch` line, the number of calls. */
  readonly tokens: number;
  /** USD per token; for a `webSearch` line, USD per call. */
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
  /** Which declared rule matched the name (see {@link resolveName}). */
  readonly resolvedBy: ResolvedBy;
  /** The long-context tier the whole request was priced at, or null for the standard rates. */
  readonly tier: { readonly aboveInputTokens: number } | null;
  readonly serviceTier: ServiceTierName | null;
  /** The sum of the lines, exact. */
  readonly usd: string;
  /**
   * One line per priced part: uncached text `input`, `cachedInput`, `cacheWrite`,
   * `cacheWrite1h`, text `output`, `reasoning`, then `audioInput`, `imageInput`, `audioOutput`
   * and `webSearch` (calls). `input` and `output` always appear; the others when their count is
   * above zero.
   */
  readonly lines: readonly ChargeLine[];
  /** The usage's breakdowns by the page's parts, or null when it gave none. */
  readonly parts: {
    readonly input: readonly { readonly part: InputPart; readonly tokens: number }[] | null;
    readonly output: readonly { readonly part: OutputPart; readonly tokens: number }[] | null;
  } | null;
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

/**
 * The exact cost of one query's real usage, by model or by variant: a line per priced part
 * (tokens × rate), their exact sum, estimated credits, and the table's provenance. Cache
 * reads and writes, audio and image tokens are parts of `input`, reasoning and audio output
 * parts of `output` (see {@link Usage}), each priced at its own rate; web-search calls at the
 * model's per-call fee;
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
  const { resolved, used, tier, serviceTier, fast, counts, products, total } = priceUsage(
    table,
    name,
    usage,
    options,
  );
  const { model, variant } = resolved;
  const lines: ChargeLine[] = [];
  for (let i = 0; i < LINE_COUNT; i++) {
    const tokens = counts[i] as number;
    const kind = LINE_ORDER[i] as ChargeLineKind;
    if (tokens === 0 && i !== 0 && i !== 4) continue;
    const rate = fast.lineRates[i];
    if (rate === undefined) continue;
    lines.push(
      Object.freeze({
        kind,
        tokens,
        rate,
        usd: formatScaled(products[i] as number | bigint, fast.scale),
      }),
    );
  }

  const credits = table.credits;
  const multiplier = credits?.tokenMultiplier?.multipliers[model.id];
  return Object.freeze({
    variant: variant === null ? null : variant.id,
    label: variant === null ? model.label : variant.label,
    model: model.id,
    provider: model.provider,
    resolvedBy: resolved.resolvedBy,
    tier: tier === null ? null : Object.freeze({ aboveInputTokens: tier.aboveInputTokens }),
    serviceTier,
    usd: formatScaled(total, fast.scale),
    lines: Object.freeze(lines),
    parts:
      used.inputParts === null && used.outputParts === null
        ? null
        : Object.freeze({
            input: freezeParts(used.inputParts),
            output: freezeParts(used.outputParts),
          }),
    credits:
      credits === null
        ? null
        : Object.freeze({
            estimated: divideByUnitPrice(total, fast.scale, credits.unitPrice),
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
