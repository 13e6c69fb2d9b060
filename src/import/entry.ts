import { OPENROUTER_PROVIDERS, ROUTER_PREFIXES } from "../catalog/nameForms.js";
import { checkId, checkModelId } from "../catalog/validate.js";
import { describe } from "../money/toDecimal.js";
import { changedByRecovery, MIN_NORMAL, recoverDecimal } from "./recoverDecimal.js";
import type { ImportNormalization, ImportRename, ImportSkip } from "./types.js";
import { isUnrepresentable } from "./unrepresentable.js";

// The bookkeeping every catalog importer shares: one entry at a time, its prices recovered
// from floats, its problems collected; an entry with a problem is skipped whole, never
// imported half-right.

/** The report under construction. @internal */
export interface Collector {
  entries: number;
  imported: number;
  readonly normalized: ImportNormalization[];
  readonly skipped: ImportSkip[];
  readonly renamed: ImportRename[];
}

/** One catalog entry being read. @internal */
export interface Entry {
  readonly key: string;
  readonly normalized: ImportNormalization[];
  readonly dropped: ImportSkip[];
  problem?: string;
}

/** @internal */
export function newCollector(): Collector {
  return { entries: 0, imported: 0, normalized: [], skipped: [], renamed: [] };
}

/** @internal */
export function newEntry(key: string): Entry {
  return { key, normalized: [], dropped: [] };
}

/**
 * A price field as an exact decimal string in the catalog's unit, or undefined (with the
 * entry's problem set) when it is not a non-negative number or has no unambiguous decimal.
 *
 * @internal
 */
export function priceField(entry: Entry, field: string, raw: unknown): string | undefined {
  if (isUnrepresentable(raw)) {
    entry.problem ??=
      raw.kind === "underflow"
        ? `${field}: ${raw.text} is below the smallest JSON float and would read as 0; a price is never imported as a silent 0`
        : `${field}: ${raw.text} is beyond the largest JSON float`;
    return undefined;
  }
  if (typeof raw !== "number") {
    entry.problem ??= `${field}: expected a number, got ${describe(raw)}`;
    return undefined;
  }
  const value = recoverDecimal(raw);
  if (value === undefined) {
    entry.problem ??=
      raw < 0
        ? `${field}: a negative price (${raw})`
        : !Number.isFinite(raw)
          ? `${field}: ${raw} is not a price`
          : raw < MIN_NORMAL
            ? `${field}: ${raw} is below the range where a JSON float keeps 15 significant digits, so the price it stands for is not known exactly`
            : `${field}: ${raw} is not within one float step of any decimal of 15 significant digits or fewer, so the price it stands for is ambiguous`;
    return undefined;
  }
  if (changedByRecovery(raw, value)) entry.normalized.push({ key: entry.key, field, raw, value });
  return value;
}

/** Records a field left out of an imported entry. @internal */
export function dropField(entry: Entry, field: string, reason: string): void {
  entry.dropped.push({ key: entry.key, field, reason });
}

/** Records a whole entry as skipped. @internal */
export function skipEntry(collector: Collector, key: string, reason: string): void {
  collector.skipped.push({ key, reason });
}

/**
 * Ends an entry: true (and its normalisations and dropped fields reported) when it has no
 * problem; false (and the entry reported as skipped) otherwise.
 *
 * @internal
 */
export function finishEntry(collector: Collector, entry: Entry): boolean {
  if (entry.problem !== undefined) {
    skipEntry(collector, entry.key, entry.problem);
    return false;
  }
  collector.normalized.push(...entry.normalized);
  collector.skipped.push(...entry.dropped);
  return true;
}

/** True when `name` is usable as a table id as it is. @internal */
export function isTableId(name: string): boolean {
  // The common case without building an issue; checkId decides the rest.
  return PLAIN_ID.test(name) || checkId([], [], name);
}

/** True when `name` is usable as a model id or alias as it is (`:` and `@` allowed). @internal */
export function isModelName(name: string): boolean {
  return PLAIN_ID.test(name) || checkModelId([], [], name);
}

const PLAIN_ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * The name a catalog model name takes in a table: lower case, and where the table format
 * cannot hold a character (`/`, spaces), each run of such characters becomes `-` and the
 * rename is reported. Undefined when nothing usable is left.
 *
 * @internal
 */
export function modelName(collector: Collector, key: string, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (isModelName(lower)) return lower;
  const id = lower.replace(/[^a-z0-9._:@-]+/g, "-").replace(/^[^a-z0-9]+/, "");
  if (!isModelName(id)) return undefined;
  const last = collector.renamed.at(-1);
  if (last?.key === key && last.id === id) return id;
  collector.renamed.push({
    key,
    id,
    reason: `${JSON.stringify(name)} has characters a model id cannot hold (only a-z, 0-9, ".", "_", "-", ":" and "@")`,
  });
  return id;
}

/**
 * A catalog key's id in its table. A key the table format holds as it is stays as it is. A key
 * `<prefix>/<name>` (or `openrouter/<provider>/<name>`) becomes `<name>`, with the `provider`
 * that name resolution's prefix rule requires of it (`gemini/` vouches for `google`,
 * `openrouter/x-ai/` for `xai`, an unlisted `deepseek/` for `deepseek`), so the key itself
 * still resolves, by that rule. Anything else is renamed and reported.
 *
 * @internal
 */
export function prefixedName(
  collector: Collector,
  key: string,
  name: string,
  tableId: string,
): { id: string; provider: string } | undefined {
  const lower = name.toLowerCase();
  if (isModelName(lower)) return { id: lower, provider: tableId };
  const routed = /^openrouter\/([a-z0-9_.-]+)\/(.+)$/.exec(lower);
  if (routed !== null) {
    const slug = routed[1] as string;
    const provider = OPENROUTER_PROVIDERS.get(slug) ?? slug;
    const rest = routed[2] as string;
    if (isTableId(provider) && isModelName(rest)) return { id: rest, provider };
  }
  const slash = lower.indexOf("/");
  if (slash > 0) {
    const prefix = lower.slice(0, slash);
    const rest = lower.slice(slash + 1);
    const provider = ROUTER_PREFIXES.get(prefix) ?? OPENROUTER_PROVIDERS.get(prefix) ?? prefix;
    if (isTableId(provider) && isModelName(rest)) return { id: rest, provider };
  }
  const id = modelName(collector, key, name);
  return id === undefined ? undefined : { id, provider: tableId };
}
