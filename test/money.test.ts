import Decimal from "decimal.js";
import { afterEach, describe, expect, it } from "vitest";
import {
  builtinPricebook,
  quote,
  roundAmount,
  sumAmounts,
  tableAsOf,
  toAmount,
} from "../src/index.js";
import { caught } from "./helpers.js";

describe("toAmount", () => {
  it("gives plain notation, never an exponent", () => {
    expect(toAmount(1.5e-7)).toBe("0.00000015");
    expect(toAmount("0.00000015")).toBe("0.00000015");
    expect(toAmount(1e21)).toBe("1000000000000000000000");
    expect(toAmount("0.0640")).toBe("0.064");
    expect(toAmount(-0)).toBe("0");
  });

  it("takes numbers through their shortest decimal form", () => {
    expect(toAmount(0.1)).toBe("0.1");
    expect(toAmount(0.1 + 0.2)).toBe("0.30000000000000004");
  });

  it.each(["1e-7", "+1", " 1", "1 ", "", "0x10", ".5", "1.", "NaN", "Infinity", "1,5"])(
    "rejects %j",
    (bad) => {
      const error = caught(() => toAmount(bad));
      expect(error.code).toBe("INVALID_AMOUNT");
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("rejects %s", (bad) => {
    expect(caught(() => toAmount(bad)).code).toBe("INVALID_AMOUNT");
  });

  it("rejects other types", () => {
    expect(caught(() => toAmount(null as unknown as string)).code).toBe("INVALID_AMOUNT");
    expect(caught(() => toAmount({} as unknown as string)).code).toBe("INVALID_AMOUNT");
  });
});

describe("roundAmount", () => {
  // Each mode on a tie, above and below zero, worked by hand.
  it.each([
    ["half-even", "0.125", "0.12"],
    ["half-even", "0.135", "0.14"],
    ["half-up", "0.125", "0.13"],
    ["half-up", "-0.125", "-0.13"],
    ["half-down", "0.125", "0.12"],
    ["up", "0.121", "0.13"],
    ["up", "-0.121", "-0.13"],
    ["down", "0.129", "0.12"],
    ["ceil", "-0.129", "-0.12"],
    ["ceil", "0.121", "0.13"],
    ["floor", "0.129", "0.12"],
    ["floor", "-0.121", "-0.13"],
  ] as const)("%s rounds %s to %s", (mode, amount, expected) => {
    expect(roundAmount(amount, { scale: 2, mode })).toBe(expected);
  });

  it("keeps the scale asked for", () => {
    expect(roundAmount("0.1", { scale: 2, mode: "half-even" })).toBe("0.10");
    expect(roundAmount("7", { scale: 0, mode: "up" })).toBe("7");
  });

  it("refuses an unknown mode or a bad scale", () => {
    expect(caught(() => roundAmount("1", { scale: 2, mode: "nearest" as "up" })).code).toBe(
      "INVALID_ARGUMENT",
    );
    expect(caught(() => roundAmount("1", { scale: 1.5, mode: "up" })).path).toEqual(["scale"]);
    expect(caught(() => roundAmount("1", { scale: -1, mode: "up" })).code).toBe("INVALID_ARGUMENT");
  });
});

describe("sumAmounts", () => {
  it("is exact where floats are not", () => {
    expect(sumAmounts(["0.1", "0.2"])).toBe("0.3");
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it("sums a million charges of 0.00024 to exactly 240", () => {
    const amounts = Array.from({ length: 1_000_000 }, () => "0.00024");
    expect(sumAmounts(amounts)).toBe("240");
  });

  it("sums quotes by their usd", () => {
    const table = tableAsOf(builtinPricebook(), "gpt-trainer-byok");
    expect(sumAmounts([quote(table, "gpt-4o-16k"), quote(table, "gpt-3.5")])).toBe("0.0672");
  });

  it("names the bad element's index", () => {
    expect(caught(() => sumAmounts(["1", "x"])).path).toEqual([1]);
    expect(caught(() => sumAmounts(["1", { usd: "1e3" }])).path).toEqual([1, "usd"]);
  });
});

describe("the caller's global Decimal settings", () => {
  const saved = Decimal.clone();
  afterEach(() => {
    Decimal.set({
      precision: saved.precision,
      rounding: saved.rounding,
      toExpNeg: saved.toExpNeg,
      toExpPos: saved.toExpPos,
    });
  });

  it("are neither used nor changed", () => {
    const before = {
      precision: Decimal.precision,
      rounding: Decimal.rounding,
      toExpNeg: Decimal.toExpNeg,
    };
    const table = tableAsOf(builtinPricebook(), "gpt-trainer-byok");
    const baseline = quote(table, "gpt-4o-mini-4k");
    expect({
      precision: Decimal.precision,
      rounding: Decimal.rounding,
      toExpNeg: Decimal.toExpNeg,
    }).toEqual(before);

    Decimal.set({ precision: 2, rounding: Decimal.ROUND_DOWN, toExpNeg: -1 });
    expect(quote(table, "gpt-4o-mini-4k")).toEqual(baseline);
    expect(sumAmounts(["0.00000015", "1.23456"])).toBe("1.23456015");
    expect(Decimal.precision).toBe(2);
  });
});
