import type { PricebookRows } from "./pricebookRows.js";

/**
 * What differs between the SQL engines the script is written for. Everything else (the tables,
 * the view, the quoting) is shared standard SQL.
 *
 * @internal
 */
export interface SqlDialect {
  readonly name: "duckdb" | "postgres";
  /** Statements that open the script's transaction. */
  readonly begin: readonly string[];
  /** The text type. */
  readonly text: string;
  /** The exact type rates are stored in; throws when the rates need more than it holds. */
  readonly rateType: (rows: PricebookRows) => string;
  /** The type the view multiplies rates in, when narrower than the stored type; else null. */
  readonly workingRateType: (rows: PricebookRows) => string | null;
  /**
   * An expression for the instant of a DATE, TIMESTAMP or TIMESTAMPTZ value as a number that
   * does not depend on the session's time zone (a TIMESTAMP counts as UTC), and the same number
   * for midnight UTC of a `YYYY-MM-DD` day, as a literal.
   */
  readonly instant: (expression: string) => string;
  readonly instantOfDay: (day: string) => string;
  /**
   * An expression for the name a model or table id is looked up by: what JavaScript's
   * toLowerCase makes of it, wherever that can equal an id (ids are `[a-z0-9._-]`).
   */
  readonly nameKey: (expression: string) => string;
  /**
   * How the view carries a usage row through its steps (`u` the row's alias), and how it
   * gives back exactly the usage table's columns at the end, without the `helpers` it added.
   */
  readonly carryUsage: (alias: string) => string;
  readonly usageColumns: (alias: string, helpers: readonly string[]) => string;
  /** A table name's parts, as parsed from the usageTable option, as SQL. */
  readonly tableName: (parts: readonly { name: string; quoted: boolean }[]) => string;
}
