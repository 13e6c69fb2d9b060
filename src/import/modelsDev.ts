import type { PricingTableInput } from "../schema/types.js";
import type { Collector } from "./entry.js";
import type { ImportSettings } from "./shared.js";

/** @internal */
export function importModelsDev(
  _data: unknown,
  _settings: ImportSettings,
  _collector: Collector,
): PricingTableInput[] {
  return [];
}
