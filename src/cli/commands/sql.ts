import { existsSync, readFileSync } from "node:fs";
import { parseTable } from "../../catalog/parseTable.js";
import { tableAsOf } from "../../catalog/tableAsOf.js";
import { PricebookError } from "../../errors.js";
import type { PricingTable } from "../../schema/types.js";
import { type SqlDialectName, toSql } from "../../sql/toSql.js";
import { builtinPricebook, DEFAULT_TABLE_ID } from "../../tables/builtinPricebook.js";
import type { ParsedArgs } from "../args.js";
import {
  type Command,
  type Context,
  positionals,
  print,
  stringFlag,
  stringsFlag,
} from "../command.js";

/** Every version of a built-in table, or the one table a file holds. */
function tablesOf(ref: string): readonly PricingTable[] {
  const book = builtinPricebook();
  const versions = book.tables.filter((table) => table.id === ref.toLowerCase());
  if (versions.length > 0) return versions;
  if (!/[/\\]|\.json$/i.test(ref) && !existsSync(ref)) {
    tableAsOf(book, ref); // throws UNKNOWN_TABLE, with suggestions
  }
  let text: string;
  try {
    text = readFileSync(ref, "utf8");
  } catch (error) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--table"],
      `cannot read table file ${ref}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  return [parseTable(text)];
}

function runSql(args: ParsedArgs, context: Context): number {
  positionals(args, 0, 0, "");
  const dialect = stringFlag(args, "dialect");
  if (dialect === undefined) {
    throw new PricebookError(
      "MISSING_ARGUMENT",
      ["--dialect"],
      "--dialect is required: duckdb or postgres",
    );
  }
  const refs = stringsFlag(args, "table");
  const tables = (refs.length === 0 ? [DEFAULT_TABLE_ID] : refs).flatMap(tablesOf);
  const usageTable = stringFlag(args, "usage-table");
  const script = toSql(tables, {
    dialect: dialect as SqlDialectName,
    ...(usageTable === undefined ? {} : { usageTable }),
  });
  print(context, { dialect, tables: tables.map((table) => table.provenance), script }, script);
  return 0;
}

/** `sql`. */
export const sqlCommand: Command = {
  summary:
    "the pricebook as one idempotent SQL script (pricebook tables + a priced_usage view) for DuckDB or PostgreSQL",
  usage: "sql --dialect duckdb|postgres [--table ID|FILE]… [--usage-table NAME] [--json]",
  flags: { dialect: "value", table: "values", "usage-table": "value", json: "switch" },
  run: runSql,
};
