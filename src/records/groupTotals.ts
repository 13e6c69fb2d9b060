import type { PricebookErrorCode } from "../errors.js";
import { groupKeyId, groupKeysId } from "./groupKey.js";
import type { Dimension } from "./readRecord.js";
import { addScaled, addSum, formatSum, newScaledSum, type ScaledSum } from "./scaledSum.js";
import { addTokens, type TokenCount, tokensValue } from "./tokenCount.js";

/** Totals of one group of rows. */
export interface PricedGroup {
  /**
   * The group's value of each `groupBy` key; a key the group's rows lack is absent (so a
   * missing value, JSON null and the text "null" are three groups).
   */
  readonly key: Readonly<Record<string, Dimension>>;
  /** Every row of the group, priced or not. */
  readonly rows: number;
  readonly priced: number;
  readonly unpriced: number;
  /** The exact USD of its priced rows. */
  readonly usd: string;
  /**
   * Input plus output tokens of its priced rows (cache inside input, reasoning inside output),
   * exact: a `number` up to 2^53 − 1, a `bigint` beyond.
   */
  readonly tokens: number | bigint;
}

/** One row that could not be priced, named by its line. */
export interface PriceError {
  readonly line: number;
  readonly code: PricebookErrorCode;
  readonly message: string;
}

/** Exact totals of priced rows, overall and per group. */
export interface PricedSummary {
  readonly rows: number;
  readonly priced: number;
  readonly unpriced: number;
  readonly usd: string;
  /** All priced tokens, exact: a `number` up to 2^53 − 1, a `bigint` beyond. */
  readonly tokens: number | bigint;
  /** One entry per distinct key, ordered by key; one group of everything without `groupBy`. */
  readonly groups: readonly PricedGroup[];
  /** The first `maxErrors` unpriced rows, in input order. */
  readonly errors: readonly PriceError[];
  /** How many more unpriced rows there were than `errors` lists. */
  readonly errorsOmitted: number;
}

/** The row fields a group key may name besides the record's own dimensions. @internal */
export type RowField = "model" | "resolvedModel" | "provider" | "table" | "day";

/** A row's value of a field, asked only when a group key names it. @internal */
export type RowFields = (name: RowField) => string | null;

interface Group {
  readonly key: readonly (Dimension | undefined)[];
  rows: number;
  priced: number;
  unpriced: number;
  readonly tokens: TokenCount;
  readonly usd: ScaledSum;
}

/** The running totals of a log: O(groups) memory, whatever the number of rows. @internal */
export interface GroupTotals {
  addPriced(
    dimensions: Readonly<Record<string, Dimension>>,
    fields: RowFields,
    int: number | bigint,
    scale: number,
    input: number,
    output: number,
  ): void;
  addUnpriced(
    dimensions: Readonly<Record<string, Dimension>>,
    fields: RowFields,
    line: number,
    code: PricebookErrorCode,
    message: string,
  ): void;
  summary(): PricedSummary;
}

const FIELD_NAMES = new Set(["model", "resolvedModel", "provider", "table", "day"]);

/**
 * Running exact totals per group. A key names a dimension of the rows, or one of `model`,
 * `resolvedModel`, `provider`, `table`, `day` when no dimension has that name.
 *
 * @internal
 */
export function createGroupTotals(groupBy: readonly string[], maxErrors: number): GroupTotals {
  const groups = new Map<string, Group>();
  let everything: Group | undefined;
  const errors: PriceError[] = [];
  // The log's own counts, in an object: a count kept in a closure variable is a fresh heap
  // number on every update once it passes 2^31 (the token total on any real log).
  const all = { rows: 0, priced: 0, unpriced: 0 };
  const allTokens: TokenCount = { small: 0, big: 0n };

  const groupOf = (dimensions: Readonly<Record<string, Dimension>>, fields: RowFields): Group => {
    if (groupBy.length === 0) {
      everything ??= newGroup([]);
      if (groups.size === 0) groups.set("[]", everything);
      return everything;
    }
    let id: string;
    let value: Dimension | undefined;
    let values: (Dimension | undefined)[] | undefined;
    if (groupBy.length === 1) {
      value = keyValue(groupBy[0] as string, dimensions, fields);
      id = typeof value === "string" && value.charCodeAt(0) !== 0 ? value : groupKeyId(value);
    } else {
      values = groupBy.map((name) => keyValue(name, dimensions, fields));
      id = groupKeysId(values);
    }
    let group = groups.get(id);
    if (group === undefined) {
      group = newGroup(values ?? [value]);
      groups.set(id, group);
    }
    return group;
  };

  return {
    addPriced(dimensions, fields, int, scale, input, output) {
      const group = groupOf(dimensions, fields);
      all.rows += 1;
      all.priced += 1;
      addTokens(allTokens, input);
      addTokens(allTokens, output);
      group.rows += 1;
      group.priced += 1;
      addTokens(group.tokens, input);
      addTokens(group.tokens, output);
      addScaled(group.usd, int, scale);
    },
    addUnpriced(dimensions, fields, line, code, message) {
      const group = groupOf(dimensions, fields);
      all.rows += 1;
      all.unpriced += 1;
      group.rows += 1;
      group.unpriced += 1;
      if (errors.length < maxErrors) errors.push(Object.freeze({ line, code, message }));
    },
    summary() {
      const { rows, priced, unpriced } = all;
      const tokens = tokensValue(allTokens);
      // The overall total is the sum of the groups' (each row is in exactly one group).
      const total = newScaledSum();
      for (const group of groups.values()) addSum(total, group.usd);
      const list = [...groups.values()]
        .sort((a, b) => compareKeys(a.key, b.key))
        .map((group) =>
          Object.freeze({
            key: keyObject(groupBy, group.key),
            rows: group.rows,
            priced: group.priced,
            unpriced: group.unpriced,
            usd: formatSum(group.usd),
            tokens: tokensValue(group.tokens),
          }),
        );
      return Object.freeze({
        rows,
        priced,
        unpriced,
        usd: formatSum(total),
        tokens,
        groups: Object.freeze(list),
        errors: Object.freeze([...errors]),
        errorsOmitted: unpriced - errors.length,
      });
    },
  };
}

function newGroup(key: readonly (Dimension | undefined)[]): Group {
  return {
    key,
    rows: 0,
    priced: 0,
    unpriced: 0,
    tokens: { small: 0, big: 0n },
    usd: newScaledSum(),
  };
}

/** A group's key as an object without a prototype: `__proto__` is a key like any other. */
function keyObject(
  groupBy: readonly string[],
  values: readonly (Dimension | undefined)[],
): Readonly<Record<string, Dimension>> {
  const key: Record<string, Dimension> = Object.create(null);
  for (let i = 0; i < groupBy.length; i++) {
    const value = values[i];
    if (value !== undefined) {
      Object.defineProperty(key, groupBy[i] as string, { value, enumerable: true });
    }
  }
  return Object.freeze(key);
}

function keyValue(
  name: string,
  dimensions: Readonly<Record<string, Dimension>>,
  fields: RowFields,
): Dimension | undefined {
  if (Object.hasOwn(dimensions, name)) return dimensions[name] as Dimension;
  if (FIELD_NAMES.has(name)) return fields(name as RowField) ?? undefined;
  return undefined;
}

function compareKeys(
  a: readonly (Dimension | undefined)[],
  b: readonly (Dimension | undefined)[],
): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const byText = compareText(sortText(x), sortText(y));
    if (byText !== 0) return byText;
    const byType = typeRank(x) - typeRank(y);
    if (byType !== 0) return byType;
    const byId = compareText(groupKeyId(x), groupKeyId(y));
    if (byId !== 0) return byId;
  }
  return 0;
}

function compareText(x: string, y: string): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

// null and missing sort last; other values by their text, then by type.
function sortText(value: Dimension | undefined): string {
  if (value === null || value === undefined) return "\uffff";
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

function typeRank(value: Dimension | undefined): number {
  if (value === undefined) return 5;
  if (value === null) return 4;
  return typeof value === "string" ? 0 : typeof value === "number" ? 1 : 2;
}
