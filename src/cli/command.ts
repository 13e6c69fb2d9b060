import { PricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import type { FlagSpec, ParsedArgs } from "./args.js";

/** Where the CLI writes, and what it reads from its surroundings. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Today, `YYYY-MM-DD`; the default for --as-of. */
  readonly today?: () => string;
}

/** The flags of every command that reads a table. */
export const TABLE_FLAGS = { table: "value", "as-of": "value", json: "switch" } as const;

/** One CLI command: its help, its flags, and what it runs. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly flags: FlagSpec;
  readonly run: (args: ParsedArgs, context: Context) => number;
}

/** What a command runs with: where to write, whether --json was given, and its table. */
export interface Context {
  readonly io: CliIo;
  readonly json: boolean;
  /**
   * The table --table names (default gpt-trainer-byok). With `--table auto`, the table the
   * model `name` belongs to (see pricebookResolve); commands without a name cannot use auto.
   */
  readonly table: (name?: string) => PricingTable;
}

/** The value of a flag that takes one, or undefined. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

/** The positional arguments, at least `min` and at most `max` of them. */
export function positionals(
  args: ParsedArgs,
  min: number,
  max: number,
  what: string,
): readonly string[] {
  if (args.positionals.length < min) {
    throw new PricebookError("MISSING_ARGUMENT", [what], `missing ${what}`);
  }
  if (args.positionals.length > max) {
    const extra = args.positionals[max] as string;
    throw new PricebookError(
      "INVALID_ARGUMENT",
      [extra],
      `unexpected argument ${JSON.stringify(extra)}`,
    );
  }
  return args.positionals;
}

/** Prints `json` with --json, else `text`. */
export function print(context: Context, json: unknown, text: string): void {
  context.io.stdout(context.json ? `${JSON.stringify(json, null, 2)}\n` : text);
}
