// The two-source rule, field by field: a price enters when genai-prices and LiteLLM (either
// snapshot: one source at two dates) state the same value, or when the fact file states it.
import { Dec } from "../../src/money/decimal.js";
import { formatDecimal } from "../../src/money/formatDecimal.js";
import type { PriceFields } from "./priceFields.js";

/** What the fact file says about one model on one date. */
export interface FactFields {
  /** Field → per-token rate. */
  readonly values: ReadonlyMap<string, string>;
  readonly omit: ReadonlySet<string>;
}

/** A field that did not enter, and why. */
export interface DroppedField {
  readonly field: string;
  readonly reason: string;
}

/** A field the fact file decided. */
export interface DecidedField {
  readonly field: string;
  readonly value: string;
  /** Which catalogs state the same value. */
  readonly agreesWith: readonly ("genai-prices" | "LiteLLM")[];
}

/** The result of the rule for one model on one date. */
export interface Agreement {
  readonly fields: ReadonlyMap<string, string>;
  readonly dropped: readonly DroppedField[];
  readonly decided: readonly DecidedField[];
}

/** A rate in the unit people quote it in: per 1M tokens, or per 1,000 calls for web search. */
export function quoted(field: string, rate: string): string {
  return field === "webSearch"
    ? `${formatDecimal(new Dec(rate).times(1000))} per 1K calls`
    : `${formatDecimal(new Dec(rate).times(1_000_000))} per 1M`;
}

function describe(field: string, genai: string | undefined, litellm: readonly string[]): string {
  const g = genai === undefined ? "none" : quoted(field, genai);
  const l =
    litellm.length === 0
      ? "none"
      : [...new Set(litellm.map((rate) => quoted(field, rate)))].join(" / ");
  if (genai === undefined) return `only LiteLLM prices it (${l})`;
  if (litellm.length === 0) return `only genai-prices prices it (${g})`;
  return `genai-prices ${g} vs LiteLLM ${l}`;
}

/**
 * Applies the two-source rule to one model's prices from each source.
 *
 * @param genai - the genai-prices record's fields in force on the date, if a record matches.
 * @param litellm - the LiteLLM entry's fields in each snapshot that has the id.
 * @param fact - what the fact file says, if anything.
 */
export function agreePrices(
  genai: PriceFields | undefined,
  litellm: readonly PriceFields[],
  fact: FactFields | undefined,
): Agreement {
  const names = new Set<string>([
    ...(genai?.keys() ?? []),
    ...litellm.flatMap((fields) => [...fields.keys()]),
    ...(fact?.values.keys() ?? []),
  ]);
  const fields = new Map<string, string>();
  const dropped: DroppedField[] = [];
  const decided: DecidedField[] = [];
  for (const field of [...names].sort()) {
    const g = genai?.get(field);
    const ls = litellm.flatMap((entry) => {
      const value = entry.get(field);
      return value === undefined ? [] : [value];
    });
    if (fact?.omit.has(field)) {
      dropped.push({
        field,
        reason: `the fact file gives no confirmed price (${describe(field, g, ls)})`,
      });
      continue;
    }
    const stated = fact?.values.get(field);
    if (stated !== undefined) {
      const agreesWith: ("genai-prices" | "LiteLLM")[] = [];
      if (g !== undefined && new Dec(g).eq(stated)) agreesWith.push("genai-prices");
      if (ls.some((value) => new Dec(value).eq(stated))) agreesWith.push("LiteLLM");
      fields.set(field, stated);
      decided.push({ field, value: stated, agreesWith });
      continue;
    }
    if (g !== undefined && ls.some((value) => new Dec(value).eq(g))) fields.set(field, g);
    else dropped.push({ field, reason: describe(field, g, ls) });
  }
  return { fields, dropped, decided };
}
