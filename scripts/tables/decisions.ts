// The decisions file (data/decisions.json): the base date, the fact-file verdicts and the
// explicit exclusions the generator applies, each with its reason and source.

/** A price the fact file (data/provider-prices.md) states: a second source, and the verdict where the catalogs disagree. */
export interface FactDecision {
  readonly table: string;
  /** Model ids (as in the table) it covers. */
  readonly models: readonly string[];
  /** First date it holds (a table version starts there); the base date when absent. */
  readonly from?: string;
  /** First date it no longer holds. */
  readonly until?: string;
  /** Field → USD per million tokens (field names as in scripts/tables/priceFields.ts). */
  readonly perMillion?: { readonly [field: string]: string };
  /** Fields the fact file says have no price (or no confirmed one): left out whatever the catalogs say. */
  readonly omit?: readonly string[];
  readonly reason: string;
  readonly source: string;
}

/** A model left out whatever the catalogs say. */
export interface ExclusionDecision {
  readonly table: string;
  readonly models: readonly string[];
  readonly reason: string;
  readonly source: string;
}

/** The whole decisions file. */
export interface Decisions {
  /** The date prices without a `start_date` are taken to be in force from. */
  readonly baseDate: string;
  readonly baseDateReason: string;
  /** The date the sources were checked (each table's `checkedOn`). */
  readonly checkedOn: string;
  /** Public citations of the sources, used in table `source` strings. */
  readonly sources: {
    readonly genaiPrices: string;
    readonly litellm: string;
    readonly factFile: string;
  };
  readonly facts: readonly FactDecision[];
  readonly exclusions: readonly ExclusionDecision[];
}
