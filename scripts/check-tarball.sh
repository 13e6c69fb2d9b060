#!/usr/bin/env bash
# Packs the package, installs the tarball in a fresh folder, and uses it the three ways a user
# would: import (ESM), require (CJS), and the bin. Run after `npm run build`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tarball=$(cd "$root" && npm pack --silent --pack-destination "$tmp" | tail -n 1)
echo "packed $tarball ($(du -k "$tmp/$tarball" | cut -f1) KB)"
cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball"

node --input-type=module -e '
  import { builtinPricebook, quote, tableAsOf } from "llm-pricebook";
  const q = quote(tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2024-12-01" }), "gpt-4-1106-4k");
  if (q.usd !== "0.064" || q.credits.published !== "20") throw new Error(`import: ${JSON.stringify(q)}`);
  console.log("import llm-pricebook: quote gpt-4-1106-4k =", q.usd);
'
node -e '
  const { builtinPricebook, charge, tableAsOf, PricebookError } = require("llm-pricebook");
  const c = charge(tableAsOf(builtinPricebook(), "openai", { asOf: "2025-07-01" }), "o3", { input: 1000000, output: 0 });
  if (c.usd !== "2") throw new Error(`require: ${c.usd}`);
  const engine = require("llm-pricebook/engine");
  if (engine.PricebookError !== PricebookError) throw new Error("two PricebookError classes");
  console.log("require llm-pricebook: charge o3 1M input =", c.usd);
'
node --input-type=module -e '
  import { chargeUsd, compileTable } from "llm-pricebook/engine";
  const table = compileTable({ id: "mine", version: "1", effectiveFrom: "2025-01-01", source: "test", checkedOn: "2025-01-01",
    currency: "USD", models: { m: { provider: "p", input: { perMillion: "2.50" }, output: { perMillion: "10" } } } });
  const usd = chargeUsd(table, "m", { input: 2000, output: 300 });
  if (usd !== "0.008") throw new Error(`engine: ${usd}`);
  console.log("import llm-pricebook/engine: chargeUsd =", usd);
'
node --input-type=module -e '
  import { builtinTableInputs } from "llm-pricebook";
  import { calculatorFigures, compileTable, defineCalculator } from "llm-pricebook/calculator";
  if (defineCalculator() !== false) throw new Error("calculator: defined an element without a DOM");
  const input = builtinTableInputs.find((t) => t.id === "gpt-trainer-byok" && t.version === "2025-01-07");
  const f = calculatorFigures(compileTable(input), { variant: "gpt-4o-16k", queries: "20000", agents: "3",
    userFacingAgents: "2", variables: "2", agentEdits: "4", creditBalance: "50000" });
  if (!f.ok || f.budget.ai.usd !== "1280" || f.allocation.keyUsd !== "1200") throw new Error(`calculator: ${JSON.stringify(f)}`);
  console.log("import llm-pricebook/calculator (no DOM): 20000 × gpt-4o-16k =", f.budget.ai.usd, "USD");
'
node -e '
  const { calculatorFigures, defineCalculator } = require("llm-pricebook/calculator");
  if (defineCalculator() !== false || typeof calculatorFigures !== "function") throw new Error("require calculator");
  if (require("llm-pricebook/calculator").compileTable !== require("llm-pricebook/engine").compileTable) throw new Error("two engines");
  console.log("require llm-pricebook/calculator (no DOM): ok");
'
# The integrations load without their SDKs installed (the SDKs are optional peers).
node --input-type=module -e '
  import { pricebookMiddleware } from "llm-pricebook/ai-sdk";
  import { pricebookSpanProcessor } from "llm-pricebook/otel";
  import { pricebookCallbackHandler } from "llm-pricebook/langchain";
  const events = [];
  const handler = pricebookCallbackHandler({ asOf: "2025-06-11", onCharge: (e) => events.push(e) });
  handler.handleLLMEnd({ generations: [[{ message: { response_metadata: { model_name: "o3" }, usage_metadata: { input_tokens: 1000, output_tokens: 100, total_tokens: 1100 } } }]] }, "run");
  if (events[0]?.usd !== "0.0028" || pricebookMiddleware().specificationVersion !== "v3" || typeof pricebookSpanProcessor().onEnding !== "function") throw new Error(`integrations: ${JSON.stringify(events)}`);
  console.log("import llm-pricebook/{ai-sdk,otel,langchain} (no SDK): o3 =", events[0].usd);
'
node -e '
  const { pricebookCallbackHandler } = require("llm-pricebook/langchain");
  require("llm-pricebook/ai-sdk"); require("llm-pricebook/otel");
  if (typeof pricebookCallbackHandler !== "function") throw new Error("require integrations");
  console.log("require llm-pricebook/{ai-sdk,otel,langchain}: ok");
'
out=$(npx --no-install llm-pricebook quote gpt-4o-16k --json)
node -e '
  const q = JSON.parse(process.argv[1]);
  if (q.usd !== "0.064" || q.band.low !== "0.0512") throw new Error(`bin: ${process.argv[1]}`);
  console.log("bin llm-pricebook quote gpt-4o-16k --json: usd", q.usd);
' "$out"
set +e
npx --no-install llm-pricebook quote nope 2>"$tmp/err" >/dev/null
status=$?
set -e
[ "$status" -eq 2 ] && grep -q '^error UNKNOWN_MODEL: ' "$tmp/err" || { echo "bin bad input: exit $status, $(cat "$tmp/err")" >&2; exit 1; }
echo "bin bad input: exit 2, $(head -c 60 "$tmp/err")…"
echo "tarball ok"
