// npx tsx bench/catalog-hostile.ts — issue 21's untrusted-catalog cases through importCatalog
// (the JSON text, as the CLI gives it), each timed once after checking its answer. Before the
// fix, 20k or/contains models took 15 s and ^(a|aa)+$ never finished.
import { importCatalog, PricebookError } from "../src/index.js";

const DATE = { catalogDate: "2026-07-18" } as const;
const price = { input_mtok: 1, output_mtok: 2 };
const id = (k: number) => `m${String(k).padStart(5, "0")}z`;
const provider = (models: unknown[]) => JSON.stringify([{ id: "acme", models }]);
const many = (match: (k: number) => unknown) =>
  provider(
    Array.from({ length: 20_000 }, (_, k) => ({ id: id(k), match: match(k), prices: price })),
  );

const cases: [string, string, (result: unknown) => boolean][] = [
  [
    "^(a|aa)+$ before a model named a…ab",
    provider([
      { id: "evil", match: { regex: "^(a|aa)+$" }, prices: price },
      { id: `${"a".repeat(60)}b`, match: { equals: `${"a".repeat(60)}b` }, prices: price },
    ]),
    // The regex model has no exact name (its id does not match its own rule): skipped.
    (r) => (r as { report: { imported: number } }).report.imported === 1,
  ],
  [
    "20k models, or/contains",
    many((k) => ({ or: [{ equals: id(k) }, { contains: `${id(k)}-` }] })),
    (r) => (r as { report: { imported: number } }).report.imported === 20_000,
  ],
  [
    "20k models, regex",
    many((k) => ({ regex: `^${id(k)}$` })),
    (r) => (r as { report: { imported: number } }).report.imported === 20_000,
  ],
  [
    "20,000-deep or (refused)",
    `[{"id":"acme","models":[{"id":"x","prices":{"input_mtok":1,"output_mtok":2},"match":${'{"or":['.repeat(20_000)}{"equals":"x"}${"]}".repeat(20_000)}}]}]`,
    (r) => r instanceof PricebookError && r.code === "INVALID_CATALOG",
  ],
];

for (const [name, text, check] of cases) {
  const start = performance.now();
  let result: unknown;
  try {
    result = importCatalog(text, { format: "genai-prices", ...DATE });
  } catch (error) {
    result = error;
  }
  const ms = performance.now() - start;
  if (!check(result)) throw new Error(`${name}: unexpected result`);
  console.log(`${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms`);
}
