import { PricebookError } from "../../errors.js";
import { type ChartKind, renderChart } from "../../render/renderChart.js";
import type { ParsedArgs } from "../args.js";
import { tokenCountArg } from "../args.js";
import {
  type Command,
  type Context,
  positionals,
  print,
  stringFlag,
  TABLE_FLAGS,
} from "../command.js";

function runChart(args: ParsedArgs, context: Context): number {
  positionals(args, 0, 0, "");
  const kind = stringFlag(args, "kind");
  if (kind === undefined) {
    throw new PricebookError(
      "MISSING_ARGUMENT",
      ["--kind"],
      "--kind cost-per-query|cost-vs-tokens is required",
    );
  }
  const models = stringFlag(args, "models");
  const maxTokens = stringFlag(args, "max-tokens");
  if (models !== undefined && kind !== "cost-vs-tokens") {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--models"],
      "--models is for --kind cost-vs-tokens",
    );
  }
  if (maxTokens !== undefined && kind !== "cost-vs-tokens") {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--max-tokens"],
      "--max-tokens is for --kind cost-vs-tokens",
    );
  }
  const table = context.table();
  const svg = renderChart(table, {
    kind: kind as ChartKind,
    ...(models === undefined ? {} : { models: models.split(",").map((name) => name.trim()) }),
    ...(maxTokens === undefined ? {} : { maxTokens: tokenCountArg(maxTokens, ["--max-tokens"]) }),
  });
  print(context, { table: table.provenance, kind, svg }, svg);
  return 0;
}

/** `chart`. */
export const chartCommand: Command = {
  summary: "an accessible SVG chart of a table: cost per query by variant, or cost against tokens",
  usage:
    "chart --kind cost-per-query|cost-vs-tokens [--models A,B,…] [--max-tokens N] [--as-of DATE] [--table ID|FILE] [--json]  > chart.svg",
  flags: {
    ...TABLE_FLAGS,
    kind: "value",
    models: "value",
    "max-tokens": "value",
  },
  run: runChart,
};
