import { assertTable } from "../catalog/assertTable.js";
import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import { times } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import type { DeploymentCount, Model, PricingTable } from "../schema/types.js";
import { toTokenCount } from "./tokens.js";
import { windowCost } from "./windowCost.js";

/** A white-label partner's deployment, as the workflows' conditions count it. */
export interface Deployment {
  /** AI agents connected. */
  readonly agents: number;
  /** Of `agents`: the user-facing ones. */
  readonly userFacingAgents: number;
  /** Variables set up on the agent. */
  readonly variables: number;
  /** Times a user-facing agent went live or was edited in the period. Default 0. */
  readonly agentChanges?: number;
}

/** One workflow's cost over a period. */
export interface WorkflowCost {
  readonly id: string;
  readonly label: string;
  readonly model: string;
  /** Whether the deployment meets the workflow's condition. */
  readonly applies: boolean;
  /** Runs in the period: queries (per-query workflows) or agent changes; 0 when it does not apply. */
  readonly runs: number;
  /** One run: average input × input rate + average output × output rate, computed, never printed. */
  readonly perRun: string;
  /** runs × perRun, exact. */
  readonly usd: string;
}

/** @internal a validated deployment, every count present. */
export function normalizeDeployment(deployment: unknown): Required<Deployment> {
  if (!isRecord(deployment)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["deployment"],
      "expected { agents, userFacingAgents, variables, agentChanges? }",
    );
  }
  const count = (key: keyof Deployment, fallback?: number) =>
    deployment[key] === undefined && fallback !== undefined
      ? fallback
      : toTokenCount(deployment[key], ["deployment", key], "INVALID_ARGUMENT");
  const result = {
    agents: count("agents"),
    userFacingAgents: count("userFacingAgents"),
    variables: count("variables"),
    agentChanges: count("agentChanges", 0),
  };
  if (result.userFacingAgents > result.agents) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["deployment", "userFacingAgents"],
      `${result.userFacingAgents} user-facing agents cannot be more than the ${result.agents} agents connected`,
    );
  }
  return result;
}

const COUNT_OF: Readonly<Record<DeploymentCount, keyof Deployment>> = {
  agents: "agents",
  userFacingAgents: "userFacingAgents",
  variables: "variables",
};

/**
 * The white-label partner's workflow costs for a deployment over a number of queries: each
 * workflow of the table, whether it applies (its condition on agents, user-facing agents or
 * variables), how often it runs (per query, or per agent go-live or edit) and what that costs
 * at its model's rates and average tokens. These are the partner's own costs, charged to the
 * partner's key; they are never passed on to customers.
 *
 * @throws PricebookError `INVALID_ARGUMENT` for a deployment that is inconsistent (more
 *   user-facing agents than agents) or has counts that are not whole numbers
 *
 * @example
 * workflowCosts(table, { agents: 3, userFacingAgents: 2, variables: 2, agentChanges: 4 }, 10_000)
 *   .map((workflow) => `${workflow.id}: ${workflow.usd}`);
 * //=> ["intent-generation: 0.078", "query-intent-classification: 11", "variable-extraction: 12"]
 */
export function workflowCosts(
  table: PricingTable,
  deployment: Deployment,
  queries: number,
): readonly WorkflowCost[] {
  assertTable(table);
  const used = normalizeDeployment(deployment);
  const queryCount = toTokenCount(queries, ["queries"], "INVALID_ARGUMENT");
  return Object.freeze(
    Object.values(table.workflows).map((workflow) => {
      const model = table.models[workflow.model] as Model;
      const applies = used[COUNT_OF[workflow.appliesWhen.count]] >= workflow.appliesWhen.atLeast;
      const runs = !applies ? 0 : workflow.runs === "per-query" ? queryCount : used.agentChanges;
      const perRun = windowCost(model, workflow.average);
      return Object.freeze({
        id: workflow.id,
        label: workflow.label,
        model: model.id,
        applies,
        runs,
        perRun: formatDecimal(perRun),
        usd: formatDecimal(times(perRun, runs)),
      });
    }),
  );
}
