// The generated provider tables (npm run tables:generate) against the raw catalogs, read here
// independently of the generator and the importer (test/catalogFields.ts), and against the
// rule: a price is built in only when genai-prices and LiteLLM (either snapshot) state it, or
// when the fact file (data/decisions.json, citing data/provider-prices.md) does.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../scripts/tables/generatedFiles.js";
import {
  builtinPricebook,
  charge,
  type Model,
  type PricingTable,
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
  for (const candidate of [provider, ...(provider.fallback_model_providers ?? []).map((f: string) => genai.find((p) => p.id === f))]) {
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
          (key.startsWith(spec.prefix) ? key.slice(spec.prefix.length) : key).toLowerCase() ===
            id,
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
    for (const kind of KINDS) if (rates[kind] !== undefined) fields.set(`${prefix}${kind}`, rates[kind]);
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
    for (const [, id, table] of cases) {
      const model = table.models[id] as Model;
      const spec = TABLES[table.id] as (typeof TABLES)[string];
      const record = genaiRecord(spec.genai, id);
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
    }
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
          g.has(field) && ls.some((l) => l.has(field) && new Dec(l.get(field) as string).eq(g.get(field) as string));
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
