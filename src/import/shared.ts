import type { ModelInput, PricingTableInput, RateInput, TierInput } from "../schema/types.js";

// Small pieces the catalog importers share.

/** Options after defaults, as each format's importer reads them. @internal */
export interface ImportSettings {
  readonly providers: ReadonlySet<string> | undefined;
  readonly asOf: string | undefined;
  readonly catalogDate: string;
  readonly source: string | undefined;
}

/** The per-token rates a model, a tier and a service tier can state. @internal */
export type RateKind =
  | "input"
  | "output"
  | "cachedInput"
  | "cacheWrite"
  | "cacheWrite1h"
  | "audioInput"
  | "audioOutput"
  | "imageInput";

/** Rates by kind, each already an exact decimal. @internal */
export type RateSet = Partial<Record<RateKind, RateInput>>;

/**
 * Whole-request tiers from per-kind tier prices: at each threshold, every kind takes its own
 * price for that threshold if it has one, else its price at the threshold below (the base
 * rate for the first): a kind without tiers costs the same at any size.
 *
 * @internal
 */
export function buildTiers(
  base: RateSet,
  byThreshold: ReadonlyMap<number, RateSet>,
): TierInput[] | undefined {
  if (byThreshold.size === 0) return undefined;
  const tiers: TierInput[] = [];
  let current: RateSet = base;
  for (const threshold of [...byThreshold.keys()].sort((a, b) => a - b)) {
    current = { ...current, ...byThreshold.get(threshold) };
    tiers.push({
      aboveInputTokens: threshold,
      ...(current as { input: RateInput; output: RateInput }),
    });
  }
  return tiers;
}

/** Rates of a service tier: its own where given, else the standard ones. @internal */
export function fillRates(base: RateSet, own: RateSet): RateSet {
  return { ...base, ...own };
}

/** A table input with the fields every import sets. @internal */
export function tableInput(
  id: string,
  label: string,
  version: string,
  effectiveFrom: string,
  source: string,
  checkedOn: string,
  models: Record<string, ModelInput>,
): PricingTableInput {
  return { id, version, effectiveFrom, label, source, checkedOn, currency: "USD", models };
}

/** Sorted by id, so the same catalog always gives the same file. @internal */
export function sortedModels(models: Map<string, ModelInput>): Record<string, ModelInput> {
  const out: Record<string, ModelInput> = {};
  for (const id of [...models.keys()].sort()) out[id] = models.get(id) as ModelInput;
  return out;
}
