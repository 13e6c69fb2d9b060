import { PricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import { isRecord } from "./validate.js";

/**
 * Checks that a value is a compiled table before any function reads it, so a wrong argument is
 * an `INVALID_ARGUMENT` rather than a TypeError. Cheap: a few property checks.
 *
 * @internal
 */
export function assertTable(
  table: unknown,
  path: readonly (string | number)[] = ["table"],
): asserts table is PricingTable {
  if (
    !isRecord(table) ||
    !isRecord(table.models) ||
    !isRecord(table.variants) ||
    !isRecord(table.workflows) ||
    !isRecord(table.provenance) ||
    !hasDigest(table.provenance)
  ) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      path,
      `${path.join(".")}: expected a compiled pricing table (from compileTable, parseTable or tableAsOf)${isRecord(table) && isRecord(table.models) && !isRecord(table.provenance) ? "; this looks like a table's input form: compile it first" : ""}`,
    );
  }
}

/** A digest string, or compileTable's accessor for one (checked without computing it). */
function hasDigest(provenance: Record<string, unknown>): boolean {
  const digest = Object.getOwnPropertyDescriptor(provenance, "digest");
  return digest !== undefined && (digest.get !== undefined || typeof digest.value === "string");
}
