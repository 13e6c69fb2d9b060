import { PricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import type { Pricebook } from "./createPricebook.js";
import { suggest } from "./suggest.js";
import { isIsoDate } from "./validate.js";

/** Options of {@link tableAsOf}. */
export interface TableAsOfOptions {
  /** The day to price at, `YYYY-MM-DD` (UTC). Default: today. */
  readonly asOf?: string;
}

/**
 * Today's date in UTC, `YYYY-MM-DD`: the default day of {@link tableAsOf}.
 *
 * @example
 * /^\d{4}-\d{2}-\d{2}$/.test(todayUtc());
 * //=> true
 */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The version of table `id` in force on a day: the newest whose `effectiveFrom` is on or
 * before it. Without a date, today (UTC).
 *
 * @throws PricebookError `UNKNOWN_TABLE` (with suggestions), `NO_TABLE_IN_EFFECT` for a day
 *   before every version, `INVALID_ARGUMENT` for a date that does not exist
 *
 * @example
 * tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2024-12-01" }).version;
 * //=> "2024-11-01"
 */
export function tableAsOf(
  pricebook: Pricebook,
  id: string,
  options: TableAsOfOptions = {},
): PricingTable {
  const asOf = options?.asOf ?? todayUtc();
  if (!isIsoDate(asOf)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["asOf"],
      `asOf: expected a date that exists, YYYY-MM-DD, got ${JSON.stringify(asOf)}`,
    );
  }
  const versions = versionsOf(pricebook, id);
  const inForce = versions.filter((table) => table.effectiveFrom <= asOf).at(-1);
  if (inForce === undefined) {
    const first = versions[0] as PricingTable;
    throw new PricebookError(
      "NO_TABLE_IN_EFFECT",
      ["asOf"],
      `no version of ${first.id} is in effect on ${asOf}; its first version, ${first.version}, takes effect on ${first.effectiveFrom}`,
    );
  }
  return inForce;
}

/**
 * One exact version of a table, as `diff` names it (`gpt-trainer-byok@2024-11-01`).
 *
 * @throws PricebookError `UNKNOWN_TABLE`
 *
 * @example
 * tableVersion(builtinPricebook(), "openai", "2025-06-10").effectiveFrom;
 * //=> "2025-06-10"
 */
export function tableVersion(pricebook: Pricebook, id: string, version: string): PricingTable {
  const versions = versionsOf(pricebook, id);
  const table = versions.find((candidate) => candidate.version === version);
  if (table === undefined) {
    throw new PricebookError(
      "UNKNOWN_TABLE",
      ["version"],
      `${id} has no version ${JSON.stringify(version)}; it has ${versions.map((v) => v.version).join(", ")}`,
    );
  }
  return table;
}

function versionsOf(pricebook: Pricebook, id: string): PricingTable[] {
  if (typeof pricebook !== "object" || pricebook === null || !Array.isArray(pricebook.tables)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["pricebook"],
      "expected a pricebook (from createPricebook or builtinPricebook)",
    );
  }
  if (typeof id !== "string" || id === "") {
    throw new PricebookError("INVALID_ARGUMENT", ["id"], 'expected a table id such as "openai"');
  }
  const wanted = typeof id === "string" ? id.toLowerCase() : "";
  const versions = pricebook.tables.filter((table) => table.id === wanted);
  if (versions.length === 0) {
    const ids = [...new Set(pricebook.tables.map((table) => table.id))];
    const near = suggest(wanted, ids);
    const hint =
      near.length === 0
        ? `; tables: ${ids.join(", ")}`
        : `; did you mean ${near.map((n) => `"${n}"`).join(", ")}?`;
    throw new PricebookError("UNKNOWN_TABLE", ["table"], `no table ${JSON.stringify(id)}${hint}`, {
      suggestions: near,
    });
  }
  return versions;
}
