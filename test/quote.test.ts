import { describe, expect, it } from "vitest";
import {
  builtinPricebook,
  creditsFromUsd,
  quote,
  tableAsOf,
  usdFromCredits,
} from "../src/index.js";
import { caught } from "./helpers.js";

const table = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2024-12-01" });

describe("quote", () => {
  it("quotes a model with a window of your own", () => {
    // 1000 × 0.0000025 + 500 × 0.00001 = 0.0025 + 0.005 = 0.0075
    const result = quote(table, "gpt-4o", { window: { input: 1000, output: 500 } });
    expect(result).toMatchObject({
      variant: null,
      model: "gpt-4o",
      usd: "0.0075",
      reserved: { input: 1000, output: 500 },
    });
    expect(result.band).toEqual({ low: "0.006", high: "0.009" });
    expect(result.credits).toEqual({ unitPrice: "0.0032", estimated: "2.34375", published: null });
  });

  it("gives the same as the variant for the variant's own window", () => {
    expect(quote(table, "gpt-4o", { window: { input: 12800, output: 3200 } }).usd).toBe(
      quote(table, "gpt-4o-16k").usd,
    );
  });

  it("asks for a window for a model, naming its variants", () => {
    const error = caught(() => quote(table, "gpt-4o-mini"));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toContain("gpt-4o-mini-16k");
  });

  it("refuses a window on a variant", () => {
    expect(caught(() => quote(table, "gpt-4o-16k", { window: { input: 1, output: 1 } })).code).toBe(
      "INVALID_ARGUMENT",
    );
  });

  it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53], [-0], ["12"]])(
    "refuses a window of %s input tokens",
    (bad) => {
      const error = caught(() =>
        quote(table, "gpt-4o", { window: { input: bad as number, output: 1 } }),
      );
      expect(error.code).toBe("INVALID_USAGE");
      expect(error.path).toEqual(["window", "input"]);
    },
  );

  it("returns a frozen result", () => {
    const result = quote(table, "gpt-4o-16k");
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.credits)).toBe(true);
  });
});

describe("credits", () => {
  it("convert both ways at the unit price, exactly", () => {
    expect(creditsFromUsd(table, "0.019")).toBe("5.9375");
    expect(usdFromCredits(table, "5.9375")).toBe("0.019");
    expect(usdFromCredits(table, "20")).toBe("0.064");
  });
});
