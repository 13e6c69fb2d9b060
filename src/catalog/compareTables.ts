import { Dec } from "../money/decimal.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { RATE_KINDS as KINDS } from "../schema/rateKinds.js";
import type { Model, PricingTable, Rates, ServiceTierName } from "../schema/types.js";
import { assertTable } from "./assertTable.js";

/** One price two tables state differently (or only one states). Rates per token; `webSearch` per call. */
export interface PriceDifference {
  /** `input`, `tiers[>200000].output`, `serviceTiers.batch.input`, … */
  readonly field: string;
  /** Table A's price, or null where it has none. */
  readonly a: string | null;
  /** Table B's price, or null where it has none. */
  readonly b: string | null;
}

/** A model both tables price, and every price on which they differ. */
export interface ModelComparison {
  /** The model's id in table A. */
  readonly a: string;
  /** The id of the model it matched in table B. */
  readonly b: string;
  /** The name both tables answer to that paired them. */
  readonly matchedOn: string;
  readonly differences: readonly PriceDifference[];
}

/** What {@link compareTables} returns. */
export interface TableComparison {
  readonly a: { readonly id: string; readonly version: string };
  readonly b: { readonly id: string; readonly version: string };
  /** How many pairs of models answer to a common name. */
  readonly matched: number;
  /** Pairs that differ, with every differing price; in A's id order. */
  readonly differing: readonly ModelComparison[];
  /** Models of A that no name of B matches. */
  readonly onlyInA: readonly string[];
  /** Models of B that no model of A matched. */
  readonly onlyInB: readonly string[];
}

const SERVICE_TIERS: readonly ServiceTierName[] = ["batch", "flex", "priority"];

/**
 * Compares the prices two tables state for the same models, e.g. two catalogs imported with
 * {@link importCatalog}. Models are paired by name: a model of one table is paired with the
 * model of the other that answers to its id or one of its aliases (ids first), both ways, so a
 * dated snapshot one table prices on its own meets the model the other lists it under. For
 * each pair, every price that
 * differs is listed (rates per token, compared exactly as decimals; long-context tiers by
 * threshold; service tiers as the rates they charge, multipliers applied); models only one
 * table has are listed too. Context windows and labels are not prices and are not compared.
 *
 * @throws PricebookError `INVALID_ARGUMENT` when either is not a compiled table
 *
 * @example
 * const a = compileTable({
 *   id: "a", version: "1", effectiveFrom: "2025-01-01", source: "catalog A", checkedOn: "2025-01-01",
 *   currency: "USD", models: { "gpt-4o-mini": { provider: "azure", input: { perMillion: "0.15" }, output: { perMillion: "0.6" } } },
 * });
 * const b = compileTable({
 *   id: "b", version: "1", effectiveFrom: "2025-01-01", source: "catalog B", checkedOn: "2025-01-01",
 *   currency: "USD", models: { "gpt-4o-mini": { provider: "azure", input: { perMillion: "0.165" }, output: { perMillion: "0.66" } } },
 * });
 * compareTables(a, b).differing[0].differences[0];
 * //=> { field: "input", a: "0.00000015", b: "0.000000165" }
 */
export function compareTables(a: PricingTable, b: PricingTable): TableComparison {
  assertTable(a, ["a"]);
  assertTable(b, ["b"]);
  // Pairs both ways: B's dated `gpt-4o-2024-08-06` meets A's `gpt-4o` when A lists that
  // name as an alias, even though A's `gpt-4o` already met B's `gpt-4o`.
  const inA = nameIndex(a);
  const inB = nameIndex(b);
  const pairs = new Map<string, { a: Model; b: Model; on: string }>();
  const pair = (x: Model, y: Model, on: string) => {
    const key = JSON.stringify([x.id, y.id]);
    if (!pairs.has(key)) pairs.set(key, { a: x, b: y, on });
  };
  for (const model of Object.values(a.models)) {
    const on = [model.id, ...model.aliases].find((name) => inB.has(name));
    if (on !== undefined) pair(model, inB.get(on) as Model, on);
  }
  for (const model of Object.values(b.models)) {
    const on = [model.id, ...model.aliases].find((name) => inA.has(name));
    if (on !== undefined) pair(inA.get(on) as Model, model, on);
  }
  const sorted = [...pairs.values()].sort((x, y) =>
    x.a.id === y.a.id ? (x.b.id < y.b.id ? -1 : 1) : x.a.id < y.a.id ? -1 : 1,
  );
  const differing: ModelComparison[] = [];
  for (const { a: x, b: y, on } of sorted) {
    const differences = compareModels(x, y);
    if (differences.length > 0) differing.push({ a: x.id, b: y.id, matchedOn: on, differences });
  }
  const pairedA = new Set(sorted.map((p) => p.a.id));
  const pairedB = new Set(sorted.map((p) => p.b.id));
  const matched = sorted.length;
  const onlyInA = Object.keys(a.models)
    .filter((id) => !pairedA.has(id))
    .sort();
  const onlyInB = Object.keys(b.models)
    .filter((id) => !pairedB.has(id))
    .sort();
  return {
    a: { id: a.id, version: a.version },
    b: { id: b.id, version: b.version },
    matched,
    differing,
    onlyInA,
    onlyInB,
  };
}

/** Every name a table's models answer to: ids first, then aliases. */
function nameIndex(table: PricingTable): Map<string, Model> {
  const names = new Map<string, Model>();
  for (const model of Object.values(table.models)) names.set(model.id, model);
  for (const model of Object.values(table.models)) {
    for (const alias of model.aliases) if (!names.has(alias)) names.set(alias, model);
  }
  return names;
}

/** The prices a model charges, flattened to field → per-token decimal. */
function prices(model: Model): Map<string, string> {
  const out = new Map<string, string>();
  addRates(out, "", model);
  for (const tier of model.tiers) addRates(out, `tiers[>${tier.aboveInputTokens}].`, tier);
  for (const name of SERVICE_TIERS) {
    const tier = model.serviceTiers[name];
    if (tier === undefined) continue;
    if ("multiplier" in tier) {
      const factor = new Dec(tier.multiplier);
      for (const kind of KINDS) {
        const rate = model[kind];
        if (rate !== undefined && kind !== "webSearch") {
          out.set(`serviceTiers.${name}.${kind}`, formatDecimal(new Dec(rate).times(factor)));
        }
      }
    } else addRates(out, `serviceTiers.${name}.`, tier);
  }
  return out;
}

function addRates(out: Map<string, string>, prefix: string, rates: Rates): void {
  for (const kind of KINDS) {
    const rate = rates[kind];
    if (rate !== undefined) out.set(`${prefix}${kind}`, rate);
  }
}

function compareModels(a: Model, b: Model): PriceDifference[] {
  const left = prices(a);
  const right = prices(b);
  const differences: PriceDifference[] = [];
  for (const field of new Set([...left.keys(), ...right.keys()])) {
    const x = left.get(field) ?? null;
    const y = right.get(field) ?? null;
    if (x !== null && y !== null && new Dec(x).eq(y)) continue;
    differences.push({ field, a: x, b: y });
  }
  return differences;
}
