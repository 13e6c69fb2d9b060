import { compileTable } from "../catalog/compileTable.js";
import { createPricebook, type Pricebook } from "../catalog/createPricebook.js";
import { deepFreeze } from "../catalog/deepFreeze.js";
import type { PricingTableInput } from "../schema/types.js";
import { generatedTableInputs } from "./generatedTables.js";
import { gptTrainerByok20241101 } from "./gptTrainerByok20241101.js";
import { gptTrainerByok20250107 } from "./gptTrainerByok20250107.js";

/**
 * Every built-in table version, in its input form: the source page's `gpt-trainer-byok`
 * (written by hand), then the provider tables generated from the pinned catalogs by
 * `npm run tables:generate` (`openai`, `anthropic`, `google`, `google-vertex`, `aws-bedrock`,
 * `azure-openai`, `mistral`, `xai`).
 */
export const builtinTableInputs: readonly PricingTableInput[] = deepFreeze([
  gptTrainerByok20241101,
  gptTrainerByok20250107,
  ...generatedTableInputs,
]);

/** The id the CLI and examples price with unless told otherwise. */
export const DEFAULT_TABLE_ID = "gpt-trainer-byok";

// Compiled on first use, not at import: importing the package costs nothing for callers who
// bring their own tables.
const cache: { pricebook?: Pricebook } = {};

/**
 * The pricebook of every built-in table version, compiled once on first use.
 *
 * @example
 * builtinPricebook()
 *   .tables.filter((table) => table.id === "openai")
 *   .map((table) => table.version);
 * //=> ["2025-01-01", "2025-06-10", "2026-07-30"]
 */
export function builtinPricebook(): Pricebook {
  cache.pricebook ??= createPricebook(builtinTableInputs.map((input) => compileTable(input)));
  return cache.pricebook;
}
