import { existsSync, readFileSync } from "node:fs";
import { parseTable } from "../catalog/parseTable.js";
import { pricebookResolve } from "../catalog/pricebookResolve.js";
import { tableAsOf, tableVersion, todayUtc } from "../catalog/tableAsOf.js";
import { isIsoDate } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import { builtinPricebook, DEFAULT_TABLE_ID } from "../tables/builtinPricebook.js";
import type { ParsedArgs } from "./args.js";
import { type CliIo, type Context, stringFlag } from "./command.js";

/**
 * --table ID|FILE|auto and --as-of DATE: a built-in table by id, a table file, or (`auto`) the
 * built-in table the model `name` belongs to.
 */
export function selectTable(
  args: ParsedArgs,
  io: CliIo,
  file?: string,
  id?: string,
  name?: string,
): PricingTable {
  const asOf = stringFlag(args, "as-of") ?? (io.today ?? todayUtc)();
  if (!isIsoDate(asOf)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--as-of"],
      `--as-of: expected a date that exists, YYYY-MM-DD, got ${JSON.stringify(asOf)}`,
    );
  }
  const choice = file ?? id ?? stringFlag(args, "table") ?? DEFAULT_TABLE_ID;
  if (file === undefined && choice.toLowerCase() === "auto") {
    if (name === undefined) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        ["--table"],
        "--table auto needs a model name (charge, quote); name a table here",
      );
    }
    return pricebookResolve(builtinPricebook(), name, { asOf }).table;
  }
  // A built-in id wins over a file of the same name in the working directory.
  const builtin = builtinPricebook().tables.some((table) => table.id === choice.toLowerCase());
  const looksLikeFile =
    file !== undefined || (!builtin && (/[/\\]|\.json$/i.test(choice) || existsSync(choice)));
  if (!looksLikeFile) return tableAsOf(builtinPricebook(), choice, { asOf });
  let text: string;
  try {
    text = readFileSync(choice, "utf8");
  } catch (error) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      [choice],
      `cannot read table file ${choice}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  const table = parseTable(text);
  if (table.effectiveFrom > asOf) {
    throw new PricebookError(
      "NO_TABLE_IN_EFFECT",
      ["--as-of"],
      `${table.id}@${table.version} in ${choice} takes effect on ${table.effectiveFrom}, after ${asOf}`,
    );
  }
  return table;
}

/** FILE, ID@VERSION, or ID (the version in force --as-of). */
export function tableRef(args: ParsedArgs, context: Context, ref: string): PricingTable {
  const at = ref.lastIndexOf("@");
  if (at > 0 && !/[/\\]|\.json$/i.test(ref) && !existsSync(ref)) {
    return tableVersion(builtinPricebook(), ref.slice(0, at), ref.slice(at + 1));
  }
  return selectTable(
    args,
    context.io,
    /[/\\]|\.json$/i.test(ref) || existsSync(ref) ? ref : undefined,
    ref,
  );
}
