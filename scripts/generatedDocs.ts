import { buildSync } from "esbuild";
import {
  builtinPricebook,
  builtinTableInputs,
  DEFAULT_TABLE_ID,
  type PricingTable,
  type RenderTableOptions,
  renderChart,
  renderTable,
  tableJsonSchema,
} from "../src/index.js";
import { escapeHtml } from "../src/render/escapeHtml.js";

/** The newest version of each built-in table, in a stable order. */
export function latestTables(): PricingTable[] {
  const newest = new Map<string, PricingTable>();
  for (const table of builtinPricebook().tables) newest.set(table.id, table);
  return [...newest.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The sections a pricing page shows for a table, with their render options. */
export function pageSections(table: PricingTable): RenderTableOptions[] {
  const sections: RenderTableOptions[] = [];
  if (Object.keys(table.variants).length > 0)
    sections.push({ section: "variants", credits: table.credits !== null });
  if (Object.keys(table.workflows).length > 0) sections.push({ section: "workflows" });
  if (Object.keys(table.variants).length === 0) sections.push({ section: "models" });
  return sections;
}

const NOTE = "Generated from the built-in tables by `npm run docs:generate`. DO NOT EDIT.";

function markdownPage(): string {
  const parts = [`# Pricing`, "", `<!-- ${NOTE} -->`, ""];
  for (const table of latestTables()) {
    parts.push(`## ${table.label} (${table.id}@${table.version})`, "");
    parts.push(
      `In force from ${table.effectiveFrom}. Source: ${table.source}. Checked on ${table.checkedOn}.`,
      "",
    );
    parts.push(`Digest: \`${table.provenance.digest}\`. All amounts in USD.`, "");
    for (const options of pageSections(table))
      parts.push(renderTable(table, { ...options, format: "md" }), "");
  }
  return `${parts.join("\n").trimEnd()}\n`;
}

/**
 * The calculator for the default table, priced in the browser from the table's input embedded
 * as JSON, with the variants table as its fallback (what shows without JavaScript), and a chart.
 */
function calculatorSection(): string {
  const table = latestTables().find((candidate) => candidate.id === DEFAULT_TABLE_ID);
  const input = builtinTableInputs.find(
    (candidate) => candidate.id === table?.id && candidate.version === table?.version,
  );
  if (table === undefined || input === undefined) throw new Error("no default table");
  // `<` as \u003c keeps `</script>` (or `<!--`) in a string from ending the script element.
  const json = JSON.stringify(input).replaceAll("<", "\\u003c");
  const name = `${table.label} (${table.id}@${table.version})`;
  return [
    `<section id="calculator">`,
    `<h2>${escapeHtml(`Calculator: ${name}`)}</h2>`,
    `<p>Pick a variant and type your month: every figure is computed in your browser by the library's own <code>estimateBudget</code> and <code>quote</code>, the same as <code>llm-pricebook budget --json</code>.</p>`,
    `<llm-pricebook-calculator variant="gpt-4o-mini-16k">`,
    `<script type="application/json">${json}</script>`,
    `<p>The calculator needs JavaScript. The cost per query of each variant:</p>`,
    renderTable(table, { section: "variants", credits: true, format: "html" }).replace(
      '<table class="llm-pricebook variants">',
      '<table class="llm-pricebook variants fallback">',
    ),
    `</llm-pricebook-calculator>`,
    `<figure>`,
    renderChart(table, { kind: "cost-per-query", idPrefix: "chart-cost-per-query" }).trimEnd(),
    `<figcaption>${escapeHtml(`Cost per query of each variant of ${name}, with its ±band.`)}</figcaption>`,
    `</figure>`,
    `</section>`,
  ].join("\n");
}

/**
 * The calculator as one classic script for the static page: a module script cannot load from a
 * file:// page, a classic one can. Built from src/calculator.ts with the same esbuild as tsup;
 * a test checks the committed file is up to date.
 */
function calculatorScript(): string {
  const result = buildSync({
    entryPoints: [new URL("../src/calculator.ts", import.meta.url).pathname],
    bundle: true,
    format: "iife",
    minify: true,
    write: false,
    target: "es2022",
    legalComments: "eof",
    logLevel: "silent",
  });
  return `// Built from src/calculator.ts by \`npm run docs:generate\`. DO NOT EDIT.\n${result.outputFiles[0]?.text ?? ""}`;
}

function htmlPage(): string {
  const body: string[] = [calculatorSection()];
  for (const table of latestTables()) {
    body.push(`<section id="${escapeHtml(table.id)}">`);
    body.push(`<h2>${escapeHtml(`${table.label} (${table.id}@${table.version})`)}</h2>`);
    body.push(
      `<p>In force from ${escapeHtml(table.effectiveFrom)}. Source: ${escapeHtml(table.source)}. Checked on ${escapeHtml(table.checkedOn)}. Digest: <code>${escapeHtml(table.provenance.digest)}</code>. All amounts in USD.</p>`,
    );
    for (const options of pageSections(table))
      body.push(renderTable(table, { ...options, format: "html" }));
    body.push("</section>");
  }
  return `<!doctype html>
<!-- ${NOTE} -->
<html lang="en">
<head>
<meta charset="utf-8">
<title>Pricing — llm-pricebook</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; }
  table { border-collapse: collapse; margin: 1rem 0 2rem; }
  caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
  th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  thead th { background: #f3f3f3; }
  tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
  llm-pricebook-calculator { max-width: 60rem; margin: 1rem 0; }
  figure { margin: 1rem 0 2rem; }
  figure svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>Pricing</h1>
${body.join("\n")}
<script src="assets/calculator.js"></script>
</body>
</html>
`;
}

/** Every generated file under docs/, by path, with its content. Tests compare them to disk. */
export function generatedDocs(): Record<string, string> {
  return {
    "docs/pricing-table.schema.json": `${JSON.stringify(tableJsonSchema(), null, 2)}\n`,
    "docs/pricing.md": markdownPage(),
    "docs/pricing.html": htmlPage(),
    "docs/assets/calculator.js": calculatorScript(),
  };
}
