import { compileTable } from "../catalog/compileTable.js";
import { createPricebook, type Pricebook } from "../catalog/createPricebook.js";
import { gptTrainerByok20241101 } from "./gptTrainerByok20241101.js";

/** Every built-in table version, in its input form. */
export const builtinTableInputs = Object.freeze([gptTrainerByok20241101]);

/** The id the CLI and examples price with unless told otherwise. */
export const DEFAULT_TABLE_ID = "gpt-trainer-byok";

// Compiled on first use, not at import: importing the package costs nothing for callers who
// bring their own tables.
const cache: { pricebook?: Pricebook } = {};

/**
 * The pricebook of every built-in table version, compiled once on first use.
 *
 * @example
 * builtinPricebook().tables.map((table) => `${table.id}@${table.version}`);
 * //=> ["gpt-trainer-byok@2024-11-01"]
 */
export function builtinPricebook(): Pricebook {
  cache.pricebook ??= createPricebook(builtinTableInputs.map((input) => compileTable(input)));
  return cache.pricebook;
}
