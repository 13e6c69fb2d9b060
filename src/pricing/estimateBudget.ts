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
  type Segment,
  variantSegment,
} from "./allocate.js";
import { bandAround } from "./band.js";
import { toTokenCount } from "./tokens.js";
import { type Deployment, type WorkflowCost, workflowCosts } from "./workflowCosts.js";

/** What to budget for. Give `variant`, or a `mix` of variants with shares that sum to 1. */
export interface BudgetRequest {
  readonly variant?: string;
  /** Variants and their shares of the queries; shares sum to exactly 1 and split the queries into whole numbers. */
  readonly mix?: readonly { readonly variant: string; readonly share: DecimalInput }[];
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
  /** Each variant's part: its share, its queries, its cost per query and in all. */
  readonly mix: readonly {
    readonly variant: string;
    readonly share: string;
    readonly queries: number;
    readonly perQuery: { readonly usd: string; readonly credits: string };
    readonly usd: string;
  }[];
  /** The average query: Σ share × usd, and Σ share × credits (published, else estimated rounded by the table's policy). */
  readonly perQuery: { readonly usd: string; readonly credits: string };
  /** AI cost at the reservation upper bound, with the table's band (null bounds when it has none). */
  readonly ai: { readonly usd: string; readonly low: string | null; readonly high: string | null };
  /** Credits the queries take in all. */
  readonly credits: string;
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
 * A monthly (or any period's) budget for a variant or a mix of variants: the AI cost as the
 * reservation upper bound with its ±band, the credits it takes, the partner's workflow cost for
 * its deployment, and — given a credit balance — the BYOK allocation (queries on credits,
 * queries on the customer's key, key USD). Workflows are computed from their models' rates,
 * never from printed totals.
 *
 * @throws PricebookError `INVALID_ARGUMENT` for shares that do not sum to 1 or split the queries
 *   unevenly, an inconsistent deployment, or a negative balance; `UNKNOWN_MODEL`
 *
 * @example
 * const budget = estimateBudget(table, {
 *   variant: "gpt-4o-mini-16k",
 *   queries: 10_000,
 *   deployment: { agents: 3, userFacingAgents: 2, variables: 2, agentChanges: 4 },
 * });
 * [budget.ai.usd, budget.ai.low, budget.ai.high, budget.partner.usd];
 * //=> ["38.4", "30.72", "46.08", "23.078"]
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
  const parts = mixOf(request, queries);
  const segments: Segment[] = parts.map((part) =>
    variantSegment(table, part.variant, part.queries),
  );

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
      share: formatDecimal(part.share),
      queries: part.queries,
      perQuery: Object.freeze({
        usd: formatDecimal(segment.usd),
        credits: formatDecimal(segment.credits),
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
      credits: formatDecimal(perQueryCredits),
    }),
    ai: Object.freeze({
      usd: formatDecimal(usd),
      low: band?.low ?? null,
      high: band?.high ?? null,
    }),
    credits: formatDecimal(credits),
    workflows,
    partner: Object.freeze({ usd: formatDecimal(partner) }),
    allocation:
      request.creditBalance === undefined
        ? null
        : allocateSegments(table, request.creditBalance, request.partial, segments),
    table: table.provenance,
  });
}

function mixOf(request: BudgetRequest, queries: number) {
  if ((request.variant === undefined) === (request.mix === undefined)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["variant"],
      "give either a variant or a mix of variants with shares",
    );
  }
  if (request.variant !== undefined)
    return [{ variant: request.variant, share: new Dec(1), queries }];
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
  return parts;
}
