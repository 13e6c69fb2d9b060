import { diffTables } from "../../catalog/diffTables.js";
import type { ParsedArgs } from "../args.js";
import { type Command, type Context, positionals, print } from "../command.js";
import { tableRef } from "../selectTable.js";

function runDiff(args: ParsedArgs, context: Context): number {
  const [a, b] = positionals(args, 2, 2, "two tables to compare") as [string, string];
  const diff = diffTables(tableRef(args, context, a), tableRef(args, context, b));
  const name = (p: { id: string; version: string }) => `${p.id}@${p.version}`;
  const list = (what: string, ids: readonly string[]) =>
    ids.length === 0 ? [] : [`  ${what}: ${ids.join(", ")}`];
  const lines = [
    `${name(diff.from)} → ${name(diff.to)}: ${diff.changes.length} changed figure(s)`,
    ...list("models added", diff.models.added),
    ...list("models removed", diff.models.removed),
    ...list("variants added", diff.variants.added),
    ...list("variants removed", diff.variants.removed),
    ...list("workflows added", diff.workflows.added),
    ...list("workflows removed", diff.workflows.removed),
    ...diff.changes.map(
      (change) =>
        `  ${change.path.join(".")}: ${change.old ?? "none"} → ${change.new ?? "none"}${change.relativeChange === null ? "" : ` (${change.relativeChange})`}`,
    ),
  ];
  print(context, diff, `${lines.join("\n")}\n`);
  return 0;
}

/** `diff`. */
export const diffCommand: Command = {
  summary:
    "what changed between two tables: models and variants added and removed, every changed figure",
  usage: "diff <FILE|ID@VERSION|ID> <FILE|ID@VERSION|ID> [--as-of DATE] [--json]",
  flags: { "as-of": "value", json: "switch" },
  run: runDiff,
};
