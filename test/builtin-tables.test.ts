// The generated provider tables (npm run tables:generate) against the raw catalogs, read here
// independently of the generator and the importer (test/catalogFields.ts), and against the
// rule: a price is built in only when genai-prices and LiteLLM (either snapshot) state it, or
// when the fact file (data/decisions.json, citing data/provider-prices.md) does.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { agreePrices } from "../scripts/tables/agreePrices.js";
import { generatedFiles } from "../scripts/tables/generatedFiles.js";
import {
  builtinPricebook,
  charge,
  type Model,
  type PricingTable,
  resolveName,
  tableAsOf,
} from "../src/index.js";
import { Dec } from "../src/money/decimal.js";
import { formatDecimal } from "../src/money/formatDecimal.js";
import { genaiFields, litellmFields } from "./catalogFields.js";
import { caught, cli } from "./helpers.js";

const readJson = (path: string): any =>
  JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), "utf8"));
const genai: any[] = readJson("data/catalogs/genai-prices-v2-data.json");
const snapshots: Record<string, any>[] = [
  readJson("data/catalogs/litellm-model-prices-2026-07.json"),
  readJson("data/catalogs/litellm-model-prices-2025-09-01.json"),
];
const decisions = readJson("data/decisions.json");
const book = builtinPricebook();

// Written out again here (not imported from the generator): which catalog entries feed a table.
const TABLES: Record<string, { genai: string; litellm: string[]; prefix: string }> = {
  openai: { genai: "openai", litellm: ["openai", "text-completion-openai"], prefix: "" },
  anthropic: { genai: "anthropic", litellm: ["anthropic"], prefix: "" },
  google: { genai: "google", litellm: ["gemini"], prefix: "gemini/" },
  "google-vertex": {
    genai: "google",
    litellm: [
      "vertex_ai-language-models",
      "vertex_ai-anthropic_models",
      "vertex_ai-embedding-models",
      "vertex_ai",
    ],
    prefix: "vertex_ai/",
  },
  "aws-bedrock": { genai: "aws", litellm: ["bedrock", "bedrock_converse"], prefix: "bedrock/" },
  "azure-openai": { genai: "azure", litellm: ["azure", "azure_text"], prefix: "azure/" },
  mistral: { genai: "mistral", litellm: ["mistral"], prefix: "mistral/" },
  xai: { genai: "x-ai", litellm: ["xai"], prefix: "xai/" },
};

function matches(clause: any, id: string): boolean {
  if ("equals" in clause) return id === clause.equals;
  if ("starts_with" in clause) return id.startsWith(clause.starts_with);
  if ("ends_with" in clause) return id.endsWith(clause.ends_with);
  if ("contains" in clause) return id.includes(clause.contains);
  if ("regex" in clause) return new RegExp(clause.regex).test(id);
  if ("or" in clause) return clause.or.some((part: any) => matches(part, id));
  return clause.and.every((part: any) => matches(part, id));
}

/** The genai-prices record that prices `id` for a provider: first match, then its fallbacks. */
function genaiRecord(providerId: string, id: string): any {
  const provider = genai.find((p) => p.id === providerId);
  for (const candidate of [
    provider,
    ...(provider.fallback_model_providers ?? []).map((f: string) => genai.find((p) => p.id === f)),
  ]) {
    const found = candidate.models.find((model: any) => matches(model.match, id));
    if (found) return found;
  }
  return undefined;
}

/** The LiteLLM entries (in each snapshot that has one) of a table's model id. */
function litellmEntries(table: string, id: string): any[] {
  const spec = TABLES[table] as (typeof TABLES)[string];
  return snapshots.flatMap((snapshot) =>
    Object.entries(snapshot)
      .filter(
        ([key, entry]) =>
          typeof entry === "object" &&
          spec.litellm.includes(entry.litellm_provider) &&
          (key.startsWith(spec.prefix) ? key.slice(spec.prefix.length) : key).toLowerCase() === id,
      )
      .map(([, entry]) => entry),
  );
}

/** The fact-file values in force for a model on a date, per token. */
function factValues(table: string, id: string, date: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const fact of decisions.facts) {
    if (fact.table !== table || !fact.models.includes(id)) continue;
    if ((fact.from ?? decisions.baseDate) > date || (fact.until && date >= fact.until)) continue;
    for (const [field, rate] of Object.entries(fact.perMillion ?? {}))
      values.set(field, formatDecimal(new Dec(rate as string).div(1_000_000)));
  }
  return values;
}

const KINDS = [
  "input",
  "output",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "audioInput",
  "audioOutput",
  "imageInput",
] as const;

/** Every price of a compiled model as flat fields (per token; webSearch per call). */
function modelFields(model: Model): Map<string, string> {
  const fields = new Map<string, string>();
  const put = (prefix: string, rates: Partial<Record<(typeof KINDS)[number], string>>) => {
    for (const kind of KINDS)
      if (rates[kind] !== undefined) fields.set(`${prefix}${kind}`, rates[kind]);
  };
  put("", model);
  if (model.webSearch !== undefined) fields.set("webSearch", model.webSearch);
  for (const tier of model.tiers) put(`tier:${tier.aboveInputTokens}:`, tier);
  for (const [name, tier] of Object.entries(model.serviceTiers)) {
    if (tier === undefined || "multiplier" in tier) throw new Error("generated tiers state rates");
    put(`${name}:`, tier);
  }
  return fields;
}

/**
 * Checks every price of a table's model against both raw catalogs (or the fact file): the
 * genai-prices record that prices `name` (an id, or an alias genai-prices declares) and the
 * LiteLLM entries of the model's id. Returns the number of fields checked.
 */
function expectBothCatalogs(table: PricingTable, id: string, name: string): number {
  let checked = 0;
  const model = table.models[id] as Model;
  const spec = TABLES[table.id] as (typeof TABLES)[string];
  const record = genaiRecord(spec.genai, name);
  const g = record ? genaiFields(record.prices, table.effectiveFrom) : new Map();
  const entries = litellmEntries(table.id, id);
  const ls = entries.map((entry) => litellmFields(entry));
  const facts = factValues(table.id, id, table.effectiveFrom);
  const embedding = entries.length > 0 && entries.every((entry) => entry.mode === "embedding");
  for (const [field, value] of modelFields(model)) {
    const where = `${table.id}@${table.version} ${id} ${field} = ${value}`;
    const fact = facts.get(field);
    if (fact !== undefined) {
      expect(value, where).toBe(fact);
    } else if (embedding && field === "output") {
      expect(value, where).toBe("0");
    } else {
      expect(g.get(field), `${where}: genai-prices`).toBeDefined();
      expect(new Dec(g.get(field)).eq(value), `${where}: genai-prices`).toBe(true);
      expect(
        ls.some((l) => l.get(field) !== undefined && new Dec(l.get(field) as string).eq(value)),
        `${where}: LiteLLM`,
      ).toBe(true);
    }
    checked += 1;
  }
  // A long-context price no two sources agree on caps the priced input: never the base rate.
  const stated = new Set(
    [g, ...ls].flatMap((fields) =>
      [...fields.keys()].flatMap((key) => /^tier:(\d+):input$/.exec(key)?.[1] ?? []),
    ),
  );
  for (const threshold of stated) {
    const kept = model.tiers.some((tier) => tier.aboveInputTokens === Number(threshold));
    if (!kept) expect(model.maxPricedInputTokens, `${id} above ${threshold}`).toBeDefined();
  }
  return checked;
}

const generated = book.tables.filter((table) => table.id in TABLES);

describe("generated tables", () => {
  it("are the eight provider tables, each version sourced and checked", () => {
    expect([...new Set(generated.map((table) => table.id))].sort()).toEqual(
      Object.keys(TABLES).sort(),
    );
    for (const table of generated) {
      expect(table.source).toContain("pydantic/genai-prices@47df840a prices/new_data/v2/data.json");
      expect(table.source).toContain("BerriAI/litellm model_prices_and_context_window.json");
      expect(table.source).toContain("data/provider-prices.md");
      expect(table.source).not.toMatch(/shared\/|\.\.\//);
      expect(table.checkedOn).toBe("2026-08-21");
      expect(table.effectiveFrom >= decisions.baseDate).toBe(true);
    }
  });

  it("are the files npm run tables:generate writes (regenerate when this fails)", () => {
    for (const [path, content] of generatedFiles())
      expect(readFileSync(new URL(`../${path}`, import.meta.url), "utf8"), path).toBe(content);
  }, 300_000);
});

describe("every generated price against both catalogs", () => {
  const cases = generated.flatMap((table) =>
    Object.keys(table.models).map((id) => [`${table.id}@${table.version}`, id, table] as const),
  );

  it(`${cases.length} model versions: each price is stated by two sources`, () => {
    let checked = 0;
    for (const [, id, table] of cases) checked += expectBothCatalogs(table, id, id);
    expect(checked).toBeGreaterThan(3000);
  });

  it("leaves out no model both catalogs agree on (latest version of each table)", () => {
    const excluded = new Set(
      decisions.exclusions.flatMap((e: any) => e.models.map((m: string) => `${e.table} ${m}`)),
    );
    let agreed = 0;
    for (const [tableId, spec] of Object.entries(TABLES)) {
      const table = tableAsOf(book, tableId, { asOf: "2026-08-21" });
      const ids = new Set(
        snapshots.flatMap((snapshot) =>
          Object.entries(snapshot)
            .filter(
              ([, entry]) =>
                typeof entry === "object" &&
                spec.litellm.includes(entry.litellm_provider) &&
                ["chat", "responses", "completion"].includes(entry.mode),
            )
            .map(([key]) =>
              (key.startsWith(spec.prefix) ? key.slice(spec.prefix.length) : key).toLowerCase(),
            ),
        ),
      );
      for (const id of ids) {
        if (id.includes("/") || id.startsWith("ft:") || excluded.has(`${tableId} ${id}`)) continue;
        const record = genaiRecord(spec.genai, id);
        if (!record || factValues(tableId, id, table.effectiveFrom).size > 0) continue;
        const g = genaiFields(record.prices, table.effectiveFrom);
        const ls = litellmEntries(tableId, id).map((entry) => litellmFields(entry));
        const agree = (field: string) =>
          g.has(field) &&
          ls.some(
            (l) => l.has(field) && new Dec(l.get(field) as string).eq(g.get(field) as string),
          );
        if (!agree("input") || !agree("output")) continue;
        agreed += 1;
        const model = table.models[id];
        expect(model, `${tableId} ${id}`).toBeDefined();
        expect(new Dec(model?.input as string).eq(g.get("input") as string)).toBe(true);
        expect(new Dec(model?.output as string).eq(g.get("output") as string)).toBe(true);
      }
    }
    expect(agreed).toBeGreaterThan(400);
  });
});

// Real ids across the eight tables, as of 2026-08-01, with the per-1M prices both catalogs state
// (or the fact file decides). A charge of 100,000 input + 100,000 output tokens costs
// 100,000 × in/1M + 100,000 × out/1M = (in + out) ÷ 10, worked out by hand in each row.
const PINNED: [table: string, id: string, usd: string, byHand: string][] = [
  ["openai", "gpt-4o", "1.25", "(2.50 + 10) / 10"],
  ["openai", "gpt-4o-2024-05-13", "2", "(5 + 15) / 10, the fact file's D1"],
  ["openai", "gpt-4o-mini", "0.075", "(0.15 + 0.60) / 10"],
  ["openai", "gpt-4.1", "1", "(2 + 8) / 10"],
  ["openai", "gpt-4.1-nano", "0.05", "(0.10 + 0.40) / 10"],
  ["openai", "o1", "7.5", "(15 + 60) / 10"],
  ["openai", "o3", "1", "(2 + 8) / 10, after the 2025-06-10 cut"],
  ["openai", "o3-mini", "0.55", "(1.10 + 4.40) / 10"],
  ["openai", "o4-mini", "0.55", "(1.10 + 4.40) / 10"],
  ["openai", "gpt-5", "1.125", "(1.25 + 10) / 10"],
  ["openai", "gpt-5-mini", "0.225", "(0.25 + 2) / 10"],
  ["openai", "gpt-5-nano", "0.045", "(0.05 + 0.40) / 10"],
  ["openai", "gpt-3.5-turbo-0125", "0.2", "(0.50 + 1.50) / 10"],
  ["openai", "gpt-5.4", "1.75", "(2.50 + 15) / 10, below its 272k tier"],
  ["openai", "text-embedding-3-small", "0.002", "(0.02 + 0) / 10: embeddings have no output"],
  ["anthropic", "claude-3-haiku-20240307", "0.15", "(0.25 + 1.25) / 10"],
  ["anthropic", "claude-3-5-haiku-20241022", "0.48", "(0.80 + 4) / 10"],
  ["anthropic", "claude-sonnet-4-5-20250929", "1.8", "(3 + 15) / 10"],
  ["anthropic", "claude-sonnet-4-5", "1.8", "(3 + 15) / 10"],
  ["anthropic", "claude-opus-4-1-20250805", "9", "(15 + 75) / 10"],
  ["anthropic", "claude-haiku-4-5-20251001", "0.6", "(1 + 5) / 10"],
  ["anthropic", "claude-opus-4-5-20251101", "3", "(5 + 25) / 10"],
  ["anthropic", "claude-opus-4-6", "3", "(5 + 25) / 10"],
  ["google", "gemini-2.0-flash", "0.05", "(0.10 + 0.40) / 10"],
  ["google", "gemini-2.0-flash-lite", "0.0375", "(0.075 + 0.30) / 10"],
  ["google", "gemini-2.5-flash", "0.28", "(0.30 + 2.50) / 10"],
  ["google", "gemini-2.5-flash-lite", "0.05", "(0.10 + 0.40) / 10"],
  ["google", "gemini-2.5-pro", "1.125", "(1.25 + 10) / 10, below its 200k tier"],
  ["google", "gemini-1.5-pro", "0.625", "(1.25 + 5) / 10, the fact file's after-cut price"],
  ["google", "gemini-3-pro-preview", "1.4", "(2 + 12) / 10"],
  ["google-vertex", "gemini-2.5-pro", "1.125", "(1.25 + 10) / 10"],
  ["google-vertex", "gemini-2.5-flash", "0.28", "(0.30 + 2.50) / 10"],
  ["google-vertex", "claude-sonnet-4-5@20250929", "1.8", "(3 + 15) / 10"],
  ["google-vertex", "claude-opus-4-1@20250805", "9", "(15 + 75) / 10"],
  ["google-vertex", "claude-3-5-sonnet-v2@20241022", "1.8", "(3 + 15) / 10"],
  [
    "aws-bedrock",
    "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "1.98",
    "(3.30 + 16.50) / 10, regional",
  ],
  [
    "aws-bedrock",
    "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "1.98",
    "(3.30 + 16.50) / 10, regional",
  ],
  [
    "aws-bedrock",
    "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "1.8",
    "(3 + 15) / 10, global",
  ],
  ["aws-bedrock", "anthropic.claude-3-haiku-20240307-v1:0", "0.15", "(0.25 + 1.25) / 10"],
  ["aws-bedrock", "us.anthropic.claude-3-7-sonnet-20250219-v1:0", "1.8", "(3 + 15) / 10"],
  ["aws-bedrock", "amazon.nova-pro-v1:0", "0.4", "(0.80 + 3.20) / 10"],
  ["aws-bedrock", "amazon.nova-micro-v1:0", "0.0175", "(0.035 + 0.14) / 10"],
  ["aws-bedrock", "meta.llama3-3-70b-instruct-v1:0", "0.144", "(0.72 + 0.72) / 10"],
  ["azure-openai", "gpt-4o", "1.25", "(2.50 + 10) / 10"],
  ["azure-openai", "gpt-4.1", "1", "(2 + 8) / 10"],
  ["azure-openai", "o3-mini", "0.55", "(1.10 + 4.40) / 10"],
  ["azure-openai", "gpt-5", "1.125", "(1.25 + 10) / 10"],
  ["mistral", "mistral-large-latest", "0.8", "(2 + 6) / 10"],
  ["mistral", "mistral-small-latest", "0.04", "(0.10 + 0.30) / 10"],
  ["mistral", "codestral-2508", "0.12", "(0.30 + 0.90) / 10"],
  ["mistral", "magistral-medium-latest", "0.7", "(2 + 5) / 10"],
  ["xai", "grok-3", "1.8", "(3 + 15) / 10"],
  ["xai", "grok-3-mini", "0.08", "(0.30 + 0.50) / 10"],
  ["xai", "grok-4", "1.8", "(3 + 15) / 10"],
  ["xai", "grok-4-fast-reasoning", "0.07", "(0.20 + 0.50) / 10"],
  ["xai", "grok-code-fast-1", "0.17", "(0.20 + 1.50) / 10"],
];

describe("real ids: 100,000 input + 100,000 output tokens", () => {
  it.each(PINNED)("%s %s: %s usd = %s", (table, id, usd) => {
    const result = charge(tableAsOf(book, table, { asOf: "2026-08-01" }), id, {
      input: 100_000,
      output: 100_000,
    });
    expect(result.usd).toBe(usd);
    expect(result.model).toBe(id);
  });

  it.each(PINNED.filter((_, index) => index % 6 === 0))(
    "through the CLI: charge %s --table %s",
    (table, id, usd) => {
      const result = cli(
        "charge",
        id,
        "--table",
        table,
        "--input",
        "100000",
        "--output",
        "100000",
        "--as-of",
        "2026-08-01",
        "--json",
      );
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout).usd).toBe(usd);
    },
  );

  it("a made-up id is UNKNOWN_MODEL in every table", () => {
    for (const table of Object.keys(TABLES)) {
      const error = caught(() =>
        charge(tableAsOf(book, table, { asOf: "2026-08-01" }), "gpt-9-ultra", {
          input: 1,
          output: 1,
        }),
      );
      expect(error.code).toBe("UNKNOWN_MODEL");
    }
  });
});

// The names genai-prices declares for a record, read here from the raw match clause (not through
// the importer): the record's id, its `equals` values and its `starts_with` values that are whole
// names (not stopping at a separator or inside a date). `contains`, `regex`, `ends_with` never.
function declaredNames(record: any): string[] {
  const names = [record.id];
  const walk = (clause: any): void => {
    if ("or" in clause) for (const part of clause.or) walk(part);
    else if ("equals" in clause) names.push(clause.equals);
    else if (
      "starts_with" in clause &&
      !/[-_.:/@]$/.test(clause.starts_with) &&
      !/-(19|20)\d\d(\d\d?)?$/.test(clause.starts_with)
    )
      names.push(clause.starts_with);
  };
  walk(record.match);
  return names.map((name) => name.toLowerCase());
}

/** The flat prices of a model, comparable with toEqual. */
function pricesOf(model: Model): [string, string][] {
  const fields = [...modelFields(model)];
  if (model.maxPricedInputTokens !== undefined)
    fields.push(["maxPricedInputTokens", String(model.maxPricedInputTokens)]);
  return fields.sort(([a], [b]) => (a < b ? -1 : 1));
}

// Names people and routers send, each an alias genai-prices declares for the record of the model
// it resolves to (as of 2026-08-01).
const ALIASES: [table: string, alias: string, model: string][] = [
  ["anthropic", "claude-sonnet-4", "claude-sonnet-4-20250514"],
  ["anthropic", "claude-sonnet-4-0", "claude-sonnet-4-20250514"],
  ["anthropic", "claude-opus-4", "claude-opus-4-20250514"],
  ["anthropic", "claude-opus-4-0", "claude-opus-4-20250514"],
  ["anthropic", "claude-3-haiku", "claude-3-haiku-latest"],
  ["anthropic", "claude-3-opus", "claude-3-opus-latest"],
  ["anthropic", "claude-sonnet-4.5", "claude-sonnet-4-5"],
  ["anthropic", "claude-opus-4.1", "claude-opus-4-1"],
  ["anthropic", "claude-3.5-haiku", "claude-3-5-haiku-latest"],
  ["anthropic", "claude-haiku-4.5", "claude-haiku-4-5"],
  ["openai", "gpt-5-4", "gpt-5.4"],
  ["openai", "o3-mini-high", "o3-mini"],
  ["openai", "gpt-35-turbo", "gpt-3.5-turbo"],
  ["google", "gemini-3-pro-text-preview", "gemini-3-pro-preview"],
  ["google", "gemini-2.5-flash-image", "gemini-2.5-flash-image-preview"],
  ["mistral", "mistral-large", "mistral-large-2411"],
  ["mistral", "mixtral-8x7b", "open-mixtral-8x7b"],
  ["xai", "grok-latest", "grok-4.5"],
  ["xai", "grok-4-fast", "grok-4-fast-reasoning"],
  ["google-vertex", "claude-4-opus", "claude-opus-4"],
  ["aws-bedrock", "anthropic.claude-sonnet-4-20250514", "anthropic.claude-sonnet-4-20250514-v1:0"],
  ["azure-openai", "gpt-audio", "gpt-audio-2025-08-28"],
];

describe("names genai-prices declares are aliases", () => {
  it.each(ALIASES)("%s %s → %s, priced as both catalogs price it", (tableId, alias, id) => {
    const table = tableAsOf(book, tableId, { asOf: "2026-08-01" });
    const resolved = resolveName(table, alias);
    expect(resolved.resolvedBy).toBe("alias");
    expect(resolved.model.id).toBe(id);
    const spec = TABLES[tableId] as (typeof TABLES)[string];
    const record = genaiRecord(spec.genai, alias);
    expect(declaredNames(record)).toContain(alias);
    expect(genaiRecord(spec.genai, id).id).toBe(record.id);
    expect(expectBothCatalogs(table, id, alias)).toBeGreaterThanOrEqual(2);
  });

  it("every alias of every version is a name genai-prices declares for its model's record, and every model that record prices has the same prices", () => {
    let aliases = 0;
    for (const table of generated) {
      const spec = TABLES[table.id] as (typeof TABLES)[string];
      const byRecord = new Map<string, Model[]>();
      for (const model of Object.values(table.models)) {
        const record = genaiRecord(spec.genai, model.id);
        if (record) byRecord.set(record.id, [...(byRecord.get(record.id) ?? []), model]);
      }
      for (const model of Object.values(table.models)) {
        for (const alias of model.aliases) {
          const where = `${table.id}@${table.version} ${alias} → ${model.id}`;
          expect(alias, where).toBe(alias.toLowerCase());
          expect(table.models[alias], where).toBeUndefined();
          expect(alias.startsWith("ft:"), where).toBe(false);
          const record = genaiRecord(spec.genai, alias);
          expect(record?.id, where).toBe(genaiRecord(spec.genai, model.id)?.id);
          expect(declaredNames(record), where).toContain(alias);
          for (const other of byRecord.get(record.id) ?? [])
            expect(pricesOf(other), `${where} vs ${other.id}`).toEqual(pricesOf(model));
          aliases += 1;
        }
      }
    }
    expect(aliases).toBeGreaterThan(400);
  });

  it("an ambiguous name is no alias: claude-3-5-sonnet names -20240620 (no web-search fee) and -20241022 (10 per 1K)", () => {
    const table = tableAsOf(book, "anthropic", { asOf: "2026-08-01" });
    for (const name of ["claude-3-5-sonnet", "claude-3.5-sonnet"]) {
      expect(caught(() => resolveName(table, name)).code).toBe("UNKNOWN_MODEL");
      expect(Object.values(table.models).some((m) => m.aliases.includes(name))).toBe(false);
    }
    expect(table.models["claude-3-5-sonnet-20240620"]?.webSearch).toBeUndefined();
    expect(table.models["claude-3-5-sonnet-20241022"]?.webSearch).toBe("0.01");
    expect(readFileSync(new URL("../docs/pricebook.md", import.meta.url), "utf8")).toContain(
      '| anthropic | `claude-3-5-sonnet` | 2025-01-01, 2026-03-13, 2026-09-01 | genai-prices\' anthropic record "claude-3-5-sonnet" names it',
    );
  });

  it("an id the table leaves out is no alias either: codestral-latest (genai-prices 0.3 / 0.9, LiteLLM 1 / 3)", () => {
    const table = tableAsOf(book, "mistral", { asOf: "2026-08-01" });
    expect(caught(() => resolveName(table, "codestral-latest")).code).toBe("UNKNOWN_MODEL");
  });

  it("through the CLI, --table auto: openrouter/anthropic/claude-sonnet-4.5 costs what claude-sonnet-4-5 costs; made-up ids stay unknown", () => {
    const run = (name: string) =>
      cli("charge", name, "--table", "auto", "--input", "100000", "--output", "100000", "--json");
    const routed = JSON.parse(run("openrouter/anthropic/claude-sonnet-4.5").stdout);
    const direct = JSON.parse(run("claude-sonnet-4-5").stdout);
    // 100,000 × 3/1M + 100,000 × 15/1M = 0.3 + 1.5
    expect([routed.usd, direct.usd]).toEqual(["1.8", "1.8"]);
    expect([routed.model, routed.resolvedBy]).toEqual(["claude-sonnet-4-5", "prefix"]);
    const bare = JSON.parse(run("claude-sonnet-4").stdout);
    expect([bare.model, bare.resolvedBy, bare.usd]).toEqual([
      "claude-sonnet-4-20250514",
      "alias",
      "1.8",
    ]);
    for (const name of ["gpt-9-ultra", "claude-sonnet-4-9"]) {
      const result = run(name);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error UNKNOWN_MODEL: /);
    }
  });
});

describe("price history (--as-of)", () => {
  const usd = (table: PricingTable, id: string, input: number, output: number) =>
    charge(table, id, { input, output }).usd;

  it("o3: launch 10 / 40 until 2025-06-09, 2 / 8 from 2025-06-10", () => {
    // 1,000,000 × 10/1M + 1,000,000 × 40/1M = 50; after the cut 2 + 8 = 10.
    expect(usd(tableAsOf(book, "openai", { asOf: "2025-06-09" }), "o3", 1e6, 1e6)).toBe("50");
    expect(usd(tableAsOf(book, "openai", { asOf: "2025-06-10" }), "o3", 1e6, 1e6)).toBe("10");
    const cli0609 = cli(
      "charge",
      "o3-2025-04-16",
      "--table",
      "openai",
      "--input",
      "1000000",
      "--output",
      "0",
      "--cached-input",
      "1000000",
      "--as-of",
      "2025-06-09",
      "--json",
    );
    // All one million input tokens read from cache at launch o3's 2.50 (the fact file's D2).
    expect(JSON.parse(cli0609.stdout).usd).toBe("2.5");
  });

  it("Claude 4.6: above 200k input unpriced before 2026-03-13 (one source), flat 5 / 25 from then", () => {
    const before = tableAsOf(book, "anthropic", { asOf: "2026-03-12" });
    const after = tableAsOf(book, "anthropic", { asOf: "2026-03-13" });
    expect([before.version, after.version]).toEqual(["2025-01-01", "2026-03-13"]);
    // 200,000 × 5/1M + 1,000 × 25/1M = 1 + 0.025 on both sides of the date.
    expect(usd(before, "claude-opus-4-6", 200_000, 1000)).toBe("1.025");
    expect(usd(after, "claude-opus-4-6", 200_000, 1000)).toBe("1.025");
    // genai-prices alone states the pre-2026-03-13 surcharge (10 / 37.50): not built in.
    expect(caught(() => usd(before, "claude-opus-4-6", 300_000, 1000)).code).toBe("UNPRICED_USAGE");
    // 300,000 × 5/1M + 1,000 × 25/1M = 1.5 + 0.025
    expect(usd(after, "claude-opus-4-6", 300_000, 1000)).toBe("1.525");
    // Sonnet 4.6 likewise: 300,000 × 3/1M + 1,000 × 15/1M = 0.9 + 0.015
    expect(usd(after, "claude-sonnet-4-6", 300_000, 1000)).toBe("0.915");
  });

  it("claude-sonnet-5: 2 / 10 until 2026-08-31; the 2026-09-01 rise has one source, so it leaves", () => {
    const before = tableAsOf(book, "anthropic", { asOf: "2026-08-31" });
    // 100,000 × 2/1M + 100,000 × 10/1M = 0.2 + 1
    expect(usd(before, "claude-sonnet-5", 100_000, 100_000)).toBe("1.2");
    const after = tableAsOf(book, "anthropic", { asOf: "2026-09-01" });
    expect(caught(() => usd(after, "claude-sonnet-5", 1, 1)).code).toBe("UNKNOWN_MODEL");
  });

  it("before the base date there is no provider table", () => {
    for (const table of Object.keys(TABLES))
      expect(caught(() => tableAsOf(book, table, { asOf: "2024-12-31" })).code).toBe(
        "NO_TABLE_IN_EFFECT",
      );
  });
});

describe("Bedrock regional and global prices", () => {
  const bedrock = tableAsOf(book, "aws-bedrock", { asOf: "2026-08-01" });

  it("us. Sonnet 4.5 is 3.30 / 16.50 per 1M, global. is 3 / 15 (genai-prices and LiteLLM agree on each)", () => {
    const us = bedrock.models["us.anthropic.claude-sonnet-4-5-20250929-v1:0"] as Model;
    const global = bedrock.models["global.anthropic.claude-sonnet-4-5-20250929-v1:0"] as Model;
    expect([us.input, us.output, us.cachedInput, us.cacheWrite]).toEqual([
      "0.0000033",
      "0.0000165",
      "0.00000033",
      "0.000004125",
    ]);
    expect([global.input, global.output, global.cachedInput, global.cacheWrite]).toEqual([
      "0.000003",
      "0.000015",
      "0.0000003",
      "0.00000375",
    ]);
    // 200,000 in + 100,000 out: 0.66 + 1.65 regional, 0.6 + 1.5 global.
    expect(usdAt(bedrock, "us.anthropic.claude-sonnet-4-5-20250929-v1:0", 200_000)).toBe("2.31");
    expect(usdAt(bedrock, "global.anthropic.claude-sonnet-4-5-20250929-v1:0", 200_000)).toBe("2.1");
    // Above 200k input only LiteLLM states a Bedrock price: unpriced, never the base rate.
    for (const id of [
      "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
      "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
    ])
      expect(caught(() => usdAt(bedrock, id, 200_001)).code).toBe("UNPRICED_USAGE");
  });

  it("the unprefixed id, where genai-prices (regional 3.30) and LiteLLM (3) disagree, is left out", () => {
    expect(bedrock.models["anthropic.claude-sonnet-4-5-20250929-v1:0"]).toBeUndefined();
    expect(readFileSync(new URL("../docs/pricebook.md", import.meta.url), "utf8")).toContain(
      "| aws-bedrock | `anthropic.claude-sonnet-4-5-20250929-v1:0` |",
    );
  });
});

function usdAt(table: PricingTable, id: string, input: number): string {
  return charge(table, id, { input, output: 100_000 }).usd;
}

describe("the agreement rule (scripts/tables/agreePrices.ts)", () => {
  const fields = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it("takes a field both catalogs state, either LiteLLM snapshot counting", () => {
    const result = agreePrices(
      fields({ input: "0.000003", output: "0.000015" }),
      [fields({ input: "0.000003" }), fields({ output: "0.000015" })],
      undefined,
    );
    expect(Object.fromEntries(result.fields)).toEqual({ input: "0.000003", output: "0.000015" });
    expect(result.dropped).toEqual([]);
  });

  it("leaves out a disputed field and a field one source alone states, saying why", () => {
    const result = agreePrices(
      fields({ input: "0.000003", output: "0.000015", cacheWrite1h: "0.0000005" }),
      [fields({ input: "0.0000033", output: "0.000015", cachedInput: "0.0000003" })],
      undefined,
    );
    expect(Object.fromEntries(result.fields)).toEqual({ output: "0.000015" });
    expect(result.dropped).toEqual([
      { field: "cacheWrite1h", reason: "only genai-prices prices it (0.5 per 1M)" },
      { field: "cachedInput", reason: "only LiteLLM prices it (0.3 per 1M)" },
      { field: "input", reason: "genai-prices 3 per 1M vs LiteLLM 3.3 per 1M" },
    ]);
  });

  it("lets the fact file decide a dispute and omit a field, and reports which catalog agrees", () => {
    const result = agreePrices(
      fields({ input: "0.0000025", output: "0.00001", cachedInput: "0.00000125" }),
      [fields({ input: "0.000005", output: "0.000015" })],
      {
        values: fields({ input: "0.000005", output: "0.000015" }),
        omit: new Set(["cachedInput"]),
      },
    );
    expect(Object.fromEntries(result.fields)).toEqual({ input: "0.000005", output: "0.000015" });
    expect(result.decided.map((d) => [d.field, d.agreesWith])).toEqual([
      ["input", ["LiteLLM"]],
      ["output", ["LiteLLM"]],
    ]);
    expect(result.dropped.map((d) => d.field)).toEqual(["cachedInput"]);
  });
});
