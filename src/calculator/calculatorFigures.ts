import { PricebookError } from "../errors.js";
import type { Allocation } from "../pricing/allocate.js";
import { type Budget, estimateBudget } from "../pricing/estimateBudget.js";
import { type Quote, quote } from "../pricing/quote.js";
import type { PricingTable } from "../schema/types.js";

/** What a person typed into the calculator: text, exactly as the inputs hold it. */
export interface CalculatorEntries {
  readonly variant: string;
  readonly queries: string;
  readonly agents: string;
  readonly userFacingAgents: string;
  readonly variables: string;
  /** Agent go-lives or edits in the month. Empty means 0, as the CLI's `--agent-edits` default. */
  readonly agentEdits?: string;
  /** The customer's credit balance; empty means none given (no allocation). */
  readonly creditBalance: string;
}

/** What the calculator shows: the library's own results, or why there is no number. */
export type CalculatorFigures =
  | {
      readonly ok: true;
      /** One query of the variant: usd, band and credits (estimated and published). */
      readonly quote: Quote;
      /** The month: `estimateBudget`'s result, as `budget --json` prints it. */
      readonly budget: Budget;
      /** Who pays, when a balance was given: `budget.allocation`. */
      readonly allocation: Allocation | null;
    }
  | {
      readonly ok: false;
      /** The entry at fault (`queries`, `agents`, …), or null. */
      readonly field: keyof CalculatorEntries | null;
      /** What to do about it, for a person. */
      readonly message: string;
    };

const COUNT_FIELDS = {
  queries: "queries per month",
  agents: "agents",
  userFacingAgents: "user-facing agents",
  variables: "variables",
  agentEdits: "agent go-lives or edits",
} as const;

/**
 * The figures the `<llm-pricebook-calculator>` element shows for what was typed into it, computed
 * by {@link estimateBudget} and {@link quote} from the same arguments the CLI's `budget` command
 * passes (so every figure equals `budget --json`'s). Counts must be plain whole numbers (`1000`,
 * not `1e3`, `1,000`, `-1` or `1.5`), as the CLI's flags; anything else, or anything the library
 * refuses, gives `{ ok: false, message }` and no number at all.
 *
 * @example
 * const figures = calculatorFigures(table, {
 *   variant: "gpt-4o-mini-16k", queries: "10000", agents: "3", userFacingAgents: "2",
 *   variables: "2", agentEdits: "4", creditBalance: "",
 * });
 * figures.ok && [figures.budget.ai.usd, figures.budget.partner.usd];
 * //=> ["38.4", "23.078"]
 */
export function calculatorFigures(
  table: PricingTable,
  entries: CalculatorEntries,
): CalculatorFigures {
  const counts: Partial<Record<keyof typeof COUNT_FIELDS, number>> = {};
  for (const [key, name] of Object.entries(COUNT_FIELDS) as [keyof typeof COUNT_FIELDS, string][]) {
    const text = (entries[key] ?? "").trim();
    if (key === "agentEdits" && text === "") {
      counts[key] = 0;
      continue;
    }
    // The CLI's rule for a count: digits only, at most 16 of them, and a safe integer.
    const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value)) {
      return {
        ok: false,
        field: key,
        message:
          text === ""
            ? `Enter the number of ${name}.`
            : `The number of ${name} must be a whole number, 0 or more, written with digits only (got "${text}").`,
      };
    }
    counts[key] = value;
  }
  const balance = entries.creditBalance.trim();
  try {
    const budget = estimateBudget(table, {
      variant: entries.variant,
      queries: counts.queries as number,
      deployment: {
        agents: counts.agents as number,
        userFacingAgents: counts.userFacingAgents as number,
        variables: counts.variables as number,
        agentChanges: counts.agentEdits as number,
      },
      ...(balance === "" ? {} : { creditBalance: balance }),
    });
    return {
      ok: true,
      quote: quote(table, entries.variant),
      budget,
      allocation: budget.allocation,
    };
  } catch (error) {
    if (!(error instanceof PricebookError)) throw error;
    const at = String(error.path[error.path.length - 1] ?? "");
    const field: keyof CalculatorEntries | null =
      error.code === "UNKNOWN_MODEL" || at === "variant" || at === "name"
        ? "variant"
        : at === "balance"
          ? "creditBalance"
          : at === "queries" || at === "agents" || at === "userFacingAgents" || at === "variables"
            ? at
            : null;
    return { ok: false, field, message: error.message };
  }
}
