import { PricebookError } from "../errors.js";
import type { Allocation } from "../pricing/allocate.js";
import { type Budget, estimateBudget } from "../pricing/estimateBudget.js";
import { type Quote, quote } from "../pricing/quote.js";
import type { PricingTable } from "../schema/types.js";

/** What a person typed into the calculator: text, exactly as the inputs hold it. */
export interface CalculatorEntries {
  /** What to price: a `variant` (the default), or a `model` with a window of your own. */
  readonly mode?: "variant" | "model";
  /** The variant, in variant mode. */
  readonly variant?: string;
  /** The model, in model mode. */
  readonly model?: string;
  /** Tokens reserved for input per query, in model mode (as `budget --window IN:OUT`'s IN). */
  readonly windowInput?: string;
  /** Tokens reserved for output per query, in model mode (as `budget --window IN:OUT`'s OUT). */
  readonly windowOutput?: string;
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
      /** One query of the variant (or of the model at its window): usd, band and credits (estimated and published). */
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
  windowInput: "input tokens reserved per query",
  windowOutput: "output tokens reserved per query",
} as const;

/**
 * The figures the `<llm-pricebook-calculator>` element shows for what was typed into it, computed
 * by {@link estimateBudget} and {@link quote} from the same arguments the CLI's `budget` command
 * passes (so every figure equals `budget --json`'s). Counts must be plain whole numbers (`1000`,
 * not `1e3`, `1,000`, `-1` or `1.5`), as the CLI's flags; anything else, or anything the library
 * refuses, gives `{ ok: false, message }` and no number at all. In `mode: "model"` it prices a
 * model with a window of input and output tokens instead of a variant, as
 * `budget --model M --window IN:OUT` does.
 *
 * @example
 * const figures = calculatorFigures(table, {
 *   variant: "gpt-4o-mini-16k", queries: "10000", agents: "3", userFacingAgents: "2",
 *   variables: "2", agentEdits: "4", creditBalance: "",
 * });
 * figures.ok && [figures.budget.ai.usd, figures.budget.partner.usd];
 * //=> ["38.4", "23.078"]
 * // By a model with a window of one's own: GPT-4o at 12,800:3,200 is 0.064 USD a query.
 * const byModel = calculatorFigures(table, {
 *   mode: "model", model: "gpt-4o", windowInput: "12800", windowOutput: "3200",
 *   queries: "1000", agents: "1", userFacingAgents: "1", variables: "0", creditBalance: "",
 * });
 * byModel.ok && [byModel.quote.usd, byModel.budget.ai.usd, byModel.budget.credits];
 * //=> ["0.064", "64", "20000"]
 */
export function calculatorFigures(
  table: PricingTable,
  entries: CalculatorEntries,
): CalculatorFigures {
  const byModel = entries.mode === "model";
  if (entries.mode !== undefined && entries.mode !== "variant" && !byModel) {
    return { ok: false, field: "mode", message: 'Choose "variant" or "model" to price by.' };
  }
  const counts: Partial<Record<keyof typeof COUNT_FIELDS, number>> = {};
  for (const [key, name] of Object.entries(COUNT_FIELDS) as [keyof typeof COUNT_FIELDS, string][]) {
    if (!byModel && (key === "windowInput" || key === "windowOutput")) continue;
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
  const balance = (entries.creditBalance ?? "").trim();
  const variant = entries.variant ?? "";
  const model = entries.model ?? "";
  const window = { input: counts.windowInput as number, output: counts.windowOutput as number };
  try {
    const budget = estimateBudget(table, {
      ...(byModel ? { model, window } : { variant }),
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
      quote: byModel ? quote(table, model, { window }) : quote(table, variant),
      budget,
      allocation: budget.allocation,
    };
  } catch (error) {
    if (!(error instanceof PricebookError)) throw error;
    const at = String(error.path[error.path.length - 1] ?? "");
    const field: keyof CalculatorEntries | null =
      byModel && at === "input"
        ? "windowInput"
        : byModel && at === "output"
          ? "windowOutput"
          : error.code === "UNKNOWN_MODEL" ||
              at === "variant" ||
              at === "name" ||
              at === "model" ||
              at === "window"
            ? byModel
              ? "model"
              : "variant"
            : at === "balance" || at === "creditBalance"
              ? "creditBalance"
              : at === "queries" ||
                  at === "agents" ||
                  at === "userFacingAgents" ||
                  at === "variables"
                ? at
                : null;
    return { ok: false, field, message: error.message };
  }
}
