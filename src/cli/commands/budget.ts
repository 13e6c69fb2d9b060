import { PricebookError } from "../../errors.js";
import type { PartialQueryPolicy } from "../../pricing/allocate.js";
import { estimateBudget } from "../../pricing/estimateBudget.js";
import type { ParsedArgs } from "../args.js";
import { tokenCountArg, windowArg } from "../args.js";
import {
  type Command,
  type Context,
  positionals,
  print,
  stringFlag,
  TABLE_FLAGS,
} from "../command.js";

function parseMix(value: string): { variant: string; share: string }[] {
  return value.split(",").map((part, index) => {
    const match = /^([^=]+)=(.+)$/.exec(part);
    if (match === null) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        ["--mix", index],
        `--mix: expected VARIANT=SHARE pairs like gpt-4o-16k=0.25,gpt-4o-mini-16k=0.75, got ${JSON.stringify(part)}`,
      );
    }
    return { variant: match[1] as string, share: match[2] as string };
  });
}

function runBudget(args: ParsedArgs, context: Context): number {
  positionals(args, 0, 0, "");
  const queriesText = stringFlag(args, "queries");
  if (queriesText === undefined)
    throw new PricebookError("MISSING_ARGUMENT", ["--queries"], "--queries N is required");
  const count = (flag: string, fallback: number) => {
    const value = stringFlag(args, flag);
    return value === undefined ? fallback : tokenCountArg(value, [`--${flag}`]);
  };
  const agents = count("agents", 1);
  const deployment = {
    agents,
    userFacingAgents: count("user-facing", Math.min(agents, 1)),
    variables: count("variables", 0),
    agentChanges: count("agent-edits", 0),
  };
  const variant = stringFlag(args, "variant");
  const mix = stringFlag(args, "mix");
  const model = stringFlag(args, "model");
  const windowText = stringFlag(args, "window");
  const window = windowText === undefined ? undefined : windowArg(windowText);
  const balance = stringFlag(args, "credit-balance");
  const partial = stringFlag(args, "partial") as PartialQueryPolicy | undefined;
  const table = context.table();
  const budget = estimateBudget(table, {
    ...(variant === undefined ? {} : { variant }),
    ...(mix === undefined ? {} : { mix: parseMix(mix) }),
    ...(model === undefined ? {} : { model }),
    ...(window === undefined ? {} : { window }),
    queries: tokenCountArg(queriesText, ["--queries"]),
    deployment,
    ...(balance === undefined ? {} : { creditBalance: balance }),
    ...(partial === undefined ? {} : { partial }),
  });
  const symbol = table.credits?.symbol ?? "credits";
  const lines = [
    `budget for ${budget.queries} queries, ${budget.table.id}@${budget.table.version}`,
    ...budget.mix.map(
      (part) =>
        `  ${(part.variant ?? `${part.model} ${window?.input}:${window?.output}`).padEnd(18)} ${part.queries} queries × ${part.perQuery.usd} = ${part.usd} USD${part.perQuery.credits === null ? "" : ` (${part.perQuery.credits} ${symbol} each)`}`,
    ),
    `  AI (upper bound)   ${budget.ai.usd} USD${budget.ai.low === null ? "" : ` (${budget.ai.low} to ${budget.ai.high})`}${budget.credits === null ? "" : `, ${budget.credits} ${symbol}`}`,
    "  partner workflows (the partner's own key):",
    ...budget.workflows.map(
      (workflow) =>
        `    ${workflow.id.padEnd(28)} ${workflow.applies ? `${workflow.runs} runs × ${workflow.perRun} = ${workflow.usd} USD` : "does not apply"}`,
    ),
    `    total                        ${budget.partner.usd} USD`,
  ];
  if (budget.allocation !== null) {
    const a = budget.allocation;
    lines.push(
      `  credits ${a.balance} ${symbol}: ${a.queriesOnCredits} queries on credits (${a.creditsUsed} used, ${a.creditsLeft} left), ${a.queriesOnKey} on the customer's key: ${a.keyUsd} USD`,
    );
  }
  print(context, budget, `${lines.join("\n")}\n`);
  return 0;
}

/** `budget`. */
export const budgetCommand: Command = {
  summary:
    "a period's budget (a variant, a mix, or a model with a window): AI cost with its band, credits, the partner's workflows, and who pays",
  usage:
    "budget --variant V | --mix V=SHARE,V=SHARE | --model M --window IN:OUT  --queries N [--agents N] [--user-facing N] [--variables N] [--agent-edits N] [--credit-balance N] [--partial to-key|split] [--as-of DATE] [--table ID|FILE] [--json]",
  flags: {
    ...TABLE_FLAGS,
    variant: "value",
    mix: "value",
    model: "value",
    window: "value",
    queries: "value",
    agents: "value",
    "user-facing": "value",
    variables: "value",
    "agent-edits": "value",
    "credit-balance": "value",
    partial: "value",
  },
  run: runBudget,
};
