import { PricebookError } from "../errors.js";
import { parseArgs } from "./args.js";
import type { CliIo, Context } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { selectTable } from "./selectTable.js";

export type { CliIo } from "./command.js";

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit status:
 * 0 done, 1 an audit found errors, 2 bad input (reported on stderr as `error CODE: message`),
 * 3 an internal error.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    return dispatch(argv, io);
  } catch (error) {
    if (error instanceof PricebookError) {
      io.stderr(`error ${error.code}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`error INTERNAL: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
}

function dispatch(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout(helpText());
    return 0;
  }
  if (name === "--version") {
    io.stdout("llm-pricebook 0.1.0\n");
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    throw new PricebookError(
      "UNKNOWN_COMMAND",
      [name],
      `unknown command ${JSON.stringify(name)}; commands: ${Object.keys(COMMANDS).join(", ")} (see --help)`,
    );
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`usage: llm-pricebook ${command.usage}\n`);
    return 0;
  }
  const args = parseArgs(rest, command.flags, name);
  const context: Context = {
    io,
    json: args.flags.get("json") === true,
    table: (model?: string) => selectTable(args, io, undefined, undefined, model),
  };
  return command.run(args, context);
}

function helpText(): string {
  const lines = Object.values(COMMANDS).map(
    (command) => `  ${command.usage}\n      ${command.summary}`,
  );
  return `llm-pricebook: what an LLM query costs, exactly, and who pays for it\n\nusage:\n${lines.join("\n")}\n\nExit status: 0 done, 1 audit found errors, 2 bad input, 3 internal error.\n`;
}
