import { compareTables, type PriceDifference } from "../../catalog/compareTables.js";
import { Dec } from "../../money/decimal.js";
import { formatDecimal } from "../../money/formatDecimal.js";
import type { ParsedArgs } from "../args.js";
import { type Command, type Context, positionals, print } from "../command.js";
import { tableRef } from "../selectTable.js";

function runCompare(args: ParsedArgs, context: Context): number {
  const [a, b] = positionals(args, 2, 2, "two tables to compare") as [string, string];
  const comparison = compareTables(tableRef(args, context, a), tableRef(args, context, b));
  const name = (p: { id: string; version: string }) => `${p.id}@${p.version}`;
  const lines = [
    `${name(comparison.a)} vs ${name(comparison.b)}: ${comparison.matched} model(s) in both, ${comparison.differing.length} priced differently; ${comparison.onlyInA.length} only in A, ${comparison.onlyInB.length} only in B`,
    ...comparison.differing.map(
      (model) =>
        `  ${model.a === model.b ? model.a : `${model.a} / ${model.b}`}: ${model.differences.map(describe).join("; ")}`,
    ),
  ];
  if (comparison.onlyInA.length > 0) lines.push(`only in A: ${comparison.onlyInA.join(", ")}`);
  if (comparison.onlyInB.length > 0) lines.push(`only in B: ${comparison.onlyInB.join(", ")}`);
  print(context, comparison, `${lines.join("\n")}\n`);
  return 0;
}

/** `input 0.15 vs 0.165 per 1M` (token rates per million; web-search fees per call). */
function describe(difference: PriceDifference): string {
  const perCall = difference.field.endsWith("webSearch");
  const show = (rate: string | null) =>
    rate === null ? "none" : perCall ? rate : formatDecimal(new Dec(rate).times(1_000_000));
  return `${difference.field} ${show(difference.a)} vs ${show(difference.b)}${perCall ? " per call" : " per 1M"}`;
}

/** `compare`. */
export const compareCommand: Command = {
  summary:
    "compare two tables' prices model by model (e.g. two imported catalogs): every differing price, and models only one has",
  usage: "compare <FILE|ID@VERSION|ID> <FILE|ID@VERSION|ID> [--as-of DATE] [--json]",
  flags: { "as-of": "value", json: "switch" },
  run: runCompare,
};
