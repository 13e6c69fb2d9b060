import { describe, expect, it } from "vitest";
import {
  allocate,
  builtinPricebook,
  charge,
  roundCredits,
  sumAmounts,
  tableAsOf,
} from "../src/index.js";
import { billingTable } from "./fixtures/tables.js";
import { caught } from "./helpers.js";

const byok = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2024-12-01" });

describe("sums of charges", () => {
  it("a million charges of 0.00024 sum to exactly 240", () => {
    const one = charge(byok, "gpt-4o-mini-1k", { input: 800, output: 200 });
    expect(one.usd).toBe("0.00024");
    expect(sumAmounts(Array.from({ length: 1_000_000 }, () => one))).toBe("240");
  });
});

describe("roundCredits", () => {
  it.each([
    [{ policy: "none" }, "5.9375", "5.9375"],
    [{ policy: "up" }, "5.9375", "6"],
    [{ policy: "up", step: "1" }, "6", "6"],
    [{ policy: "up", step: "0.5" }, "5.2", "5.5"],
    [{ policy: "up", step: "0.5" }, "5.5", "5.5"],
    [{ policy: "half-even" }, "2.5", "2"],
    [{ policy: "half-even" }, "3.5", "4"],
    [{ policy: "half-even", step: "0.5" }, "5.25", "5"],
    [{ policy: "half-even", step: "0.5" }, "5.75", "6"],
  ] as const)("%j: %s → %s", (policy, credits, expected) => {
    expect(roundCredits(credits, policy)).toBe(expected);
  });

  it("refuses negative credits and an unknown policy", () => {
    expect(caught(() => roundCredits("-1", { policy: "none" })).code).toBe("INVALID_ARGUMENT");
    expect(caught(() => roundCredits("1", { policy: "nearest" } as never)).code).toBe(
      "INVALID_ARGUMENT",
    );
  });
});

describe("allocate (BYOK): credits first, then the customer's key", () => {
  // GPT-4-1106-4k: 20 published MCs per query, 0.064 USD per query at its quote.
  it("a balance that covers every query exactly", () => {
    expect(allocate(byok, { balance: "100", variant: "gpt-4-1106-4k", queries: 5 })).toMatchObject({
      creditsUsed: "100",
      creditsLeft: "0",
      queriesOnCredits: 5,
      queriesOnKey: 0,
      keyUsd: "0",
    });
  });

  it("just below: the last query goes to the key whole", () => {
    expect(allocate(byok, { balance: "99", variant: "gpt-4-1106-4k", queries: 5 })).toMatchObject({
      creditsUsed: "80",
      creditsLeft: "19",
      queriesOnCredits: 4,
      queriesOnKey: 1,
      queriesSplit: 0,
      keyUsd: "0.064",
    });
  });

  it("just below with partial: split, the remaining 19 MCs pay 19/20 of it", () => {
    // key pays 0.064 × (20 − 19) ÷ 20 = 0.0032
    expect(
      allocate(byok, { balance: "99", variant: "gpt-4-1106-4k", queries: 5, partial: "split" }),
    ).toMatchObject({
      creditsUsed: "99",
      creditsLeft: "0",
      queriesOnCredits: 4,
      queriesOnKey: 1,
      queriesSplit: 1,
      keyUsd: "0.0032",
    });
  });

  it("just above: one credit left over", () => {
    expect(allocate(byok, { balance: "101", variant: "gpt-4-1106-4k", queries: 5 })).toMatchObject({
      creditsUsed: "100",
      creditsLeft: "1",
      queriesOnCredits: 5,
      queriesOnKey: 0,
    });
  });

  it("without a published figure, estimated credits rounded up to whole credits (5.9375 → 6)", () => {
    expect(allocate(byok, { balance: "59", variant: "gpt-4o-4k", queries: 10 })).toMatchObject({
      creditsUsed: "54",
      creditsLeft: "5",
      queriesOnCredits: 9,
      queriesOnKey: 1,
      keyUsd: "0.019",
    });
  });

  it("real charges: once one is not covered, it and every later one go to the key", () => {
    // 0.064 → 20 MC published (variant gpt-4-1106-4k); 0.008 on gpt-4o-16k → 2.5 → 3 MC.
    const big = charge(byok, "gpt-4-1106-4k", { input: 2800, output: 1200 });
    const small = charge(byok, "gpt-4o-16k", { input: 2000, output: 300 });
    const result = allocate(byok, { balance: "25", charges: [small, big, small, small] });
    // small: 25 → 22; big: 22 → 2; small needs 3 > 2 → key; last small → key too.
    expect(result).toMatchObject({
      creditsUsed: "23",
      creditsLeft: "2",
      queriesOnCredits: 2,
      queriesOnKey: 2,
      keyUsd: "0.016",
    });
  });

  it("refuses a negative balance, and charges from another table", () => {
    const error = caught(() => allocate(byok, { balance: "-1", variant: "gpt-3.5", queries: 1 }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["balance"]);
    const foreign = charge(billingTable, "gpt-4o", { input: 1, output: 1 });
    expect(caught(() => allocate(byok, { balance: "1", charges: [foreign] })).path).toEqual([
      "charges",
      0,
    ]);
    expect(
      caught(() => allocate(byok, { balance: "1", variant: "gpt-3.5", queries: -2 })).path,
    ).toEqual(["queries"]);
  });
});
