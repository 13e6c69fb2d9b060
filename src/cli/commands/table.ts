import { PricebookError } from "../../errors.js";
import type { ColumnKey, RateUnit, TableSection } from "../../render/grid.js";
import { renderTable, type TableFormat } from "../../render/renderTable.js";
import type { ParsedArgs } from "../args.js";
import {
  type Command,
  type Context,
  positionals,
  print,
  stringFlag,
  TABLE_FLAGS,
} from "../command.js";

function runTable(args: ParsedArgs, context: Context): number {
  positionals(args, 0, 0, "");
  const named = stringFlag(args, "section") as TableSection | undefined;
  if (args.flags.get("workflows") === true && named !== undefined && named !== "workflows") {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--section"],
      `--workflows means --section workflows, so it cannot be given with --section ${named}; give one of them`,
    );
  }
  const section = args.flags.get("workflows") === true ? "workflows" : named;
  const format = (stringFlag(args, "format") ?? "md") as TableFormat;
  const rateUnit = stringFlag(args, "rate-unit") as RateUnit | undefined;
  const columns = stringFlag(args, "columns")?.split(",") as ColumnKey[] | undefined;
  const table = context.table();
  const text = renderTable(table, {
    format,
    ...(section === undefined ? {} : { section }),
    ...(rateUnit === undefined ? {} : { rateUnit }),
    ...(columns === undefined ? {} : { columns }),
    credits: args.flags.get("credits") === true,
  });
  // CSV ends its last record as it ends the others (CRLF, RFC 4180).
  const end = format === "csv" ? "\r\n" : "\n";
  print(
    context,
    { table: table.provenance, format, section: section ?? null, text },
    `${text}${end}`,
  );
  return 0;
}

/** `table`. */
export const tableCommand: Command = {
  summary: "a table's variants (or --workflows, or models) for a docs page",
  usage:
    "table [--format md|html|csv|json] [--workflows | --section variants|workflows|models] [--rate-unit token|million] [--credits] [--columns K,K,…] [--as-of DATE] [--table ID|FILE] [--json]",
  flags: {
    ...TABLE_FLAGS,
    format: "value",
    workflows: "switch",
    section: "value",
    "rate-unit": "value",
    credits: "switch",
    columns: "value",
  },
  run: runTable,
};
