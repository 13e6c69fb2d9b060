import { compileTable } from "../catalog/compileTable.js";
import { createPricebook, type Pricebook } from "../catalog/createPricebook.js";
import { deepFreeze } from "../catalog/deepFreeze.js";
import type { PricingTableInput } from "../schema/types.js";
import { anthropic20250805 } from "./anthropic20250805.js";
import { anthropic20260313 } from "./anthropic20260313.js";
import { google20251107 } from "./google20251107.js";
import { gptTrainerByok20241101 } from "./gptTrainerByok20241101.js";
import { gptTrainerByok20250107 } from "./gptTrainerByok20250107.js";
import { openai20250416 } from "./openai20250416.js";
import { openai20250610 } from "./openai20250610.js";

/** Every built-in table version, in its input form. */
export const builtinTableInputs: readonly PricingTableInput[] = deepFreeze([
  gptTrainerByok20241101,
  gptTrainerByok20250107,
  openai20250416,
  openai20250610,
  anthropic20250805,
  anthropic20260313,
  google20251107,
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
 * builtinPricebook().tables.map((table) => `${table.id}@${table.version}`);
 * //=> ["anthropic@2025-08-05", "anthropic@2026-03-13", "google@2025-11-07", "gpt-trainer-byok@2024-11-01", "gpt-trainer-byok@2025-01-07", "openai@2025-04-16", "openai@2025-06-10"]
 */
export function builtinPricebook(): Pricebook {
  cache.pricebook ??= createPricebook(builtinTableInputs.map((input) => compileTable(input)));
  return cache.pricebook;
}
