// npm run bench:import: the cost of importing the engine (no built-in tables, no zod) in a fresh
// Node process, beside importing decimal.js alone and the full package. Run after `npm run build`.
// The three imports take turns, run by run, so a busy machine slows them alike; the figure is
// the median of each. `--strict` exits 1 when the engine costs more than 1.25× decimal.js;
// `--write` puts the table into docs/performance.md between its `bench:import` markers.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeBetweenMarkers } from "./blocks.js";

const TARGET = 1.25;
const probe = join(tmpdir(), "llm-pricebook-import-probe.mjs");
writeFileSync(
  probe,
  "const t = performance.now(); await import(process.argv[2]); process.stdout.write(String(performance.now() - t));\n",
);
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));
const targets = {
  "decimal.js alone": fileURLToPath(import.meta.resolve("decimal.js")),
  "llm-pricebook/engine": dist("engine.js"),
  "llm-pricebook (engine + tables + zod)": dist("index.js"),
};
const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 31);
const times: Record<string, number[]> = {};
for (let run = 0; run < RUNS; run++) {
  for (const [name, path] of Object.entries(targets)) {
    const ms = Number(execFileSync(process.execPath, [probe, path], { encoding: "utf8" }));
    const list = times[name] ?? [];
    list.push(ms);
    times[name] = list;
  }
}
const medians: Record<string, number> = {};
for (const [name, list] of Object.entries(times)) {
  list.sort((a, b) => a - b);
  medians[name] = list[Math.floor(list.length / 2)] as number;
}
const base = medians["decimal.js alone"] as number;
const ratio = (medians["llm-pricebook/engine"] as number) / base;
const out = [
  `Median import time over ${RUNS} fresh Node ${process.version} processes per module, taking turns:`,
  "",
  "| module | import time | ÷ decimal.js |",
  "|---|---:|---:|",
  ...Object.entries(medians).map(
    ([name, ms]) => `| ${name} | ${ms.toFixed(2)} ms | ${(ms / base).toFixed(2)}× |`,
  ),
  "",
  `engine ÷ decimal.js = ${ratio.toFixed(2)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? "✓" : "✗"}`,
];
const report = out.join("\n");
console.log(report);
if (process.argv.includes("--write")) {
  const doc = fileURLToPath(new URL("../docs/performance.md", import.meta.url));
  await writeBetweenMarkers(doc, "bench:import", report);
}
if (process.argv.includes("--strict") && ratio > TARGET) process.exit(1);
