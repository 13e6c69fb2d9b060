import { Dec, ROUND_HALF_EVEN } from "../money/decimal.js";
import { divide, minus } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { RATE_KINDS } from "../schema/rateKinds.js";
import type { PricingTable, Provenance, Rates } from "../schema/types.js";
import { assertTable } from "./assertTable.js";
import { DECIMAL } from "./validate.js";

/** One figure that differs between two tables. */
export interface TableChange {
  /** Where, e.g. `["variants", "gpt-4o-16k", "credits"]`. */
  readonly path: readonly string[];
  /** The figure in the first table (null where it had none). */
  readonly old: string | number | null;
  /** The figure in the second table (null where it has none). */
  readonly new: string | number | null;
  /**
   * (new − old) ÷ old for numeric figures both tables have and old ≠ 0: a display figure,
   * rounded half-even to 6 decimal places (`"-0.8"` is an 80% cut). Null otherwise.
   */
  readonly relativeChange: string | null;
}

/** What {@link diffTables} found. */
export interface TableDiff {
  readonly from: Provenance;
  readonly to: Provenance;
  readonly models: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly variants: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly workflows: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Every changed figure of the models, variants and workflows both tables have. */
  readonly changes: readonly TableChange[];
}

type Figures = Map<string, string | number>;

function addRates(figures: Figures, prefix: string, rates: Partial<Rates>): void {
  for (const kind of RATE_KINDS) {
    const rate = rates[kind];
    if (rate !== undefined) figures.set(`${prefix}\u0000${kind}`, rate);
  }
}

/** Every comparable figure of the entries both tables have, keyed by path. */
function figuresOf(table: PricingTable, other: PricingTable): Figures {
  const figures: Figures = new Map();
  if (table.credits !== null) figures.set("credits\u0000unitPrice", table.credits.unitPrice);
  if (table.band !== null) figures.set("band", table.band);
  for (const model of Object.values(table.models)) {
    if (!Object.hasOwn(other.models, model.id)) continue;
    const at = `models\u0000${model.id}`;
    addRates(figures, at, model);
    model.tiers.forEach((tier, index) => {
      figures.set(`${at}\u0000tiers\u0000${index}\u0000aboveInputTokens`, tier.aboveInputTokens);
      addRates(figures, `${at}\u0000tiers\u0000${index}`, tier);
    });
    for (const [name, tier] of Object.entries(model.serviceTiers)) {
      if ("multiplier" in tier)
        figures.set(`${at}\u0000serviceTiers\u0000${name}\u0000multiplier`, tier.multiplier);
      else addRates(figures, `${at}\u0000serviceTiers\u0000${name}`, tier);
    }
  }
  for (const variant of Object.values(table.variants)) {
    if (!Object.hasOwn(other.variants, variant.id)) continue;
    const at = `variants\u0000${variant.id}`;
    figures.set(`${at}\u0000model`, variant.model);
    figures.set(`${at}\u0000reserved\u0000input`, variant.reserved.input);
    figures.set(`${at}\u0000reserved\u0000output`, variant.reserved.output);
    if (variant.credits !== null) figures.set(`${at}\u0000credits`, variant.credits);
  }
  for (const workflow of Object.values(table.workflows)) {
    if (!Object.hasOwn(other.workflows, workflow.id)) continue;
    const at = `workflows\u0000${workflow.id}`;
    figures.set(`${at}\u0000model`, workflow.model);
    figures.set(`${at}\u0000average\u0000input`, workflow.average.input);
    figures.set(`${at}\u0000average\u0000output`, workflow.average.output);
  }
  return figures;
}

/** A figure that is a number: a token count or a decimal string (not a model id). */
function isDecimal(value: string | number | null): value is string | number {
  return typeof value === "number" || (typeof value === "string" && DECIMAL.test(value));
}

function relative(old: string | number | null, next: string | number | null): string | null {
  if (!isDecimal(old) || !isDecimal(next)) return null;
  const before = new Dec(old);
  if (before.isZero()) return null;
  const change = divide(minus(next, before), before);
  return formatDecimal(change.toDecimalPlaces(6, ROUND_HALF_EVEN));
}

function keysDiff(a: object, b: object) {
  return Object.freeze({
    added: Object.freeze(Object.keys(b).filter((key) => !Object.hasOwn(a, key))),
    removed: Object.freeze(Object.keys(a).filter((key) => !Object.hasOwn(b, key))),
  });
}

/**
 * Compares two tables (two versions of one, or an old and a new price sheet): the models,
 * variants and workflows added and removed, and every changed figure of those both have —
 * rates (standard, tier and service tier), published credits, reservation windows, the credit
 * unit price and the band — each with its old and new value and the relative change.
 *
 * @example
 * diffTables(byok20241101, byok20250107).changes.find((c) => c.path[1] === "gpt-4o-16k");
 * //=> { path: ["variants", "gpt-4o-16k", "credits"], old: null, new: "40", relativeChange: null }
 */
export function diffTables(a: PricingTable, b: PricingTable): TableDiff {
  assertTable(a, ["a"]);
  assertTable(b, ["b"]);
  const before = figuresOf(a, b);
  const after = figuresOf(b, a);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  const changes: TableChange[] = [];
  for (const path of paths) {
    const old = before.get(path) ?? null;
    const next = after.get(path) ?? null;
    const same = isDecimal(old) && isDecimal(next) ? new Dec(old).eq(next) : old === next;
    if (same) continue;
    changes.push(
      Object.freeze({
        path: Object.freeze(path.split("\u0000")),
        old,
        new: next,
        relativeChange: relative(old, next),
      }),
    );
  }
  return Object.freeze({
    from: a.provenance,
    to: b.provenance,
    models: keysDiff(a.models, b.models),
    variants: keysDiff(a.variants, b.variants),
    workflows: keysDiff(a.workflows, b.workflows),
    changes: Object.freeze(changes),
  });
}
