import { PricebookError } from "../errors.js";
import { literalIndex } from "./literalIndex.js";
import { alternatives, type LiteralKind, type Rule, testRule, triggerOf } from "./matchRule.js";
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
 * 20,000 `contains` rules are not 20,000² tests. Regex and `and` rules are tested only where a
 * literal they imply (`^gpt-5\\.6-` implies the prefix `gpt-5.6-`) matches the name, through a
 * second index, or always when they imply none (`^(a|aa)+$`). A model whose rule cannot be
 * settled for the name (an unevaluated regex) makes the answer `"unknown"`: no later model may
 * claim the name.
 *
 * @throws PricebookError `LIMIT_EXCEEDED` (at `path`) past {@link MAX_RULE_STEPS}.
 * @internal
 */
export function ruleOwner(rules: readonly (Rule | undefined)[], path: JsonPath): Owner {
  type Literal = { kind: LiteralKind; value: string; model: number };
  const literals: Literal[] = [];
  // Models with parts the literal index cannot answer, with those parts; those whose every
  // such part has a trigger (a literal it implies) are found through a second index.
  const parts = new Map<number, Rule[]>();
  const triggers: Literal[] = [];
  const always: number[] = [];
  rules.forEach((rule, model) => {
    if (rule === undefined) return;
    const own: Rule[] = [];
    for (const part of alternatives(rule)) {
      if (part.t === "literal") literals.push({ kind: part.kind, value: part.value, model });
      else if (part.t !== "never") own.push(part);
    }
    if (own.length === 0) return;
    parts.set(model, own);
    const implied = own.map(triggerOf);
    if (implied.every((t) => t !== undefined)) {
      for (const t of implied) triggers.push({ kind: t.kind, value: t.value, model });
    } else always.push(model);
  });
  const index = literalIndex(literals);
  const triggered = literalIndex(triggers);
  const cost = { steps: 0 };
  const spend = (steps: number) => {
    cost.steps += steps;
    if (cost.steps > MAX_RULE_STEPS) {
      throw new PricebookError(
        "LIMIT_EXCEEDED",
        path,
        `settling which model each name belongs to took more than ${MAX_RULE_STEPS} rule-test steps (regex and "and" rules that many names could match); a catalog with that many such rules is refused`,
      );
    }
  };
  return (name) => {
    const first = index.first(name);
    const candidates = new Set<number>();
    for (const model of always) {
      if (model >= first) break;
      candidates.add(model);
    }
    triggered.each(name, (model) => {
      spend(1);
      if (model < first) candidates.add(model);
    });
    for (const model of [...candidates].sort((a, b) => a - b)) {
      let unsure = false;
      for (const part of parts.get(model) as Rule[]) {
        const result = testRule(part, name, cost);
        if (result === true) return model;
        if (result === undefined) unsure = true;
      }
      spend(0);
      if (unsure) return "unknown";
    }
    return Number.isFinite(first) ? first : undefined;
  };
}
