import { times } from "../../money/exact.js";
import { formatDecimal } from "../../money/formatDecimal.js";
import { quote } from "../../pricing/quote.js";
import type { ParsedArgs } from "../args.js";
import { windowArg } from "../args.js";
import {
  type Command,
  type Context,
  positionals,
  print,
  stringFlag,
  TABLE_FLAGS,
} from "../command.js";

function runQuote(args: ParsedArgs, context: Context): number {
  const [name] = positionals(args, 1, 1, "variant or model name") as [string];
  const window = stringFlag(args, "window");
  const table = context.table(name);
  const result = quote(table, name, window === undefined ? {} : { window: windowArg(window) });
  const band =
    result.band === null
      ? ""
      : ` (±${formatDecimal(times(table.band as string, 100))}%: ${result.band.low} to ${result.band.high})`;
  const lines = [
    `${result.label}: ${result.model} (${result.provider}), ${result.table.id}@${result.table.version}${result.resolvedBy === "id" ? "" : `, ${JSON.stringify(name)} resolved by ${result.resolvedBy}`}`,
    `  reserved  ${result.reserved.input} input + ${result.reserved.output} output tokens`,
    `  rates     ${result.rates.input} per input token, ${result.rates.output} per output token`,
    `  cost      ${result.usd} USD${band}`,
  ];
  if (result.credits !== null && table.credits !== null) {
    const symbol = table.credits.symbol;
    lines.push(
      `  credits   ${result.credits.estimated} ${symbol} estimated at ${result.credits.unitPrice} USD per ${symbol}; published: ${result.credits.published ?? "none"}`,
    );
  }
  print(context, result, `${lines.join("\n")}\n`);
  return 0;
}

/** `quote`. */
export const quoteCommand: Command = {
  summary: "the upper-bound cost of one query of a variant (or of a model with --window IN:OUT)",
  usage:
    "quote <variant> | quote <model> --window IN:OUT  [--as-of DATE] [--table ID|FILE|auto] [--json]",
  flags: { ...TABLE_FLAGS, window: "value" },
  run: runQuote,
};
