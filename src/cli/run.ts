import { PricebookError } from "../errors.js";
import { parseArgs } from "./args.js";
import { type CliIo, type Context, inertText } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { selectTable } from "./selectTable.js";

export type { CliIo } from "./command.js";

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit status:
 * 0 done, 1 an audit found errors, 2 bad input (reported on stderr as `error CODE: message`),
 * 3 an internal error. Synchronous for every command but those that stream (`price`), which
 * return a promise of the status.
 */
export function runCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  try {
    const status = dispatch(argv, io);
    return typeof status === "number" ? status : status.catch((error) => failed(error, io));
  } catch (error) {
    return failed(error, io);
  }
}

function failed(error: unknown, io: CliIo): number {
  if (error instanceof PricebookError) {
    io.stderr(`error ${error.code}: ${boundedMessage(error.message)}\n`);
    // docs/reliability.md: a read or write that fails is exit 3, not bad input.
    return error.code === "IO_ERROR" ? 3 : 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`error INTERNAL: ${boundedMessage(message)}\n`);
  return 3;
}
/**
 * Lines of an error message printed after its first: a table error's 20 issues and its
 * `… and N more` line pass whole; any longer message is cut here.
 */
export const MAX_ERROR_LINES = 21;
/** Characters of one line of an error message printed (a name a megabyte long). */
export const MAX_ERROR_LINE_LENGTH = 1000;

/**
 * An error message as the CLI prints it: at most {@link MAX_ERROR_LINES} issue lines after the
 * first (then `… and N more`), each line cut at {@link MAX_ERROR_LINE_LENGTH} characters (then
 * `… (N more characters)`), and no character a terminal would act on.
 */
export function boundedMessage(message: string): string {
  const lines = message.split("\n");
  const shown = lines
    .slice(0, MAX_ERROR_LINES + 1)
    .map((line) =>
      line.length <= MAX_ERROR_LINE_LENGTH
        ? line
        : `${line.slice(0, MAX_ERROR_LINE_LENGTH)}… (${line.length - MAX_ERROR_LINE_LENGTH} more characters)`,
    );
  if (lines.length > shown.length) shown.push(`  … and ${lines.length - shown.length} more`);
  return inertText(shown.join("\n"));
}

function dispatch(argv: readonly string[], io: CliIo): number | Promise<number> {
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
