import { PricebookError, pricebookError } from "../errors.js";
import type { Model, PricingTable, Variant } from "../schema/types.js";
import { assertTable } from "./assertTable.js";
import { type NameForm, nameForms, type ResolvedBy } from "./nameForms.js";
import { suggest } from "./suggest.js";

export type { ResolvedBy } from "./nameForms.js";

/** What a name resolved to inside one table, and by which rule. */
export type Resolved =
  | {
      readonly kind: "variant";
      readonly variant: Variant;
      readonly model: Model;
      readonly resolvedBy: ResolvedBy;
    }
  | {
      readonly kind: "model";
      readonly variant: null;
      readonly model: Model;
      readonly resolvedBy: ResolvedBy;
    };

/** Names resolved by a rule, remembered per table; bounded so unique names cannot grow it. */
const CACHE_LIMIT = 1024;
/** Longer names are resolved but not remembered. */
const CACHEABLE_LENGTH = 256;

interface TableIndex {
  readonly names: ReadonlyMap<string, Resolved>;
  readonly providers: ReadonlySet<string>;
  readonly byRule: Map<string, Resolved>;
}

// Derived once per table object and kept beside it, never on it: tables stay plain data.
const indexes = new WeakMap<PricingTable, TableIndex>();

// The table looked up last and its index: billing code prices against one table at a time, so
// most calls skip the WeakMap. (A reference to the table, which the WeakMap also keeps alive
// while the table lives; this one lasts until another table is looked up.)
// Starts as an object no caller has, so `undefined` or `null` never matches it.
let lastTable: unknown = {};
let lastIndex: TableIndex | undefined;

function indexOf(table: PricingTable): TableIndex {
  if (table === lastTable) return lastIndex as TableIndex;
  const index = indexFor(table);
  lastTable = table;
  lastIndex = index;
  return index;
}

function indexFor(table: PricingTable): TableIndex {
  const cached = typeof table === "object" && table !== null ? indexes.get(table) : undefined;
  if (cached !== undefined) return cached;
  assertTable(table);
  const names = new Map<string, Resolved>();
  const providers = new Set<string>();
  for (const model of Object.values(table.models)) {
    providers.add(model.provider);
    names.set(model.id, Object.freeze({ kind: "model", variant: null, model, resolvedBy: "id" }));
    const byAlias: Resolved = Object.freeze({
      kind: "model",
      variant: null,
      model,
      resolvedBy: "alias",
    });
    for (const alias of model.aliases) if (!names.has(alias)) names.set(alias, byAlias);
  }
  for (const variant of Object.values(table.variants)) {
    const model = table.models[variant.model] as Model;
    names.set(variant.id, Object.freeze({ kind: "variant", variant, model, resolvedBy: "id" }));
  }
  const index = { names, providers, byRule: new Map<string, Resolved>() };
  indexes.set(table, index);
  return index;
}

/**
 * Finds a model or variant of a table by name, in any case, by declared rules only — never by
 * "contains" or nearest match. First the exact id or an alias; then, each reported in
 * `resolvedBy`, the name's reductions in this order, the first the table has winning (so an
 * entry of the table always beats a shorter form: `gpt-4o-2024-05-13` keeps its own price):
 *
 * 1. `prefix`: a provider or router prefix — `openai/`, `anthropic/`, `models/`, `gemini/`,
 *    `google/`, `mistral/`, `xai/`, `azure/`, `vertex_ai/`, `bedrock/`, `openrouter/<provider>/`,
 *    or `<provider>:` / `<provider>/` for a provider of the table. A provider prefix never
 *    resolves to another provider's model.
 * 2. `vendor-form`: a Bedrock id's region (`us.`, `eu.`, `apac.`, `global.`, …), its `-vN:M`
 *    suffix and its owner (`anthropic.`, which must own the model); a Vertex `@YYYYMMDD`,
 *    `@NNN` or `@latest`, tried first as `-YYYYMMDD` then without.
 * 3. `snapshot`: a trailing `-YYYY-MM-DD`, `-YYYYMMDD`, `-latest` or `-NNN`.
 *
 * Results are remembered per table and name (a bounded cache), so repeated lookups are O(1).
 *
 * @throws PricebookError `UNKNOWN_MODEL` with up to three suggestions; `INVALID_ARGUMENT` for a
 *   name that is not a non-empty string
 *
 * @example
 * resolveName(builtinPricebook().tables.find((t) => t.id === "anthropic")!, "us.anthropic.claude-sonnet-4-20250514-v1:0").resolvedBy;
 * //=> "vendor-form"
 */
export function resolveName(table: PricingTable, name: string): Resolved {
  // The usual call: the table looked up last, and a name that is an exact entry.
  if (table === lastTable) {
    const exact = (lastIndex as TableIndex).names.get(name);
    if (exact !== undefined) return exact;
  }
  const found = findName(table, name);
  if (found !== undefined) return found;
  const wanted = name.toLowerCase();
  return failWithSuggestions(
    table,
    name,
    lastForm(nameForms(wanted, indexOf(table).providers), wanted),
  );
}

/**
 * {@link resolveName} without the suggestions of a name no rule resolves: undefined instead
 * (for pricebookResolve, which asks several tables and explains only when none knows the name).
 * Still throws for a bad name, and for a provider's prefix on another provider's model.
 *
 * @internal
 */
export function findName(table: PricingTable, name: string): Resolved | undefined {
  if (typeof name !== "string" || name === "") {
    throw pricebookError("INVALID_ARGUMENT", ["name"], "expected a model or variant name");
  }
  const index = indexOf(table);
  // Names are stored in lower case; most callers already pass one, so try it as given first.
  const exact = index.names.get(name);
  if (exact !== undefined) return exact;
  const remembered = index.byRule.get(name);
  if (remembered !== undefined) return remembered;
  const wanted = name.toLowerCase();
  const direct = index.names.get(wanted);
  if (direct !== undefined) return direct;

  const forms = nameForms(wanted, index.providers);
  for (const form of forms) {
    const entry = index.names.get(form.name);
    if (entry === undefined) continue;
    if (form.provider !== null && entry.model.provider !== form.provider) {
      throw unknown(
        table,
        name,
        `; "${form.name}" is ${entry.model.provider}'s, not ${form.provider}'s`,
        [],
      );
    }
    const result = byRule(entry, form.rule);
    if (name.length <= CACHEABLE_LENGTH) remember(index.byRule, name, result);
    return result;
  }
  return undefined;
}

/** How many names a table's rule cache holds (for tests of its bound). @internal */
export function ruleCacheSize(table: PricingTable): number {
  return indexOf(table).byRule.size;
}

function lastForm(forms: readonly NameForm[], wanted: string): string {
  return forms.length === 0 ? wanted : (forms[forms.length - 1] as NameForm).name;
}

function remember(cache: Map<string, Resolved>, name: string, result: Resolved): void {
  // Oldest first out: a Map iterates in insertion order.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(name, result);
}

// The same entry, found by a rule; made once per entry and rule.
const viaRule = new WeakMap<Resolved, Map<ResolvedBy, Resolved>>();

function byRule(entry: Resolved, rule: ResolvedBy): Resolved {
  let rules = viaRule.get(entry);
  if (rules === undefined) {
    rules = new Map();
    viaRule.set(entry, rules);
  }
  let result = rules.get(rule);
  if (result === undefined) {
    result = Object.freeze({ ...entry, resolvedBy: rule }) as Resolved;
    rules.set(rule, result);
  }
  return result;
}

function failWithSuggestions(table: PricingTable, name: string, wanted: string): never {
  const candidates = [...Object.keys(table.variants), ...Object.keys(table.models)];
  for (const model of Object.values(table.models)) candidates.push(...model.aliases);
  const near = suggest(wanted, candidates);
  const hint = near.length === 0 ? "" : `; did you mean ${near.map((n) => `"${n}"`).join(", ")}?`;
  throw unknown(table, name, hint, near);
}

function unknown(table: PricingTable, name: string, hint: string, suggestions: string[]) {
  const shown = name.length > 200 ? `${JSON.stringify(name.slice(0, 200))}…` : JSON.stringify(name);
  return new PricebookError(
    "UNKNOWN_MODEL",
    ["name"],
    `no model or variant ${shown} in ${table.id}@${table.version}${hint}`,
    { suggestions },
  );
}
