import {
  builtinPricebook,
  type PricingTable,
  type RenderTableOptions,
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

function htmlPage(): string {
  const body: string[] = [];
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
</style>
</head>
<body>
<h1>Pricing</h1>
${body.join("\n")}
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
  };
}
