import { describe, expect, it } from "vitest";
import {
  builtinPricebook,
  compileTable,
  quote,
  renderChart,
  tableAsOf,
  tableVersion,
} from "../src/index.js";
import { gptTrainerByok20241101 } from "../src/tables/gptTrainerByok20241101.js";
import { cli } from "./helpers.js";

const book = builtinPricebook();
const byok = tableVersion(book, "gpt-trainer-byok", "2024-11-01");
const openai = tableAsOf(book, "openai", { asOf: "2025-07-01" });

/** Every text a person can read in the SVG: <text>, <title> and <desc> contents. */
const texts = (svg: string) =>
  [...svg.matchAll(/<(text|title|desc)\b[^>]*>([^<]*)</g)].map((m) => m[2]);

describe("renderChart: cost per query", () => {
  const svg = renderChart(byok, { kind: "cost-per-query" });

  it("is a standalone, accessible SVG: role img, title and desc it is labelled by, labelled axes, no script", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="llm-pricebook-chart-title llm-pricebook-chart-desc"');
    expect(svg).toMatch(
      /<title id="llm-pricebook-chart-title">Cost per query by variant, GPT-trainer BYOK \(gpt-trainer-byok@2024-11-01\)<\/title>/,
    );
    expect(texts(svg)).toContain("USD per query");
    expect(texts(svg)).toContain("Variant");
    expect(svg).not.toMatch(/<script|\bon[a-z]+=|javascript:/i);
  });

  it("has a bar, a whisker and exact labels for each of the 23 variants", () => {
    // One <rect> is the background; the rest are bars.
    expect(svg.match(/<rect /g)?.length).toBe(1 + 23);
    expect(svg.match(/<path /g)?.length).toBe(23);
    // GPT-4-1106-4k: 2800 × 0.00001 + 1200 × 0.00003 = 0.064, ±20% = 0.0512 to 0.0768.
    expect(svg).toContain("<title>GPT-4-1106-4k: 0.064 USD (band 0.0512 to 0.0768)</title>");
    expect(svg).toContain("GPT-4-1106-4k 0.064 (0.0512 to 0.0768)");
    // GPT-4o-mini-1k: 800 × 0.00000015 + 200 × 0.0000006 = 0.00024, in plain notation.
    expect(svg).toContain("<title>GPT-4o-mini-1k: 0.00024 USD (band 0.000192 to 0.000288)</title>");
    for (const variant of Object.values(byok.variants)) {
      expect(svg).toContain(`>${quote(byok, variant.id).usd}</text>`);
    }
  });

  it("labels the USD axis with exact round ticks, never exponent notation", () => {
    // The highest whisker is GPT-4-1106-64k's 0.72 × 1.2 = 0.864: ticks of 0.2 up to 1.
    const ticks = [...svg.matchAll(/text-anchor="end" dominant-baseline="middle">([^<]*)</g)].map(
      (m) => m[1],
    );
    expect(ticks).toEqual(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
    expect(svg).not.toMatch(/>[^<]*\de[-+]?\d[^<]*</);
  });

  it("escapes the table's text", () => {
    const hostile = compileTable({
      ...gptTrainerByok20241101,
      label: 'Evil <script>alert("x")</script> & co',
      variants: {
        "gpt-3.5": {
          ...gptTrainerByok20241101.variants["gpt-3.5"],
          label: "<img src=x onerror=alert(1)>",
        },
      },
    } as never);
    const out = renderChart(hostile, { kind: "cost-per-query" });
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("keeps two charts' ids apart with idPrefix", () => {
    const other = renderChart(byok, { kind: "cost-per-query", idPrefix: "second" });
    expect(other).toContain('<title id="second-title">');
    expect(other).toContain('aria-labelledby="second-title second-desc"');
  });
});

describe("renderChart: cost against tokens", () => {
  it("draws a line per model with exact costs at whole token counts", () => {
    const svg = renderChart(openai, {
      kind: "cost-vs-tokens",
      models: ["gpt-4o", "gpt-4o-mini"],
      maxTokens: 16_000,
    });
    expect(svg.match(/<path d="M/g)?.length).toBe(2);
    // gpt-4o at 16000 tokens 4:1: 12800 × 0.0000025 + 3200 × 0.00001 = 0.032 + 0.032 = 0.064.
    expect(texts(svg)).toContain("gpt-4o: 0.064 USD");
    // gpt-4o-mini: 12800 × 0.00000015 + 3200 × 0.0000006 = 0.00192 + 0.00192 = 0.00384.
    expect(texts(svg)).toContain("gpt-4o-mini: 0.00384 USD");
    // At 1600 tokens: 1280 × 0.0000025 + 320 × 0.00001 = 0.0064.
    expect(svg).toContain("gpt-4o 0 tokens 0, 1600 tokens 0.0064, 3200 tokens 0.0128");
    expect(texts(svg)).toContain("Tokens per query (input:output 4:1)");
    expect(texts(svg)).toEqual(
      expect.arrayContaining(["0", "3200", "6400", "9600", "12800", "16000"]),
    );
  });

  it("splits by the ratio asked, and writes tiny amounts in plain notation", () => {
    // 10 tokens 1:1 on gpt-4o-mini: 5 × 0.00000015 + 5 × 0.0000006 = 0.00000075 + 0.000003 = 0.00000375.
    const svg = renderChart(openai, {
      kind: "cost-vs-tokens",
      models: ["gpt-4o-mini"],
      maxTokens: 10,
      ratio: { input: 1, output: 1 },
    });
    expect(texts(svg)).toContain("gpt-4o-mini: 0.00000375 USD");
    expect(svg).not.toMatch(/>[^<]*\de[-+]?\d[^<]*</);
    const ticks = [...svg.matchAll(/text-anchor="end" dominant-baseline="middle">([^<]*)</g)].map(
      (m) => m[1],
    );
    expect(ticks).toEqual(["0", "0.000001", "0.000002", "0.000003", "0.000004"]);
  });

  it("defaults to the models of the table's variants", () => {
    const svg = renderChart(byok, { kind: "cost-vs-tokens" });
    const models = new Set(Object.values(byok.variants).map((variant) => variant.model));
    expect(svg.match(/<path d="M/g)?.length).toBe(models.size);
  });
});

describe("CLI chart", () => {
  it("writes the same SVG renderChart does", () => {
    const result = cli("chart", "--kind", "cost-per-query", "--as-of", "2024-12-01");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(renderChart(byok, { kind: "cost-per-query" }));
  });

  it("takes --models and --max-tokens, and --json gives { table, kind, svg }", () => {
    const result = cli(
      "chart",
      "--kind",
      "cost-vs-tokens",
      "--table",
      "openai",
      "--as-of",
      "2025-07-01",
      "--models",
      "gpt-4o,o3",
      "--max-tokens",
      "100000",
      "--json",
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.kind).toBe("cost-vs-tokens");
    expect(json.table).toEqual(openai.provenance);
    expect(json.svg).toBe(
      renderChart(openai, { kind: "cost-vs-tokens", models: ["gpt-4o", "o3"], maxTokens: 100_000 }),
    );
    // gpt-4o at 100000 tokens 4:1: 80000 × 0.0000025 + 20000 × 0.00001 = 0.2 + 0.2 = 0.4.
    expect(json.svg).toContain("gpt-4o: 0.4 USD");
  });
});
