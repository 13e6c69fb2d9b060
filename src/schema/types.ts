/**
 * The pricing-table format: the input form (what a table file or a built-in table module
 * holds) and the compiled form (what the pricing functions read). Types only: importing
 * this module brings no code into a bundle.
 */

/** A USD-per-token rate as a decimal string, or the same rate stated per million tokens. */
export type RateInput = string | { readonly perMillion: string };

/**
 * A per-call fee as a decimal string (USD per call), or the same fee stated per 1,000 calls
 * (`{ perThousand: "10" }` is $10 per 1,000 calls, `"0.01"` per call).
 */
export type CallRateInput = string | { readonly perThousand: string };

/**
 * The names of the rate kinds a model may price. All are USD per token except `webSearch`,
 * USD per call.
 */
export type RateKind =
  | "input"
  | "output"
  | "cachedInput"
  | "cacheWrite"
  | "cacheWrite1h"
  | "audioInput"
  | "audioOutput"
  | "imageInput"
  | "webSearch";

/**
 * The rates of a modality: audio and image input tokens are part of `input`, audio output
 * tokens part of `output`, and each is priced at its own rate where usage reports it.
 */
export interface ModalityRatesInput {
  /** Audio input tokens (part of `input`). */
  readonly audioInput?: RateInput;
  /** Audio output tokens (part of `output`). */
  readonly audioOutput?: RateInput;
  /** Image input tokens (part of `input`). */
  readonly imageInput?: RateInput;
}

/**
 * Rates of a whole-request long-context tier. A tier replaces every rate of the model: a rate
 * it does not state (an audio rate, say) is unpriced above its threshold, never the standard one.
 */
export interface TierInput extends ModalityRatesInput {
  /** The tier applies once the request's input tokens (cache reads and writes included) are strictly above this. */
  readonly aboveInputTokens: number;
  readonly input: RateInput;
  readonly output: RateInput;
  readonly cachedInput?: RateInput;
  readonly cacheWrite?: RateInput;
  readonly cacheWrite1h?: RateInput;
}

/** The service tiers a provider may offer beside its standard one. */
export type ServiceTierName = "batch" | "flex" | "priority";

/**
 * A service tier: either a multiplier of every per-token rate (audio and image included; a
 * model's `webSearch` fee is never scaled), or rates of its own.
 */
export type ServiceTierInput =
  | { readonly multiplier: string }
  | (ModalityRatesInput & {
      readonly input: RateInput;
      readonly output: RateInput;
      readonly cachedInput?: RateInput;
      readonly cacheWrite?: RateInput;
      readonly cacheWrite1h?: RateInput;
    });

/** A provider's priced model, as a table states it. */
export interface ModelInput extends ModalityRatesInput {
  readonly provider: string;
  readonly label?: string;
  readonly input: RateInput;
  readonly output: RateInput;
  /** Cache reads. */
  readonly cachedInput?: RateInput;
  /** Cache writes (a 5-minute cache where the provider has two). */
  readonly cacheWrite?: RateInput;
  /** Cache writes to a 1-hour cache. */
  readonly cacheWrite1h?: RateInput;
  /**
   * Web-search tool calls, per call: the same at every long-context and service tier (tiers
   * and service tiers cannot state it).
   */
  readonly webSearch?: CallRateInput;
  readonly tiers?: readonly TierInput[];
  readonly serviceTiers?: { readonly [name in ServiceTierName]?: ServiceTierInput };
  /** Other names this model answers to (dated snapshots, marketing names). Lower case. */
  readonly aliases?: readonly string[];
  readonly contextWindow?: number;
  /**
   * The most input tokens the table knows a price for. A request above it is
   * `UNPRICED_USAGE`: for when a long-context price is unknown rather than standard.
   */
  readonly maxPricedInputTokens?: number;
  /** Where this model's prices come from, where it differs from the table's source. */
  readonly source?: string;
  /** When this model's prices were last checked against the source, `YYYY-MM-DD`. */
  readonly checkedOn?: string;
}

/** Figures a source printed, kept so {@link auditTable} can check them; never used to price. */
export interface PrintedFigures {
  readonly input?: string;
  readonly output?: string;
  readonly usd?: string;
}

/** A product offering of a model with a reservation window. */
export interface VariantInput {
  /** The label as the source prints it (`GPT-4o-mini-16k`). */
  readonly label: string;
  /** The id of the model in the same table. */
  readonly model: string;
  /** Tokens reserved per query. */
  readonly reserved: { readonly input: number; readonly output: number };
  /** Credits per query the product publishes for this variant, a decimal string. */
  readonly credits?: string;
  readonly printed?: PrintedFigures;
}

/** What a workflow's condition counts. */
export type DeploymentCount = "agents" | "userFacingAgents" | "variables";

/** A white-label partner's workflow: overhead paid on the partner's own key. */
export interface WorkflowInput {
  readonly label: string;
  readonly model: string;
  /** Average tokens per run. */
  readonly average: { readonly input: number; readonly output: number };
  /** When it runs: once per query, or once per agent go-live or edit. */
  readonly runs: "per-query" | "per-agent-change";
  /** It applies when the deployment has at least `atLeast` of `count`. */
  readonly appliesWhen: { readonly count: DeploymentCount; readonly atLeast: number };
  readonly printed?: PrintedFigures;
}

/** A named rounding policy for credits. */
export type CreditRoundingInput =
  | { readonly policy: "none" }
  | { readonly policy: "up"; readonly step?: string }
  | { readonly policy: "half-even"; readonly step?: string };

/** A table's credit currency. */
export interface CreditsInput {
  /** The credit's name, `Message Credit`. */
  readonly name: string;
  /** Its short symbol, `MC`. */
  readonly symbol: string;
  /** USD per credit, a decimal string: `"0.0032"`. */
  readonly unitPrice: string;
  /** How per-query credits are rounded where a whole number is needed (default: up to 1). */
  readonly rounding?: CreditRoundingInput;
  /** A token-multiplier scheme: credits = tokens ÷ perTokens × the model's multiplier. */
  readonly tokenMultiplier?: {
    readonly perTokens: number;
    readonly multipliers: { readonly [model: string]: string };
  };
}

/** A pricing table as written by hand or stored in a file: the input form. */
export interface PricingTableInput {
  /** Lower-case id, `gpt-trainer-byok`. */
  readonly id: string;
  /** Version label, unique per id; by convention the effective date. */
  readonly version: string;
  /** First day this version is in force, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  readonly label?: string;
  /** Where the prices come from. */
  readonly source: string;
  /** When they were last checked against the source, `YYYY-MM-DD`. */
  readonly checkedOn: string;
  readonly currency: "USD";
  readonly credits?: CreditsInput;
  /** The stated uncertainty as a fraction: `"0.2"` for ±20%. */
  readonly band?: string;
  readonly models: { readonly [id: string]: ModelInput };
  readonly variants?: { readonly [id: string]: VariantInput };
  readonly workflows?: { readonly [id: string]: WorkflowInput };
}

/** Per-token rates of one pricing level (the standard one, a tier or a service tier). */
export interface Rates {
  readonly input: string;
  readonly output: string;
  readonly cachedInput?: string;
  readonly cacheWrite?: string;
  readonly cacheWrite1h?: string;
  readonly audioInput?: string;
  readonly audioOutput?: string;
  readonly imageInput?: string;
  /** USD per web-search call. Only a model states it; every tier of the model uses the model's. */
  readonly webSearch?: string;
}

/** A compiled long-context tier. */
export interface Tier extends Rates {
  readonly aboveInputTokens: number;
}

/** A compiled service tier: a multiplier of every rate, or rates of its own. */
export type ServiceTier = { readonly multiplier: string } | Rates;

/** A compiled model: every rate per token, as a plain decimal string. */
export interface Model extends Rates {
  readonly id: string;
  readonly provider: string;
  readonly label: string;
  readonly tiers: readonly Tier[];
  /** Batch, flex, priority: a multiplier of whichever rates apply, or standard-size rates of their own. */
  readonly serviceTiers: { readonly [name in ServiceTierName]?: ServiceTier };
  readonly aliases: readonly string[];
  readonly contextWindow?: number;
  readonly maxPricedInputTokens?: number;
  readonly source?: string;
  readonly checkedOn?: string;
}

/** A compiled variant. */
export interface Variant {
  readonly id: string;
  readonly label: string;
  readonly model: string;
  readonly reserved: { readonly input: number; readonly output: number };
  /** Published credits per query, or null where the table has no figure. */
  readonly credits: string | null;
  readonly printed?: PrintedFigures;
}

/** A compiled workflow. */
export interface Workflow {
  readonly id: string;
  readonly label: string;
  readonly model: string;
  readonly average: { readonly input: number; readonly output: number };
  readonly runs: "per-query" | "per-agent-change";
  readonly appliesWhen: { readonly count: DeploymentCount; readonly atLeast: number };
  readonly printed?: PrintedFigures;
}

/** A compiled credit currency. */
export interface Credits {
  readonly name: string;
  readonly symbol: string;
  readonly unitPrice: string;
  readonly rounding: CreditRoundingInput;
  readonly tokenMultiplier?: {
    readonly perTokens: number;
    readonly multipliers: { readonly [model: string]: string };
  };
}

/** Which table (and which version of it) a result was priced at. */
export interface Provenance {
  readonly id: string;
  readonly version: string;
  /** `sha256:` and the hex SHA-256 of the table's canonical JSON. */
  readonly digest: string;
}

/** A validated, normalised, frozen pricing table. */
export interface PricingTable {
  readonly id: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly label: string;
  readonly source: string;
  readonly checkedOn: string;
  readonly currency: "USD";
  readonly credits: Credits | null;
  readonly band: string | null;
  readonly models: { readonly [id: string]: Model };
  readonly variants: { readonly [id: string]: Variant };
  readonly workflows: { readonly [id: string]: Workflow };
  readonly provenance: Provenance;
}
