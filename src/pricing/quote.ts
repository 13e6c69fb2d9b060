import { type FastRates, fastRates } from "../catalog/fastRates.js";
import { type Resolved, type ResolvedBy, resolveName } from "../catalog/resolveName.js";
import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import { withExactUsd } from "../money/exactUsd.js";
import { formatScaled } from "../money/scaled.js";
import type { PricingTable, Provenance } from "../schema/types.js";
import { type Band, type BandFactors, bandWithFactors, factorsOf } from "./band.js";
import { type Divider, divideBy, dividerOf } from "./creditDivider.js";
import { toTokenCount } from "./tokens.js";

/** Options of {@link quote}. */
export interface QuoteOptions {
  /**
   * A reservation window of your own, for a model (rather than a variant) of the table:
   * tokens reserved for input and for output.
   */
  readonly window?: { readonly input: number; readonly output: number };
}

/** The upper-bound cost of one query. Every amount is an exact decimal string. */
export interface Quote {
  /** The variant's id, or null for a model quoted with a window of your own. */
  readonly variant: string | null;
  /** The variant's label as the source prints it, or the model's label. */
  readonly label: string;
  readonly model: string;
  readonly provider: string;
  /** Which declared rule matched the name (see {@link resolveName}). */
  readonly resolvedBy: ResolvedBy;
  readonly reserved: { readonly input: number; readonly output: number };
  /** USD per token. */
  readonly rates: { readonly input: string; readonly output: string };
  /** reserved.input × rates.input + reserved.output × rates.output, exact. */
  readonly usd: string;
  /** The table's stated uncertainty around `usd`, or null when it states none. */
  readonly band: Band | null;
  /** Null when the table has no credit currency. */
  readonly credits: {
    /** USD per credit. */
    readonly unitPrice: string;
    /** usd ÷ unitPrice, exact and unrounded. */
    readonly estimated: string;
    /** The credits the product publishes for this variant, or null where it publishes none. */
    readonly published: string | null;
  } | null;
  readonly table: Provenance;
}

/**
 * The upper bound of one query of a variant: its reserved input and output tokens priced at
 * its model's rates, with the table's ±band, the credits it comes to at the credit's unit
 * price (estimated) beside the credits the product publishes (published), and the table's
 * provenance. A model can be quoted with a window of your own. Nothing is rounded.
 *
 * @param table - a compiled pricing table
 * @param name - a variant id (`gpt-4o-16k`), or a model name together with `options.window`
 * @throws PricebookError `UNKNOWN_MODEL` for a name the table lacks; `INVALID_ARGUMENT` for a
 *   model without a window (or a variant with one); `INVALID_USAGE` for a bad window
 *
 * @example
 * quote(table, "gpt-4-1106-4k").usd;
 * //=> "0.064"
 */
export function quote(table: PricingTable, name: string, options: QuoteOptions = {}): Quote {
  const resolved = resolveName(table, name);
  const window = options?.window;
  // A variant's quote depends on the table alone: computed once, then the same frozen result.
  if (resolved.kind === "variant" && window === undefined) {
    // Keyed by the resolution itself: one per table, entry and rule (the same variant reached
    // by a prefix reports `prefix`), so a hit costs one lookup and makes nothing.
    const cached = variantQuotes.get(resolved);
    if (cached !== undefined) return cached;
    const reserved = resolved.variant.reserved;
    const fresh = computeQuote(table, resolved, reserved.input, reserved.output);
    variantQuotes.set(resolved, fresh);
    return fresh;
  }
  if (resolved.kind === "variant") {
    if (window !== undefined) {
      throw pricebookError(
        "INVALID_ARGUMENT",
        ["window"],
        `${resolved.variant.id} is a variant with its own window (${resolved.variant.reserved.input}:${resolved.variant.reserved.output}); to set a window, quote its model ${resolved.model.id}`,
      );
    }
  }
  if (window === undefined) {
    const variants = Object.values(table.variants)
      .filter((variant) => variant.model === resolved.model.id)
      .map((variant) => variant.id);
    const hint =
      variants.length > 0 ? `, or quote one of its variants: ${variants.join(", ")}` : "";
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["window"],
      `${resolved.model.id} is a model: give a reservation window of input and output tokens${hint}`,
    );
  }
  if (!isRecord(window)) {
    throw pricebookError("INVALID_ARGUMENT", ["window"], "expected { input, output } token counts");
  }
  return computeQuote(
    table,
    resolved,
    toTokenCount(window.input, ["window", "input"]),
    toTokenCount(window.output, ["window", "output"]),
  );
}

const variantQuotes = new WeakMap<Resolved, Quote>();

function computeQuote(
  table: PricingTable,
  resolved: Resolved,
  input: number,
  output: number,
): Quote {
  const { model, variant } = resolved;
  const { fast, rates, band, divider } = planOf(table, resolved);
  // In scaled integers, like a charge: reserved tokens × the rates' integer numerators.
  let int: number | bigint = -1;
  if (fast.safe) {
    // Non-negative terms: a sum within range means both products were (see chargeUsd).
    const sum =
      input * (fast.lineNumerators[0] as number) + output * (fast.lineNumerators[4] as number);
    if (sum <= MAX) int = sum;
  }
  if (int === -1) {
    int =
      BigInt(input) * (fast.lineBig[0] as bigint) + BigInt(output) * (fast.lineBig[4] as bigint);
  }
  const scale = fast.scale;
  const credits = table.credits;
  const result: Quote = {
    variant: variant === null ? null : variant.id,
    label: variant === null ? model.label : variant.label,
    model: model.id,
    provider: model.provider,
    resolvedBy: resolved.resolvedBy,
    reserved: Object.freeze({ input, output }),
    rates,
    usd: formatScaled(int, scale),
    band: band === null ? null : bandWithFactors(band, int, scale),
    credits:
      credits === null || divider === null
        ? null
        : Object.freeze({
            unitPrice: credits.unitPrice,
            estimated: divideBy(divider, int, scale),
            published: variant === null ? null : variant.credits,
          }),
    table: table.provenance,
  };
  return Object.freeze(withExactUsd(result, int, scale));
}

const MAX = Number.MAX_SAFE_INTEGER;

// Per table entry (a resolution belongs to one table), compiled once: the model's rates as
// integers, the frozen { input, output } rates every quote of it shares, and the table's band
// factors and credit divider.
interface QuotePlan {
  readonly fast: FastRates;
  readonly rates: Quote["rates"];
  readonly band: BandFactors | null;
  readonly divider: Divider | null;
}

const plans = new WeakMap<Resolved, QuotePlan>();

function planOf(table: PricingTable, resolved: Resolved): QuotePlan {
  let plan = plans.get(resolved);
  if (plan === undefined) {
    const model = resolved.model;
    plan = {
      fast: fastRates(model),
      rates: Object.freeze({ input: model.input, output: model.output }),
      band: table.band === null ? null : factorsOf(table.band),
      divider: table.credits === null ? null : dividerOf(table.credits.unitPrice),
    };
    plans.set(resolved, plan);
  }
  return plan;
}
