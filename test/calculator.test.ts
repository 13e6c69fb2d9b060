import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { calculatorFigures, defineCalculator } from "../src/calculator.js";
import { builtinPricebook, estimateBudget, quote, tableAsOf } from "../src/index.js";
import { runExample } from "./exampleRunner.js";
import { cli } from "./helpers.js";

const table = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2025-02-01" });
const CALCULATOR = new URL("../src/calculator.ts", import.meta.url).pathname;

describe("llm-pricebook/calculator in Node", () => {
  it("imports where there is no DOM, and registers nothing", () => {
    expect(typeof globalThis.HTMLElement).toBe("undefined");
    expect(defineCalculator()).toBe(false);
  });

  it("runs its TSDoc examples", async () => {
    for (const name of ["calculatorFigures", "defineCalculator"]) {
      const source = readFileSync(new URL(`../src/calculator/${name}.ts`, import.meta.url), "utf8");
      const doc = source.slice(
        source.lastIndexOf("/**", source.indexOf(`export function ${name}(`)),
      );
      const example = doc
        .slice(doc.indexOf("@example") + "@example".length, doc.indexOf("*/"))
        .split("\n")
        .map((line) => line.replace(/^\s*\* ?/, ""))
        .join("\n")
        .trim();
      const prelude = `import { calculatorFigures, defineCalculator } from ${JSON.stringify(CALCULATOR)};
import { builtinPricebook, tableAsOf } from ${JSON.stringify(new URL("../src/index.ts", import.meta.url).pathname)};
const table = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2024-12-01" });`;
      const checks = await runExample(`calculator-${name}`, example, prelude);
      expect(checks.length).toBeGreaterThan(0);
      for (const [actual, wanted, text] of checks) expect(actual, text).toEqual(wanted);
    }
  });
});

describe("calculatorFigures equals the CLI's budget --json", () => {
  const months = [
    ["gpt-3.5", "1", "1", "1", "0", "0", ""],
    ["gpt-4o-16k", "20000", "3", "2", "2", "4", "50000"],
    ["gpt-4o-mini-1k", "7", "0", "0", "4", "3", "50"],
    ["gpt-4-1106-64k", "999999999", "7", "5", "1", "12", "99999999"],
    ["gpt-4o-mini-64k", "12345", "2", "1", "0", "0", "1234.5"],
    ["gpt-4-0125-8k", "0", "2", "2", "1", "1", "0"],
  ] as const;
  it.each(months)(
    "%s, %s queries, %s agents (%s user-facing), %s variables, %s edits, balance %j",
    (variant, queries, agents, userFacingAgents, variables, agentEdits, creditBalance) => {
      const figures = calculatorFigures(table, {
        variant,
        queries,
        agents,
        userFacingAgents,
        variables,
        agentEdits,
        creditBalance,
      });
      if (!figures.ok) throw new Error(figures.message);
      const result = cli(
        "budget",
        "--as-of",
        "2025-02-01",
        "--variant",
        variant,
        "--queries",
        queries,
        "--agents",
        agents,
        "--user-facing",
        userFacingAgents,
        "--variables",
        variables,
        "--agent-edits",
        agentEdits,
        ...(creditBalance === "" ? [] : ["--credit-balance", creditBalance]),
        "--json",
      );
      expect(result.code).toBe(0);
      expect(JSON.parse(JSON.stringify(figures.budget))).toEqual(JSON.parse(result.stdout));
      const q = JSON.parse(cli("quote", variant, "--as-of", "2025-02-01", "--json").stdout);
      expect(JSON.parse(JSON.stringify(figures.quote))).toEqual(q);
    },
  );

  it("gives GPT-4o-16k's month by hand", () => {
    // 20000 × 0.064 = 1280 USD, ±20% = 1024 to 1536; 40 MC a query: 50000 MC pay 1250 queries,
    // the other 18750 go to the key at 0.064 = 1200 USD.
    const figures = calculatorFigures(table, {
      variant: "gpt-4o-16k",
      queries: "20000",
      agents: "3",
      userFacingAgents: "2",
      variables: "2",
      agentEdits: "4",
      creditBalance: "50000",
    });
    expect(
      figures.ok && [
        figures.budget.ai,
        figures.allocation?.queriesOnKey,
        figures.allocation?.keyUsd,
      ],
    ).toEqual([{ usd: "1280", low: "1024", high: "1536" }, 18750, "1200"]);
  });
});

describe("calculatorFigures by a model and a window equals estimateBudget and budget --model --window --json", () => {
  const openai = tableAsOf(builtinPricebook(), "openai", { asOf: "2025-02-01" });
  const months = [
    // [table, model, input, output, queries, agents, user-facing, variables, edits, balance]
    ["gpt-trainer-byok", "gpt-4o", "12800", "3200", "1000", "1", "1", "0", "0", "50"],
    ["gpt-trainer-byok", "gpt-4o-mini", "1000", "100", "20000", "3", "2", "2", "4", "50000"],
    ["gpt-trainer-byok", "gpt-4o", "0", "0", "5", "0", "0", "0", "0", "0"],
    [
      "gpt-trainer-byok",
      "gpt-3.5-turbo-1106",
      "7",
      "3",
      "999999999",
      "7",
      "5",
      "1",
      "12",
      "99999999",
    ],
    ["openai", "gpt-4o", "12800", "3200", "1000", "1", "1", "0", "0", ""],
    ["openai", "gpt-4o-mini", "123456", "654321", "77", "0", "0", "0", "0", ""],
  ] as const;
  it.each(months)(
    "%s: %s at %s:%s, %s queries, %s agents (%s user-facing), %s variables, %s edits, balance %j",
    (id, model, windowInput, windowOutput, queries, agents, userFacingAgents, variables, agentEdits, creditBalance) => {
      const t = id === "openai" ? openai : table;
      const figures = calculatorFigures(t, {
        mode: "model",
        model,
        windowInput,
        windowOutput,
        queries,
        agents,
        userFacingAgents,
        variables,
        agentEdits,
        creditBalance,
      });
      if (!figures.ok) throw new Error(figures.message);
      const window = { input: Number(windowInput), output: Number(windowOutput) };
      const deployment = {
        agents: Number(agents),
        userFacingAgents: Number(userFacingAgents),
        variables: Number(variables),
        agentChanges: Number(agentEdits),
      };
      expect(figures.budget).toEqual(
        estimateBudget(t, {
          model,
          window,
          queries: Number(queries),
          deployment,
          ...(creditBalance === "" ? {} : { creditBalance }),
        }),
      );
      expect(figures.quote).toEqual(quote(t, model, { window }));
      expect(figures.quote.credits?.published ?? null).toBeNull();
      const result = cli(
        "budget",
        "--table",
        id,
        "--as-of",
        "2025-02-01",
        "--model",
        model,
        "--window",
        `${windowInput}:${windowOutput}`,
        "--queries",
        queries,
        "--agents",
        agents,
        "--user-facing",
        userFacingAgents,
        "--variables",
        variables,
        "--agent-edits",
        agentEdits,
        ...(creditBalance === "" ? [] : ["--credit-balance", creditBalance]),
        "--json",
      );
      expect(result.stderr).toBe("");
      expect(JSON.parse(JSON.stringify(figures.budget))).toEqual(JSON.parse(result.stdout));
    },
  );

  it("gives GPT-4o at 12,800:3,200 by hand", () => {
    // 12800 × 0.0000025 + 3200 × 0.00001 = 0.064 a query, 20 MC estimated (0.064 ÷ 0.0032),
    // none published; 1000 queries = 64 USD, ±20% = 51.2 to 76.8; 50 MC pay 2 queries.
    const figures = calculatorFigures(table, {
      mode: "model",
      model: "gpt-4o",
      windowInput: "12800",
      windowOutput: "3200",
      queries: "1000",
      agents: "1",
      userFacingAgents: "1",
      variables: "0",
      creditBalance: "50",
    });
    expect(
      figures.ok && [
        figures.quote.usd,
        figures.quote.credits,
        figures.budget.ai,
        figures.allocation?.queriesOnCredits,
        figures.allocation?.keyUsd,
      ],
    ).toEqual([
      "0.064",
      { unitPrice: "0.0032", estimated: "20", published: null },
      { usd: "64", low: "51.2", high: "76.8" },
      2,
      "63.872",
    ]);
  });

  const good = {
    mode: "model",
    model: "gpt-4o",
    windowInput: "12800",
    windowOutput: "3200",
    queries: "100",
    agents: "2",
    userFacingAgents: "1",
    variables: "0",
    agentEdits: "0",
    creditBalance: "",
  } as const;
  it.each([
    ["windowInput", "-1"],
    ["windowInput", ""],
    ["windowInput", "1.5"],
    ["windowInput", "1e4"],
    ["windowOutput", "12,800"],
    ["windowOutput", "99999999999999999"],
    ["windowOutput", "lots"],
    ["model", "gpt-9"],
    ["model", "gpt-4o-16k"],
    ["model", ""],
    ["mode", "both"],
  ] as const)("refuses %s = %j with a message and no number", (field, value) => {
    const figures = calculatorFigures(table, { ...good, [field]: value } as never);
    expect(figures.ok).toBe(false);
    expect(Object.keys(figures).sort()).toEqual(["field", "message", "ok"]);
    if (!figures.ok) {
      expect(figures.field).toBe(field);
      expect(figures.message.length).toBeGreaterThan(10);
    }
  });

  it("refuses a credit balance on a table without credits", () => {
    const figures = calculatorFigures(openai, { ...good, creditBalance: "5" });
    expect(figures.ok === false && figures.field).toBe("creditBalance");
  });
});

describe("calculatorFigures refuses what the CLI refuses, with a message and no number", () => {
  const good = {
    variant: "gpt-4o-16k",
    queries: "100",
    agents: "2",
    userFacingAgents: "1",
    variables: "0",
    agentEdits: "0",
    creditBalance: "",
  };
  it.each([
    ["queries", "-1"],
    ["queries", ""],
    ["queries", "1.5"],
    ["queries", "1e9"],
    ["queries", " 1 0"],
    ["queries", "99999999999999999"],
    ["queries", "9007199254740993"],
    ["agents", "0x10"],
    ["userFacingAgents", "3"],
    ["variables", "-0"],
    ["agentEdits", "NaN"],
    ["creditBalance", "-5"],
    ["creditBalance", "1e3"],
    ["creditBalance", "Infinity"],
    ["variant", "gpt-4o-17k"],
    ["variant", ""],
  ] as const)("%s = %j", (field, value) => {
    const figures = calculatorFigures(table, { ...good, [field]: value });
    expect(figures.ok).toBe(false);
    expect(Object.keys(figures).sort()).toEqual(["field", "message", "ok"]);
    if (!figures.ok) {
      expect(figures.field).toBe(field);
      expect(figures.message.length).toBeGreaterThan(10);
    }
  });
});

describe("the calculator bundle", () => {
  it("carries no built-in table and no zod", async () => {
    const result = await build({
      entryPoints: [CALCULATOR],
      bundle: true,
      write: false,
      format: "esm",
      minify: true,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).toContain("llm-pricebook-calculator");
    for (const needle of [
      "Message Credit",
      "claude-sonnet-4",
      "gemini-2.5-pro",
      "ZodError",
      "$ZodType",
    ]) {
      expect(code, needle).not.toContain(needle);
    }
  });
});
