import { type Resolved, type ResolvedBy, resolveName } from "../catalog/resolveName.js";
import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import { formatDecimal } from "../money/formatDecimal.js";
import type { PricingTable, Provenance } from "../schema/types.js";
import { type Band, bandAround } from "./band.js";
import { toTokenCount } from "./tokens.js";
import { windowCost } from "./windowCost.js";

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
    let byVariant = variantQuotes.get(table);
    if (byVariant === undefined) {
      byVariant = new Map();
      variantQuotes.set(table, byVariant);
    }
    // Keyed by the rule too: the same variant reached by a prefix reports `prefix`.
    const key = `${resolved.variant.id}\u0000${resolved.resolvedBy}`;
    const cached = byVariant.get(key);
    if (cached !== undefined) return cached;
    const fresh = computeQuote(table, resolved, resolved.variant.reserved);
    byVariant.set(key, fresh);
    return fresh;
  }
  let reserved: { input: number; output: number };
  if (resolved.kind === "variant") {
    if (window !== undefined) {
      throw pricebookError(
        "INVALID_ARGUMENT",
        ["window"],
        `${resolved.variant.id} is a variant with its own window (${resolved.variant.reserved.input}:${resolved.variant.reserved.output}); to set a window, quote its model ${resolved.model.id}`,
      );
    }
    reserved = resolved.variant.reserved;
  } else {
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
      throw pricebookError(
        "INVALID_ARGUMENT",
        ["window"],
        "expected { input, output } token counts",
      );
    }
    reserved = {
      input: toTokenCount(window.input, ["window", "input"]),
      output: toTokenCount(window.output, ["window", "output"]),
    };
  }
  return computeQuote(table, resolved, reserved);
}

const variantQuotes = new WeakMap<PricingTable, Map<string, Quote>>();

function computeQuote(
  table: PricingTable,
  resolved: Resolved,
  reserved: { readonly input: number; readonly output: number },
): Quote {
  const { model, variant } = resolved;
  const usd = windowCost(model, reserved);
  const credits = table.credits;
  return Object.freeze({
    variant: variant === null ? null : variant.id,
    label: variant === null ? model.label : variant.label,
    model: model.id,
    provider: model.provider,
    resolvedBy: resolved.resolvedBy,
    reserved: Object.freeze({ input: reserved.input, output: reserved.output }),
    rates: Object.freeze({ input: model.input, output: model.output }),
    usd: formatDecimal(usd),
    band: bandAround(table, usd),
    credits:
      credits === null
        ? null
        : Object.freeze({
            unitPrice: credits.unitPrice,
            estimated: formatDecimal(usd.div(credits.unitPrice)),
            published: variant === null ? null : variant.credits,
          }),
    table: table.provenance,
  });
}
