import { PricebookError } from "../errors.js";
import { literalIndex } from "./literalIndex.js";
import { alternatives, type Rule, testRule } from "./matchRule.js";
import type { JsonPath } from "./scanJson.js";

/**
 * The most rule-test work (characters compared, regex VM steps) one provider's names may take
 * to settle; past it the import is `LIMIT_EXCEEDED`. Literal rules cost nothing here (an index
 * answers them), so only thousands of regex or `and` rules that each need testing reach it.
 */
export const MAX_RULE_STEPS = 20_000_000;

/** Which model owns a name: its index, `"unknown"`, or undefined for none. @internal */
export type Owner = (name: string) => number | "unknown" | undefined;

/**
 * genai-prices' first-match order as a lookup: the first model (in catalog order) whose rule
 * matches a name. Literal rules at the top of a rule (`equals`, `starts_with`, `ends_with`,
 * `contains`, and `or`s of them) are answered by one index in time linear in the name, so
 * 20,000 `contains` rules are not 20,000² tests; only models with a regex or an `and` before
 * that answer are tested one by one. A model whose rule cannot be settled for the name (an
 * unevaluated regex) makes the answer `"unknown"`: no later model may claim the name.
 *
 * @throws PricebookError `LIMIT_EXCEEDED` (at `path`) past {@link MAX_RULE_STEPS}.
 * @internal
 */
export function ruleOwner(rules: readonly (Rule | undefined)[], path: JsonPath): Owner {
  const literals: {
    kind: "equals" | "prefix" | "suffix" | "contains";
    value: string;
    model: number;
  }[] = [];
  // Models with parts the index cannot answer, in catalog order, with those parts.
  const others: { model: number; parts: Rule[] }[] = [];
  rules.forEach((rule, model) => {
    if (rule === undefined) return;
    const parts: Rule[] = [];
    for (const part of alternatives(rule)) {
      if (part.t === "literal") literals.push({ kind: part.kind, value: part.value, model });
      else if (part.t !== "never") parts.push(part);
    }
    if (parts.length > 0) others.push({ model, parts });
  });
  const index = literalIndex(literals);
  const cost = { steps: 0 };
  return (name) => {
    const first = index.first(name);
    for (const { model, parts } of others) {
      if (model >= first) break;
      let unsure = false;
      for (const part of parts) {
        const result = testRule(part, name, cost);
        if (result === true) return model;
        if (result === undefined) unsure = true;
      }
      if (cost.steps > MAX_RULE_STEPS) {
        throw new PricebookError(
          "LIMIT_EXCEEDED",
          path,
          `settling which model each name belongs to took more than ${MAX_RULE_STEPS} rule-test steps (regex and "and" rules, each tested in catalog order); a catalog with that many such rules is refused`,
        );
      }
      if (unsure) return "unknown";
    }
    return Number.isFinite(first) ? first : undefined;
  };
}
