import { PricebookError } from "../errors.js";

/**
 * Refuses two catalog providers that become one table id (`OpenAI` and `openai` are both
 * `openai`): their files would overwrite each other, and which prices win would depend on
 * their order. `providers` holds each provider's id and where it is in the catalog.
 *
 * @throws PricebookError `INVALID_CATALOG` naming both, at the second one's place.
 * @internal
 */
export function refuseSameTableId(
  providers: readonly (readonly [id: string, at: string | number])[],
): void {
  const seen = new Map<string, string>();
  for (const [id, at] of providers) {
    const tableId = id.toLowerCase();
    const other = seen.get(tableId);
    if (other !== undefined) {
      throw new PricebookError(
        "INVALID_CATALOG",
        [at],
        `providers ${JSON.stringify(other)} and ${JSON.stringify(id)} both become table ${JSON.stringify(tableId)} (table ids are lower case); the catalog is refused rather than one overwriting the other: rename or remove one`,
      );
    }
    seen.set(tableId, id);
  }
}
