import { PricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import type { FlagSpec, ParsedArgs } from "./args.js";

/** Where the CLI writes, and what it reads from its surroundings. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Today, `YYYY-MM-DD`; the default for --as-of. */
  readonly today?: () => string;
  /** The environment (LLM_PRICEBOOK_MAX_TABLE_BYTES). Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Standard input, for commands that read `-` (`price -`). */
  readonly stdin?: AsyncIterable<Buffer | string>;
  /** Whether stderr is a terminal: `price` draws a progress line only then. */
  readonly stderrIsTTY?: boolean;
}

/** The flags of every command that reads a table. */
export const TABLE_FLAGS = { table: "value", "as-of": "value", json: "switch" } as const;

/** One CLI command: its help, its flags, and what it runs. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly flags: FlagSpec;
  /** The exit status; a command that streams (`price`) returns a promise of it. */
  readonly run: (args: ParsedArgs, context: Context) => number | Promise<number>;
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

/** Every value of a flag that may be repeated (kind `values`), in order; empty when not given. */
export function stringsFlag(args: ParsedArgs, name: string): readonly string[] {
  return args.lists.get(name) ?? [];
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

/**
 * Characters a terminal acts on rather than shows: C0 controls but the newline (ESC starts a
 * terminal escape sequence), DEL, C1 controls, bidirectional overrides, embeddings, isolates
 * and marks (which reorder what is shown), and the Unicode line and paragraph separators. A
 * carriage return is kept where it ends a line (CSV's CRLF, RFC 4180): before a newline it
 * moves nothing a reader sees; alone it could overwrite a line, and is escaped.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** `\u001b` for ESC: a character shown as its escape, not acted on. */
const escapeChar = (char: string) =>
  `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, "0")}`;

/**
 * Text made inert for a terminal: every character of {@link UNSAFE} written as its `\uXXXX`
 * escape, newlines kept. Table labels, symbols and names typed by a user pass through here
 * before they are printed. In JSON the same escapes are valid string escapes, so the output
 * still parses to the same values.
 */
export function inertText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Prints `json` with --json, else `text`; either way with no character a terminal would act on. */
export function print(context: Context, json: unknown, text: string): void {
  context.io.stdout(inertText(context.json ? `${JSON.stringify(json, null, 2)}\n` : text));
}
