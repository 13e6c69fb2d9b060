import { safeParseTable } from "../catalog/parseTable.js";
import { PricebookError } from "../errors.js";
import type { ModelInput, PricingTableInput } from "../schema/types.js";
import type { Collector } from "./entry.js";

/** How many times a table is re-checked after models it refused are left out. */
const ROUNDS = 3;

/**
 * The tables an import made, each checked with `parseTable` as a reader of the written file
 * would: a model the table format refuses (a price or a count the importer let through that
 * the format cannot hold) is left out and reported as skipped with the format's own reason,
 * never written for `parseTable` to refuse later. A table left with no model is dropped. Two
 * tables with one id and version are refused: their files would overwrite each other.
 *
 * @throws PricebookError `INVALID_CATALOG` when two tables share an id and a version, or a
 *   table stays unparsable for a reason no model accounts for.
 * @internal
 */
export function keepParsable(
  tables: readonly PricingTableInput[],
  collector: Collector,
): PricingTableInput[] {
  const seen = new Set<string>();
  const kept: PricingTableInput[] = [];
  for (const table of tables) {
    const name = `${table.id}@${table.version}`;
    if (seen.has(name)) {
      throw new PricebookError(
        "INVALID_CATALOG",
        [table.id],
        `the catalog makes table ${name} twice (providers whose ids differ only in case?); refused rather than one overwriting the other`,
      );
    }
    seen.add(name);
    const checked = parsable(table, collector);
    if (checked !== undefined) kept.push(checked);
  }
  return kept;
}

function parsable(table: PricingTableInput, collector: Collector): PricingTableInput | undefined {
  let current = table;
  for (let round = 0; round < ROUNDS; round++) {
    const result = safeParseTable(current);
    if (result.success) return current;
    const models: Record<string, ModelInput> = { ...current.models };
    let removed = 0;
    for (const issue of result.error.issues) {
      const [top, id] = issue.path;
      if (top !== "models" || typeof id !== "string" || !(id in models)) continue;
      delete models[id];
      removed += 1;
      collector.imported -= 1;
      collector.skipped.push({
        key: `${table.id}/${id}`,
        reason: `the table format refuses it (${issue.path.slice(2).join(".") || "the model"}: ${issue.message}); left out rather than written into a file parseTable refuses`,
      });
    }
    if (removed === 0) {
      throw new PricebookError(
        "INVALID_CATALOG",
        [table.id],
        `table ${table.id}@${table.version} made from the catalog does not parse: ${result.error.message}`,
        { issues: result.error.issues },
      );
    }
    if (Object.keys(models).length === 0) return undefined;
    current = { ...current, models };
  }
  throw new PricebookError(
    "INVALID_CATALOG",
    [table.id],
    `table ${table.id}@${table.version} made from the catalog still does not parse after leaving out the models it refused`,
  );
}
