import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charge, chargeUsd, compileTable, quote, sumAmounts } from "../src/index.js";
import { formatScaled } from "../src/money/scaled.js";
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

  it("a computed quote (model + window): usd, band and estimated credits, on random rates, bands, unit prices and windows up to 10^12", () => {
    const D100 = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_EVEN });
    fc.assert(
      fc.property(
        rate,
        rate,
        fc.option(
          fc
            .tuple(fc.integer({ min: 1, max: 9_999 }), fc.integer({ min: 4, max: 6 }))
            .map(([n, places]) => (n / 10 ** places).toFixed(places)),
          { nil: undefined },
        ),
        // Terminating quotients (2^a·5^b numerators) and non-terminating ones (0.003, 0.0007).
        fc.constantFrom("0.0032", "0.01", "0.000125", "1", "0.003", "0.0007", "2.5"),
        tokens,
        tokens,
        (rIn, rOut, band, unitPrice, input, output) => {
          const table = compileTable({
            id: "random",
            version: "1",
            effectiveFrom: "2025-01-01",
            source: "fast-check",
            checkedOn: "2025-01-01",
            currency: "USD",
            ...(band === undefined ? {} : { band }),
            credits: { name: "Credit", symbol: "CR", unitPrice },
            models: { m: { provider: "p", input: rIn, output: rOut } },
          });
          const result = quote(table, "m", { window: { input, output } });
          const usd = new D(input).times(rIn).plus(new D(output).times(rOut));
          expect(result.usd).toBe(plain(usd));
          expect(result.reserved).toEqual({ input, output });
          expect(result.band).toEqual(
            band === undefined
              ? null
              : {
                  low: plain(usd.times(new D(1).minus(band))),
                  high: plain(usd.times(new D(1).plus(band))),
                },
          );
          // Exact when the quotient terminates; else decimal.js's 100 digits, half-even.
          expect(result.credits?.estimated).toBe(
            new D100(plain(usd)).div(unitPrice).toFixed().replace(/^-?0$/, "0"),
          );
          expect(Object.isFrozen(result) && Object.isFrozen(result.reserved)).toBe(true);
          expect(result.band === null || Object.isFrozen(result.band)).toBe(true);
          expect(Object.isFrozen(result.credits)).toBe(true);
        },
      ),
      { numRuns: Math.max(RUNS, 500) },
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

// Issue #15: the faster formatting and the summing of stamped results.
describe("the plain-usage fast paths (issue #15, second round) equal decimal.js", () => {
  // Every optional rate present or absent, a long-context tier with rates of its own, every
  // optional count present (sometimes 0) or absent, counts up to 10^12 (products past 2^53 must
  // fall back to bigint), and used parts without a rate (UNPRICED_USAGE, the general path's).
  const maybeRate = fc.option(rate, { nil: undefined });
  const lineRates = fc.record({
    input: rate,
    output: rate,
    cachedInput: maybeRate,
    cacheWrite: maybeRate,
    cacheWrite1h: maybeRate,
  });
  const maybeCount = fc.option(tokens, { nil: undefined });
  // The object without its undefined keys (the types keep the required ones).
  const defined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

  it("chargeUsd and charge, lines and total, with cache writes (5 min and 1 h), reasoning and tiers", () => {
    fc.assert(
      fc.property(
        lineRates,
        fc.option(fc.tuple(fc.integer({ min: 1, max: 2_000_000 }), lineRates), { nil: undefined }),
        tokens,
        tokens,
        maybeCount,
        maybeCount,
        maybeCount,
        maybeCount,
        (standard, tier, input, output, cachedRaw, writeRaw, write1hRaw, reasoningRaw) => {
          const table = compileTable({
            id: "random",
            version: "1",
            effectiveFrom: "2025-01-01",
            source: "fast-check",
            checkedOn: "2025-01-01",
            currency: "USD",
            models: {
              m: {
                provider: "p",
                ...defined(standard),
                ...(tier === undefined
                  ? {}
                  : { tiers: [{ aboveInputTokens: tier[0], ...defined(tier[1]) }] }),
              },
            },
            variants: {},
          });
          // Counts that fit inside input and output, as a valid usage's must.
          let left = input;
          const part = (raw: number | undefined) => {
            if (raw === undefined) return undefined;
            const taken = Math.min(raw, left);
            left -= taken;
            return taken;
          };
          const cachedInput = part(cachedRaw);
          const cacheWrite = part(writeRaw);
          const cacheWrite1h = part(write1hRaw);
          const reasoning = reasoningRaw === undefined ? undefined : Math.min(reasoningRaw, output);
          const usage = defined({
            input,
            output,
            cachedInput,
            cacheWrite,
            cacheWrite1h,
            reasoning,
          });
          const level = tier !== undefined && input > tier[0] ? tier[1] : standard;
          const parts: [number, string | undefined][] = [
            [left, level.input],
            [cachedInput ?? 0, level.cachedInput],
            [cacheWrite ?? 0, level.cacheWrite],
            [cacheWrite1h ?? 0, level.cacheWrite1h],
            [output - (reasoning ?? 0), level.output],
            [reasoning ?? 0, level.output],
          ];
          const unpriced = parts.some(([count, r]) => count > 0 && r === undefined);
          if (unpriced) {
            const codeOf = (f: () => unknown) => {
              try {
                f();
              } catch (error) {
                return (error as { code?: string }).code;
              }
              return "no error";
            };
            expect(codeOf(() => chargeUsd(table, "m", usage as never))).toBe("UNPRICED_USAGE");
            expect(codeOf(() => charge(table, "m", usage as never))).toBe("UNPRICED_USAGE");
            return;
          }
          const lineUsd = parts.map(([count, r]) => new D(count).times(r ?? 0));
          const total = lineUsd.reduce((sum, x) => sum.plus(x), new D(0));
          expect(chargeUsd(table, "m", usage as never)).toBe(plain(total));
          const result = charge(table, "m", usage as never);
          expect(result.usd).toBe(plain(total));
          const kinds = [
            "input",
            "cachedInput",
            "cacheWrite",
            "cacheWrite1h",
            "output",
            "reasoning",
          ];
          const want = parts.flatMap(([count], i) =>
            count === 0 && i !== 0 && i !== 4
              ? []
              : [
                  {
                    kind: kinds[i],
                    tokens: count,
                    // As compiled: a rate in plain notation, trailing zeros trimmed.
                    rate: plain(new D(parts[i]?.[1] as string)),
                    usd: plain(lineUsd[i] as Decimal),
                  },
                ],
          );
          expect(result.lines).toEqual(want);
          expect(result.tier).toEqual(
            tier !== undefined && input > tier[0] ? { aboveInputTokens: tier[0] } : null,
          );
          expect(Object.isFrozen(result) && result.lines.every(Object.isFrozen)).toBe(true);
          expect(Object.isFrozen(result.lines)).toBe(true);
        },
      ),
      { numRuns: Math.max(RUNS, 1000) },
    );
  });
});

describe("formatScaled and sumAmounts fast paths equal decimal.js", () => {
  it("formatScaled of any safe integer at any scale up to 20", () => {
    const int = fc.oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.constantFrom(Number.MAX_SAFE_INTEGER, 10 ** 15, 999_999_999_999_999, 10 ** 15 - 1, 1, 10),
      // Either side of a power of ten: the "below 1" and "whole and fraction" branches meet there.
      fc
        .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: -2, max: 2 }))
        .map(([power, offset]) => 10 ** power + offset),
      // Many trailing zeros, then a digit.
      fc
        .tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 10 }))
        .map(([head, zeros]) => head * 10 ** zeros),
    );
    fc.assert(
      fc.property(int, fc.integer({ min: 0, max: 20 }), (value, scale) => {
        const want = plain(new D(value).div(new D(10).pow(scale)));
        expect(formatScaled(value, scale)).toBe(want);
        expect(formatScaled(BigInt(value), scale)).toBe(want);
      }),
      { numRuns: Math.max(RUNS, 2000) },
    );
  });

  it("sumAmounts over charges, their usd strings, copies, numbers and huge or negative amounts, mixed", () => {
    const table = tableWith("0.0000025", "0.00001", "0.00000125", "0.000003125");
    const big = compileTable({
      id: "big",
      version: "1",
      effectiveFrom: "2025-01-01",
      source: "test",
      checkedOn: "2025-01-01",
      currency: "USD",
      models: { m: { provider: "p", input: "123456.789012345", output: "0.1" } },
    });
    const item = fc.oneof(
      fc
        .tuple(tokens, tokens)
        .map(([input, output]) => charge(table, "m", { input, output: output % 1_000_000 })),
      fc.tuple(tokens, tokens).map(([input, output]) => charge(big, "m", { input, output })),
      fc
        .tuple(tokens, tokens)
        .map(([input, output]) => ({ ...charge(table, "v", { input, output }) })),
      fc.tuple(tokens, tokens).map(([input, output]) => ({
        ...charge(table, "m", { input, output }),
        usd: "-1.5",
      })),
      fc.tuple(tokens, tokens).map(([input, output]) => chargeUsd(table, "m", { input, output })),
      fc
        .tuple(tokens, tokens)
        .map(([input, output]) =>
          quote(table, "m", { window: { input: input + 1, output: output + 1 } }),
        ),
      fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map((n) => `${n}.${"7".repeat(30)}`),
      fc.integer({ min: -1000, max: 1000 }).map((n) => n / 8),
      fc.constantFrom("-0", "0.000000000000000001", "-9007199254740993", "9007199254740.993"),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (amounts) => {
        const want = amounts.reduce(
          (sum: Decimal, x) =>
            sum.plus(typeof x === "object" ? x.usd : typeof x === "number" ? String(x) : x),
          new D(0),
        );
        expect(sumAmounts(amounts)).toBe(plain(want));
        expect(sumAmounts(new Set(amounts))).toBe(
          plain(
            [...new Set(amounts)].reduce(
              (sum: Decimal, x) =>
                sum.plus(typeof x === "object" ? x.usd : typeof x === "number" ? String(x) : x),
              new D(0),
            ),
          ),
        );
      }),
      { numRuns: Math.max(RUNS, 500) },
    );
  });

  it("a million charges sum exactly, past the safe-integer range of their scale", () => {
    const table = tableWith("0.000000000000123", "9999.999999999999", "0", "0");
    const one = charge(table, "m", { input: 7, output: 900_719 });
    // 7 × 0.000000000000123 + 900719 × 9999.999999999999 per charge, 1,000,000 times
    const list = Array.from({ length: 1_000_000 }, () => one);
    expect(sumAmounts(list)).toBe(plain(new D(one.usd).times(1_000_000)));
    expect(one.usd).toBe(
      plain(new D(7).times("0.000000000000123").plus(new D(900_719).times("9999.999999999999"))),
    );
  });

  it("the exact amount a charge carries is no property: keys, JSON and copies are plain", () => {
    const table = tableWith("0.0000025", "0.00001", "0.00000125", "0.000003125");
    const result = charge(table, "m", { input: 1000, output: 10 });
    expect(Reflect.ownKeys(result)).toEqual(Object.keys(result));
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(result))).toEqual({ ...result });
    // 1000 × 0.0000025 + 10 × 0.00001 = 0.0026; a copy with another usd is summed by its usd
    expect(sumAmounts([result, { ...result, usd: "1" }, Object.create(result)])).toBe("1.0052");
  });
});
