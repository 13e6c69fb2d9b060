import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  auditTable,
  builtinTableInputs,
  charge,
  PricebookError,
  type PricingTable,
  quote,
  renderTable,
  safeParseTable,
} from "../src/index.js";
import { billingInput } from "./fixtures/tables.js";
import { RUNS } from "./runs.js";

// Random mutations of valid tables: replace a value anywhere, delete a key, add one (prototype
// keys included). Whatever comes out, parsing never throws, only ever reports PricebookErrors,
// never pollutes a prototype, and every table that parses prices consistently.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const D = Decimal.clone({ precision: 200, toExpNeg: -1000, toExpPos: 1000 });
const originals = [...builtinTableInputs, billingInput].map(
  (input) => JSON.parse(JSON.stringify(input)) as Json,
);

function paths(
  value: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      paths(item, [...prefix, index], out);
    });
  } else if (value !== null && typeof value === "object")
    for (const key of Object.keys(value)) paths(value[key] as Json, [...prefix, key], out);
  return out;
}

type Mutation =
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "delete"; at: number }
  | { kind: "add"; at: number; key: string; value: unknown };

const oddValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    -1,
    -0,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    "1e-7",
    "0x10",
    " 1",
    "",
    "-0.5",
    "2025-02-30",
    "0.0000025",
    "12800",
  ),
  fc.constantFrom(
    ...[{ perMillion: "2.5" }, { perMillion: "x" }, [], {}, null, undefined].map((v) =>
      v === null || v === undefined ? v : Object.freeze(v),
    ),
  ),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("add" as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "polluted", "input", "gpt-4o"),
      fc.string(),
    ),
    value: oddValue,
  }),
);

/** A fresh copy of a mutation's value: constants are shared between runs and must not be aliased. */
const fresh = (value: unknown): unknown =>
  typeof value === "object" && value !== null ? structuredClone(value) : value;

function mutate(original: Json, mutations: Mutation[]): unknown {
  const copy = JSON.parse(JSON.stringify(original)) as Json;
  let root: unknown = copy;
  for (const m of mutations) {
    const all = paths(root as Json);
    const path = all[m.at % all.length] as (string | number)[];
    if (path.length === 0) {
      if (m.kind === "replace") root = fresh(m.value);
      continue;
    }
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key as string], root);
    const last = path.at(-1) as string | number;
    const target = (parent as Record<string | number, unknown>)[last];
    if (m.kind === "replace") (parent as Record<string | number, unknown>)[last] = fresh(m.value);
    else if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, unknown>)[last as string];
    } else if (target !== null && typeof target === "object" && !Array.isArray(target)) {
      // Own data property, even for "__proto__", as JSON.parse would make it.
      Object.defineProperty(target, m.key, {
        value: fresh(m.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root;
}

const rowKey = (
  table: { models: Record<string, unknown> },
  row: { model: string; printed?: unknown },
  tokens: unknown,
) => JSON.stringify([table.models[row.model], tokens, row.printed]);

function checkConsistent(original: PricingTable, parsed: PricingTable): void {
  // Quotes: exactly reserved × rates, inside the band.
  for (const variant of Object.values(parsed.variants)) {
    const q = quote(parsed, variant.id);
    const model = parsed.models[variant.model];
    if (model === undefined) throw new Error("variant without model");
    expect(q.usd).toBe(
      new D(variant.reserved.input)
        .times(model.input)
        .plus(new D(variant.reserved.output).times(model.output))
        .toFixed(),
    );
    if (q.band !== null)
      expect(new D(q.band.low).lte(q.usd) && new D(q.usd).lte(q.band.high)).toBe(true);
  }
  // Charges: a PricebookError at worst.
  for (const id of Object.keys(parsed.models)) {
    try {
      charge(parsed, id, { input: 1000, output: 100, cachedInput: 10 });
    } catch (error) {
      expect(error).toBeInstanceOf(PricebookError);
    }
  }
  renderTable(parsed, { format: "html" });
  // The audit is clean wherever the original's was, for rows the mutation did not touch.
  const findings = new Set(auditTable(parsed).findings.map((f) => `${f.path[0]}.${f.path[1]}`));
  const cleanBefore = new Set(
    auditTable(original).findings.map((f) => `${f.path[0]}.${f.path[1]}`),
  );
  for (const [section, rows] of [
    ["variants", parsed.variants],
    ["workflows", parsed.workflows],
  ] as const) {
    for (const row of Object.values(rows)) {
      const before = (original[section] as Record<string, typeof row>)[row.id];
      if (before === undefined || cleanBefore.has(`${section}.${row.id}`)) continue;
      const tokens = "reserved" in row ? row.reserved : row.average;
      const tokensBefore =
        "reserved" in before ? before.reserved : (before as { average: unknown }).average;
      if (rowKey(parsed, row, tokens) === rowKey(original, before, tokensBefore)) {
        expect(findings.has(`${section}.${row.id}`), `${section}.${row.id}`).toBe(false);
      }
    }
  }
}

describe(`fuzzed tables (${RUNS} mutated tables per source table)`, () => {
  originals.forEach((original, index) => {
    const parsedOriginal = safeParseTable(original);
    if (!parsedOriginal.success) throw parsedOriginal.error;
    const name = `${(original as { id: string }).id}@${(original as { version: string }).version}`;

    it(`${name}: parsing a mutation never throws, never pollutes, and what parses prices consistently`, () => {
      let parsedCount = 0;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const mutated = mutate(original, mutations);
          for (const input of [mutated, safeStringify(mutated)]) {
            if (input === undefined) continue;
            const result = safeParseTable(input);
            if (result.success) {
              parsedCount += 1;
              checkConsistent(parsedOriginal.data, result.data);
            } else {
              expect(result.error).toBeInstanceOf(PricebookError);
              expect(result.error.code).toBe("INVALID_TABLE");
              expect(result.error.issues.length).toBeGreaterThan(0);
            }
          }
          expect(Object.keys(Object.prototype)).toEqual([]);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
      // Some mutations must leave a valid table, or the consistency checks never ran.
      if (RUNS >= 50) expect(parsedCount).toBeGreaterThan(0);
      void index;
    });
  });
});

function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
