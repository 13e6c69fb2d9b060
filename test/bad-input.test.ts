import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import {
  allocate,
  auditTable,
  builtinPricebook,
  canonicalJson,
  charge,
  chargeUsd,
  compareTables,
  compileTable,
  createPricebook,
  creditsFromUsd,
  diffTables,
  estimateBudget,
  formatPath,
  fromAnthropicUsage,
  fromGeminiUsage,
  fromOpenAIUsage,
  importCatalog,
  PricebookError,
  type PricebookErrorCode,
  parseTable,
  priceRecords,
  quote,
  renderChart,
  renderTable,
  resolveName,
  roundAmount,
  roundCredits,
  safeParseTable,
  sumAmounts,
  summarizePriced,
  tableAsOf,
  tableVersion,
  toAmount,
  toSql,
  usdFromCredits,
  workflowCosts,
} from "../src/index.js";
import { gptTrainerByok20241101 } from "../src/tables/gptTrainerByok20241101.js";
import { modal } from "./fixtures/modalTable.js";
import { providerPricebook } from "./fixtures/providerTables.js";
import { cli } from "./helpers.js";

// A table-driven matrix: every public function and every CLI command, each kind of bad value.
// Each must give the documented PricebookError code and the path of the offending field: never
// a number, never another kind of error.
const book = builtinPricebook();
const table = tableAsOf(book, "gpt-trainer-byok", { asOf: "2025-02-01" });
const ok = { input: 100, output: 10 };

/** Bad token counts: each must be refused wherever a count is expected. */
const BAD_COUNTS: [string, unknown][] = [
  ["negative", -1],
  ["fractional", 1.5],
  ["NaN", Number.NaN],
  ["+Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
  ["-0", -0],
  ["beyond 2^53", 2 ** 53],
  ["exponent string", "1e3"],
  ["hex string", "0x10"],
  ["string with spaces", " 12 "],
  ["empty string", ""],
  ["numeric string", "12"],
  ["null", null],
  ["boolean", true],
  ["object", {}],
  ["array", [1]],
  ["bigint", 12n],
];

/** Bad decimal amounts. */
const BAD_AMOUNTS: [string, unknown][] = [
  ["NaN", Number.NaN],
  ["+Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
  ["exponent string", "1e-3"],
  ["hex string", "0x10"],
  ["string with spaces", " 1.5"],
  ["empty string", ""],
  ["words", "ten"],
  ["comma decimal", "1,5"],
  ["null", null],
  ["undefined", undefined],
  ["boolean", false],
  ["object", {}],
  ["bigint", 5n],
];

/** Dates that don't exist or aren't dates. */
const BAD_DATES: [string, unknown][] = [
  ["Feb 30", "2025-02-30"],
  ["month 13", "2025-13-01"],
  ["not zero-padded", "2025-1-1"],
  ["a word", "yesterday"],
  ["empty", ""],
  ["a number", 20250101],
  ["a Date", new Date("2025-01-01")],
];

const BAD_TABLES: [string, unknown][] = [
  ["null", null],
  ["undefined", undefined],
  ["a number", 42],
  ["a table id", "gpt-trainer-byok"],
  ["an empty object", {}],
  ["a table's input form", gptTrainerByok20241101],
];

type Case = {
  name: string;
  call: () => unknown;
  code: PricebookErrorCode;
  path?: readonly (string | number)[];
};
const cases: Case[] = [];
const add = (
  name: string,
  call: () => unknown,
  code: PricebookErrorCode,
  path?: readonly (string | number)[],
) => cases.push({ name, call, code, path });

// Tables where a compiled table is expected.
for (const [what, bad] of BAD_TABLES) {
  const t = bad as never;
  add(`quote: table is ${what}`, () => quote(t, "gpt-4o-16k"), "INVALID_ARGUMENT", ["table"]);
  add(`charge: table is ${what}`, () => charge(t, "gpt-4o", ok), "INVALID_ARGUMENT", ["table"]);
  add(`chargeUsd: table is ${what}`, () => chargeUsd(t, "gpt-4o", ok), "INVALID_ARGUMENT", [
    "table",
  ]);
  add(`resolveName: table is ${what}`, () => resolveName(t, "gpt-4o"), "INVALID_ARGUMENT", [
    "table",
  ]);
  add(`auditTable: table is ${what}`, () => auditTable(t), "INVALID_ARGUMENT", ["table"]);
  add(`renderTable: table is ${what}`, () => renderTable(t), "INVALID_ARGUMENT", ["table"]);
  add(`diffTables: a is ${what}`, () => diffTables(t, table), "INVALID_ARGUMENT", ["a"]);
  add(`diffTables: b is ${what}`, () => diffTables(table, t), "INVALID_ARGUMENT", ["b"]);
  add(`creditsFromUsd: table is ${what}`, () => creditsFromUsd(t, "1"), "INVALID_ARGUMENT", [
    "table",
  ]);
  add(`usdFromCredits: table is ${what}`, () => usdFromCredits(t, "1"), "INVALID_ARGUMENT", [
    "table",
  ]);
  add(
    `allocate: table is ${what}`,
    () => allocate(t, { balance: "1", variant: "gpt-3.5", queries: 1 }),
    "INVALID_ARGUMENT",
    ["table"],
  );
  add(
    `estimateBudget: table is ${what}`,
    () => estimateBudget(t, { variant: "gpt-3.5", queries: 1 }),
    "INVALID_ARGUMENT",
    ["table"],
  );
  add(
    `workflowCosts: table is ${what}`,
    () => workflowCosts(t, { agents: 1, userFacingAgents: 1, variables: 0 }, 1),
    "INVALID_ARGUMENT",
    ["table"],
  );
  add(
    `createPricebook: a table is ${what}`,
    () => createPricebook([table, t]),
    "INVALID_ARGUMENT",
    ["tables", 1],
  );
}

// Token counts.
for (const [what, bad] of BAD_COUNTS) {
  const v = bad as number;
  for (const field of [
    "input",
    "output",
    "cachedInput",
    "cacheWrite",
    "cacheWrite1h",
    "reasoning",
  ] as const) {
    const usage = { input: 100, output: 10, [field]: v };
    add(
      `charge: usage.${field} is ${what}`,
      () => charge(table, "gpt-4o", usage),
      "INVALID_USAGE",
      ["usage", field],
    );
    add(
      `chargeUsd: usage.${field} is ${what}`,
      () => chargeUsd(table, "gpt-4o", usage),
      "INVALID_USAGE",
      ["usage", field],
    );
  }
  add(
    `charge: inputParts.memory is ${what}`,
    () => charge(table, "gpt-4o", { inputParts: { memory: v }, output: 1 }),
    "INVALID_USAGE",
    ["usage", "inputParts", "memory"],
  );
  add(
    `quote: window.input is ${what}`,
    () => quote(table, "gpt-4o", { window: { input: v, output: 1 } }),
    "INVALID_USAGE",
    ["window", "input"],
  );
  add(
    `quote: window.output is ${what}`,
    () => quote(table, "gpt-4o", { window: { input: 1, output: v } }),
    "INVALID_USAGE",
    ["window", "output"],
  );
  add(
    `allocate: queries is ${what}`,
    () => allocate(table, { balance: "10", variant: "gpt-3.5", queries: v }),
    "INVALID_ARGUMENT",
    ["queries"],
  );
  add(
    `estimateBudget: queries is ${what}`,
    () => estimateBudget(table, { variant: "gpt-3.5", queries: v }),
    "INVALID_ARGUMENT",
    ["queries"],
  );
  for (const field of ["agents", "userFacingAgents", "variables", "agentChanges"] as const) {
    const deployment = {
      agents: 3,
      userFacingAgents: 2,
      variables: 1,
      agentChanges: 0,
      [field]: v,
    };
    add(
      `workflowCosts: deployment.${field} is ${what}`,
      () => workflowCosts(table, deployment, 10),
      "INVALID_ARGUMENT",
      ["deployment", field],
    );
    add(
      `estimateBudget: deployment.${field} is ${what}`,
      () => estimateBudget(table, { variant: "gpt-3.5", queries: 1, deployment }),
      "INVALID_ARGUMENT",
      ["deployment", field],
    );
  }
  add(
    `workflowCosts: queries is ${what}`,
    () => workflowCosts(table, { agents: 1, userFacingAgents: 1, variables: 0 }, v),
    "INVALID_ARGUMENT",
    ["queries"],
  );
  add(
    `roundAmount: scale is ${what}`,
    () => roundAmount("1.25", { scale: v, mode: "half-even" }),
    "INVALID_ARGUMENT",
    ["scale"],
  );
  add(
    `fromOpenAIUsage: prompt_tokens is ${what}`,
    () => fromOpenAIUsage({ prompt_tokens: v, completion_tokens: 1 }),
    "INVALID_USAGE",
    ["usage", "prompt_tokens"],
  );
  // Providers send null for a count they do not report; the adapters take null as absent.
  if (bad !== null)
    add(
      `fromAnthropicUsage: cache_read_input_tokens is ${what}`,
      () => fromAnthropicUsage({ input_tokens: 1, output_tokens: 1, cache_read_input_tokens: v }),
      "INVALID_USAGE",
      ["usage", "cache_read_input_tokens"],
    );
  if (bad !== null)
    add(
      `fromGeminiUsage: thoughtsTokenCount is ${what}`,
      () => fromGeminiUsage({ promptTokenCount: 1, thoughtsTokenCount: v }),
      "INVALID_USAGE",
      ["usage", "thoughtsTokenCount"],
    );
}

// Decimal amounts.
for (const [what, bad] of BAD_AMOUNTS) {
  const v = bad as string;
  add(`toAmount: ${what}`, () => toAmount(v), "INVALID_AMOUNT", []);
  add(
    `roundAmount: amount is ${what}`,
    () => roundAmount(v, { scale: 2, mode: "half-even" }),
    "INVALID_AMOUNT",
    ["amount"],
  );
  // An object is read as a result with a `usd`; a bare object has none.
  const elementPath = typeof bad === "object" && bad !== null ? [1, "usd"] : [1];
  add(
    `sumAmounts: an element is ${what}`,
    () => sumAmounts(["1", v]),
    "INVALID_AMOUNT",
    elementPath,
  );
  add(
    `sumAmounts: a usd is ${what}`,
    () => sumAmounts([{ usd: "1" }, { usd: v }]),
    "INVALID_AMOUNT",
    [1, "usd"],
  );
  add(`creditsFromUsd: ${what}`, () => creditsFromUsd(table, v), "INVALID_AMOUNT", ["usd"]);
  add(`usdFromCredits: ${what}`, () => usdFromCredits(table, v), "INVALID_AMOUNT", ["credits"]);
  add(`roundCredits: ${what}`, () => roundCredits(v, { policy: "up" }), "INVALID_AMOUNT", [
    "credits",
  ]);
  if (bad !== undefined) {
    add(
      `allocate: balance is ${what}`,
      () => allocate(table, { balance: v, variant: "gpt-3.5", queries: 1 }),
      "INVALID_ARGUMENT",
      ["balance"],
    );
    add(
      `estimateBudget: creditBalance is ${what}`,
      () => estimateBudget(table, { variant: "gpt-3.5", queries: 1, creditBalance: v }),
      "INVALID_ARGUMENT",
      ["balance"],
    );
    add(
      `estimateBudget: a share is ${what}`,
      () => estimateBudget(table, { mix: [{ variant: "gpt-3.5", share: v }], queries: 10 }),
      "INVALID_ARGUMENT",
      ["mix", 0, "share"],
    );
  }
}

// Names.
for (const [what, bad, code] of [
  ["unknown", "gpt-4o-17k", "UNKNOWN_MODEL"],
  ["another provider's", "anthropic:gpt-4o", "UNKNOWN_MODEL"],
  ["empty", "", "INVALID_ARGUMENT"],
  ["a number", 42, "INVALID_ARGUMENT"],
  ["null", null, "INVALID_ARGUMENT"],
] as const) {
  const n = bad as string;
  add(`quote: name is ${what}`, () => quote(table, n), code, ["name"]);
  add(`charge: name is ${what}`, () => charge(table, n, ok), code, ["name"]);
  add(`chargeUsd: name is ${what}`, () => chargeUsd(table, n, ok), code, ["name"]);
  add(`resolveName: name is ${what}`, () => resolveName(table, n), code, ["name"]);
  add(
    `allocate: variant is ${what}`,
    () => allocate(table, { balance: "1", variant: n, queries: 1 }),
    code,
    ["name"],
  );
  add(
    `estimateBudget: variant is ${what}`,
    () => estimateBudget(table, { variant: n, queries: 1 }),
    code,
    ["name"],
  );
}
add(
  "pricebookResolve: unknown name",
  () => lib.pricebookResolve(book, "gpt-9-ultra"),
  "UNKNOWN_MODEL",
  ["name"],
);
add(
  "pricebookResolve: two tables claim it",
  () => lib.pricebookResolve(providerPricebook, "gpt-oss-120b", { asOf: "2025-12-01" }),
  "AMBIGUOUS_MODEL",
  ["name"],
);
add(
  "pricebookResolve: name is a number",
  () => lib.pricebookResolve(book, 42 as never),
  "INVALID_ARGUMENT",
  ["name"],
);
add(
  "pricebookResolve: pricebook is null",
  () => lib.pricebookResolve(null as never, "gpt-4o"),
  "INVALID_ARGUMENT",
  ["pricebook"],
);
add(
  "pricebookResolve: asOf does not exist",
  () => lib.pricebookResolve(book, "gpt-4o", { asOf: "2025-02-30" }),
  "INVALID_ARGUMENT",
  ["asOf"],
);
add("tableAsOf: unknown id", () => tableAsOf(book, "openia"), "UNKNOWN_TABLE", ["table"]);
add("tableAsOf: id is a number", () => tableAsOf(book, 42 as never), "INVALID_ARGUMENT", ["id"]);
add("tableAsOf: pricebook is null", () => tableAsOf(null as never, "openai"), "INVALID_ARGUMENT", [
  "pricebook",
]);
add(
  "tableVersion: unknown version",
  () => tableVersion(book, "openai", "2020-01-01"),
  "UNKNOWN_TABLE",
  ["version"],
);
add("tableVersion: unknown id", () => tableVersion(book, "nope", "1"), "UNKNOWN_TABLE", ["table"]);

// Dates.
for (const [what, bad] of BAD_DATES) {
  add(
    `tableAsOf: asOf is ${what}`,
    () => tableAsOf(book, "openai", { asOf: bad as string }),
    "INVALID_ARGUMENT",
    ["asOf"],
  );
  add(
    `compileTable: effectiveFrom is ${what}`,
    () => compileTable({ ...gptTrainerByok20241101, effectiveFrom: bad as string }),
    "INVALID_TABLE",
    ["effectiveFrom"],
  );
  add(
    `parseTable: checkedOn is ${what}`,
    () => parseTable({ ...gptTrainerByok20241101, checkedOn: bad }),
    "INVALID_TABLE",
    ["checkedOn"],
  );
}
add(
  "tableAsOf: before every version",
  () => tableAsOf(book, "openai", { asOf: "2020-01-01" }),
  "NO_TABLE_IN_EFFECT",
  ["asOf"],
);

// Options, modes, shapes.
add(
  "charge: unknown usage kind",
  () => charge(table, "gpt-4o", { ...ok, audio: 1 } as never),
  "INVALID_USAGE",
  ["usage", "audio"],
);
add("charge: usage is null", () => charge(table, "gpt-4o", null as never), "INVALID_USAGE", [
  "usage",
]);
add(
  "chargeUsd: usage is an array",
  () => chargeUsd(table, "gpt-4o", [100, 10] as never),
  "INVALID_USAGE",
  ["usage"],
);
add(
  "charge: cached more than input",
  () => charge(table, "gpt-4o", { input: 1, cachedInput: 2, output: 0 }),
  "INVALID_USAGE",
  ["usage", "cachedInput"],
);
add(
  "charge: unknown service tier",
  () => charge(table, "gpt-4o", ok, { serviceTier: "turbo" as never }),
  "INVALID_USAGE",
  ["serviceTier"],
);
add(
  "charge: a service tier the model lacks",
  () => charge(table, "gpt-4o", ok, { serviceTier: "batch" }),
  "UNPRICED_USAGE",
  ["serviceTier"],
);
add(
  "charge: cached input on a model with no cache rate",
  () => charge(table, "gpt-4o", { input: 2, cachedInput: 1, output: 0 }),
  "UNPRICED_USAGE",
  ["usage", "cachedInput"],
);
add("quote: a model without a window", () => quote(table, "gpt-4o"), "INVALID_ARGUMENT", [
  "window",
]);
add(
  "quote: window is a string",
  () => quote(table, "gpt-4o", { window: "1:1" as never }),
  "INVALID_ARGUMENT",
  ["window"],
);
add(
  "roundAmount: unknown mode",
  () => roundAmount("1", { scale: 2, mode: "nearest" as never }),
  "INVALID_ARGUMENT",
  ["mode"],
);
add("roundAmount: no options", () => roundAmount("1", undefined as never), "INVALID_ARGUMENT", [
  "scale",
]);
add("roundCredits: negative", () => roundCredits("-1", { policy: "up" }), "INVALID_ARGUMENT", [
  "credits",
]);
add(
  "roundCredits: unknown policy",
  () => roundCredits("1", { policy: "nearest" } as never),
  "INVALID_ARGUMENT",
  ["policy"],
);
add(
  "roundCredits: zero step",
  () => roundCredits("1", { policy: "up", step: "0" }),
  "INVALID_ARGUMENT",
  ["policy", "step"],
);
add("sumAmounts: not iterable", () => sumAmounts(null as never), "INVALID_ARGUMENT", ["amounts"]);
add(
  "allocate: negative balance",
  () => allocate(table, { balance: "-1", variant: "gpt-3.5", queries: 1 }),
  "INVALID_ARGUMENT",
  ["balance"],
);
add(
  "allocate: unknown partial",
  () => allocate(table, { balance: "1", variant: "gpt-3.5", queries: 1, partial: "all" as never }),
  "INVALID_ARGUMENT",
  ["partial"],
);
add(
  "allocate: charges is not an array",
  () => allocate(table, { balance: "1", charges: "x" as never }),
  "INVALID_ARGUMENT",
  ["charges"],
);
add("allocate: request is null", () => allocate(table, null as never), "INVALID_ARGUMENT", [
  "queries",
]);
add(
  "workflowCosts: more user-facing agents than agents",
  () => workflowCosts(table, { agents: 1, userFacingAgents: 2, variables: 0 }, 1),
  "INVALID_ARGUMENT",
  ["deployment", "userFacingAgents"],
);
add(
  "workflowCosts: deployment is null",
  () => workflowCosts(table, null as never, 1),
  "INVALID_ARGUMENT",
  ["deployment"],
);
add(
  "estimateBudget: shares do not sum to 1",
  () => estimateBudget(table, { mix: [{ variant: "gpt-3.5", share: "0.5" }], queries: 10 }),
  "INVALID_ARGUMENT",
  ["mix"],
);
add(
  "estimateBudget: a negative share",
  () => estimateBudget(table, { mix: [{ variant: "gpt-3.5", share: "-0.5" }], queries: 10 }),
  "INVALID_ARGUMENT",
  ["mix", 0, "share"],
);
add(
  "estimateBudget: request is null",
  () => estimateBudget(table, null as never),
  "INVALID_ARGUMENT",
  [],
);
// --- calculator2 (issue #16): estimateBudget with a model and a window of its own ---
for (const [what, window, code, path] of [
  ["a negative input", { input: -1, output: 3200 }, "INVALID_USAGE", ["window", "input"]],
  ["a fractional output", { input: 12800, output: 1.5 }, "INVALID_USAGE", ["window", "output"]],
  ["a string", "12800:3200", "INVALID_ARGUMENT", ["window"]],
  ["null", null, "INVALID_ARGUMENT", ["window"]],
  ["missing", undefined, "INVALID_ARGUMENT", ["window"]],
] as const) {
  add(
    `estimateBudget: a model's window is ${what}`,
    () => estimateBudget(table, { model: "gpt-4o", window: window as never, queries: 1 }),
    code,
    [...path],
  );
}
add(
  "estimateBudget: a model and a variant",
  () =>
    estimateBudget(table, {
      model: "gpt-4o",
      variant: "gpt-3.5",
      window: { input: 1, output: 1 },
      queries: 1,
    }),
  "INVALID_ARGUMENT",
  ["variant"],
);
add(
  "estimateBudget: a window with a variant",
  () => estimateBudget(table, { variant: "gpt-3.5", window: { input: 1, output: 1 }, queries: 1 }),
  "INVALID_ARGUMENT",
  ["window"],
);
add(
  "estimateBudget: a model that is not a string",
  () => estimateBudget(table, { model: 7 as never, window: { input: 1, output: 1 }, queries: 1 }),
  "INVALID_ARGUMENT",
  ["model"],
);
// --- end calculator2 block ---
add(
  "renderTable: unknown format",
  () => renderTable(table, { format: "pdf" as never }),
  "INVALID_ARGUMENT",
  ["format"],
);
add("renderTable: options is null", () => renderTable(table, null as never), "INVALID_ARGUMENT", [
  "options",
]);
add("createPricebook: not iterable", () => createPricebook(42 as never), "INVALID_ARGUMENT", [
  "tables",
]);
add("fromOpenAIUsage: not an object", () => fromOpenAIUsage("12"), "INVALID_USAGE", ["usage"]);
add("formatPath: not an array", () => formatPath(null as never), "INVALID_ARGUMENT", ["path"]);
add(
  "canonicalJson: a cycle",
  () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    return canonicalJson(a);
  },
  "INVALID_ARGUMENT",
  ["value"],
);
add("canonicalJson: a bigint", () => canonicalJson({ n: 1n }), "INVALID_ARGUMENT", ["value"]);
add("parseTable: not JSON", () => parseTable("{"), "INVALID_TABLE", []);
add("parseTable: JSON null", () => parseTable("null"), "INVALID_TABLE", []);
add("parseTable: a number", () => parseTable(42), "INVALID_TABLE", []);
add("compileTable: null", () => compileTable(null as never), "INVALID_TABLE", []);
add(
  "parseTable: a value that contains itself",
  () => {
    const models: Record<string, unknown> = {};
    models.m = models;
    return parseTable({ ...gptTrainerByok20241101, models });
  },
  "INVALID_TABLE",
  ["models", "m"],
);
add(
  "parseTable: JSON nested 100,000 levels deep",
  () => parseTable(`{"id":"x","models":${"[".repeat(100_000)}1${"]".repeat(100_000)}}`),
  "INVALID_TABLE",
);
add(
  "parseTable: an object nested 100,000 levels deep",
  () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    return parseTable({ id: "x", models: deep });
  },
  "INVALID_TABLE",
);

// --- Issue #14 (hostile input): stored data fed back, names of any length. ---
{
  const stored = charge(table, "gpt-4o-16k", ok);
  const BAD_STORED: [string, unknown][] = [
    ...BAD_AMOUNTS,
    ["negative", "-5"],
    ["negative zero", "-0"],
    ["plus sign", "+1"],
    ["a number", 0.5],
  ];
  for (const [what, usd] of BAD_STORED) {
    add(
      `allocate: a stored charge's usd is ${what}`,
      () => allocate(table, { balance: "100", charges: [stored, { ...stored, usd } as never] }),
      "INVALID_AMOUNT",
      ["charges", 1, "usd"],
    );
  }
  for (const [what, name] of [
    ["20,000 characters", "x".repeat(20_000)],
    ["1,000,000 characters", "y".repeat(1_000_000)],
    ["control characters", "\u001b[2J\u202e"],
  ] as const) {
    add(`quote: a name of ${what}`, () => quote(table, name), "UNKNOWN_MODEL", ["name"]);
    add(`chargeUsd: a name of ${what}`, () => chargeUsd(table, name, ok), "UNKNOWN_MODEL", [
      "name",
    ]);
    add(`resolveName: a name of ${what}`, () => resolveName(table, name), "UNKNOWN_MODEL", [
      "name",
    ]);
  }
  add(
    "sumAmounts: 1e3 among long amounts",
    () => sumAmounts([`1${"0".repeat(200)}`, "1e3"]),
    "INVALID_AMOUNT",
    [1],
  );
  add(
    "roundCredits: a long value with an exponent",
    () => roundCredits(`${"9".repeat(150)}e2`, { policy: "up" }),
    "INVALID_AMOUNT",
    ["credits"],
  );
}
// --- end of issue #14 block ---
// --- renderChart (issue #16) ---------------------------------------------------------------
const openai = tableAsOf(book, "openai", { asOf: "2025-07-01" });
for (const [what, bad] of BAD_TABLES) {
  add(
    `renderChart: table is ${what}`,
    () => renderChart(bad as never, { kind: "cost-per-query" }),
    "INVALID_ARGUMENT",
    ["table"],
  );
}
add("renderChart: no options", () => renderChart(table, undefined as never), "INVALID_ARGUMENT", [
  "options",
]);
add(
  "renderChart: unknown kind",
  () => renderChart(table, { kind: "pie" as never }),
  "INVALID_ARGUMENT",
  ["kind"],
);
add(
  "renderChart: cost per query of a table without variants",
  () => renderChart(openai, { kind: "cost-per-query" }),
  "INVALID_ARGUMENT",
  ["kind"],
);
for (const [what, bad] of BAD_COUNTS) {
  add(
    `renderChart: maxTokens ${what}`,
    () => renderChart(table, { kind: "cost-vs-tokens", maxTokens: bad as never }),
    "INVALID_ARGUMENT",
    ["maxTokens"],
  );
}
add(
  "renderChart: maxTokens below 10",
  () => renderChart(table, { kind: "cost-vs-tokens", maxTokens: 9 }),
  "INVALID_ARGUMENT",
  ["maxTokens"],
);
add(
  "renderChart: maxTokens above 10,000,000",
  () => renderChart(table, { kind: "cost-vs-tokens", maxTokens: 10_000_001 }),
  "INVALID_ARGUMENT",
  ["maxTokens"],
);
add(
  "renderChart: an unknown model",
  () => renderChart(table, { kind: "cost-vs-tokens", models: ["gpt-4o", "gpt-9"] }),
  "UNKNOWN_MODEL",
);
add(
  "renderChart: models not a list",
  () => renderChart(table, { kind: "cost-vs-tokens", models: "gpt-4o" as never }),
  "INVALID_ARGUMENT",
  ["models"],
);
add(
  "renderChart: no models",
  () => renderChart(table, { kind: "cost-vs-tokens", models: [] }),
  "INVALID_ARGUMENT",
  ["models"],
);
add(
  "renderChart: 13 models",
  () => renderChart(table, { kind: "cost-vs-tokens", models: Array(13).fill("gpt-4o") }),
  "INVALID_ARGUMENT",
  ["models"],
);
add(
  "renderChart: a model that is not a string",
  () => renderChart(table, { kind: "cost-vs-tokens", models: [42 as never] }),
  "INVALID_ARGUMENT",
  ["models", 0],
);
add(
  "renderChart: a ratio of 0:0",
  () => renderChart(table, { kind: "cost-vs-tokens", ratio: { input: 0, output: 0 } }),
  "INVALID_ARGUMENT",
  ["ratio"],
);
add(
  "renderChart: a fractional ratio",
  () => renderChart(table, { kind: "cost-vs-tokens", ratio: { input: 0.5, output: 1 } }),
  "INVALID_ARGUMENT",
  ["ratio", "input"],
);
add(
  "renderChart: a ratio that is not an object",
  () => renderChart(table, { kind: "cost-vs-tokens", ratio: "4:1" as never }),
  "INVALID_ARGUMENT",
  ["ratio"],
);
add(
  "renderChart: an id prefix that would break out of the attribute",
  () => renderChart(table, { kind: "cost-per-query", idPrefix: 'x" onload="alert(1)' }),
  "INVALID_ARGUMENT",
  ["idPrefix"],
);
// --- end renderChart ---------------------------------------------------------------------------
// --- import: importCatalog and compareTables (issue 11) ---
// Not the named format (or not JSON-shaped at all): INVALID_CATALOG with the path of the first
// offending entry. A wrong value inside one entry skips that entry (see the last cases).
add(
  "importCatalog: null as LiteLLM",
  () => importCatalog(null, { format: "litellm" }),
  "INVALID_CATALOG",
  [],
);
add(
  "importCatalog: an array as LiteLLM",
  () => importCatalog([], { format: "litellm" }),
  "INVALID_CATALOG",
  [],
);
add(
  "importCatalog: an entry that is not an object",
  () => importCatalog({ "gpt-4o": { litellm_provider: "openai" }, bad: 42 }, { format: "litellm" }),
  "INVALID_CATALOG",
  ["bad"],
);
add(
  "importCatalog: no entry has a litellm_provider (a models.dev file given as LiteLLM)",
  () => importCatalog({ openai: { id: "openai", models: {} } }, { format: "litellm" }),
  "INVALID_CATALOG",
  ["openai"],
);
add(
  "importCatalog: an object as genai-prices",
  () => importCatalog({}, { format: "genai-prices" }),
  "INVALID_CATALOG",
  [],
);
add(
  "importCatalog: a genai-prices provider without models",
  () => importCatalog([{ id: "openai", models: [] }, { id: "x" }], { format: "genai-prices" }),
  "INVALID_CATALOG",
  [1],
);
add(
  "importCatalog: a string that is not JSON, as models.dev",
  () => importCatalog("{not json", { format: "models.dev" }),
  "INVALID_CATALOG",
  [],
);
add(
  "importCatalog: a models.dev provider without models",
  () => importCatalog({ openai: { id: "openai" } }, { format: "models.dev" }),
  "INVALID_CATALOG",
  ["openai"],
);
add(
  "importCatalog: unknown format",
  () => importCatalog({}, { format: "csv" as never }),
  "INVALID_ARGUMENT",
  ["format"],
);
add("importCatalog: no options", () => importCatalog({}, undefined as never), "INVALID_ARGUMENT", [
  "options",
]);
add(
  "importCatalog: a date that does not exist",
  () => importCatalog({}, { format: "litellm", asOf: "2025-02-30" }),
  "INVALID_ARGUMENT",
  ["asOf"],
);
add(
  "importCatalog: providers not an array",
  () => importCatalog({}, { format: "litellm", providers: "openai" as never }),
  "INVALID_ARGUMENT",
  ["providers"],
);
add(
  "compareTables: a table input, not compiled",
  () => compareTables(gptTrainerByok20241101 as never, table),
  "INVALID_ARGUMENT",
  ["a"],
);
add("compareTables: null", () => compareTables(table, null as never), "INVALID_ARGUMENT", ["b"]);

describe("importCatalog: a wrong value inside one entry skips that entry, never the import", () => {
  it.each<[string, unknown]>([
    ["a string price", "0.000001"],
    ["a negative price", -1e-6],
    ["null", null],
    ["an object", { usd: 1 }],
    ["an ambiguous float", 0.08333333333333334],
  ])("%s", (_, bad) => {
    const { tables, report } = importCatalog(
      {
        good: {
          litellm_provider: "openai",
          mode: "chat",
          input_cost_per_token: 1e-6,
          output_cost_per_token: 2e-6,
        },
        bad: {
          litellm_provider: "openai",
          mode: "chat",
          input_cost_per_token: bad,
          output_cost_per_token: 2e-6,
        },
      },
      { format: "litellm", catalogDate: "2025-01-01" },
    );
    expect(Object.keys(tables[0]?.models ?? {})).toEqual(["good"]);
    expect(report.skipped).toEqual([
      { key: "bad", reason: expect.stringMatching(/^input_cost_per_token: /) },
    ]);
  });
});
// --- end import block ---
// ── records (issue #12): priceRecords and summarizePriced ─────────────────────────────────
{
  const book = builtinPricebook();
  const one = [{ model: "o3", input: 1, output: 1 }];
  add("priceRecords: source is null", () => priceRecords(null as never, one), "INVALID_ARGUMENT", [
    "source",
  ]);
  add(
    "priceRecords: source is an empty object",
    () => priceRecords({} as never, one),
    "INVALID_ARGUMENT",
  );
  add(
    "priceRecords: records is a number",
    () => priceRecords(book, 42 as never),
    "INVALID_ARGUMENT",
    ["records"],
  );
  add(
    "priceRecords: records is null",
    () => priceRecords(book, null as never),
    "INVALID_ARGUMENT",
    ["records"],
  );
  add(
    "priceRecords: unknown table",
    () => priceRecords(book, one, { table: "opneai" }),
    "UNKNOWN_TABLE",
  );
  add(
    "priceRecords: unknown shape",
    () => priceRecords(book, one, { shape: "xml" as never }),
    "INVALID_ARGUMENT",
    ["shape"],
  );
  add(
    "priceRecords: asOf is not a date",
    () => priceRecords(book, one, { asOf: "2025-02-30" }),
    "INVALID_ARGUMENT",
    ["asOf"],
  );
  add(
    "priceRecords: table option with a single table",
    () => priceRecords(tableAsOf(book, "openai", { asOf: "2025-07-01" }), one, { table: "openai" }),
    "INVALID_ARGUMENT",
    ["table"],
  );
  add(
    "priceRecords: options is a string",
    () => priceRecords(book, one, "auto" as never),
    "INVALID_ARGUMENT",
    ["options"],
  );
  add("summarizePriced: rows is a number", () => summarizePriced(42 as never), "INVALID_ARGUMENT", [
    "rows",
  ]);
  add(
    "summarizePriced: a row that is not a row",
    () => summarizePriced([{}] as never),
    "INVALID_ARGUMENT",
    ["rows"],
  );
  add(
    "summarizePriced: a priced row with a float usd",
    () =>
      summarizePriced([
        { ok: true, line: 1, usd: 0.1, tokens: { input: 1, output: 1 }, dimensions: {} },
      ] as never),
    "INVALID_ARGUMENT",
  );
  add(
    "summarizePriced: empty groupBy key",
    () => summarizePriced([], { groupBy: ["customer", ""] }),
    "INVALID_ARGUMENT",
    ["groupBy"],
  );
  add(
    "summarizePriced: negative maxErrors",
    () => summarizePriced([], { maxErrors: -1 }),
    "INVALID_ARGUMENT",
    ["maxErrors"],
  );
}
// --- toSql and `sql` (warehouse) -----------------------------------------------------------
const byokVersions = book.tables.filter((t) => t.id === "gpt-trainer-byok");
add(
  "toSql: unknown dialect",
  () => toSql(byokVersions, { dialect: "mysql" as never }),
  "INVALID_ARGUMENT",
  ["dialect"],
);
add("toSql: no dialect", () => toSql(byokVersions, {} as never), "INVALID_ARGUMENT", ["dialect"]);
add("toSql: options is null", () => toSql(byokVersions, null as never), "INVALID_ARGUMENT", [
  "options",
]);
add("toSql: empty table list", () => toSql([], { dialect: "duckdb" }), "INVALID_ARGUMENT", [
  "tables",
]);
add(
  "toSql: tables is not an array",
  () => toSql("openai" as never, { dialect: "duckdb" }),
  "INVALID_ARGUMENT",
  ["tables"],
);
add(
  "toSql: a table in its input form",
  () => toSql([gptTrainerByok20241101 as never], { dialect: "duckdb" }),
  "INVALID_ARGUMENT",
  ["tables", 0],
);
add(
  "toSql: one version twice",
  () => toSql([table, table], { dialect: "postgres" }),
  "INVALID_ARGUMENT",
  [1],
);
add(
  "toSql: two versions of a table from the same day",
  () =>
    toSql(
      [
        table,
        { ...table, version: "again", provenance: { ...table.provenance, version: "again" } },
      ],
      { dialect: "duckdb" },
    ),
  "INVALID_ARGUMENT",
  [1],
);
for (const usageTable of [
  'my "usage"',
  "a.b.c.d",
  "usage;",
  "1usage",
  "",
  'x."',
  "usage -- x",
  '""',
  42,
]) {
  add(
    `toSql: usageTable ${JSON.stringify(usageTable)}`,
    () => toSql([table], { dialect: "duckdb", usageTable: usageTable as string }),
    "INVALID_ARGUMENT",
    ["usageTable"],
  );
}
add(
  "toSql: a PostgreSQL name longer than 63 bytes",
  () => toSql([table], { dialect: "postgres", usageTable: "u".repeat(64) }),
  "INVALID_ARGUMENT",
  ["usageTable"],
);
add(
  "toSql: rates wider than DuckDB's DECIMAL(38)",
  () => {
    const wide = compileTable({
      id: "wide",
      version: "1",
      effectiveFrom: "2025-01-01",
      source: "test",
      checkedOn: "2025-01-01",
      currency: "USD",
      models: {
        m: { provider: "p", input: "1234567890123456789012345.5", output: "0.00000000000001" },
      },
    });
    return toSql([wide], { dialect: "duckdb" });
  },
  "LIMIT_EXCEEDED",
  ["tables"],
);

describe(`bad-input matrix: ${cases.length} cases, each a PricebookError with its code and path`, () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    let thrown: unknown;
    let result: unknown;
    try {
      result = c.call();
    } catch (error) {
      thrown = error;
    }
    expect(result, "returned instead of throwing").toBeUndefined();
    expect(thrown).toBeInstanceOf(PricebookError);
    const error = thrown as PricebookError;
    expect(error.code).toBe(c.code);
    if (c.path !== undefined) expect(error.path).toEqual(c.path);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("safeParseTable never throws, whatever it is given", () => {
    for (const value of [
      null,
      undefined,
      42,
      "",
      "{",
      "[]",
      [],
      {},
      { id: 1 },
      Symbol.iterator,
      () => 1,
    ]) {
      const result = safeParseTable(value);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error).toBeInstanceOf(PricebookError);
    }
  });

  it("covers every exported function that takes input", () => {
    const covered = new Set(cases.map((c) => c.name.split(":")[0] as string));
    covered.add("safeParseTable");
    const noInput = new Set(["builtinPricebook", "todayUtc", "tableJsonSchema"]);
    const functions = Object.entries(lib)
      .filter(
        ([, value]) =>
          typeof value === "function" && !/^class\b/.test(Function.prototype.toString.call(value)),
      )
      .map(([name]) => name)
      .filter((name) => !noInput.has(name));
    expect(functions.filter((name) => !covered.has(name))).toEqual([]);
  });
});

// --- issue 10 (branch resolve): name resolution, --table auto, audio/image/web-search usage ---
{
  const modalTable = compileTable(modal);
  for (const [what, name] of [
    ["a made-up id", "gpt-9-ultra"],
    ["a made-up suffix", "gpt-4o-turbo-max"],
    ["a snapshot date that does not exist", "gpt-4o-2024-02-30"],
    ["a four-digit version tag", "gemini-2.0-flash-0001"],
    ["another provider's prefix", "anthropic/gpt-4o"],
    ["an undeclared router prefix", "groq/gpt-4o"],
    ["an unknown Bedrock region", "xx.anthropic.claude-sonnet-4-20250514-v1:0"],
    ["a Bedrock id of another owner", "us.meta.claude-sonnet-4-20250514-v1:0"],
    ["a Vertex tag that is not a date", "claude-sonnet-4@2025"],
    ["a name that only contains an id", "my-gpt-4o"],
    ["a 1 MB name", `openai/${"a".repeat(1_000_000)}`],
  ] as const) {
    add(
      `resolveName: ${what}`,
      () => resolveName(book.tables.find((t) => t.id === "openai") as never, name),
      "UNKNOWN_MODEL",
      ["name"],
    );
  }
  add(
    "pricebookResolve: a Bedrock id without an aws-bedrock table",
    () =>
      lib.pricebookResolve(
        lib.createPricebook(book.tables.filter((t) => t.id !== "aws-bedrock")),
        "us.anthropic.claude-sonnet-4-20250514-v1:0",
      ),
    "UNKNOWN_TABLE",
    ["name"],
  );
  add(
    "pricebookResolve: a Bedrock id its vendor table lacks",
    () =>
      lib.pricebookResolve(providerPricebook, "us.anthropic.claude-3-5-haiku-20241022-v1:0", {
        asOf: "2025-12-01",
      }),
    "UNKNOWN_MODEL",
    ["name"],
  );
  add(
    "pricebookResolve: a name of 1 MB",
    () => lib.pricebookResolve(providerPricebook, "x".repeat(1_000_000), { asOf: "2025-12-01" }),
    "UNKNOWN_MODEL",
    ["name"],
  );
  for (const [kind, usage] of [
    ["webSearch", { input: 100, output: 10, webSearch: 1 }],
    ["imageInput", { input: 100, output: 10, imageInput: 1 }],
    ["audioInput", { input: 100, output: 10, audioInput: 1 }],
    ["audioOutput", { input: 100, output: 10, audioOutput: 1 }],
  ] as const) {
    add(
      `charge: ${kind} on a model without its rate`,
      () => charge(table, "gpt-4o", usage),
      "UNPRICED_USAGE",
      ["usage", kind],
    );
    add(
      `chargeUsd: ${kind} on a model without its rate`,
      () => chargeUsd(table, "gpt-4o", usage),
      "UNPRICED_USAGE",
      ["usage", kind],
    );
  }
  for (const [what, value] of BAD_COUNTS) {
    add(
      `charge: webSearch is ${what}`,
      () => charge(modalTable, "claude-sonnet-4", { ...ok, webSearch: value as number }),
      "INVALID_USAGE",
      ["usage", "webSearch"],
    );
    add(
      `chargeUsd: audioInput is ${what}`,
      () => chargeUsd(modalTable, "gpt-4o-audio-preview", { ...ok, audioInput: value as number }),
      "INVALID_USAGE",
      ["usage", "audioInput"],
    );
  }
  add(
    "charge: audio and image tokens above input",
    () =>
      charge(modalTable, "gemini-2.5-flash", {
        input: 10,
        output: 1,
        audioInput: 6,
        imageInput: 5,
      }),
    "INVALID_USAGE",
    ["usage", "audioInput"],
  );
  add(
    "charge: reasoning and audio output above output",
    () =>
      charge(modalTable, "gpt-4o-audio-preview", {
        input: 10,
        output: 5,
        reasoning: 3,
        audioOutput: 3,
      }),
    "INVALID_USAGE",
    ["usage", "audioOutput"],
  );
  add(
    "fromGeminiUsage: a modality it does not know",
    () =>
      lib.fromGeminiUsage({
        promptTokenCount: 1,
        candidatesTokenCount: 2,
        candidatesTokensDetails: [{ modality: "HOLOGRAM", tokenCount: 2 }],
      }),
    "UNRECOGNIZED_USAGE",
    ["usage", "candidatesTokensDetails", 0, "modality"],
  );
  // Each reader: a bad count, and a numeric field it does not know (never silently dropped).
  for (const [name, read, body, countPath, unknownBody, unknownPath] of [
    [
      "fromBedrockUsage",
      lib.fromBedrockUsage,
      { usage: { inputTokens: -1, outputTokens: 1 }, stopReason: "end_turn" },
      ["usage", "inputTokens"],
      { usage: { inputTokens: 1, outputTokens: 1, cacheVideoTokens: 3 }, stopReason: "end_turn" },
      ["usage", "cacheVideoTokens"],
    ],
    [
      "fromXaiUsage",
      lib.fromXaiUsage,
      { prompt_tokens: 1.5, completion_tokens: 1 },
      ["usage", "prompt_tokens"],
      { prompt_tokens: 1, completion_tokens: 1, num_images: 2 },
      ["usage", "num_images"],
    ],
    [
      "fromMistralUsage",
      lib.fromMistralUsage,
      { prompt_tokens: 1, completion_tokens: 1, num_cached_tokens: "3" },
      ["usage", "num_cached_tokens"],
      { prompt_tokens: 1, completion_tokens: 1, num_cached_tokens: 0, extra_tokens: 1 },
      ["usage", "extra_tokens"],
    ],
    [
      "fromDeepSeekUsage",
      lib.fromDeepSeekUsage,
      { prompt_tokens: 1, completion_tokens: 1, prompt_cache_hit_tokens: -2 },
      ["usage", "prompt_cache_hit_tokens"],
      {
        prompt_tokens: 1,
        completion_tokens: 1,
        prompt_cache_hit_tokens: 0,
        prompt_cache_write_tokens: 1,
      },
      ["usage", "prompt_cache_write_tokens"],
    ],
    [
      "fromMoonshotUsage",
      lib.fromMoonshotUsage,
      { prompt_tokens: 1, completion_tokens: 1, cached_tokens: Number.NaN },
      ["usage", "cached_tokens"],
      { prompt_tokens: 1, completion_tokens: 1, cached_tokens: 0, search_tokens: 4 },
      ["usage", "search_tokens"],
    ],
    [
      "fromCohereUsage",
      lib.fromCohereUsage,
      { usage: { billed_units: { input_tokens: -1, output_tokens: 1 } } },
      ["usage", "billed_units", "input_tokens"],
      { usage: { billed_units: { input_tokens: 1, output_tokens: 1, rerank_units: 2 } } },
      ["usage", "billed_units", "rerank_units"],
    ],
    [
      "fromAiSdkUsage",
      lib.fromAiSdkUsage,
      { inputTokens: 1, outputTokens: -0, totalTokens: 1, reasoningTokens: 0 },
      ["usage", "outputTokens"],
      { inputTokens: 1, outputTokens: 1, totalTokens: 2, cachedInputTokens: 0, imageTokens: 5 },
      ["usage", "imageTokens"],
    ],
    [
      "fromLangChainUsage",
      lib.fromLangChainUsage,
      { usage_metadata: { input_tokens: 1, output_tokens: Infinity, total_tokens: 1 } },
      ["usage", "output_tokens"],
      {
        usage_metadata: {
          input_tokens: 1,
          output_tokens: 1,
          total_tokens: 2,
          input_token_details: { cache_read: 0, cache_hit: 1 },
        },
      },
      ["usage", "input_token_details", "cache_hit"],
    ],
  ] as const) {
    add(
      `${name}: a bad count`,
      () => read(body),
      "INVALID_USAGE",
      countPath as unknown as (string | number)[],
    );
    add(
      `${name}: a field it does not know`,
      () => read(unknownBody),
      "UNRECOGNIZED_USAGE",
      unknownPath as unknown as (string | number)[],
    );
  }
  add(
    "fromGeminiUsage: details not a list",
    () => lib.fromGeminiUsage({ promptTokenCount: 1, promptTokensDetails: { AUDIO: 1 } }),
    "INVALID_USAGE",
    ["usage", "promptTokensDetails"],
  );
  add(
    "fromGeminiUsage: a detail count of -1",
    () =>
      lib.fromGeminiUsage({
        promptTokenCount: 1,
        promptTokensDetails: [{ modality: "AUDIO", tokenCount: -1 }],
      }),
    "INVALID_USAGE",
    ["usage", "promptTokensDetails", 0, "tokenCount"],
  );
  add(
    "fromGeminiUsage: more cached audio than audio",
    () =>
      lib.fromGeminiUsage({
        promptTokenCount: 10,
        cachedContentTokenCount: 5,
        promptTokensDetails: [{ modality: "AUDIO", tokenCount: 2 }],
        cacheTokensDetails: [{ modality: "AUDIO", tokenCount: 5 }],
      }),
    "INVALID_USAGE",
    ["usage", "cacheTokensDetails"],
  );
  add(
    "fromOpenAIUsage: audio_tokens of 1.5",
    () =>
      lib.fromOpenAIUsage({
        prompt_tokens: 10,
        completion_tokens: 1,
        prompt_tokens_details: { audio_tokens: 1.5 },
      }),
    "INVALID_USAGE",
    ["usage", "prompt_tokens_details", "audio_tokens"],
  );
  add(
    "fromOpenAIUsage: more cached audio than audio",
    () =>
      lib.fromOpenAIUsage({
        input_tokens: 10,
        output_tokens: 1,
        input_token_details: {
          audio_tokens: 1,
          cached_tokens: 2,
          cached_tokens_details: { audio_tokens: 2 },
        },
      }),
    "INVALID_USAGE",
    ["usage", "input_token_details", "cached_tokens_details"],
  );
  add(
    "fromAnthropicUsage: web_search_requests of -1",
    () =>
      lib.fromAnthropicUsage({
        input_tokens: 1,
        output_tokens: 1,
        server_tool_use: { web_search_requests: -1 },
      }),
    "INVALID_USAGE",
    ["usage", "server_tool_use", "web_search_requests"],
  );
  add(
    "compileTable: webSearch per million",
    () =>
      compileTable({
        ...modal,
        models: {
          m: { provider: "x", input: "1", output: "1", webSearch: { perMillion: "1" } as never },
        },
      }),
    "INVALID_TABLE",
    ["models", "m", "webSearch"],
  );
  add(
    "parseTable: audioInput with an exponent",
    () =>
      parseTable({
        ...modal,
        models: { m: { provider: "x", input: "1", output: "1", audioInput: "1e-6" } },
      }),
    "INVALID_TABLE",
  );
}
// --- end of issue 10 (branch resolve) block ---

// The CLI: every command, each kind of bad value. Exit 2, `error CODE: …` on stderr, nothing
// on stdout (so no amount), no stack trace.
const cliCases: [string[], PricebookErrorCode][] = [
  [["nope"], "UNKNOWN_COMMAND"],
  [["--bogus"], "UNKNOWN_COMMAND"],
];
const COMMAND_LINES: Record<string, string[]> = {
  quote: ["quote", "gpt-4o-16k"],
  charge: ["charge", "gpt-4o-16k", "--input", "10", "--output", "5"],
  budget: ["budget", "--variant", "gpt-3.5", "--queries", "10"],
  table: ["table"],
  audit: ["audit"],
  diff: ["diff", "openai@2025-01-01", "openai"],
  models: ["models"],
  chart: ["chart", "--kind", "cost-per-query"],
  compare: ["compare", "openai@2025-01-01", "openai"],
};
for (const [command, line] of Object.entries(COMMAND_LINES)) {
  cliCases.push([[...line, "--bogus"], "UNKNOWN_FLAG"]);
  cliCases.push([[...line, "-z"], "UNKNOWN_FLAG"]);
  cliCases.push([[...line, "--as-of"], "MISSING_ARGUMENT"]);
  cliCases.push([[...line, "--json", "--json"], "INVALID_ARGUMENT"]);
  for (const [, date] of BAD_DATES.filter(([, d]) => typeof d === "string" && d !== "")) {
    cliCases.push([[...line, "--as-of", date as string], "INVALID_ARGUMENT"]);
  }
  cliCases.push([
    [...line, "--as-of", "2020-01-01"],
    command === "diff" ? "NO_TABLE_IN_EFFECT" : "NO_TABLE_IN_EFFECT",
  ]);
  if (command !== "diff" && command !== "compare") {
    cliCases.push([[...line, "--table", "nope"], "UNKNOWN_TABLE"]);
    cliCases.push([[...line, "--table", "/no/such/file.json"], "INVALID_ARGUMENT"]);
  }
}
for (const [what, value] of [
  ["negative", "-1"],
  ["fractional", "1.5"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["-0", "-0"],
  ["beyond 2^53", "9007199254740993"],
  ["exponent", "1e3"],
  ["hex", "0x10"],
  ["spaces", " 12"],
  ["empty", ""],
  ["words", "ten"],
] as const) {
  void what;
  for (const flag of [
    "--input",
    "--output",
    "--cached-input",
    "--cache-write",
    "--cache-write-1h",
    "--reasoning",
  ]) {
    const line = ["charge", "gpt-4o", "--input", "10", "--output", "5"].filter(
      (_, i, all) => !(all[i - 1] === flag || all[i] === flag),
    );
    cliCases.push([
      [...line, `${flag}=${value}`],
      value === "" ? "MISSING_ARGUMENT" : "INVALID_ARGUMENT",
    ]);
  }
  for (const flag of ["--queries", "--agents", "--user-facing", "--variables", "--agent-edits"]) {
    const line = ["budget", "--variant", "gpt-3.5", "--queries", "10"].filter(
      (_, i, all) => !(all[i - 1] === flag || all[i] === flag),
    );
    cliCases.push([
      [...line, `${flag}=${value}`],
      value === "" ? "MISSING_ARGUMENT" : "INVALID_ARGUMENT",
    ]);
  }
  cliCases.push([
    ["quote", "gpt-4o", `--window=${value}:10`],
    value === "" ? "INVALID_ARGUMENT" : "INVALID_ARGUMENT",
  ]);
  if (
    value !== "" &&
    value !== "-1" &&
    value !== "-0" &&
    value !== "1.5" &&
    value !== "9007199254740993"
  ) {
    cliCases.push([
      ["budget", "--variant", "gpt-3.5", "--queries", "10", `--credit-balance=${value}`],
      "INVALID_ARGUMENT",
    ]);
  }
}
cliCases.push(
  [["quote"], "MISSING_ARGUMENT"],
  [["quote", "gpt-4o-17k"], "UNKNOWN_MODEL"],
  [["quote", "anthropic:gpt-4o"], "UNKNOWN_MODEL"],
  [["quote", "gpt-4o-16k", "extra"], "INVALID_ARGUMENT"],
  [["charge", "gpt-4o", "--output", "5"], "MISSING_ARGUMENT"],
  [["charge", "gpt-4o", "--input", "5"], "MISSING_ARGUMENT"],
  [["charge", "gpt-4o", "--input", "5", "--output", "5", "--cached-input", "6"], "INVALID_USAGE"],
  [["charge", "gpt-4o", "--input", "5", "--output", "5", "--cached-input", "2"], "UNPRICED_USAGE"],
  [
    ["charge", "gpt-4o", "--input", "5", "--output", "5", "--service-tier", "turbo"],
    "INVALID_USAGE",
  ],
  [["charge", "gpt-4o", "--input", "5", "--output", "5", "--reasoning", "6"], "INVALID_USAGE"],
  [["budget", "--queries", "10"], "INVALID_ARGUMENT"],
  [["budget", "--variant", "gpt-3.5"], "MISSING_ARGUMENT"],
  [
    ["budget", "--variant", "gpt-3.5", "--queries", "10", "--agents", "1", "--user-facing", "2"],
    "INVALID_ARGUMENT",
  ],
  [
    ["budget", "--variant", "gpt-3.5", "--queries", "10", "--credit-balance", "-5"],
    "INVALID_ARGUMENT",
  ],
  [["budget", "--mix", "gpt-3.5=0.5", "--queries", "10"], "INVALID_ARGUMENT"],
  [["budget", "--mix", "gpt-3.5=1e0", "--queries", "10"], "INVALID_ARGUMENT"],
  [["budget", "--variant", "gpt-3.5", "--queries", "10", "--partial", "all"], "INVALID_ARGUMENT"],
  [["table", "--format", "pdf"], "INVALID_ARGUMENT"],
  [["table", "--section", "prices"], "INVALID_ARGUMENT"],
  [["table", "--rate-unit", "thousand"], "INVALID_ARGUMENT"],
  [["table", "--columns", "model,colour"], "INVALID_ARGUMENT"],
  [["audit", "/no/such/file.json"], "INVALID_ARGUMENT"],
  [["audit", "a", "b"], "INVALID_ARGUMENT"],
  [["diff", "openai"], "MISSING_ARGUMENT"],
  [["diff", "openai@1999", "openai"], "UNKNOWN_TABLE"],
  [["models", "--provider", "mistral"], "INVALID_ARGUMENT"],
  [["models", "extra"], "INVALID_ARGUMENT"],
  // import / compare (issue 11)
  [["import"], "MISSING_ARGUMENT"],
  [["import", "data/catalogs/README.md"], "MISSING_ARGUMENT"],
  [["import", "data/catalogs/README.md", "--from", "csv"], "INVALID_ARGUMENT"],
  [["import", "data/catalogs/README.md", "--from", "litellm"], "INVALID_CATALOG"],
  [["import", "data/catalogs/genai-prices-v2-data.json", "--from", "litellm"], "INVALID_CATALOG"],
  [
    ["import", "data/catalogs/litellm-model-prices-2025-09-01.json", "--from", "genai-prices"],
    "INVALID_CATALOG",
  ],
  [["import", "/no/such/catalog.json", "--from", "litellm"], "INVALID_ARGUMENT"],
  [["import", "data/catalogs", "--from", "litellm"], "INVALID_ARGUMENT"],
  [
    ["import", "data/catalogs/README.md", "--from", "litellm", "--as-of", "2025-02-30"],
    "INVALID_ARGUMENT",
  ],
  [
    ["import", "data/catalogs/README.md", "--from", "litellm", "--date", "yesterday"],
    "INVALID_ARGUMENT",
  ],
  [["import", "a.json", "b.json", "--from", "litellm"], "INVALID_ARGUMENT"],
  [
    [
      "import",
      "data/catalogs/litellm-model-prices-2025-09-01.json",
      "--from",
      "litellm",
      "--provider",
      "nope",
      "--out",
      "/tmp/llm-pricebook-bad-input",
    ],
    "INVALID_ARGUMENT",
  ],
  [["compare", "openai"], "MISSING_ARGUMENT"],
  [["compare", "openai", "nope"], "UNKNOWN_TABLE"],
  [["compare", "openai", "/no/such/file.json"], "INVALID_ARGUMENT"],
  // issue 10 (branch resolve)
  [["charge", "gpt-9-ultra", "--table", "auto", "--input", "1", "--output", "1"], "UNKNOWN_MODEL"],
  [
    [
      "charge",
      "us.anthropic.claude-nope-4-20250514-v1:0",
      "--table",
      "auto",
      "--input",
      "1",
      "--output",
      "1",
    ],
    "UNKNOWN_MODEL",
  ],
  [
    ["charge", "gpt-4o", "--table", "openai", "--input", "1", "--output", "1", "--web-search", "1"],
    "UNPRICED_USAGE",
  ],
  [
    [
      "charge",
      "gpt-4o",
      "--table",
      "openai",
      "--input",
      "1",
      "--output",
      "1",
      "--audio-input",
      "-1",
    ],
    "INVALID_ARGUMENT",
  ],
  [
    [
      "charge",
      "gpt-4o",
      "--table",
      "openai",
      "--input",
      "1",
      "--output",
      "1",
      "--image-input",
      "2",
    ],
    "INVALID_USAGE",
  ],
  [
    [
      "charge",
      "gpt-4o",
      "--table",
      "openai",
      "--input",
      "1",
      "--output",
      "1",
      "--audio-output",
      "1.5",
    ],
    "INVALID_ARGUMENT",
  ],
  [["models", "--table", "auto"], "INVALID_ARGUMENT"],
  [["quote", "anthropic/gpt-4o-16k", "--table", "auto"], "UNKNOWN_MODEL"],
  // sql (warehouse)
  [["sql"], "MISSING_ARGUMENT"],
  [["sql", "--dialect", "mysql"], "INVALID_ARGUMENT"],
  [["sql", "--dialect", "duckdb", "--dialect", "postgres"], "INVALID_ARGUMENT"],
  [["sql", "--dialect", "duckdb", "--table", "nope"], "UNKNOWN_TABLE"],
  [["sql", "--dialect", "duckdb", "--table", "/no/such/table.json"], "INVALID_ARGUMENT"],
  [["sql", "--dialect", "duckdb", "--table", "openai", "--table", "OpenAI"], "INVALID_ARGUMENT"],
  [["sql", "--dialect", "postgres", "--usage-table", 'my "usage"'], "INVALID_ARGUMENT"],
  [["sql", "--dialect", "postgres", "--usage-table"], "MISSING_ARGUMENT"],
  [["sql", "--dialect", "duckdb", "extra"], "INVALID_ARGUMENT"],
);

// --- calculator2 (issue #16): budget --model M --window IN:OUT ---
for (const window of ["12800", "a:b", "-1:5", "1:2:3", ":"]) {
  cliCases.push([
    ["budget", "--model", "gpt-4o", "--window", window, "--queries", "10"],
    "INVALID_ARGUMENT",
  ]);
}
cliCases.push([["budget", "--model", "gpt-4o", "--queries", "10"], "INVALID_ARGUMENT"]);
cliCases.push([
  ["budget", "--variant", "gpt-3.5", "--window", "1:1", "--queries", "10"],
  "INVALID_ARGUMENT",
]);
// --- end calculator2 block ---
// --- Issue #14 (hostile input): files that are not regular, flags that contradict. ---
for (const device of ["/dev/zero", "/dev/null", "/dev/urandom"]) {
  cliCases.push([["quote", "gpt-4o-16k", "--table", device], "INVALID_ARGUMENT"]);
  cliCases.push([["audit", device], "INVALID_ARGUMENT"]);
  cliCases.push([["diff", device, "openai"], "INVALID_ARGUMENT"]);
}
cliCases.push(
  [["table", "--workflows", "--section", "models"], "INVALID_ARGUMENT"],
  [["table", "--workflows", "--section", "variants"], "INVALID_ARGUMENT"],
  [["charge", "gpt-4o", "--input", "99999999999999999999", "--output", "1"], "INVALID_ARGUMENT"],
  [["quote", "x".repeat(20_000)], "UNKNOWN_MODEL"],
  [["quote", "\u001b[31mgpt\u202e"], "UNKNOWN_MODEL"],
);
// --- end of issue #14 block ---
// --- chart (issue #16) ---
cliCases.push(
  [["chart"], "MISSING_ARGUMENT"],
  [["chart", "--kind"], "MISSING_ARGUMENT"],
  [["chart", "--kind", "pie"], "INVALID_ARGUMENT"],
  [["chart", "--kind", "cost-per-query", "extra"], "INVALID_ARGUMENT"],
  [["chart", "--kind", "cost-per-query", "--table", "openai"], "INVALID_ARGUMENT"],
  [["chart", "--kind", "cost-per-query", "--models", "gpt-4o"], "INVALID_ARGUMENT"],
  [["chart", "--kind", "cost-per-query", "--max-tokens", "100"], "INVALID_ARGUMENT"],
  [["chart", "--kind", "cost-vs-tokens", "--models", "gpt-4o,nope"], "UNKNOWN_MODEL"],
  [["chart", "--kind", "cost-vs-tokens", "--models", ""], "MISSING_ARGUMENT"],
  [["chart", "--kind", "cost-vs-tokens", "--max-tokens", "-1"], "INVALID_ARGUMENT"],
  [["chart", "--kind", "cost-vs-tokens", "--max-tokens", "1e6"], "INVALID_ARGUMENT"],
  [["chart", "--kind", "cost-vs-tokens", "--max-tokens", "1.5"], "INVALID_ARGUMENT"],
  [["chart", "--kind", "cost-vs-tokens", "--max-tokens", "5"], "INVALID_ARGUMENT"],
  [["chart", "--kind", "cost-vs-tokens", "--max-tokens", "99999999999"], "INVALID_ARGUMENT"],
);
// --- end chart ---

describe(`CLI bad-input matrix: ${cliCases.length} command lines, each exit 2 with error CODE`, () => {
  it.each(cliCases.map(([argv, code]) => [argv.join(" "), argv, code] as const))(
    "%s",
    (_, argv, code) => {
      const result = cli(...argv);
      expect(result.stderr).toMatch(new RegExp(`^error ${code}: `));
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).not.toMatch(/\n\s+at |Error:|TypeError/);
      expect(result.stderr.trim().split("\n").length).toBeLessThanOrEqual(40);
    },
  );
});

describe("docs/reliability.md", () => {
  it("documents every error code", async () => {
    const { readFileSync } = await import("node:fs");
    const doc = readFileSync(new URL("../docs/reliability.md", import.meta.url), "utf8");
    const source = readFileSync(new URL("../src/errors.ts", import.meta.url), "utf8");
    const union = source.slice(
      source.indexOf("export type PricebookErrorCode"),
      source.indexOf(";", source.indexOf("export type PricebookErrorCode")),
    );
    const codes = [...union.matchAll(/"([A-Z_]+)"/g)].map((match) => match[1]);
    expect(codes.length).toBeGreaterThanOrEqual(11);
    for (const code of codes) expect(doc, code).toContain(`| \`${code}\` |`);
  });
});
