import type { Dec } from "../money/decimal.js";
import { minus, plus, times } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import type { PricingTable } from "../schema/types.js";

/** The stated uncertainty around an estimate: `usd × (1 − band)` to `usd × (1 + band)`. */
export interface Band {
  readonly low: string;
  readonly high: string;
}

/** @internal the band around an exact amount, or null when the table states none. */
export function bandAround(table: PricingTable, usd: Dec): Band | null {
  if (table.band === null) return null;
  const fraction = table.band;
  return Object.freeze({
    low: formatDecimal(times(usd, minus(1, fraction))),
    high: formatDecimal(times(usd, plus(1, fraction))),
  });
}
