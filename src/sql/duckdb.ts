import { PricebookError } from "../errors.js";
import type { SqlDialect } from "./sqlDialect.js";
import { sqlDay, sqlIdentifier } from "./sqlLiteral.js";

/** DuckDB's widest exact decimal. */
const MAX_PRECISION = 38;

/**
 * DuckDB: rates as `DECIMAL(38, s)`, `s` the most digits any rate has after the point, so
 * every product of a token count and a rate, and their sums, stay exact DECIMAL (DuckDB raises
 * an overflow error rather than round). Instants as microseconds since the epoch (`epoch_us`),
 * which reads a TIMESTAMPTZ as its instant and a DATE or TIMESTAMP as UTC. DuckDB matches
 * identifiers without regard to case, quoted or not.
 *
 * @internal
 */
export const duckdb: SqlDialect = {
  name: "duckdb",
  begin: ["BEGIN TRANSACTION;"],
  text: "VARCHAR",
  rateType: (rows) => {
    if (rows.integerDigits + rows.scale > MAX_PRECISION) {
      throw new PricebookError(
        "LIMIT_EXCEEDED",
        ["tables"],
        `the rates need ${rows.integerDigits} digits before the point and ${rows.scale} after it, more than DuckDB's DECIMAL holds (${MAX_PRECISION} digits); use the postgres dialect (NUMERIC) or load fewer tables`,
      );
    }
    return `DECIMAL(${MAX_PRECISION}, ${rows.scale})`;
  },
  // A count (at most 2^53 − 1, 16 digits) times a DECIMAL(18, s) rate cannot overflow DuckDB's
  // 38 digits, so the product needs no overflow check: measurably faster than DECIMAL(38, s).
  // The sum of a row's products is DECIMAL(38, s) again, and exact.
  workingRateType: (rows) =>
    rows.integerDigits + rows.scale <= 18 ? `DECIMAL(18, ${rows.scale})` : null,
  instant: (expression) => `epoch_us(${expression})`,
  instantOfDay: (day) =>
    `${BigInt(Date.parse(`${sqlDay(day, ["effectiveFrom"])}T00:00:00Z`)) * 1000n}`,
  // DuckDB's lower() is Unicode's simple lower case, which differs from toLowerCase (for a name
  // that can match an id) only on U+0130 "İ": "i" here, "i̇" there, which matches no id.
  // translate() would be exact too, but is some 30× slower than lower() in DuckDB 1.5.
  nameKey: (expression) =>
    `CASE WHEN contains(${expression}, chr(304)) THEN NULL ELSE lower(${expression}) END`,
  carryUsage: (alias) => `${alias}.*`,
  usageColumns: (alias, helpers) => `${alias}.* EXCLUDE (${helpers.join(", ")})`,
  tableName: (parts) => parts.map((part) => sqlIdentifier(part.name, ["usageTable"])).join("."),
};
