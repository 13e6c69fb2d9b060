import { PricebookError } from "../../errors.js";
import { type ChargeOptions, charge } from "../../pricing/charge.js";
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

const USAGE_FLAGS = {
  input: "input",
  output: "output",
  "cached-input": "cachedInput",
  "cache-write": "cacheWrite",
  "cache-write-1h": "cacheWrite1h",
  reasoning: "reasoning",
  "audio-input": "audioInput",
  "image-input": "imageInput",
  "audio-output": "audioOutput",
  "web-search": "webSearch",
} as const;

function runCharge(args: ParsedArgs, context: Context): number {
  const [name] = positionals(args, 1, 1, "model or variant name") as [string];
  const usage: Record<string, number> = {};
  for (const [flag, kind] of Object.entries(USAGE_FLAGS)) {
    const value = stringFlag(args, flag);
    if (value !== undefined) usage[kind] = tokenCountArg(value, [`--${flag}`]);
    else if (kind === "input" || kind === "output") {
      throw new PricebookError("MISSING_ARGUMENT", [`--${flag}`], `--${flag} N is required`);
    }
  }
  const serviceTier = stringFlag(args, "service-tier") as ChargeOptions["serviceTier"];
  const table = context.table(name);
  const result = charge(table, name, usage, serviceTier === undefined ? {} : { serviceTier });
  const lines = [
    `${result.label}: ${result.model} (${result.provider}), ${result.table.id}@${result.table.version}${result.resolvedBy === "id" ? "" : `, ${JSON.stringify(name)} resolved by ${result.resolvedBy}`}${result.tier === null ? "" : `, long-context tier above ${result.tier.aboveInputTokens} input tokens`}${result.serviceTier === null ? "" : `, ${result.serviceTier} tier`}`,
    ...result.lines.map(
      (line) =>
        `  ${line.kind.padEnd(13)} ${String(line.tokens).padStart(10)} × ${line.rate} = ${line.usd}`,
    ),
    `  cost          ${result.usd} USD`,
  ];
  if (result.credits !== null && table.credits !== null) {
    lines.push(`  credits       ${result.credits.estimated} ${table.credits.symbol} estimated`);
  }
  if (result.exceedsWindow === true)
    lines.push("  note          the usage exceeds the variant's reservation window");
  print(context, result, `${lines.join("\n")}\n`);
  return 0;
}

/** `charge`. */
export const chargeCommand: Command = {
  summary: "the exact cost of one query's real usage, line by line",
  usage:
    "charge <model|variant> --input N --output N [--cached-input N] [--cache-write N] [--cache-write-1h N] [--reasoning N] [--audio-input N] [--image-input N] [--audio-output N] [--web-search N] [--service-tier batch|flex|priority] [--as-of DATE] [--table ID|FILE|auto] [--json]",
  flags: {
    ...TABLE_FLAGS,
    input: "value",
    output: "value",
    "cached-input": "value",
    "cache-write": "value",
    "cache-write-1h": "value",
    reasoning: "value",
    "audio-input": "value",
    "image-input": "value",
    "audio-output": "value",
    "web-search": "value",
    "service-tier": "value",
  },
  run: runCharge,
};
