import type { Pricebook } from "../catalog/createPricebook.js";
import { PricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import { duckdb } from "./duckdb.js";
import { postgres } from "./postgres.js";
import { pricebookRows } from "./pricebookRows.js";
import type { SqlDialect } from "./sqlDialect.js";
import { parseTableName } from "./sqlText.js";
import { writeScript } from "./writeScript.js";

/** The SQL engines {@link toSql} writes for. */
export type SqlDialectName = "duckdb" | "postgres";

/** Options of {@link toSql}. */
export interface ToSqlOptions {
  /** The engine: `duckdb` (rates as `DECIMAL(38, s)`) or `postgres` (rates as `NUMERIC`). */
  readonly dialect: SqlDialectName;
  /**
   * The usage table the `priced_usage` view reads, written as after FROM: `usage` (the
   * default), `analytics.usage`, `"my ""usage"""`. Unquoted parts follow the engine's rules
   * (PostgreSQL folds them to lower case).
   */
  readonly usageTable?: string;
}

const DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = { duckdb, postgres };

/**
 * The pricebook as one SQL script for DuckDB or PostgreSQL, to price usage where it already
 * is, with the database's exact DECIMAL / NUMERIC arithmetic and the same answers as
 * {@link charge}. Idempotent: running it twice leaves the same state. It creates, in one
 * transaction:
 *
 * - `pricebook_versions`: every table version, with `effective_from` and `effective_to` (the
 *   next version's `effective_from`, or NULL);
 * - `pricebook_names`: every name each version answers to (model ids, aliases, variant ids and
 *   their `provider/` and `provider:` forms) → its model;
 * - `pricebook_rates`: one row per version × model × rate kind × long-context level × service
 *   tier, service-tier multipliers applied exactly;
 * - the usage table, when it does not exist (`model`, `used_at`, the six token counts,
 *   `service_tier`, and `table_id` when several tables are loaded);
 * - the view `priced_usage`: every usage column plus `usd` (exact; NULL when unpriced),
 *   `table_id` (unless the usage table has its own), `table_version` and `unpriced` (NULL, or
 *   `UNKNOWN_TABLE`, `INVALID_USAGE`, `NO_TABLE_IN_EFFECT`, `UNKNOWN_MODEL`,
 *   `UNPRICED_USAGE`).
 *
 * Pass every version of each table to load (a pricebook, or an array of compiled tables). With
 * one table id every usage row is priced from its versions; with several, the usage table's
 * `table_id` column picks one. See docs/warehouse.md.
 *
 * @throws PricebookError `INVALID_ARGUMENT` (no tables, two alike, an unknown dialect, a bad
 *   usage table name), `LIMIT_EXCEEDED` (rates wider than DuckDB's DECIMAL(38))
 *
 * @example
 * // Every version of gpt-trainer-byok, for a DuckDB usage table analytics.usage
 * const versions = book.tables.filter((t) => t.id === "gpt-trainer-byok");
 * const script = toSql(versions, { dialect: "duckdb", usageTable: "analytics.usage" });
 * script.split("\n").filter((line) => line.startsWith("  rate ") || line.includes('"analytics"'));
 * //=> ['CREATE TABLE IF NOT EXISTS "analytics"."usage" (', "  rate DECIMAL(38, 8) NOT NULL,", '  FROM "analytics"."usage" AS u']
 */
export function toSql(tables: readonly PricingTable[] | Pricebook, options: ToSqlOptions): string {
  if (typeof options !== "object" || options === null) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["options"],
      'options: expected { dialect: "duckdb" | "postgres", usageTable? }',
    );
  }
  const dialect = Object.hasOwn(DIALECTS, options.dialect as string)
    ? DIALECTS[options.dialect]
    : undefined;
  if (dialect === undefined) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["dialect"],
      `dialect: expected "duckdb" or "postgres", got ${JSON.stringify(options.dialect) ?? "nothing"}`,
    );
  }
  const usageTable = dialect.tableName(parseTableName(options.usageTable ?? "usage"));
  const rows = pricebookRows(tables);
  return writeScript(dialect, rows, usageTable, `sql --dialect ${dialect.name}`);
}
