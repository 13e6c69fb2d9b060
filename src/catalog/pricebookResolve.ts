import { PricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import type { Pricebook } from "./createPricebook.js";
import { type Resolved, resolveName } from "./resolveName.js";
import { tableAsOf } from "./tableAsOf.js";

/** Options of {@link pricebookResolve}. */
export interface PricebookResolveOptions {
  /** The day to price at, `YYYY-MM-DD` (UTC): each table's version in force that day. Default: today. */
  readonly asOf?: string;
}

/** The table a name belongs to, and what it resolved to there. */
export interface PricebookResolved {
  readonly table: PricingTable;
  readonly resolved: Resolved;
}

/**
 * Finds the table a model name belongs to from the name alone (`--table auto`): the version in
 * force `asOf` of every table in the pricebook is asked, and exactly one must answer.
 *
 * @throws PricebookError `UNKNOWN_MODEL` when no table knows the name, `AMBIGUOUS_MODEL` when
 *   two tables could claim it (naming both)
 *
 * @example
 * pricebookResolve(builtinPricebook(), "gpt-4o-mini-16k", { asOf: "2024-12-01" }).table.id;
 * //=> "gpt-trainer-byok"
 */
export function pricebookResolve(
  pricebook: Pricebook,
  name: string,
  options: PricebookResolveOptions = {},
): PricebookResolved {
  if (typeof pricebook !== "object" || pricebook === null || !Array.isArray(pricebook.tables)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["pricebook"],
      "expected a pricebook (from createPricebook or builtinPricebook)",
    );
  }
  if (typeof name !== "string" || name === "") {
    throw new PricebookError("INVALID_ARGUMENT", ["name"], "expected a model or variant name");
  }
  const ids = [...new Set(pricebook.tables.map((table) => table.id))];
  const found: PricebookResolved[] = [];
  let firstError: PricebookError | undefined;
  for (const id of ids) {
    let table: PricingTable;
    try {
      table = tableAsOf(pricebook, id, options);
    } catch (error) {
      if (error instanceof PricebookError && error.code === "NO_TABLE_IN_EFFECT") continue;
      throw error;
    }
    try {
      found.push({ table, resolved: resolveName(table, name) });
    } catch (error) {
      if (!(error instanceof PricebookError) || error.code !== "UNKNOWN_MODEL") throw error;
      firstError ??= error;
    }
  }
  if (found.length === 1) return found[0] as PricebookResolved;
  if (found.length === 0) {
    throw new PricebookError(
      "UNKNOWN_MODEL",
      ["name"],
      `no table of the pricebook knows ${JSON.stringify(name)}; name a table with --table`,
      { suggestions: firstError?.suggestions ?? [] },
    );
  }
  throw new PricebookError(
    "AMBIGUOUS_MODEL",
    ["name"],
    `${JSON.stringify(name)} is in ${found.map((f) => `${f.table.id}@${f.table.version}`).join(" and ")}; name one with --table`,
  );
}
