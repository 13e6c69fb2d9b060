import { assertTable } from "../catalog/assertTable.js";
import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import { Dec, ZERO } from "../money/decimal.js";
import { plus, sum, times } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { type DecimalInput, toDecimal } from "../money/toDecimal.js";
import type { PricingTable, Provenance } from "../schema/types.js";
import {
  type Allocation,
  allocateSegments,
  type PartialQueryPolicy,
  queryCredits,
  type Segment,
  variantSegment,
} from "./allocate.js";
import { bandAround } from "./band.js";
import { quote } from "./quote.js";
import { toTokenCount } from "./tokens.js";
import { type Deployment, type WorkflowCost, workflowCosts } from "./workflowCosts.js";

/**
 * What to budget for. Give exactly one of `variant`, a `mix` of variants with shares that sum
 * to 1, or a `model` with a reservation `window` of your own.
 */
export interface BudgetRequest {
  readonly variant?: string;
  /** Variants and their shares of the queries; shares sum to exactly 1 and split the queries into whole numbers. */
  readonly mix?: readonly { readonly variant: string; readonly share: DecimalInput }[];
  /** A model of the table (not a variant), priced at `window` like {@link quote} with a window. */
  readonly model?: string;
  /** With `model` (and only with it): the tokens reserved for input and for output per query. */
  readonly window?: { readonly input: number; readonly output: number };
  /** Queries in the period (a month, say). */
  readonly queries: number;
  /** The partner's deployment, for the workflows. Default: one user-facing agent, no variables, no changes. */
  readonly deployment?: Deployment;
  /** The customer's credit balance, for the allocation; without it, no allocation is made. */
  readonly creditBalance?: DecimalInput;
  /** See {@link PartialQueryPolicy}. */
  readonly partial?: PartialQueryPolicy;
}

/** A budget: every figure exact. */
export interface Budget {
  readonly queries: number;
  /**
   * Each part: its variant (null for a model with a window of your own), its model, its share,
   * its queries, its cost per query and in all. A model's part has a share of 1.
   */
  readonly mix: readonly {
    readonly variant: string | null;
    readonly model: string;
    readonly share: string;
    readonly queries: number;
    /** `credits` is null when the table has no credit currency. */
    readonly perQuery: { readonly usd: string; readonly credits: string | null };
    readonly usd: string;
  }[];
  /**
   * The average query: Σ share × usd, and Σ share × credits (published, else estimated rounded
   * by the table's policy; a model with a window has no published figure, so always the latter).
   * `credits` is null when the table has no credit currency.
   */
  readonly perQuery: { readonly usd: string; readonly credits: string | null };
  /** AI cost at the reservation upper bound, with the table's band (null bounds when it has none). */
  readonly ai: { readonly usd: string; readonly low: string | null; readonly high: string | null };
  /** Credits the queries take in all; null when the table has no credit currency. */
  readonly credits: string | null;
  /** The partner's workflows: its own cost, never the customer's. */
  readonly workflows: readonly WorkflowCost[];
  readonly partner: { readonly usd: string };
  /** Who pays the queries, when a credit balance was given; else null. */
  readonly allocation: Allocation | null;
  readonly table: Provenance;
}

const DEFAULT_DEPLOYMENT: Deployment = {
  agents: 1,
  userFacingAgents: 1,
  variables: 0,
  agentChanges: 0,
};

/**
 * A monthly (or any period's) budget for a variant, a mix of variants, or a model with a
 * reservation window of your own (priced per query as {@link quote} prices it): the AI cost as the
 * reservation upper bound with its ±band, the credits it takes, the partner's workflow cost for
 * its deployment, and — given a credit balance — the BYOK allocation (queries on credits,
 * queries on the customer's key, key USD). Workflows are computed from their models' rates,
 * never from printed totals.
 *
 * A model's queries have no published credits: each takes its estimated credits rounded by the
 * table's policy, in the credits and in the allocation, as a variant without a published figure.
 * On a table without a credit currency (a provider's own table), a model can be budgeted: the
 * credits are null, and a credit balance is refused.
 *
 * @throws PricebookError `INVALID_ARGUMENT` unless exactly one of variant, mix and model is given,
 *   for shares that do not sum to 1 or split the queries unevenly, a model without a window (or a
 *   window without a model), an inconsistent deployment, a negative balance, or a balance on a
 *   table without credits; `INVALID_USAGE` for a bad window; `UNKNOWN_MODEL`
 *
 * @example
 * const budget = estimateBudget(table, {
 *   variant: "gpt-4o-mini-16k",
 *   queries: 10_000,
 *   deployment: { agents: 3, userFacingAgents: 2, variables: 2, agentChanges: 4 },
 * });
 * [budget.ai.usd, budget.ai.low, budget.ai.high, budget.partner.usd];
 * //=> ["38.4", "30.72", "46.08", "23.078"]
 *
 * @example
 * // GPT-4o with a window of 12,800 input and 3,200 output tokens: 0.064 USD, 20 credits a query.
 * const byModel = estimateBudget(table, {
 *   model: "gpt-4o",
 *   window: { input: 12_800, output: 3_200 },
 *   queries: 1_000,
 * });
 * [byModel.perQuery.usd, byModel.perQuery.credits, byModel.ai.usd, byModel.credits];
 * //=> ["0.064", "20", "64", "20000"]
 */
export function estimateBudget(table: PricingTable, request: BudgetRequest): Budget {
  assertTable(table);
  if (!isRecord(request)) {
    throw pricebookError("INVALID_ARGUMENT", [], "expected { variant or mix, queries, … }");
  }
  const queries = toTokenCount(request.queries, ["queries"], "INVALID_ARGUMENT");
  if (
    request.partial !== undefined &&
    request.partial !== "to-key" &&
    request.partial !== "split"
  ) {
    throw pricebookError("INVALID_ARGUMENT", ["partial"], 'expected "to-key" or "split"');
  }
  const hasCredits = table.credits !== null;
  if (!hasCredits && request.creditBalance !== undefined) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["creditBalance"],
      `${table.id}@${table.version} has no credit currency: leave the credit balance out`,
    );
  }
  const parts = partsOf(table, request, queries);
  const segments: Segment[] = parts.map((part) => part.segment);

  let usd = ZERO;
  let credits = ZERO;
  let perQueryUsd = ZERO;
  let perQueryCredits = ZERO;
  const mix = parts.map((part, index) => {
    const segment = segments[index] as Segment;
    const partUsd = times(segment.usd, part.queries);
    usd = plus(usd, partUsd);
    credits = plus(credits, times(segment.credits, part.queries));
    perQueryUsd = plus(perQueryUsd, times(segment.usd, part.share));
    perQueryCredits = plus(perQueryCredits, times(segment.credits, part.share));
    return Object.freeze({
      variant: part.variant,
      model: part.model,
      share: formatDecimal(part.share),
      queries: part.queries,
      perQuery: Object.freeze({
        usd: formatDecimal(segment.usd),
        credits: hasCredits ? formatDecimal(segment.credits) : null,
      }),
      usd: formatDecimal(partUsd),
    });
  });

  const workflows = workflowCosts(table, request.deployment ?? DEFAULT_DEPLOYMENT, queries);
  const partner = sum(workflows.map((workflow) => workflow.usd));
  const band = bandAround(table, usd);
  return Object.freeze({
    queries,
    mix: Object.freeze(mix),
    perQuery: Object.freeze({
      usd: formatDecimal(perQueryUsd),
      credits: hasCredits ? formatDecimal(perQueryCredits) : null,
    }),
    ai: Object.freeze({
      usd: formatDecimal(usd),
      low: band?.low ?? null,
      high: band?.high ?? null,
    }),
    credits: hasCredits ? formatDecimal(credits) : null,
    workflows,
    partner: Object.freeze({ usd: formatDecimal(partner) }),
    allocation:
      request.creditBalance === undefined
        ? null
        : allocateSegments(table, request.creditBalance, request.partial, segments),
    table: table.provenance,
  });
}

interface Part {
  readonly variant: string | null;
  readonly model: string;
  readonly share: Dec;
  readonly queries: number;
  readonly segment: Segment;
}

function partsOf(table: PricingTable, request: BudgetRequest, queries: number): Part[] {
  const given = [request.variant, request.mix, request.model].filter(
    (value) => value !== undefined,
  ).length;
  if (given !== 1) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      [request.variant === undefined && request.model !== undefined ? "model" : "variant"],
      "give exactly one of a variant, a mix of variants with shares, or a model with a window",
    );
  }
  if (request.window !== undefined && request.model === undefined) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["window"],
      "a window goes with a model: give { model, window }, or leave the window out for a variant",
    );
  }
  if (request.model !== undefined) {
    if (typeof request.model !== "string") {
      throw pricebookError("INVALID_ARGUMENT", ["model"], "expected a model name");
    }
    if (request.window === undefined) {
      throw pricebookError(
        "INVALID_ARGUMENT",
        ["window"],
        `give a reservation window of input and output tokens for ${request.model}, e.g. { input: 12800, output: 3200 }`,
      );
    }
    // Priced exactly as quote prices a model with a window (it validates the window, and
    // refuses a variant's name).
    const q = quote(table, request.model, { window: request.window });
    const usd = new Dec(q.usd);
    const credits = table.credits === null ? ZERO : queryCredits(table.credits, usd, null);
    return [
      {
        variant: null,
        model: q.model,
        share: new Dec(1),
        queries,
        segment: { count: queries, usd, credits },
      },
    ];
  }
  const segmentOf = (variant: string, count: number): Part => {
    const segment = variantSegment(table, variant, count);
    return {
      variant,
      model: quote(table, variant).model,
      share: new Dec(1),
      queries: count,
      segment,
    };
  };
  if (request.variant !== undefined) return [segmentOf(request.variant, queries)];
  if (!Array.isArray(request.mix) || request.mix.length === 0) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["mix"],
      "expected a non-empty array of { variant, share }",
    );
  }
  let total = ZERO;
  const parts = request.mix.map((part, index) => {
    if (!isRecord(part) || typeof part.variant !== "string") {
      throw pricebookError("INVALID_ARGUMENT", ["mix", index], "expected { variant, share }");
    }
    const share = toDecimal(part.share, ["mix", index, "share"], "INVALID_ARGUMENT");
    if (share.lte(0) || share.gt(1)) {
      throw pricebookError(
        "INVALID_ARGUMENT",
        ["mix", index, "share"],
        "a share is above 0 and at most 1",
      );
    }
    total = plus(total, share);
    const count = times(share, queries);
    if (!count.isInteger()) {
      throw pricebookError(
        "INVALID_ARGUMENT",
        ["mix", index, "share"],
        `a share of ${formatDecimal(share)} of ${queries} queries is ${formatDecimal(count)}, not a whole number of queries`,
      );
    }
    return { variant: part.variant, share, queries: count.toNumber() };
  });
  if (!total.eq(1)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["mix"],
      `the shares sum to ${formatDecimal(total)}, not 1`,
    );
  }
  return parts.map((part) => ({ ...segmentOf(part.variant, part.queries), share: part.share }));
}
