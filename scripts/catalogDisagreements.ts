// The disagreements between genai-prices and LiteLLM that docs/catalogs.md lists, made by
// importing both pinned catalogs and running compareTables: never typed by hand.
// `npm run docs:catalogs` writes them into the page; test/catalog-docs.test.ts fails when the
// page is stale.
import { readFileSync } from "node:fs";
import { compareTables, importCatalog, parseTable } from "../src/index.js";
import { Dec } from "../src/money/decimal.js";
import { formatDecimal } from "../src/money/formatDecimal.js";

/** The pinned LiteLLM snapshot's day: the genai-prices version in force then is compared. */
const DAY = "2026-07-18";

/** Table pairs compared: genai-prices provider id → LiteLLM litellm_provider. */
const PAIRS: readonly [string, string][] = [
  ["openai", "openai"],
  ["anthropic", "anthropic"],
  ["google", "gemini"],
  ["azure", "azure"],
];

export const BEGIN =
  "<!-- BEGIN GENERATED: catalog disagreements (npm run docs:catalogs). DO NOT EDIT. -->";
export const END = "<!-- END GENERATED: catalog disagreements -->";

const catalog = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../data/catalogs/${file}`, import.meta.url), "utf8"));

const perMillion = (field: string, rate: string | null) =>
  rate === null
    ? "none"
    : field.endsWith("webSearch")
      ? `${rate} / call`
      : formatDecimal(new Dec(rate).times(1_000_000));

/** The generated Markdown, between the markers. */
export function catalogDisagreements(): string {
  const genai = importCatalog(catalog("genai-prices-v2-data.json"), {
    format: "genai-prices",
    asOf: DAY,
    catalogDate: "2026-08-21",
    providers: PAIRS.map(([a]) => a),
  });
  const litellm = importCatalog(catalog("litellm-model-prices-2026-07.json"), {
    format: "litellm",
    catalogDate: DAY,
    providers: PAIRS.map(([, b]) => b),
  });
  const find = (tables: typeof genai.tables, id: string) =>
    parseTable(tables.find((t) => t.id === id));
  const out: string[] = [BEGIN, ""];
  for (const [a, b] of PAIRS) {
    const c = compareTables(find(genai.tables, a), find(litellm.tables, b));
    out.push(
      `### ${a}: genai-prices \`${c.a.id}@${c.a.version}\` vs LiteLLM \`${c.b.id}@${c.b.version}\``,
      "",
      `${c.matched} models in both, ${c.differing.length} priced differently; ${c.onlyInA.length} only in genai-prices, ${c.onlyInB.length} only in LiteLLM. Prices both catalogs state, at different values (per 1M tokens; web search per call):`,
      "",
      "| model | price | genai-prices | LiteLLM |",
      "|---|---|---:|---:|",
    );
    const oneSided: string[] = [];
    for (const model of c.differing) {
      const name = model.a === model.b ? model.a : `${model.a} / ${model.b}`;
      for (const d of model.differences) {
        if (d.a === null || d.b === null) {
          // Grouped by kind (`serviceTiers.batch.*`, `tiers.*`, `cacheWrite`): the list of
          // every one would drown the real disagreements above.
          const kind = d.field.replace(/\[>\d+\]/, "").replace(/\.[A-Za-z0-9]+$/, ".*");
          oneSided.push(`only ${d.a === null ? "LiteLLM" : "genai-prices"} states ${kind}`);
          continue;
        }
        out.push(
          `| ${name} | ${d.field} | ${perMillion(d.field, d.a)} | ${perMillion(d.field, d.b)} |`,
        );
      }
    }
    out.push(
      "",
      `Prices only one catalog states, for models both have (${oneSided.length}): ${summary(oneSided)}.`,
      "",
      `Only in genai-prices: ${c.onlyInA.join(", ") || "none"}.`,
      "",
      `Only in LiteLLM: ${c.onlyInB.join(", ") || "none"}.`,
      "",
    );
  }
  out.push(END);
  return out.join("\n");
}

/** `LiteLLM: serviceTiers.batch.* ×120; genai-prices: webSearch ×1`. */
function summary(items: readonly string[]): string {
  if (items.length === 0) return "none";
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([item, n]) => `${item} ×${n}`)
    .join("; ");
}
