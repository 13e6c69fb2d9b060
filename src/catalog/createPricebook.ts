import { PricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import { assertTable } from "./assertTable.js";

/** The tables in force: every version of every table, oldest first within an id. */
export interface Pricebook {
  readonly tables: readonly PricingTable[];
}

/**
 * Gathers compiled tables into a pricebook. Versions of one id are ordered by their
 * effective date; two tables with the same id and version, or the same id and effective
 * date, are refused (`INVALID_ARGUMENT`): a published version never changes.
 *
 * @example
 * createPricebook([byok20241101, byok20250107]).tables.length;
 * //=> 2
 */
export function createPricebook(tables: Iterable<PricingTable>): Pricebook {
  if (tables === null || typeof tables !== "object" || !(Symbol.iterator in tables)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["tables"],
      "expected an array of compiled tables",
    );
  }
  const list = [...tables];
  list.forEach((table, index) => {
    assertTable(table, ["tables", index]);
  });
  const seen = new Map<string, number>();
  list.forEach((table, index) => {
    for (const key of [`${table.id}@${table.version}`, `${table.id} from ${table.effectiveFrom}`]) {
      const previous = seen.get(key);
      if (previous !== undefined) {
        throw new PricebookError(
          "INVALID_ARGUMENT",
          [index],
          `tables ${previous} and ${index} are both ${key}; give each version its own version label and effective date`,
        );
      }
      seen.set(key, index);
    }
  });
  // Plain code-unit order: ids are lower-case ASCII and dates ISO, and localeCompare would load
  // ICU's collator at start-up (~0.15 s of every CLI run).
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const sorted = list.sort((a, b) => order(a.id, b.id) || order(a.effectiveFrom, b.effectiveFrom));
  return Object.freeze({ tables: Object.freeze(sorted) });
}
