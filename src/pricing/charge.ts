import { fastRates } from "../catalog/fastRates.js";
import { type Resolved, type ResolvedBy, resolveName } from "../catalog/resolveName.js";
import { divide, times } from "../money/exact.js";
import { withExactUsd } from "../money/exactUsd.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { formatScaled } from "../money/scaled.js";
import type { PricingTable, Provenance, ServiceTierName, Tier } from "../schema/types.js";
import { divideByUnitPrice } from "./creditDivider.js";
import type { InputPart, OutputPart, Usage } from "./normalizeUsage.js";
import { PLAIN_COUNTS, plainLevel, readPlain } from "./plainUsage.js";
import { LINE_COUNT, LINE_ORDER, priceResolved, withModelFees } from "./priceUsage.js";

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
  const resolved = resolveName(table, name);
  if (options?.serviceTier === undefined) {
    const fast = plainCharge(table, resolved, usage);
    if (fast !== undefined) return fast;
  }
  const { used, tier, serviceTier, fast, counts, products, total } = priceResolved(
    table,
    resolved,
    usage,
    options,
  );
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
  const parts =
    used.inputParts === null && used.outputParts === null
      ? null
      : Object.freeze({
          input: freezeParts(used.inputParts),
          output: freezeParts(used.outputParts),
        });
  return chargeResult(table, resolved, tier, serviceTier, total, fast.scale, lines, parts, used);
}

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * The commonest charge without the general path's intermediate objects: a plain usage (see
 * readPlain) at standard or long-context-tier rates, every product a safe integer. The same
 * result, line for line; undefined for anything else.
 */
function plainCharge(table: PricingTable, resolved: Resolved, usage: Usage): Charge | undefined {
  if (!readPlain(usage)) return undefined;
  // Copied out at once (see PLAIN_COUNTS).
  const counts = PLAIN_COUNTS;
  const uncached = counts[0] as number;
  const cachedInput = counts[1] as number;
  const cacheWrite = counts[2] as number;
  const cacheWrite1h = counts[3] as number;
  const output = counts[4] as number;
  const reasoning = counts[5] as number;
  const model = resolved.model;
  const used = usage as { readonly input: number; readonly output: number };
  const level = plainLevel(model, used.input);
  if (level === undefined) return undefined;
  const fast = fastRates(withModelFees(level, model));
  if (!fast.safe) return undefined;
  const n = fast.lineNumerators;
  // A used line without a rate (-1) is the general path's UNPRICED_USAGE.
  if (
    (n[0] as number) === -1 ||
    (n[4] as number) === -1 ||
    (cachedInput !== 0 && (n[1] as number) === -1) ||
    (cacheWrite !== 0 && (n[2] as number) === -1) ||
    (cacheWrite1h !== 0 && (n[3] as number) === -1) ||
    (reasoning !== 0 && (n[5] as number) === -1)
  )
    return undefined;
  const p0 = uncached * (n[0] as number);
  const p1 = cachedInput === 0 ? 0 : cachedInput * (n[1] as number);
  const p2 = cacheWrite === 0 ? 0 : cacheWrite * (n[2] as number);
  const p3 = cacheWrite1h === 0 ? 0 : cacheWrite1h * (n[3] as number);
  const p4 = output * (n[4] as number);
  const p5 = reasoning === 0 ? 0 : reasoning * (n[5] as number);
  const total = p0 + p1 + p2 + p3 + p4 + p5;
  // Non-negative terms and monotone float arithmetic: one check bounds every step.
  if (total > MAX) return undefined;
  const scale = fast.scale;
  const rates = fast.lineRates;
  const input = line("input", uncached, rates[0] as string, p0, scale);
  const out = line("output", output, rates[4] as string, p4, scale);
  // Array literals in the commonest shapes (a literal is packed and exactly sized); the rest
  // are pushed in line order.
  let lines: ChargeLine[];
  if (cacheWrite === 0 && cacheWrite1h === 0 && reasoning === 0) {
    lines =
      cachedInput === 0
        ? [input, out]
        : [input, line("cachedInput", cachedInput, rates[1] as string, p1, scale), out];
  } else {
    lines = [input];
    if (cachedInput !== 0)
      lines.push(line("cachedInput", cachedInput, rates[1] as string, p1, scale));
    if (cacheWrite !== 0) lines.push(line("cacheWrite", cacheWrite, rates[2] as string, p2, scale));
    if (cacheWrite1h !== 0)
      lines.push(line("cacheWrite1h", cacheWrite1h, rates[3] as string, p3, scale));
    lines.push(out);
    if (reasoning !== 0) lines.push(line("reasoning", reasoning, rates[5] as string, p5, scale));
  }
  const tier = level === model ? null : (level as Tier);
  return chargeResult(table, resolved, tier, null, total, scale, lines, null, used);
}

/** One frozen line, made in one literal. */
function line(
  kind: ChargeLineKind,
  tokens: number,
  rate: string,
  product: number,
  scale: number,
): ChargeLine {
  return Object.freeze({ kind, tokens, rate, usd: formatScaled(product, scale) });
}

/** The frozen result, the same shape whichever path priced it. */
function chargeResult(
  table: PricingTable,
  resolved: Resolved,
  tier: Tier | null,
  serviceTier: ServiceTierName | null,
  total: number | bigint,
  scale: number,
  lines: ChargeLine[],
  parts: Charge["parts"],
  used: { readonly input: number; readonly output: number },
): Charge {
  const { model, variant } = resolved;
  const credits = table.credits;
  const multiplier = credits?.tokenMultiplier?.multipliers[model.id];
  const result: Charge = {
    variant: variant === null ? null : variant.id,
    label: variant === null ? model.label : variant.label,
    model: model.id,
    provider: model.provider,
    resolvedBy: resolved.resolvedBy,
    tier: tier === null ? null : frozenTier(tier),
    serviceTier,
    usd: formatScaled(total, scale),
    lines: Object.freeze(lines),
    parts,
    credits:
      credits === null
        ? null
        : Object.freeze({
            estimated: divideByUnitPrice(total, scale, credits.unitPrice),
            byTokens:
              multiplier === undefined || credits.tokenMultiplier === undefined
                ? null
                : // One division, last: exact whenever the quotient terminates.
                  formatDecimal(
                    divide(
                      times(used.input + used.output, multiplier),
                      credits.tokenMultiplier.perTokens,
                    ),
                  ),
          }),
    exceedsWindow:
      variant === null
        ? null
        : used.input > variant.reserved.input || used.output > variant.reserved.output,
    table: table.provenance,
  };
  return Object.freeze(withExactUsd(result, total, scale));
}

// A charge's `tier` is the same frozen { aboveInputTokens } for every charge at that tier.
const tiers = new WeakMap<Tier, { readonly aboveInputTokens: number }>();

function frozenTier(tier: Tier): { readonly aboveInputTokens: number } {
  let result = tiers.get(tier);
  if (result === undefined) {
    result = Object.freeze({ aboveInputTokens: tier.aboveInputTokens });
    tiers.set(tier, result);
  }
  return result;
}

function freezeParts<T>(parts: readonly T[] | null): readonly T[] | null {
  return parts === null ? null : Object.freeze(parts.map((part) => Object.freeze({ ...part })));
}
