import { PricebookError } from "../errors.js";
import type { SqlDialect } from "./sqlDialect.js";
import { sqlDay, sqlIdentifier } from "./sqlLiteral.js";

/** PostgreSQL keeps the first 63 bytes of a longer identifier, which may name another table. */
const MAX_IDENTIFIER_BYTES = 63;

/**
 * PostgreSQL: rates as unconstrained `NUMERIC`, exact at any scale. Instants as seconds since
 * the epoch (`extract(epoch FROM …)`, a NUMERIC): a TIMESTAMPTZ's instant, a DATE or TIMESTAMP
 * read as UTC, whatever the session's TimeZone. An unquoted part of the usage table's name is
 * folded to lower case, as PostgreSQL folds it.
 *
 * @internal
 */
export const postgres: SqlDialect = {
  name: "postgres",
  begin: ["BEGIN;", "SET LOCAL standard_conforming_strings = on;"],
  text: "TEXT",
  rateType: () => "NUMERIC",
  workingRateType: () => null,
  instant: (expression) => `extract(epoch FROM ${expression})`,
  instantOfDay: (day) => `${Date.parse(`${sqlDay(day, ["effectiveFrom"])}T00:00:00Z`) / 1000}`,
  // lower() follows the database's collation (ASCII only under "C"); toLowerCase, for a name
  // that can match an id, maps A–Z and the Kelvin sign U+212A to lower case: translate() does
  // exactly that under any collation.
  nameKey: (expression) =>
    `translate(${expression}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' || chr(8490), 'abcdefghijklmnopqrstuvwxyzk')`,
  // No EXCLUDE: the usage row rides along whole, as one composite value, and is unpacked at
  // the end (PostgreSQL expands it to the usage table's columns when the view is created).
  carryUsage: (alias) => `${alias} AS pb_usage`,
  usageColumns: (alias, helpers) => {
    void helpers;
    return `(${alias}.pb_usage).*`;
  },
  tableName: (parts) =>
    parts
      .map((part) => {
        const name = part.quoted ? part.name : part.name.toLowerCase();
        if (new TextEncoder().encode(name).length > MAX_IDENTIFIER_BYTES) {
          throw new PricebookError(
            "INVALID_ARGUMENT",
            ["usageTable"],
            `usageTable: PostgreSQL names are at most ${MAX_IDENTIFIER_BYTES} bytes, and ${JSON.stringify(name)} is longer`,
          );
        }
        return sqlIdentifier(name, ["usageTable"]);
      })
      .join("."),
};
