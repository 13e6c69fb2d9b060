import { type ErrorPath, PricebookError } from "../errors.js";
import { toTokenCount } from "../pricing/tokens.js";

/**
 * The flags a command accepts: whether each takes a value, is a switch, or takes values
 * (`"values"`: may be repeated, and each value may be a comma list; the values are kept
 * joined by commas).
 */
export type FlagSpec = Readonly<Record<string, "value" | "values" | "switch">>;

/** A command line split into positionals and flags. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

/**
 * Splits arguments by a command's flag spec: `--name value`, `--name=value`, switches, and
 * `--` to end flags. Unknown flags, a missing value and a repeated flag (other than a
 * `"values"` one) are errors, with the flag as the path.
 */
export function parseArgs(args: readonly string[], spec: FlagSpec, command: string): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
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
    const earlier = flags.get(name);
    flags.set(name, typeof earlier === "string" ? `${earlier},${value}` : value);
  }
  return { positionals, flags };
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
 * hex), at most 2^53 − 1.
 */
export function tokenCountArg(text: string | undefined, path: ErrorPath): number {
  const value = text !== undefined && /^\d{1,16}$/.test(text) ? Number(text) : text;
  return toTokenCount(value, path, "INVALID_ARGUMENT");
}
