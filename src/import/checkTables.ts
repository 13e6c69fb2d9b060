import { safeParseTable } from "../catalog/parseTable.js";
import { PricebookError } from "../errors.js";
import type { PricingTableInput } from "../schema/types.js";

/**
 * Holds an import to what it may write: every table parses with `parseTable` (so a catalog key
 * the importer mistranslates is refused here, not in the file written), and no two tables share
 * an id and version (providers whose ids differ only in case would overwrite each other's file).
 *
 * @throws PricebookError `INVALID_CATALOG`
 * @internal
 */
export function checkTables(tables: readonly PricingTableInput[]): void {
  const seen = new Map<string, PricingTableInput>();
  for (const table of tables) {
    const key = `${table.id.toLowerCase()}@${table.version}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new PricebookError(
        "INVALID_CATALOG",
        [table.id],
        `two providers of the catalog make the same table ${key} (their ids differ only in case?): one would overwrite the other; import them one at a time with --provider`,
      );
    }
    seen.set(key, table);
    const result = safeParseTable(table);
    if (!result.success) {
      const [issue] = result.error.issues;
      throw new PricebookError(
        "INVALID_CATALOG",
        issue?.path ?? [],
        `the catalog makes a table ${table.id}@${table.version} that does not parse (${issue?.message ?? "invalid"}); nothing was written`,
        { issues: result.error.issues.map((i) => ({ ...i, code: "INVALID_CATALOG" as const })) },
      );
    }
  }
}
