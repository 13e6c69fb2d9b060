import { type ErrorPath, PricebookError } from "../errors.js";
import { toTokenCount } from "../pricing/tokens.js";

/**
 * The flags a command accepts: `switch` (no value), `value` (one value, given once), or
 * `values` (a value, and the flag may be repeated: `--table a --table b`; `lists` keeps each
 * value as given, `flags` all of them joined by commas, for flags that also take comma lists).
 */
export type FlagSpec = Readonly<Record<string, "value" | "values" | "switch">>;

/** A command line split into positionals and flags. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Each flag given: its value (the first, for a `values` flag), or true for a switch. */
  readonly flags: ReadonlyMap<string, string | true>;
  /** Every value of each `values` flag given, in order. */
  readonly lists: ReadonlyMap<string, readonly string[]>;
}

/**
 * Splits arguments by a command's flag spec: `--name value`, `--name=value`, switches, and
 * `--` to end flags. Unknown flags, a missing value and a repeated flag (unless its kind is
 * `values`) are errors, with the flag as the path.
 */
export function parseArgs(args: readonly string[], spec: FlagSpec, command: string): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg.length > 1 && !/^-\d/.test(arg)) {
        throw unknownFlag(arg, spec, command);
      }
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) throw unknownFlag(arg, spec, command);
    if (flags.has(name) && kind !== "values") {
      throw new PricebookError("INVALID_ARGUMENT", [`--${name}`], `--${name} is given twice`);
    }
    if (kind === "switch") {
      if (equals !== -1) {
        throw new PricebookError("INVALID_ARGUMENT", [`--${name}`], `--${name} takes no value`);
      }
      flags.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (equals !== -1) value = arg.slice(equals + 1);
    else {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        value = next;
        i += 1;
      }
    }
    if (value === undefined || value === "") {
      throw new PricebookError("MISSING_ARGUMENT", [`--${name}`], `--${name} needs a value`);
    }
    if (kind === "values") {
      lists.set(name, [...(lists.get(name) ?? []), value]);
      const earlier = flags.get(name);
      flags.set(name, typeof earlier === "string" ? `${earlier},${value}` : value);
    } else flags.set(name, value);
  }
  return { positionals, flags, lists };
}

function unknownFlag(arg: string, spec: FlagSpec, command: string): PricebookError {
  const known = Object.keys(spec).map((name) => `--${name}`);
  return new PricebookError(
    "UNKNOWN_FLAG",
    [arg],
    `unknown flag ${arg} for ${command}; it takes ${known.join(", ")}`,
  );
}

/**
 * A token count typed on a command line: digits only (no sign, exponent, point, spaces or
 * hex), at most 2^53 − 1. A count beyond that is reported as the digits typed, never as the
 * nearest double (`9007199254740993` is not shown as `9007199254740992`).
 */
export function tokenCountArg(text: string | undefined, path: ErrorPath): number {
  if (text !== undefined && /^\d+$/.test(text)) {
    const value = Number(text);
    // Every safe integer converts exactly; anything else is passed on as the text itself.
    if (Number.isSafeInteger(value)) return value;
    return toTokenCount(text, path, "INVALID_ARGUMENT");
  }
  return toTokenCount(text, path, "INVALID_ARGUMENT");
}

/**
 * A reservation window typed on a command line as `IN:OUT` token counts (`12800:3200`), for
 * `quote --window` and `budget --window`.
 */
export function windowArg(value: string): { input: number; output: number } {
  const match = /^([^:]*):([^:]*)$/.exec(value);
  if (match === null) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--window"],
      `--window: expected IN:OUT token counts like 12800:3200, got ${JSON.stringify(value)}`,
    );
  }
  return {
    input: tokenCountArg(match[1], ["--window", "input"]),
    output: tokenCountArg(match[2], ["--window", "output"]),
  };
}
