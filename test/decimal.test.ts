import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, type Rounding } from "../src/money/decimal.js";
import { divide, divideToInteger, minus, plus, sum, times } from "../src/money/exact.js";
import { formatDecimal } from "../src/money/formatDecimal.js";
import { RUNS } from "./runs.js";

// The library's bigint decimal (src/money/decimal.ts) replaced a decimal.js clone. Here every
// operation the library uses is checked, digit for digit, against decimal.js configured as that
// clone was (and against the old exact.ts, re-created below on decimal.js).
const settings = { rounding: 6, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 } as const;
const D = Decimal.clone({ ...settings, precision: 100 });
const Exact = Decimal.clone({ ...settings, precision: 1e9 });

/** The old `divide` of src/money/exact.ts, on decimal.js. */
function oldDivide(a: string, b: string): Decimal {
  const x = new D(a);
  const y = new D(b);
  const needed = x.sd() + Math.ceil(y.sd() * 3.33) + 2;
  const Quotient = needed <= 100 ? D : D.clone({ precision: needed });
  return new D(new Quotient(x).div(y));
}

/** decimal.js's plain form, negative zero without its sign (as formatDecimal prints it). */
const plain = (value: Decimal) => formatDecimal(value as never);
const mine = (value: Dec) => formatDecimal(value);

// Decimal strings from 1 to ~150 significant digits, either sign, with runs of zeros and of
// nines (where carries and ties happen), some with an exponent as String(number) gives them.
const digitRun = fc.oneof(
  fc.stringMatching(/^[0-9]{1,40}$/),
  fc.constantFrom("0", "00000", "9", "99999", "5", "50000", "25", "125"),
);
const digits = fc.array(digitRun, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));
const decimalText = fc
  .record({
    negative: fc.boolean(),
    whole: digits,
    fraction: fc.option(digits, { nil: undefined }),
    exponent: fc.option(fc.integer({ min: -40, max: 40 }), { freq: 4, nil: undefined }),
  })
  .map(({ negative, whole, fraction, exponent }) => {
    const text = `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}`;
    return exponent === undefined ? text : `${text}e${exponent}`;
  });
const nonZero = decimalText.filter((text) => !new D(text).isZero());
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0.1, 0.2, 1e21, 1.5e-7, 5e-324, -0, 1 / 3),
);
// Bases of powers: up to 12 digits (decimal.js's pow of long bases is not what is compared).
const base = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
  .map(([int, scale]) => new D(`${int}e-${scale}`).toFixed());
const opts = { numRuns: Math.max(RUNS, 500) };

describe("Dec (bigint) against decimal.js", () => {
  it("reads strings and numbers as decimal.js does", () => {
    fc.assert(
      fc.property(fc.oneof(decimalText, number), (value) => {
        expect(mine(new Dec(value))).toBe(plain(new D(value)));
        expect(new Dec(value).sd()).toBe(new D(value).sd());
        expect(new Dec(value).toNumber()).toBe(new D(value).toNumber() || 0);
        expect(new Dec(value).isInteger()).toBe(new D(value).isInteger());
        expect(new Dec(value).isZero()).toBe(new D(value).isZero());
      }),
      opts,
    );
  });

  it("adds, subtracts and multiplies at 100 significant digits, as the clone did", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(mine(new Dec(a).plus(b))).toBe(plain(new D(a).plus(b)));
        expect(mine(new Dec(a).minus(b))).toBe(plain(new D(a).minus(b)));
        expect(mine(new Dec(a).times(b))).toBe(plain(new D(a).times(b)));
      }),
      opts,
    );
  });

  it("adds, subtracts, multiplies and sums exactly at any length", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(mine(plus(a, b))).toBe(plain(new Exact(a).plus(b)));
        expect(mine(minus(a, b))).toBe(plain(new Exact(a).minus(b)));
        expect(mine(times(a, b))).toBe(plain(new Exact(a).times(b)));
        expect(mine(sum([a, b, a]))).toBe(plain(new Exact(a).plus(b).plus(a)));
      }),
      opts,
    );
  });

  it("divides as the clone did: 100 digits (div), and exact when terminating (divide)", () => {
    fc.assert(
      fc.property(decimalText, nonZero, (a, b) => {
        expect(mine(new Dec(a).div(b))).toBe(plain(new D(a).div(b)));
        expect(mine(divide(a, b))).toBe(plain(oldDivide(a, b)));
        expect(mine(divideToInteger(a, b))).toBe(plain(new Exact(a).divToInt(b)));
      }),
      opts,
    );
  });

  it("divides where the quotient ties, terminates or repeats", () => {
    const cases: [string, string][] = [
      ["1", "3"],
      ["2", "3"],
      ["1", "7"],
      ["-1", "7"],
      ["1", "8"],
      [`1${"0".repeat(99)}5`, "10"],
      [`1${"0".repeat(99)}5`, "-10"],
      [`1${"0".repeat(98)}15`, "10"],
      [`${"9".repeat(101)}`, "1"],
      [`${"9".repeat(101)}`, "3"],
      ["0.019", "0.0032"],
      ["5", "0.0000003"],
      [`0.${"3".repeat(140)}`, "0.07"],
    ];
    for (const [a, b] of cases) {
      expect(mine(new Dec(a).div(b)), `${a} / ${b}`).toBe(plain(new D(a).div(b)));
      expect(mine(divide(a, b)), `${a} / ${b}`).toBe(plain(oldDivide(a, b)));
    }
  });

  it("rounds to decimal places in every mode, and prints with a fixed scale", () => {
    fc.assert(
      fc.property(
        decimalText,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 6 }),
        (a, places, mode) => {
          const rounded = new Dec(a).toDecimalPlaces(places, mode as Rounding);
          const expected = new D(a).toDecimalPlaces(places, mode as Decimal.Rounding);
          expect(mine(rounded)).toBe(plain(expected));
          expect(formatDecimal(rounded, places)).toBe(formatDecimal(expected as never, places));
          expect(new Dec(a).toFixed(places)).toBe(new D(a).toFixed(places));
        },
      ),
      opts,
    );
  });

  it("compares, takes the larger, rounds up to an integer and raises to integer powers", () => {
    fc.assert(
      fc.property(
        decimalText,
        decimalText,
        base,
        fc.integer({ min: -12, max: 12 }),
        (a, b, x, n) => {
          expect(new Dec(a).cmp(b)).toBe(new D(a).cmp(b));
          expect(new Dec(a).eq(b)).toBe(new D(a).eq(b));
          expect(new Dec(a).gt(b)).toBe(new D(a).gt(b));
          expect(new Dec(a).gte(b)).toBe(new D(a).gte(b));
          expect(new Dec(a).lt(b)).toBe(new D(a).lt(b));
          expect(new Dec(a).lte(b)).toBe(new D(a).lte(b));
          expect(mine(Dec.max(new Dec(a), new Dec(b)))).toBe(plain(D.max(a, b)));
          expect(mine(new Dec(a).ceil())).toBe(plain(new D(a).ceil()));
          if (!new D(x).isZero() || n >= 0)
            expect(mine(new Dec(x).pow(n))).toBe(plain(new D(x).pow(n)));
        },
      ),
      opts,
    );
  });

  it("prints plain notation at any exponent, as toFixed() did", () => {
    for (const text of ["1e-400", "1.5e-7", "-2.50e3", "0e5", "-0", "1e21", "0.0640"]) {
      expect(mine(new Dec(text)), text).toBe(plain(new D(text)));
      expect(new Dec(text).toString(), text).toBe(new D(text).toFixed());
    }
    expect(new Dec("-0.001").toFixed(2)).toBe("-0.00");
    expect(formatDecimal(new Dec("-0.001").toDecimalPlaces(2), 2)).toBe("0.00");
  });

  it("rejects what is not a decimal", () => {
    for (const bad of ["", "abc", "1..2", "0x10", "Infinity", "NaN"]) {
      expect(() => new Dec(bad), bad).toThrow(/not a decimal/);
    }
    expect(() => new Dec(Number.NaN)).toThrow(/not a finite number/);
    expect(() => new Dec(1).div(0)).toThrow(/division by zero/);
    expect(() => divideToInteger(1, 0)).toThrow(/division by zero/);
  });
});
