// npm run bench:import-catalog: how long importing the real catalogs in data/catalogs/ takes,
// JSON parsing included (the CLI's work before it writes files), with mitata. The LiteLLM map
// (1.6 MB, 2,968 entries) must import in well under a second.
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { bench, do_not_optimize, run } from "mitata";
import { importCatalog, parseTable } from "../src/index.js";

const text = (file: string) =>
  readFileSync(new URL(`../data/catalogs/${file}`, import.meta.url), "utf8");
const LITELLM = text("litellm-model-prices-2026-07.json");
const GENAI = text("genai-prices-v2-data.json");

// Correct before timed: every table of each import is a valid table.
for (const [data, format] of [
  [LITELLM, "litellm"],
  [GENAI, "genai-prices"],
] as const) {
  for (const table of importCatalog(JSON.parse(data), { format, catalogDate: "2026-07-18" }).tables)
    parseTable(table);
}

bench("LiteLLM 2026-07 (1.6 MB): JSON.parse + importCatalog", () =>
  do_not_optimize(
    importCatalog(JSON.parse(LITELLM), { format: "litellm", catalogDate: "2026-07-18" }),
  ),
);
bench("genai-prices v2 (36 providers): JSON.parse + importCatalog", () =>
  do_not_optimize(
    importCatalog(JSON.parse(GENAI), { format: "genai-prices", catalogDate: "2026-08-21" }),
  ),
);
bench("LiteLLM 2026-07: JSON.parse + importCatalog + parseTable of every table", () => {
  for (const table of importCatalog(JSON.parse(LITELLM), {
    format: "litellm",
    catalogDate: "2026-07-18",
  }).tables)
    do_not_optimize(parseTable(table));
});

console.log(`${cpus()[0]?.model ?? "cpu"}, ${cpus().length} cores, Node ${process.version}`);
await run();
