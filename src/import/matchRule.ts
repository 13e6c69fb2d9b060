import { isRecord } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import { shown } from "./parseCatalogText.js";
import { compileSafeRegex, type SafeRegex } from "./safeRegex.js";
import type { JsonPath } from "./scanJson.js";

// genai-prices' match rules (`equals`, `starts_with`, `ends_with`, `contains`, `regex`, and
// `or` / `and` of rules), read once per model into a tree that can be tested without
// recursion past a fixed depth and without JavaScript's backtracking RegExp.

/**
 * How deep `or` and `and` may nest in one match rule: genai-prices' own rules nest one deep.
 * Deeper is `INVALID_CATALOG`.
 */
export const MAX_RULE_DEPTH = 32;

/** A literal test, the kinds an index can look up. @internal */
export type LiteralKind = "equals" | "prefix" | "suffix" | "contains";

/** A match rule, compiled. `unknown`: a regex outside the linear-time subset. @internal */
export type Rule =
  | { readonly t: "literal"; readonly kind: LiteralKind; readonly value: string }
  | { readonly t: "regex"; readonly regex: SafeRegex }
  | { readonly t: "unknown" }
  | { readonly t: "never" }
  | { readonly t: "or" | "and"; readonly items: readonly Rule[] };

/** A regex rule the importer does not evaluate, and why. @internal */
export interface RuleNote {
  readonly field: string;
  readonly reason: string;
}

const LITERALS: readonly (readonly [string, LiteralKind])[] = [
  ["equals", "equals"],
  ["starts_with", "prefix"],
  ["ends_with", "suffix"],
  ["contains", "contains"],
];

/**
 * A model's `match` rule compiled, with a note for every regex left unevaluated. A rule that
 * is not one of genai-prices' forms never matches (as before). Nesting past
 * {@link MAX_RULE_DEPTH} is refused, with `path` (where the rule is) in the error.
 *
 * @throws PricebookError `INVALID_CATALOG`
 * @internal
 */
export function compileRule(rule: unknown, path: JsonPath, notes: RuleNote[]): Rule {
  const read = (value: unknown, field: string, at: JsonPath, depth: number): Rule => {
    if (!isRecord(value)) return { t: "never" };
    for (const t of ["or", "and"] as const) {
      const items = value[t];
      if (!Array.isArray(items)) continue;
      if (depth >= MAX_RULE_DEPTH) {
        throw new PricebookError(
          "INVALID_CATALOG",
          at,
          `a match rule nests "or"/"and" more than ${MAX_RULE_DEPTH} deep, at ${shown(at)}; genai-prices' rules nest one deep`,
        );
      }
      return {
        t,
        items: items.map((item, k) => read(item, `${field}.${t}[${k}]`, [...at, t, k], depth + 1)),
      };
    }
    for (const [key, kind] of LITERALS) {
      const literal = value[key];
      if (typeof literal === "string") return { t: "literal", kind, value: literal };
    }
    if (typeof value.regex !== "string") return { t: "never" };
    const compiled = compileSafeRegex(value.regex);
    if ("test" in compiled) return { t: "regex", regex: compiled };
    notes.push({
      field: `${field}.regex`,
      reason: `a regex rule outside the linear-time subset the importer evaluates (${compiled.unsupported}); it is not evaluated, so no name it might match is given to this or a later model`,
    });
    return { t: "unknown" };
  };
  return read(rule, "match", path, 0);
}

/**
 * The rule's test of `name`: true, false, or undefined when it hangs on an unevaluated regex
 * (Kleene's logic: `or` with a true part is true, `and` with a false part is false). Adds the
 * work done to `cost.steps`.
 *
 * @internal
 */
export function testRule(rule: Rule, name: string, cost: { steps: number }): boolean | undefined {
  switch (rule.t) {
    case "never":
      return false;
    case "unknown":
      return undefined;
    case "regex":
      cost.steps += rule.regex.cost(name.length);
      return rule.regex.test(name);
    case "literal":
      cost.steps += name.length + rule.value.length;
      return testLiteral(rule.kind, rule.value, name);
    default: {
      cost.steps += 1;
      // `and` of nothing matches nothing, as genai-prices reads it.
      if (rule.items.length === 0) return false;
      let unsure = false;
      const decisive = rule.t === "or";
      for (const item of rule.items) {
        const result = testRule(item, name, cost);
        if (result === decisive) return decisive;
        if (result === undefined) unsure = true;
      }
      return unsure ? undefined : !decisive;
    }
  }
}

/** @internal */
export function testLiteral(kind: LiteralKind, value: string, name: string): boolean {
  if (kind === "equals") return name === value;
  if (kind === "prefix") return name.startsWith(value);
  if (kind === "suffix") return name.endsWith(value);
  return name.includes(value);
}

/** The parts of a rule's top-level `or` (nested `or`s flattened), in order. @internal */
export function alternatives(rule: Rule): Rule[] {
  const out: Rule[] = [];
  const pending: Rule[] = [rule];
  while (pending.length > 0) {
    const next = pending.pop() as Rule;
    if (next.t === "or")
      for (let k = next.items.length - 1; k >= 0; k--) pending.push(next.items[k] as Rule);
    else out.push(next);
  }
  return out;
}

/**
 * A literal test every name the rule matches passes, for an index to skip the rule where it
 * cannot match; undefined when there is none (an unevaluated regex, an `or`).
 *
 * @internal
 */
export function triggerOf(
  rule: Rule,
): { readonly kind: LiteralKind; readonly value: string } | undefined {
  if (rule.t === "literal") return rule;
  if (rule.t === "regex") return rule.regex.literal;
  if (rule.t === "or" && rule.items.length === 1) return triggerOf(rule.items[0] as Rule);
  if (rule.t !== "and") return undefined;
  // Any part of an `and` will do; a literal part is the sharpest.
  const literal = rule.items.find((item) => item.t === "literal");
  if (literal !== undefined) return triggerOf(literal);
  for (const item of rule.items) {
    const trigger = triggerOf(item);
    if (trigger !== undefined) return trigger;
  }
  return undefined;
}
