import { PricebookError, type PricebookErrorCode } from "../errors.js";
import type { Dimension } from "./readRecord.js";
import { addScaled, addSum, formatSum, newScaledSum, type ScaledSum } from "./scaledSum.js";

/** Totals of one group of rows. */
export interface PricedGroup {
  /** The group's value of each `groupBy` key (null where a row lacks it). */
  readonly key: Readonly<Record<string, Dimension>>;
  /** Every row of the group, priced or not. */
  readonly rows: number;
  readonly priced: number;
  readonly unpriced: number;
  /** The exact USD of its priced rows. */
  readonly usd: string;
  /** Input plus output tokens of its priced rows (cache inside input, reasoning inside output). */
  readonly tokens: number;
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
  readonly tokens: number;
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
  readonly key: readonly Dimension[];
  rows: number;
  priced: number;
  unpriced: number;
  tokens: number;
  readonly usd: ScaledSum;
}

/** The running totals of a log: O(groups) memory, whatever the number of rows. @internal */
export interface GroupTotals {
  addPriced(
    dimensions: Readonly<Record<string, Dimension>>,
    fields: RowFields,
    int: number | bigint,
    scale: number,
    tokens: number,
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
  const all = { rows: 0, priced: 0, unpriced: 0, tokens: 0 };

  const groupOf = (dimensions: Readonly<Record<string, Dimension>>, fields: RowFields): Group => {
    if (groupBy.length === 0) {
      everything ??= newGroup([]);
      if (groups.size === 0) groups.set("[]", everything);
      return everything;
    }
    let id: string;
    let value: Dimension = null;
    let values: Dimension[] | undefined;
    if (groupBy.length === 1) {
      value = keyValue(groupBy[0] as string, dimensions, fields);
      id = typeof value === "string" ? value : `\u0000${JSON.stringify(value)}`;
    } else {
      values = groupBy.map((name) => keyValue(name, dimensions, fields));
      id = JSON.stringify(values);
    }
    let group = groups.get(id);
    if (group === undefined) {
      group = newGroup(values ?? [value]);
      groups.set(id, group);
    }
    return group;
  };

  return {
    addPriced(dimensions, fields, int, scale, rowTokens) {
      all.rows += 1;
      all.priced += 1;
      all.tokens += rowTokens;
      const group = groupOf(dimensions, fields);
      group.rows += 1;
      group.priced += 1;
      group.tokens += rowTokens;
      addScaled(group.usd, int, scale);
    },
    addUnpriced(dimensions, fields, line, code, message) {
      all.rows += 1;
      all.unpriced += 1;
      const group = groupOf(dimensions, fields);
      group.rows += 1;
      group.unpriced += 1;
      if (errors.length < maxErrors) errors.push(Object.freeze({ line, code, message }));
    },
    summary() {
      const { rows, priced, unpriced, tokens } = all;
      if (!Number.isSafeInteger(tokens)) {
        throw new PricebookError(
          "LIMIT_EXCEEDED",
          ["tokens"],
          "the log's token total is above 2^53 − 1; price it in parts",
        );
      }
      // The overall total is the sum of the groups' (each row is in exactly one group).
      const total = newScaledSum();
      for (const group of groups.values()) addSum(total, group.usd);
      const list = [...groups.values()]
        .sort((a, b) => compareKeys(a.key, b.key))
        .map((group) =>
          Object.freeze({
            key: Object.freeze(
              Object.fromEntries(groupBy.map((name, i) => [name, group.key[i] as Dimension])),
            ),
            rows: group.rows,
            priced: group.priced,
            unpriced: group.unpriced,
            usd: formatSum(group.usd),
            tokens: group.tokens,
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

function newGroup(key: readonly Dimension[]): Group {
  return { key, rows: 0, priced: 0, unpriced: 0, tokens: 0, usd: newScaledSum() };
}

function keyValue(
  name: string,
  dimensions: Readonly<Record<string, Dimension>>,
  fields: RowFields,
): Dimension {
  if (Object.hasOwn(dimensions, name)) return dimensions[name] as Dimension;
  if (FIELD_NAMES.has(name)) return fields(name as RowField);
  return null;
}

function compareKeys(a: readonly Dimension[], b: readonly Dimension[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = sortText(a[i] as Dimension);
    const y = sortText(b[i] as Dimension);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

// null sorts last; other values by their text.
function sortText(value: Dimension): string {
  if (value === null) return "\uffff";
  return typeof value === "string" ? value : JSON.stringify(value);
}
