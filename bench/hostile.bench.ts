// npm run bench:hostile — hostile inputs from issue #14, timed: unknown names of any length on a
// table with a 10,000-character id (API and the CLI in-process), long decimals, and a table file
// that is refused before it is read. Each case is checked for its answer before it is timed.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bench, do_not_optimize, run } from "mitata";
import { runCli } from "../src/cli/run.js";
import {
  allocate,
  builtinPricebook,
  chargeUsd,
  PricebookError,
  parseTable,
  quote,
  resolveName,
  roundCredits,
  sumAmounts,
  tableAsOf,
} from "../src/index.js";

const longId = "x".repeat(10_000);
const input = {
  id: "hostile",
  version: "2025-01-01",
  effectiveFrom: "2025-01-01",
  source: "bench",
  checkedOn: "2025-01-01",
  currency: "USD",
  models: { [longId]: { provider: "openai", input: "0.000001", output: "0.000002" } },
};
const long = parseTable(input);
const byok = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2025-07-01" });
const dir = mkdtempSync(join(tmpdir(), "llm-pricebook-bench-"));
const file = join(dir, "long-id.json");
writeFileSync(file, JSON.stringify(input));

const names = {
  "1,000,000 chars": "y".repeat(1_000_000),
  "20,000 chars": "x".repeat(20_000),
  "gpt-4o-17k": "gpt-4o-17k",
};

/** The error code `fn` throws; anything else is a failed benchmark. */
function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof PricebookError) return error.code;
    throw error;
  }
  throw new Error("expected a PricebookError");
}

const silent = { stdout: () => {}, stderr: () => {}, today: () => "2026-01-01" };
for (const name of Object.values(names)) {
  if (code(() => resolveName(long, name)) !== "UNKNOWN_MODEL") throw new Error("resolveName");
  if (code(() => chargeUsd(long, name, { input: 1, output: 1 })) !== "UNKNOWN_MODEL")
    throw new Error("chargeUsd");
  if (runCli(["quote", name, "--window", "1:1", "--table", file], silent) !== 2)
    throw new Error("cli");
}

for (const [label, name] of Object.entries(names)) {
  bench(`resolveName, unknown ${label}, 10,000-char id`, () =>
    do_not_optimize(code(() => resolveName(long, name))),
  );
  bench(`chargeUsd, unknown ${label}, 10,000-char id`, () =>
    do_not_optimize(code(() => chargeUsd(long, name, { input: 1, output: 1 }))),
  );
  bench(`quote, unknown ${label}, built-in table`, () =>
    do_not_optimize(code(() => quote(byok, name))),
  );
  bench(`CLI quote (in-process), unknown ${label}, table file`, () =>
    do_not_optimize(runCli(["quote", name, "--window", "1:1", "--table", file], silent)),
  );
}

const E300 = `1${"0".repeat(300)}`;
const longBalance = `59.${"9".repeat(300)}`;
if (sumAmounts([E300, "1"]) !== `1${"0".repeat(299)}1`) throw new Error("sumAmounts");
bench("sumAmounts of 10^300 and 1", () => do_not_optimize(sumAmounts([E300, "1"])));
bench("roundCredits up of a 300-digit value", () =>
  do_not_optimize(roundCredits(longBalance, { policy: "up" })),
);
bench("allocate with a 300-digit balance", () =>
  do_not_optimize(allocate(byok, { balance: longBalance, variant: "gpt-4-1106-4k", queries: 3 })),
);
if (runCli(["quote", "gpt-4o-16k", "--table", "/dev/zero"], silent) !== 2)
  throw new Error("/dev/zero");
bench("CLI --table /dev/zero (refused before reading)", () =>
  do_not_optimize(runCli(["quote", "gpt-4o-16k", "--table", "/dev/zero"], silent)),
);

await run();
