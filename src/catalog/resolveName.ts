import { PricebookError, pricebookError } from "../errors.js";
import type { Model, PricingTable, Variant } from "../schema/types.js";
import { assertTable } from "./assertTable.js";
import { suggest } from "./suggest.js";

/**
 * Which declared rule matched a name: its exact `id`, an `alias` the table lists, a dated
 * `snapshot` or `-latest`/`-NNN` form of an id, a provider or router `prefix`, or a cloud
 * vendor's form of an id (`vendor-form`: Bedrock region prefixes and `-vN:M` suffixes, Vertex
 * `@YYYYMMDD`).
 */
export type ResolvedBy = "id" | "alias" | "snapshot" | "prefix" | "vendor-form";

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

interface TableIndex {
  readonly names: ReadonlyMap<string, Resolved>;
  readonly providers: ReadonlySet<string>;
}

// Derived once per table object and kept beside it, never on it: tables stay plain data.
const indexes = new WeakMap<PricingTable, TableIndex>();

function indexOf(table: PricingTable): TableIndex {
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
  const index = { names, providers };
  indexes.set(table, index);
  return index;
}

/**
 * Finds a model or variant of a table by name: its id, a model alias (a dated snapshot), in
 * any case, optionally qualified by provider (`openai:gpt-4o`, `openai/gpt-4o`). A qualified
 * name never resolves to another provider's model.
 *
 * @throws PricebookError `UNKNOWN_MODEL` with up to three suggestions
 *
 * @example
 * resolveName(table, "OpenAI/GPT-4o-16k").variant?.reserved;
 * //=> { input: 12800, output: 3200 }
 */
export function resolveName(table: PricingTable, name: string): Resolved {
  if (typeof name !== "string" || name === "") {
    throw pricebookError("INVALID_ARGUMENT", ["name"], "expected a model or variant name");
  }
  const index = indexOf(table);
  // Names are stored in lower case; most callers already pass one, so try it as given first.
  const exact = index.names.get(name);
  if (exact !== undefined) return exact;
  const wanted = name.toLowerCase();
  const direct = index.names.get(wanted);
  if (direct !== undefined) return direct;

  const separator = wanted.search(/[:/]/);
  if (separator > 0) {
    const provider = wanted.slice(0, separator);
    const rest = wanted.slice(separator + 1);
    const entry = index.names.get(rest);
    if (index.providers.has(provider) && entry !== undefined && entry.model.provider === provider) {
      return prefixed(entry);
    }
    if (entry !== undefined && entry.model.provider !== provider) {
      throw unknown(table, name, `; "${rest}" is ${entry.model.provider}'s, not ${provider}'s`, []);
    }
    return failWithSuggestions(table, name, rest);
  }
  return failWithSuggestions(table, name, wanted);
}

// The same entry, found through a provider prefix; made once per entry.
const viaPrefix = new WeakMap<Resolved, Resolved>();

function prefixed(entry: Resolved): Resolved {
  let result = viaPrefix.get(entry);
  if (result === undefined) {
    result = Object.freeze({ ...entry, resolvedBy: "prefix" }) as Resolved;
    viaPrefix.set(entry, result);
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
  return new PricebookError(
    "UNKNOWN_MODEL",
    ["name"],
    `no model or variant ${JSON.stringify(name)} in ${table.id}@${table.version}${hint}`,
    { suggestions },
  );
}
