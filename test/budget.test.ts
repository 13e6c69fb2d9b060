import { describe, expect, it } from "vitest";
import { builtinPricebook, estimateBudget, tableAsOf, workflowCosts } from "../src/index.js";
import { caught, cli } from "./helpers.js";

const byok = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2025-02-01" });
const deployment = { agents: 3, userFacingAgents: 2, variables: 2, agentChanges: 4 };

describe("workflows", () => {
  it("apply by their conditions and cost their model's rates × average tokens", () => {
    expect(workflowCosts(byok, deployment, 10_000)).toEqual([
      {
        id: "intent-generation",
        label: "AI Agent intent generation",
        model: "gpt-4-1106-preview",
        applies: true,
        runs: 4,
        perRun: "0.0195",
        usd: "0.078",
      },
      {
        id: "query-intent-classification",
        label: "Query intent classification",
        model: "gpt-3.5-turbo-1106",
        applies: true,
        runs: 10000,
        perRun: "0.0011",
        usd: "11",
      },
      {
        id: "variable-extraction",
        label: "Variables extraction",
        model: "gpt-3.5-turbo-1106",
        applies: true,
        runs: 10000,
        perRun: "0.0012",
        usd: "12",
      },
    ]);
  });

  it.each([
    // agents, user-facing, variables, changes → which apply
    [1, 1, 0, 5, [false, false, false]],
    [2, 1, 0, 5, [true, false, false]],
    [2, 2, 0, 5, [true, true, false]],
    [1, 0, 1, 5, [false, false, true]],
  ])(
    "%i agents, %i user-facing, %i variables",
    (agents, userFacingAgents, variables, agentChanges, applies) => {
      const costs = workflowCosts(byok, { agents, userFacingAgents, variables, agentChanges }, 100);
      expect(costs.map((cost) => cost.applies)).toEqual(applies);
      for (const cost of costs) if (!cost.applies) expect([cost.runs, cost.usd]).toEqual([0, "0"]);
    },
  );

  it("refuse a deployment with more user-facing agents than agents", () => {
    const error = caught(() =>
      workflowCosts(byok, { agents: 1, userFacingAgents: 2, variables: 0 }, 10),
    );
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["deployment", "userFacingAgents"]);
  });

  it.each([-1, 1.5, Number.NaN, "3"])("refuse %s agents", (agents) => {
    expect(
      caught(() =>
        workflowCosts(byok, { agents: agents as number, userFacingAgents: 0, variables: 0 }, 10),
      ).path,
    ).toEqual(["deployment", "agents"]);
  });
});

describe("estimateBudget (computed by hand)", () => {
  it("10,000 queries of GPT-4o-mini-16k, 3 agents (2 user-facing), 2 variables, 4 edits", () => {
    const budget = estimateBudget(byok, {
      variant: "gpt-4o-mini-16k",
      queries: 10_000,
      deployment,
    });
    // 10000 × 0.00384 = 38.4; ×0.8 = 30.72; ×1.2 = 46.08
    expect(budget.ai).toEqual({ usd: "38.4", low: "30.72", high: "46.08" });
    // 10000 × 0.0011 + 10000 × 0.0012 + 4 × 0.0195 = 11 + 12 + 0.078
    expect(budget.partner.usd).toBe("23.078");
    // 8 published MCs per query in the 2025-01-07 version
    expect(budget.perQuery).toEqual({ usd: "0.00384", credits: "8" });
    expect(budget.credits).toBe("80000");
    expect(budget.allocation).toBeNull();
  });

  it("with a credit balance: 50,000 MCs pay 6,250 queries, 3,750 go to the key", () => {
    const budget = estimateBudget(byok, {
      variant: "gpt-4o-mini-16k",
      queries: 10_000,
      deployment,
      creditBalance: "50000",
    });
    // 3750 × 0.00384 = 14.4
    expect(budget.allocation).toMatchObject({
      queriesOnCredits: 6250,
      queriesOnKey: 3750,
      creditsUsed: "50000",
      creditsLeft: "0",
      keyUsd: "14.4",
    });
  });

  it("a single agent, no variables: no workflow applies", () => {
    const budget = estimateBudget(byok, { variant: "gpt-4o-16k", queries: 5000 });
    // 5000 × 0.064 = 320; 256 to 384
    expect(budget.ai).toEqual({ usd: "320", low: "256", high: "384" });
    expect(budget.partner.usd).toBe("0");
  });

  it("a mix: a quarter GPT-4o-16k, three quarters GPT-4o-mini-16k", () => {
    const budget = estimateBudget(byok, {
      mix: [
        { variant: "gpt-4o-16k", share: "0.25" },
        { variant: "gpt-4o-mini-16k", share: "0.75" },
      ],
      queries: 10_000,
    });
    // 2500 × 0.064 + 7500 × 0.00384 = 160 + 28.8
    expect(budget.ai.usd).toBe("188.8");
    // 0.25 × 0.064 + 0.75 × 0.00384; 0.25 × 40 + 0.75 × 8
    expect(budget.perQuery).toEqual({ usd: "0.01888", credits: "16" });
    expect(budget.credits).toBe("160000");
    expect(budget.mix.map((part) => [part.variant, part.queries, part.usd])).toEqual([
      ["gpt-4o-16k", 2500, "160"],
      ["gpt-4o-mini-16k", 7500, "28.8"],
    ]);
  });

  it("a model with a window of its own: GPT-4o at 12,800:3,200, priced as quote prices it", () => {
    const december = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2024-12-01" });
    const budget = estimateBudget(december, {
      model: "gpt-4o",
      window: { input: 12_800, output: 3_200 },
      queries: 1000,
      creditBalance: "50",
    });
    // 12800 × 0.0000025 + 3200 × 0.00001 = 0.032 + 0.032 = 0.064 a query; 0.064 ÷ 0.0032 = 20 MC
    expect(budget.perQuery).toEqual({ usd: "0.064", credits: "20" });
    // 1000 × 0.064 = 64; ±20%: 51.2 to 76.8
    expect(budget.ai).toEqual({ usd: "64", low: "51.2", high: "76.8" });
    expect(budget.credits).toBe("20000");
    expect(budget.mix).toEqual([
      {
        variant: null,
        model: "gpt-4o",
        share: "1",
        queries: 1000,
        perQuery: { usd: "0.064", credits: "20" },
        usd: "64",
      },
    ]);
    // 50 MC pay 2 queries (40 MC), 998 go to the key: 998 × 0.064 = 63.872
    expect(budget.allocation).toMatchObject({
      queriesOnCredits: 2,
      queriesOnKey: 998,
      creditsUsed: "40",
      creditsLeft: "10",
      keyUsd: "63.872",
    });
  });

  it("a model's credits: estimated, rounded by the table's policy (up), in the allocation too", () => {
    const budget = estimateBudget(byok, {
      model: "gpt-4o",
      window: { input: 1000, output: 100 },
      queries: 10,
      creditBalance: "5",
    });
    // 1000 × 0.0000025 + 100 × 0.00001 = 0.0035; ÷ 0.0032 = 1.09375, rounded up to 2 MC
    expect(budget.perQuery).toEqual({ usd: "0.0035", credits: "2" });
    expect(budget.credits).toBe("20");
    // 5 MC: 2 queries (4 MC), 1 MC left; 8 × 0.0035 = 0.028 to the key
    expect(budget.allocation).toMatchObject({
      queriesOnCredits: 2,
      queriesOnKey: 8,
      creditsUsed: "4",
      creditsLeft: "1",
      keyUsd: "0.028",
    });
  });

  it("a model on a table without credits: no credits, no workflows", () => {
    const openai = tableAsOf(builtinPricebook(), "openai", { asOf: "2026-08-01" });
    const budget = estimateBudget(openai, {
      model: "gpt-4o",
      window: { input: 12_800, output: 3_200 },
      queries: 1000,
    });
    expect(budget.ai).toEqual({ usd: "64", low: null, high: null });
    expect(budget.perQuery).toEqual({ usd: "0.064", credits: null });
    expect(budget.credits).toBeNull();
    expect(budget.partner.usd).toBe("0");
    const error = caught(() =>
      estimateBudget(openai, {
        model: "gpt-4o",
        window: { input: 1, output: 1 },
        queries: 1,
        creditBalance: "5",
      }),
    );
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["creditBalance"]]);
  });

  it.each([
    [
      { model: "gpt-4o", window: { input: -1, output: 3 }, queries: 1 },
      "INVALID_USAGE",
      ["window", "input"],
    ],
    [{ model: "gpt-4o", window: "12800:3200", queries: 1 }, "INVALID_ARGUMENT", ["window"]],
    [{ model: "gpt-4o", queries: 1 }, "INVALID_ARGUMENT", ["window"]],
    [
      { model: "gpt-4o-16k", window: { input: 1, output: 1 }, queries: 1 },
      "INVALID_ARGUMENT",
      ["window"],
    ],
    [
      { model: "gpt-4o", variant: "gpt-4o-16k", window: { input: 1, output: 1 }, queries: 1 },
      "INVALID_ARGUMENT",
      ["variant"],
    ],
    [
      { model: "gpt-4o", window: { input: 1, output: 1 }, mix: [], queries: 1 },
      "INVALID_ARGUMENT",
      ["model"],
    ],
    [
      { variant: "gpt-4o-16k", window: { input: 1, output: 1 }, queries: 1 },
      "INVALID_ARGUMENT",
      ["window"],
    ],
    [{ queries: 1 }, "INVALID_ARGUMENT", ["variant"]],
    [{ model: 4, window: { input: 1, output: 1 }, queries: 1 }, "INVALID_ARGUMENT", ["model"]],
    [{ model: "gpt-9", window: { input: 1, output: 1 }, queries: 1 }, "UNKNOWN_MODEL", ["name"]],
  ])("refuses the model form %j with %s", (request, code, path) => {
    const error = caught(() => estimateBudget(byok, request as never));
    expect([error.code, error.path]).toEqual([code, path]);
  });

  it.each([
    [{ mix: [{ variant: "gpt-4o-16k", share: "0.5" }], queries: 10 }, ["mix"]],
    [
      {
        mix: [
          { variant: "gpt-4o-16k", share: "0.3" },
          { variant: "gpt-3.5", share: "0.7" },
        ],
        queries: 5,
      },
      ["mix", 0, "share"],
    ],
    [{ variant: "gpt-4o-16k", mix: [], queries: 1 }, ["variant"]],
    [{ variant: "gpt-4o-16k", queries: -1 }, ["queries"]],
    [{ variant: "gpt-4o-16k", queries: 1, creditBalance: "-5" }, ["balance"]],
  ])("refuses %j", (request, path) => {
    const error = caught(() => estimateBudget(byok, request as never));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(path);
  });
});

describe("CLI budget", () => {
  it("gives the same figures with --json", () => {
    const result = cli(
      "budget",
      "--variant",
      "gpt-4o-mini-16k",
      "--queries",
      "10000",
      "--agents",
      "3",
      "--user-facing",
      "2",
      "--variables",
      "2",
      "--agent-edits",
      "4",
      "--credit-balance",
      "50000",
      "--json",
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.ai).toEqual({ usd: "38.4", low: "30.72", high: "46.08" });
    expect(json.partner.usd).toBe("23.078");
    expect(
      json.workflows.map((w: { id: string; runs: number; usd: string }) => [w.id, w.runs, w.usd]),
    ).toEqual([
      ["intent-generation", 4, "0.078"],
      ["query-intent-classification", 10000, "11"],
      ["variable-extraction", 10000, "12"],
    ]);
    expect(json.allocation.keyUsd).toBe("14.4");
  });

  it("takes a mix, and a deployment with 2 agents, 1 user-facing, 3 edits", () => {
    const json = JSON.parse(
      cli(
        "budget",
        "--mix",
        "gpt-3.5=0.5,gpt-4o-1k=0.5",
        "--queries",
        "1000",
        "--agents",
        "2",
        "--user-facing",
        "1",
        "--agent-edits",
        "3",
        "--json",
      ).stdout,
    );
    // 500 × 0.0032 + 500 × 0.004 = 1.6 + 2; intent generation only: 3 × 0.0195 = 0.0585
    expect(json.ai.usd).toBe("3.6");
    expect(json.partner.usd).toBe("0.0585");
  });

  it("takes --model M --window IN:OUT, the same as estimateBudget", () => {
    const args = [
      "--queries",
      "1000",
      "--agents",
      "3",
      "--user-facing",
      "2",
      "--credit-balance",
      "50",
    ];
    const result = cli("budget", "--model", "gpt-4o", "--window", "12800:3200", ...args, "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const table = tableAsOf(builtinPricebook(), "gpt-trainer-byok");
    expect(json).toEqual(
      JSON.parse(
        JSON.stringify(
          estimateBudget(table, {
            model: "gpt-4o",
            window: { input: 12_800, output: 3_200 },
            queries: 1000,
            deployment: { agents: 3, userFacingAgents: 2, variables: 0, agentChanges: 0 },
            creditBalance: "50",
          }),
        ),
      ),
    );
    expect(json.perQuery.usd).toBe("0.064");
    const text = cli("budget", "--model", "gpt-4o", "--window", "12800:3200", ...args).stdout;
    expect(text).toContain("gpt-4o 12800:3200  1000 queries × 0.064 = 64 USD (20 MC each)");
  });

  it.each([
    [["budget", "--variant", "gpt-3.5"], "MISSING_ARGUMENT"],
    [["budget", "--model", "gpt-4o", "--window", "12800", "--queries", "10"], "INVALID_ARGUMENT"],
    [["budget", "--model", "gpt-4o", "--window", "-1:5", "--queries", "10"], "INVALID_ARGUMENT"],
    [["budget", "--model", "gpt-4o", "--queries", "10"], "INVALID_ARGUMENT"],
    [["budget", "--variant", "gpt-3.5", "--window", "1:1", "--queries", "10"], "INVALID_ARGUMENT"],
    [
      ["budget", "--variant", "gpt-3.5", "--queries", "10", "--agents", "1", "--user-facing", "2"],
      "INVALID_ARGUMENT",
    ],
    [["budget", "--mix", "gpt-3.5:1", "--queries", "10"], "INVALID_ARGUMENT"],
    [["budget", "--variant", "gpt-3.5", "--queries", "1e4"], "INVALID_ARGUMENT"],
    [
      ["budget", "--variant", "gpt-3.5", "--queries", "10", "--credit-balance", "lots"],
      "INVALID_ARGUMENT",
    ],
  ])("%j → exit 2, %s", (argv, code) => {
    const result = cli(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^error ${code}: `));
    expect(result.stdout).toBe("");
  });
});
