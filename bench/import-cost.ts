// npm run bench:import: the cost of importing the engine (no built-in tables, no zod) in a fresh
// Node process, beside importing decimal.js alone and the full package. Run after `npm run build`.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

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
const RUNS = 21;
const medians: Record<string, number> = {};
for (const [name, path] of Object.entries(targets)) {
  const times = Array.from({ length: RUNS }, () =>
    Number(execFileSync(process.execPath, [probe, path], { encoding: "utf8" })),
  );
  times.sort((a, b) => a - b);
  medians[name] = times[Math.floor(RUNS / 2)] as number;
}
console.log(`median import time over ${RUNS} fresh Node ${process.version} processes\n`);
console.log("| module | import time | ÷ decimal.js |\n|---|---:|---:|");
const base = medians["decimal.js alone"] as number;
for (const [name, ms] of Object.entries(medians))
  console.log(`| ${name} | ${ms.toFixed(2)} ms | ${(ms / base).toFixed(2)}× |`);
const ratio = (medians["llm-pricebook/engine"] as number) / base;
console.log(`\nengine ÷ decimal.js = ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? "✓" : "✗"}`);
if (process.argv.includes("--strict") && ratio > 2) process.exit(1);
