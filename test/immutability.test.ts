import { describe, expect, it } from "vitest";
import { calculatorFigures } from "../src/calculator.js";
import {
  allocate,
  auditTable,
  builtinPricebook,
  charge,
  chargeUsd,
  compileTable,
  createPricebook,
  diffTables,
  estimateBudget,
  fromAnthropicUsage,
  fromGeminiUsage,
  fromOpenAIUsage,
  parseTable,
  quote,
  renderChart,
  renderTable,
  resolveName,
  roundAmount,
  sumAmounts,
  tableAsOf,
  tableJsonSchema,
  tableVersion,
  workflowCosts,
} from "../src/index.js";
import { gptTrainerByok20241101 } from "../src/tables/gptTrainerByok20241101.js";
import { billingInput, billingTable } from "./fixtures/tables.js";

// Parsed tables and results are frozen all the way down; no function mutates its arguments.
const book = builtinPricebook();
const byok = tableAsOf(book, "gpt-trainer-byok", { asOf: "2025-02-01" });

/** Every object reachable from `value` that is not frozen, by path. */
function unfrozen(value: unknown, path = "result", seen = new Set<unknown>()): string[] {
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  const here = Object.isFrozen(value) ? [] : [path];
  return [
    ...here,
    ...Object.keys(value).flatMap((key) =>
      unfrozen((value as Record<string, unknown>)[key], `${path}.${key}`, seen),
    ),
  ];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const usage = {
  input: 250_000,
  output: 1_000,
  cachedInput: 200_000,
  cacheWrite: 10_000,
  reasoning: 0,
};
const results: [string, () => unknown][] = [
  ["compileTable", () => compileTable(billingInput)],
  ["parseTable", () => parseTable(JSON.stringify(gptTrainerByok20241101))],
  ["createPricebook", () => createPricebook([billingTable, byok])],
  ["builtinPricebook", () => book],
  ["resolveName", () => resolveName(byok, "gpt-4o-16k")],
  ["quote (variant)", () => quote(byok, "gpt-4o-16k")],
  ["quote (window)", () => quote(byok, "gpt-4o", { window: { input: 5, output: 5 } })],
  ["charge", () => charge(billingTable, "claude-sonnet-4", usage)],
  [
    "charge with parts",
    () =>
      charge(byok, "gpt-4o-16k", {
        inputParts: { memory: 5, ragContext: 10 },
        outputParts: { textResponse: 3 },
      }),
  ],
  ["allocate", () => allocate(byok, { balance: "100", variant: "gpt-4o-16k", queries: 5 })],
  [
    "estimateBudget",
    () =>
      estimateBudget(byok, {
        variant: "gpt-4o-16k",
        queries: 5,
        creditBalance: "10",
        deployment: { agents: 2, userFacingAgents: 2, variables: 1, agentChanges: 1 },
      }),
  ],
  [
    "workflowCosts",
    () => workflowCosts(byok, { agents: 2, userFacingAgents: 2, variables: 1 }, 10),
  ],
  ["auditTable", () => auditTable(tableVersion(book, "gpt-trainer-byok", "2024-11-01"))],
  [
    "diffTables",
    () =>
      diffTables(
        tableVersion(book, "openai", "2025-01-01"),
        tableVersion(book, "openai", "2025-06-10"),
      ),
  ],
  ["fromOpenAIUsage", () => fromOpenAIUsage({ prompt_tokens: 5, completion_tokens: 1 })],
  ["fromAnthropicUsage", () => fromAnthropicUsage({ input_tokens: 5, output_tokens: 1 })],
  ["fromGeminiUsage", () => fromGeminiUsage({ promptTokenCount: 5 })],
  ["tableJsonSchema", () => tableJsonSchema()],
];

describe("frozen results", () => {
  it.each(results)("%s returns a value frozen all the way down", (_, make) => {
    expect(unfrozen(make())).toEqual([]);
  });

  it("every built-in table is frozen all the way down", () => {
    for (const table of book.tables)
      expect(unfrozen(table, `${table.id}@${table.version}`)).toEqual([]);
  });
});

describe("no function mutates its arguments", () => {
  // Arguments are deep-frozen, so any write throws (modules are strict), and compared after.
  const calls: [
    string,
    (args: Record<string, unknown>) => unknown,
    () => Record<string, unknown>,
  ][] = [
    [
      "compileTable",
      (a) => compileTable(a.input as never),
      () => ({ input: structuredClone(billingInput) }),
    ],
    [
      "parseTable",
      (a) => parseTable(a.input),
      () => ({ input: structuredClone(gptTrainerByok20241101) }),
    ],
    [
      "charge",
      (a) => charge(billingTable, "claude-sonnet-4", a.usage as never, a.options as never),
      () => ({ usage: { ...usage }, options: {} }),
    ],
    [
      "chargeUsd",
      (a) => chargeUsd(billingTable, "gpt-4o", a.usage as never, a.options as never),
      () => ({ usage: { input: 10, output: 3 }, options: { serviceTier: "batch" } }),
    ],
    [
      "charge with parts",
      (a) => charge(byok, "gpt-4o", a.usage as never),
      () => ({ usage: { inputParts: { memory: 5 }, outputParts: { textResponse: 1 } } }),
    ],
    [
      "quote",
      (a) => quote(byok, "gpt-4o", a.options as never),
      () => ({ options: { window: { input: 10, output: 10 } } }),
    ],
    [
      "allocate",
      (a) => allocate(byok, a.request as never),
      () => ({
        request: { balance: "50", charges: [charge(byok, "gpt-4o-16k", { input: 1, output: 1 })] },
      }),
    ],
    [
      "estimateBudget",
      (a) => estimateBudget(byok, a.request as never),
      () => ({
        request: {
          mix: [
            { variant: "gpt-4o-16k", share: "0.5" },
            { variant: "gpt-3.5", share: "0.5" },
          ],
          queries: 10,
          deployment: { agents: 2, userFacingAgents: 1, variables: 0 },
          creditBalance: "5",
        },
      }),
    ],
    [
      "workflowCosts",
      (a) => workflowCosts(byok, a.deployment as never, 5),
      () => ({ deployment: { agents: 2, userFacingAgents: 2, variables: 2 } }),
    ],
    [
      "renderTable",
      (a) => renderTable(byok, a.options as never),
      () => ({ options: { format: "json", columns: ["model", "total"], credits: true } }),
    ],
    [
      "renderChart",
      (a) => renderChart(byok, a.options as never),
      () => ({
        options: { kind: "cost-vs-tokens", models: ["gpt-4o"], ratio: { input: 3, output: 1 } },
      }),
    ],
    [
      "calculatorFigures",
      (a) => calculatorFigures(byok, a.entries as never),
      () => ({
        entries: {
          variant: "gpt-4o-16k",
          queries: "10",
          agents: "2",
          userFacingAgents: "2",
          variables: "1",
          agentEdits: "1",
          creditBalance: "50",
        },
      }),
    ],
    [
      "sumAmounts",
      (a) => sumAmounts(a.amounts as never),
      () => ({ amounts: ["1", "2.5", { usd: "3" }] }),
    ],
    [
      "roundAmount",
      (a) => roundAmount("1.25", a.options as never),
      () => ({ options: { scale: 1, mode: "half-even" } }),
    ],
    [
      "fromAnthropicUsage",
      (a) => fromAnthropicUsage(a.usage),
      () => ({
        usage: {
          input_tokens: 1,
          output_tokens: 2,
          cache_creation_input_tokens: 3,
          cache_creation: { ephemeral_5m_input_tokens: 3 },
        },
      }),
    ],
    [
      "createPricebook",
      (a) => createPricebook(a.tables as never),
      () => ({ tables: [billingTable, byok] }),
    ],
  ];

  it.each(calls)("%s", (_, call, make) => {
    const args = make();
    const before = structuredClone(args);
    call(deepFreeze(args));
    expect(args).toEqual(before);
    const fresh = make();
    call(fresh);
    expect(fresh).toEqual(before);
  });
});
