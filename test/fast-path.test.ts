import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charge, chargeUsd, compileTable, quote, sumAmounts } from "../src/index.js";
import { RUNS } from "./runs.js";

// The hot paths compute in scaled integers (number while safe, bigint beyond). Here they are
// checked digit for digit against decimal.js, computed independently in the test.
const D = Decimal.clone({ precision: 200, toExpNeg: -1000, toExpPos: 1000 });
const plain = (value: Decimal) => {
  const text = value.toFixed();
  return text === "-0" ? "0" : text;
};

const rate = fc
  .tuple(
    fc.integer({ min: 0, max: 999 }),
    fc.integer({ min: 0, max: 12 }),
    fc.bigInt({ min: 0n, max: 999_999_999_999n }),
  )
  .map(([whole, places, frac]) =>
    places === 0 ? String(whole) : `${whole}.${frac.toString().padStart(12, "0").slice(0, places)}`,
  );
const tokens = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 1_000_000_000_000 }),
);

function tableWith(input: string, output: string, cachedInput: string, cacheWrite: string) {
  return compileTable({
    id: "random",
    version: "1",
    effectiveFrom: "2025-01-01",
    source: "fast-check",
    checkedOn: "2025-01-01",
    currency: "USD",
    credits: { name: "Credit", symbol: "CR", unitPrice: "0.0032" },
    models: { m: { provider: "p", input, output, cachedInput, cacheWrite } },
    variants: { v: { label: "V", model: "m", reserved: { input: 1000, output: 1000 } } },
  });
}

describe("fast paths equal decimal.js", () => {
  it("charge: every line, the total and the estimated credits, on random rates and token counts up to 10^12", () => {
    fc.assert(
      fc.property(
        rate,
        rate,
        rate,
        rate,
        tokens,
        tokens,
        tokens,
        tokens,
        (rIn, rOut, rCached, rWrite, a, b, c, d) => {
          const table = tableWith(rIn, rOut, rCached, rWrite);
          const cached = Math.min(b, a);
          const write = Math.min(c, a - cached);
          const usage = { input: a, cachedInput: cached, cacheWrite: write, output: d };
          const result = charge(table, "m", usage);
          const expected = [
            new D(a - cached - write).times(rIn),
            new D(cached).times(rCached),
            new D(write).times(rWrite),
            new D(d).times(rOut),
          ];
          const byKind = Object.fromEntries(result.lines.map((line) => [line.kind, line.usd]));
          expect(byKind.input).toBe(plain(expected[0] as Decimal));
          if (cached > 0) expect(byKind.cachedInput).toBe(plain(expected[1] as Decimal));
          if (write > 0) expect(byKind.cacheWrite).toBe(plain(expected[2] as Decimal));
          expect(byKind.output).toBe(plain(expected[3] as Decimal));
          const total = expected.reduce((sum, x) => sum.plus(x), new D(0));
          expect(result.usd).toBe(plain(total));
          expect(chargeUsd(table, "m", usage)).toBe(result.usd);
          // The input-and-output-only path of chargeUsd, against decimal.js directly.
          expect(chargeUsd(table, "m", { input: a, output: d })).toBe(
            plain(new D(a).times(rIn).plus(new D(d).times(rOut))),
          );
          expect(result.credits?.estimated).toBe(plain(total.div("0.0032")));
        },
      ),
      { numRuns: Math.max(RUNS, 1000) },
    );
  });

  it("quote, on random rates", () => {
    fc.assert(
      fc.property(rate, rate, (rIn, rOut) => {
        const table = tableWith(rIn, rOut, "0", "0");
        expect(quote(table, "v").usd).toBe(
          plain(new D(1000).times(rIn).plus(new D(1000).times(rOut))),
        );
      }),
      { numRuns: Math.max(RUNS, 300) },
    );
  });

  it("credits at a unit price whose quotients do not terminate still match decimal.js", () => {
    const table = compileTable({
      id: "thirds",
      version: "1",
      effectiveFrom: "2025-01-01",
      source: "test",
      checkedOn: "2025-01-01",
      currency: "USD",
      credits: { name: "Credit", symbol: "CR", unitPrice: "0.003" },
      models: { m: { provider: "p", input: "0.0000025", output: "0.00001" } },
    });
    const result = charge(table, "m", { input: 1000, output: 100 });
    // 0.0035 ÷ 0.003 = 1.1666…, to the library's 100 significant digits, half-even
    expect(result.credits?.estimated).toBe(
      new (Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_EVEN }))("0.0035")
        .div("0.003")
        .toFixed(),
    );
  });

  it("sumAmounts, on random decimal strings (negative, long, many places)", () => {
    const amount = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 18 }))
      .map(([negative, digits, places]) => {
        const text = digits.toString().padStart(places + 1, "0");
        const body = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
        return negative ? `-${body}` : body;
      });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (amounts) => {
        expect(sumAmounts(amounts)).toBe(plain(amounts.reduce((sum, x) => sum.plus(x), new D(0))));
      }),
      { numRuns: Math.max(RUNS, 1000) },
    );
  });
});
