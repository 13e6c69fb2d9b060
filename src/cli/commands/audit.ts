import { auditTable } from "../../pricing/auditTable.js";
import type { ParsedArgs } from "../args.js";
import { type Command, type Context, positionals, print, TABLE_FLAGS } from "../command.js";
import { selectTable } from "../selectTable.js";

function runAudit(args: ParsedArgs, context: Context): number {
  const [file] = positionals(args, 0, 1, "table file");
  const table = file === undefined ? context.table() : selectTable(args, context.io, file);
  const audit = auditTable(table);
  const errors = audit.findings.filter((finding) => finding.severity === "error").length;
  const lines = [
    `audit of ${table.id}@${table.version}: ${audit.checked} printed figures checked, ${audit.findings.length} finding(s)`,
    ...audit.findings.map(
      (finding) =>
        `  ${finding.severity} ${finding.code} at ${finding.path.join(".")}: ${finding.message}`,
    ),
  ];
  print(context, audit, `${lines.join("\n")}\n`);
  return errors > 0 ? 1 : 0;
}

/** `audit`. */
export const auditCommand: Command = {
  summary: "recompute every printed figure of a table and report contradictions (exit 1 if any)",
  usage: "audit [FILE] [--as-of DATE] [--table ID|FILE] [--json]",
  flags: TABLE_FLAGS,
  run: runAudit,
};
