import Decimal from "decimal.js";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  builtinPricebook,
  charge,
  chargeUsd,
  creditsFromUsd,
  estimateBudget,
  quote,
  sumAmounts,
  tableAsOf,
  usdFromCredits,
} from "../src/index.js";
import { billingTable } from "./fixtures/tables.js";
import { RUNS } from "./runs.js";

// The laws a billing library must keep for every input, not only the examples. Each runs RUNS
// random cases (FC_NUM_RUNS to change it).
const book = builtinPricebook();
const byok = tableAsOf(book, "gpt-trainer-byok", { asOf: "2025-02-01" });
const openai = tableAsOf(book, "openai", { asOf: "2025-07-01" });
const D = Decimal.clone({ precision: 200, toExpNeg: -1000, toExpPos: 1000 });
const lte = (a: string, b: string) => new D(a).lte(b);
const count = fc.integer({ min: 0, max: 5_000_000 });
// Models without long-context tiers or a priced-input cap: the laws hold at any token count.
const untieredModels = [
  ...Object.values(openai.models)
    .filter((model) => model.tiers.length === 0 && model.maxPricedInputTokens === undefined)
    .map((model) => [openai, model.id] as const),
  ...Object.keys(byok.models).map((id) => [byok, id] as const),
  ...["gpt-4o", "o3-mini"].map((id) => [billingTable, id] as const),
];
const modelArb = fc.constantFrom(...untieredModels);
// Usage the model can price: cache reads only where it has a cache-read rate.
const usageFor = (table: typeof byok, id: string) =>
  fc.record({ input: count, output: count, cached: count, reasoning: count }).map((u) => {
    const cachedInput =
      table.models[id]?.cachedInput === undefined ? 0 : Math.min(u.cached, u.input);
    return {
      input: u.input,
      output: u.output,
      cachedInput,
      reasoning: Math.min(u.reasoning, u.output),
    };
  });

describe(`laws (${RUNS} random cases each)`, () => {
  it("a charge is additive over usage: charge(a + b) = charge(a) + charge(b)", () => {
    fc.assert(
      fc.property(
        modelArb.chain(([t, id]) =>
          fc.tuple(fc.constant([t, id] as const), usageFor(t, id), usageFor(t, id)),
        ),
        ([[t, id], a, b]) => {
          const both = {
            input: a.input + b.input,
            output: a.output + b.output,
            cachedInput: a.cachedInput + b.cachedInput,
            reasoning: a.reasoning + b.reasoning,
          };
          expect(charge(t, id, both).usd).toBe(sumAmounts([charge(t, id, a), charge(t, id, b)]));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a charge is linear in tokens: charge(k × u) = k × charge(u)", () => {
    fc.assert(
      fc.property(
        modelArb.chain(([t, id]) =>
          fc.tuple(fc.constant([t, id] as const), usageFor(t, id), fc.integer({ min: 0, max: 50 })),
        ),
        ([[t, id], u, k]) => {
          const scaled = {
            input: u.input * k,
            output: u.output * k,
            cachedInput: u.cachedInput * k,
            reasoning: u.reasoning * k,
          };
          expect(charge(t, id, scaled).usd).toBe(new D(charge(t, id, u).usd).times(k).toFixed());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("the total is the sum of the lines, and chargeUsd gives the same total", () => {
    fc.assert(
      fc.property(
        modelArb.chain(([t, id]) => fc.tuple(fc.constant([t, id] as const), usageFor(t, id))),
        ([[t, id], u]) => {
          const result = charge(t, id, u);
          expect(result.usd).toBe(sumAmounts(result.lines));
          expect(chargeUsd(t, id, u)).toBe(result.usd);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("zero usage costs zero, for every model of every built-in table", () => {
    for (const table of book.tables) {
      for (const id of Object.keys(table.models)) {
        expect(charge(table, id, { input: 0, output: 0 }).usd).toBe("0");
        expect(chargeUsd(table, id, { input: 0, output: 0 })).toBe("0");
      }
    }
  });

  it("a charge inside a variant's window never exceeds its quote", () => {
    const variants = Object.values(byok.variants);
    fc.assert(
      fc.property(fc.constantFrom(...variants), fc.nat(), fc.nat(), (variant, a, b) => {
        const usage = {
          input: a % (variant.reserved.input + 1),
          output: b % (variant.reserved.output + 1),
        };
        const result = charge(byok, variant.id, usage);
        expect(result.exceedsWindow).toBe(false);
        expect(lte(result.usd, quote(byok, variant.id).usd)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("band.low ≤ usd ≤ band.high, for quotes of any window and for budgets", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(byok.models)),
        count,
        count,
        fc.integer({ min: 0, max: 100_000 }),
        (id, input, output, queries) => {
          const q = quote(byok, id, { window: { input, output } });
          expect(q.band && lte(q.band.low, q.usd) && lte(q.usd, q.band.high)).toBe(true);
          const budget = estimateBudget(byok, { variant: "gpt-4o-16k", queries });
          expect(
            budget.ai.low !== null &&
              lte(budget.ai.low, budget.ai.usd) &&
              lte(budget.ai.usd, budget.ai.high as string),
          ).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("credits → USD → credits, and USD → credits → USD, round-trip exactly when nothing is rounded", () => {
    const decimal = fc
      .tuple(fc.nat({ max: 10_000_000 }), fc.integer({ min: 0, max: 12 }))
      .map(([int, places]) => new D(int).div(new D(10).pow(places)).toFixed());
    fc.assert(
      fc.property(decimal, (x) => {
        expect(creditsFromUsd(byok, usdFromCredits(byok, x))).toBe(x);
        expect(usdFromCredits(byok, creditsFromUsd(byok, x))).toBe(x);
      }),
      { numRuns: RUNS },
    );
  });

  it("sums depend on neither order nor grouping", () => {
    const amount = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 15 }))
      .map(([negative, digits, places]) => {
        const text = digits.toString().padStart(places + 1, "0");
        const body = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
        return negative ? `-${body}` : body;
      });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 40 }), fc.nat(), (amounts, seed) => {
        const total = sumAmounts(amounts);
        const shuffled = [...amounts].sort(
          (a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7),
        );
        expect(sumAmounts(shuffled)).toBe(total);
        const cut = amounts.length === 0 ? 0 : seed % amounts.length;
        expect(
          sumAmounts([sumAmounts(amounts.slice(0, cut)), sumAmounts(amounts.slice(cut))]),
        ).toBe(total);
        expect(sumAmounts([...amounts].reverse())).toBe(total);
      }),
      { numRuns: RUNS },
    );
  });
});

describe(`the caller's global Decimal settings change nothing (${RUNS} random settings)`, () => {
  const saved = {
    precision: Decimal.precision,
    rounding: Decimal.rounding,
    toExpNeg: Decimal.toExpNeg,
    toExpPos: Decimal.toExpPos,
  };
  afterEach(() => {
    Decimal.set(saved);
  });

  it("quotes, charges, credits and sums are the same under any global settings", () => {
    const baseline = () => [
      quote(byok, "gpt-4o-4k"),
      charge(openai, "gpt-4o-mini", { input: 123_457, output: 98_765, cachedInput: 1_000 }),
      creditsFromUsd(byok, "0.019"),
      sumAmounts(["0.00000015", "123456789.123456789", "-0.1"]),
      quote(byok, "gpt-4o", { window: { input: 1_234_567, output: 7 } }),
    ];
    const expected = baseline();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: -7, max: 0 }),
        fc.integer({ min: 0, max: 21 }),
        (precision, rounding, toExpNeg, toExpPos) => {
          Decimal.set({ precision, rounding: rounding as Decimal.Rounding, toExpNeg, toExpPos });
          expect(baseline()).toEqual(expected);
          expect(Decimal.precision).toBe(precision);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
