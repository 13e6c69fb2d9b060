// npm run bench:sql — the warehouse path, measured: 10,000,000 synthetic usage rows in DuckDB
// priced through priced_usage (exact DECIMAL) beside the same view computed in DOUBLE, and the
// rows/s of the library's own in-process chargeUsd loop on the first 1,000,000 of those rows.
// Not a test: the figures go to docs/performance.md ("Warehouse (DuckDB)"). Before timing, the
// exact sum over the first 100,000 rows is checked against sumAmounts of chargeUsd.
//
//   npm run bench:sql               10,000,000 rows
//   npm run bench:sql -- 1000000    fewer rows, for a quick look
import { cpus, totalmem } from "node:os";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  builtinPricebook,
  chargeUsd,
  PricebookError,
  type PricingTable,
  type ServiceTierName,
  sumAmounts,
  tableAsOf,
  toSql,
} from "../src/index.js";

const ROWS = Number(process.argv[2] ?? 10_000_000);
const IDS = ["openai", "anthropic", "google", "gpt-trainer-byok"];
const book = builtinPricebook();
const tables = book.tables.filter((table) => IDS.includes(table.id));
const script = toSql(tables, { dialect: "duckdb" });

const db = await DuckDBInstance.create(":memory:");
const c = await db.connect();
const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowsJS();

// Names in force on every day from 2025-11-07 (google's first version) on, one list per table.
const names = tables
  .filter((t) => t === tableAsOf(book, t.id, { asOf: "2026-12-31" }))
  .flatMap((t) => [...Object.keys(t.models), ...Object.keys(t.variants)].map((n) => [t.id, n]));
await c.run(
  `CREATE TABLE bench_names AS SELECT * FROM (VALUES ${names.map(([t, n], i) => `(${i}, '${t}', '${n}')`).join(", ")}) AS v(k, table_id, name)`,
);
// Synthetic usage: every table, every model, dates over a year (both sides of anthropic's
// 2026-03-13 version), input across the 128k/200k tiers, cache reads, reasoning, some batch.
await c.run(`CREATE TABLE usage AS
  SELECT i AS id, n.table_id, n.name AS model,
    TIMESTAMP '2025-11-07' + to_seconds(CAST(hash(i, 1) % 31536000 AS BIGINT)) AS used_at,
    CAST(hash(i, 2) % 260000 AS BIGINT) AS input,
    CAST(hash(i, 3) % 4000 AS BIGINT) AS output,
    0::BIGINT AS cached_input, 0::BIGINT AS cache_write, 0::BIGINT AS cache_write_1h,
    CAST(hash(i, 5) % 2 AS BIGINT) * 100 AS reasoning,
    CASE WHEN hash(i, 6) % 10 = 0 THEN 'batch' END AS service_tier
  FROM range(${ROWS}) AS r(i) JOIN bench_names AS n ON n.k = i % ${names.length}`);
await c.run(
  "UPDATE usage SET cached_input = CAST(input * (hash(input, 4) % 50) / 100 AS BIGINT) WHERE table_id IN ('openai', 'anthropic')",
);
await c.run(script);
// The same view over the same rates as DOUBLE: the same join, the same rules, float arithmetic.
const view = script.slice(
  script.indexOf("CREATE VIEW priced_usage AS"),
  script.lastIndexOf("COMMIT;"),
);
await c.run(
  "CREATE TABLE pricebook_rates_double AS SELECT * REPLACE (CAST(rate AS DOUBLE) AS rate) FROM pricebook_rates",
);
await c.run(
  view
    .replace("CREATE VIEW priced_usage AS", "CREATE VIEW priced_usage_double AS")
    .replace("FROM pricebook_rates AS", "FROM pricebook_rates_double AS")
    // The exact view multiplies in a narrower DECIMAL where the rates fit; this one in DOUBLE.
    .replaceAll(
      /CAST\((max\(rate\) FILTER \(WHERE rate_kind = '\w+'\)) AS DECIMAL\(\d+, \d+\)\)/g,
      "$1",
    ),
);

// --- correctness first: the exact sum over the first 100,000 rows equals the library's ------
// The first 1,000,000 rows as a billing loop in Node would hold them: the table version in
// force already looked up, the usage as plain objects.
interface Row {
  readonly table: PricingTable;
  readonly model: string;
  readonly usage: { input: number; output: number; cachedInput: number; reasoning: number };
  readonly options: { serviceTier?: ServiceTierName };
}
const versionOf = new Map<string, PricingTable>();
const sample: Row[] = (
  (await rows(
    "SELECT table_id, model, strftime(used_at, '%Y-%m-%d'), input::DOUBLE, output::DOUBLE, cached_input::DOUBLE, reasoning::DOUBLE, service_tier FROM usage WHERE id < 1000000 ORDER BY id",
  )) as [string, string, string, number, number, number, number, string | null][]
).map(([id, model, day, input, output, cachedInput, reasoning, serviceTier]) => {
  const key = `${id} ${day}`;
  let table = versionOf.get(key);
  if (table === undefined) {
    table = tableAsOf(book, id, { asOf: day });
    versionOf.set(key, table);
  }
  return {
    table,
    model,
    usage: { input, output, cachedInput, reasoning },
    options: serviceTier === null ? {} : { serviceTier: serviceTier as ServiceTierName },
  };
});
function price(r: Row): string | null {
  try {
    return chargeUsd(r.table, r.model, r.usage, r.options);
  } catch (error) {
    if (error instanceof PricebookError) return null;
    throw error;
  }
}
const [[sqlSum]] = (await rows(
  "SELECT CAST(sum(usd) AS VARCHAR) FROM priced_usage WHERE id < 100000",
)) as [[string]];
const libSum = sumAmounts(sample.slice(0, 100_000).flatMap((r) => price(r) ?? []));
if (sqlSum.replace(/\.?0+$/, "") !== libSum) {
  throw new Error(
    `priced_usage sum ${sqlSum} ≠ sumAmounts(chargeUsd) ${libSum} on the first 100,000 rows`,
  );
}

// --- timing ---------------------------------------------------------------------------------
async function best(sql: string, runs = 3) {
  let fastest = Number.POSITIVE_INFINITY;
  let result: unknown[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = (await rows(sql))[0] as unknown[];
    fastest = Math.min(fastest, performance.now() - start);
  }
  return { ms: fastest, result };
}
const exact = await best(
  "SELECT CAST(sum(usd) AS VARCHAR), count(*), count(usd) FROM priced_usage",
);
const float = await best("SELECT sum(usd), count(*), count(usd) FROM priced_usage_double");

const loopRows = sample.length;
let priced = 0;
const start = performance.now();
for (const r of sample) if (price(r) !== null) priced++;
const loopMs = performance.now() - start;
// The same loop over the priced rows only: an unpriced row costs a thrown PricebookError.
const pricedRows = sample.filter((r) => price(r) !== null);
const startPriced = performance.now();
for (const r of pricedRows) price(r);
const pricedMs = performance.now() - startPriced;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const [threads] = (await rows("SELECT current_setting('threads')"))[0] as [number];
console.log(
  `${cpus()[0]?.model ?? "cpu"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, DuckDB threads ${threads}`,
);
const [[floatType]] = (await rows("SELECT typeof(usd) FROM priced_usage_double LIMIT 1")) as [
  [string],
];
if (floatType !== "DOUBLE") throw new Error(`the float view computes in ${floatType}`);
console.log(
  `${fmt(ROWS)} rows; exact sum ${exact.result[0]} over ${exact.result[2]} priced rows (float: ${float.result[0]})`,
);
console.log("| query | time | rows/s |\n|---|---:|---:|");
console.log(
  `| priced_usage, exact DECIMAL(38, s) | ${exact.ms.toFixed(0)} ms | ${fmt((ROWS / exact.ms) * 1000)} |`,
);
console.log(
  `| the same view in DOUBLE (inexact) | ${float.ms.toFixed(0)} ms | ${fmt((ROWS / float.ms) * 1000)} |`,
);
console.log(
  `| chargeUsd loop in Node, ${fmt(loopRows)} rows | ${loopMs.toFixed(0)} ms | ${fmt((loopRows / loopMs) * 1000)} |`,
);
console.log(
  `| chargeUsd loop in Node, its ${fmt(pricedRows.length)} priced rows only | ${pricedMs.toFixed(0)} ms | ${fmt((pricedRows.length / pricedMs) * 1000)} |`,
);
const ratio = exact.ms / float.ms;
console.log(
  `exact / float: ${ratio.toFixed(2)}× (target ≤ 2×)${ratio <= 2 ? "" : " — MISSED"}; ${priced} of ${loopRows} priced in the loop`,
);
