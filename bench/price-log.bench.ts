// npm run bench:price: `llm-pricebook price` on a generated usage log beside a float baseline
// (node:readline + JSON.parse + tokens × rate in floats, summed per customer) on the same file,
// in the same run. Reports rows/s of both, their ratio, and the peak RSS of the CLI (VmHWM
// from /proc, polled) at each size. Needs `npm run build` first (the npm script does it).
//
//   npm run bench:price                     # 1,000,000 and 5,000,000 lines
//   BENCH_LINES=200000 npm run bench:price  # one size
//   BENCH_CLI=/path/to/other/dist/cli.js …   # time another build (a before/after comparison)
//   BENCH_MIXED=0 npm run bench:price       # skip the mixed-shape log (default 600,000 lines)
//
// Besides the flat logs, a log that mixes shapes — OpenAI chat completions, Anthropic messages
// and OpenTelemetry GenAI spans, a third each — is timed against a float baseline that reads the
// same three shapes. Those rows take the general reading (adapters, span attributes), not the
// flat records' direct path.
import { spawn } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinPricebook, tableAsOf } from "../src/index.js";

const CLI = process.env.BENCH_CLI ?? new URL("../dist/cli.js", import.meta.url).pathname;
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
const sizes = (process.env.BENCH_LINES ?? "1000000,5000000").split(",").map(Number);

// Models from three tables, with cached input on some rows; o3 before and after its 2025-06-10
// price cut. Every name resolves in exactly one built-in table, so `--table auto` prices all.
const MODELS = [
  { model: "gpt-4.1-mini", table: "openai", from: "2025-11-07" },
  { model: "gpt-4.1", table: "openai", from: "2025-11-07" },
  { model: "o4-mini", table: "openai", from: "2025-11-07" },
  { model: "o3", table: "openai", from: "2025-05-20" },
  { model: "claude-sonnet-4-20250514", table: "anthropic", from: "2025-11-07" },
  { model: "gemini-2.5-flash", table: "google", from: "2025-11-07" },
] as const;

/** Float rates per token for the baseline, as a float program would hard-code them. */
function floatRates() {
  const rates: Record<string, { input: number; cached: number; output: number }> = {};
  for (const { model, table } of MODELS) {
    const t = tableAsOf(builtinPricebook(), table, { asOf: "2025-12-01" });
    const m = Object.values(t.models).find((x) => x.id === model || x.aliases.includes(model));
    if (m === undefined) throw new Error(model);
    rates[model] = {
      input: Number(m.input),
      cached: Number(m.cachedInput ?? m.input),
      output: Number(m.output),
    };
  }
  return rates;
}

const BASELINE = `
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
const rates = JSON.parse(process.argv[3]);
const totals = new Map();
let rows = 0;
const lines = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
for await (const line of lines) {
  if (line === "") continue;
  const r = JSON.parse(line);
  const rate = rates[r.model];
  const cached = r.cachedInput ?? 0;
  const usd = (r.input - cached) * rate.input + cached * rate.cached + r.output * rate.output;
  totals.set(r.customer, (totals.get(r.customer) ?? 0) + usd);
  rows += 1;
}
let usd = 0;
for (const v of totals.values()) usd += v;
process.stdout.write(JSON.stringify({ rows, usd, groups: totals.size }));
`;

/** Float rates for the mixed log's baseline, read from the same built-in tables. */
const MIXED_MODELS = [
  { model: "gpt-4.1-mini", table: "openai" },
  { model: "claude-sonnet-4-20250514", table: "anthropic" },
  { model: "gemini-2.5-flash", table: "google" },
] as const;

function mixedRates() {
  const rates: Record<string, [number, number]> = {};
  for (const { model, table } of MIXED_MODELS) {
    const t = tableAsOf(builtinPricebook(), table, { asOf: "2025-11-15" });
    const m = Object.values(t.models).find((x) => x.id === model || x.aliases.includes(model));
    if (m === undefined) throw new Error(model);
    rates[model] = [Number(m.input), Number(m.output)];
  }
  return rates;
}

const MIXED_BASELINE = `
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
const rates = JSON.parse(process.argv[3]);
const totals = new Map();
let rows = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line === "") continue;
  const r = JSON.parse(line);
  let model, input, output, customer;
  if (r.attributes) {
    const a = {};
    for (const { key, value } of r.attributes) a[key] = value.stringValue ?? Number(value.intValue);
    model = a["gen_ai.response.model"]; input = a["gen_ai.usage.input_tokens"]; output = a["gen_ai.usage.output_tokens"]; customer = a.customer;
  } else if (r.usage.prompt_tokens !== undefined) {
    model = r.model; input = r.usage.prompt_tokens; output = r.usage.completion_tokens; customer = r.customer;
  } else {
    model = r.model; input = r.usage.input_tokens; output = r.usage.output_tokens; customer = r.customer;
  }
  const [ri, ro] = rates[model];
  totals.set(customer, (totals.get(customer) ?? 0) + input * ri + output * ro);
  rows += 1;
}
let usd = 0;
for (const v of totals.values()) usd += v;
process.stdout.write(JSON.stringify({ rows, usd, groups: totals.size }));
`;

/** A log of OpenAI chat completions, Anthropic messages and OTel GenAI spans, a third each. */
function generateMixed(file: string, lines: number): Promise<void> {
  return writeLog(file, lines, 7, (i, next) => {
    const input = 100 + (next() % 20_000);
    const output = 10 + (next() % 2_000);
    const day = 1 + (next() % 28);
    const created = Date.UTC(2025, 10, day) / 1000;
    const customer = `cust-${String(next() % 500).padStart(4, "0")}`;
    let record: unknown;
    if (i % 3 === 0) {
      record = {
        id: `chatcmpl-${i}`,
        object: "chat.completion",
        created,
        model: "gpt-4.1-mini",
        usage: {
          prompt_tokens: input,
          completion_tokens: output,
          total_tokens: input + output,
          prompt_tokens_details: { cached_tokens: 0 },
        },
        customer,
      };
    } else if (i % 3 === 1) {
      record = {
        id: `msg_${i}`,
        type: "message",
        model: "claude-sonnet-4-20250514",
        at: `2025-11-${String(day).padStart(2, "0")}T10:00:00Z`,
        usage: { input_tokens: input, output_tokens: output, cache_read_input_tokens: 0 },
        customer,
      };
    } else {
      const attribute = (key: string, value: object) => ({ key, value });
      record = {
        name: "chat gemini-2.5-flash",
        startTimeUnixNano: String(BigInt(created) * 1_000_000_000n),
        attributes: [
          attribute("gen_ai.provider.name", { stringValue: "gcp.gemini" }),
          attribute("gen_ai.response.model", { stringValue: "gemini-2.5-flash" }),
          attribute("gen_ai.usage.input_tokens", { intValue: String(input) }),
          attribute("gen_ai.usage.output_tokens", { intValue: String(output) }),
          attribute("customer", { stringValue: customer }),
        ],
      };
    }
    return record;
  });
}

function generate(file: string, lines: number): Promise<void> {
  return writeLog(file, lines, 42, (i, next) => {
    const m = MODELS[next() % MODELS.length] as (typeof MODELS)[number];
    const day = new Date(Date.parse(m.from) + (next() % 80) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const input = 50 + (next() % 40_000);
    const cached = next() % 3 === 0 ? Math.floor(input * 0.8) : 0;
    return {
      model: m.model,
      at: `${day}T${String(next() % 24).padStart(2, "0")}:${String(next() % 60).padStart(2, "0")}:07Z`,
      input,
      output: 10 + (next() % 4_000),
      ...(cached > 0 ? { cachedInput: cached } : {}),
      customer: `cust-${String(next() % 500).padStart(4, "0")}`,
      request_id: `req_${i.toString(36).padStart(8, "0")}`,
    };
  });
}

/**
 * Writes `lines` JSON lines made by `record(i, next)`, where `next` is a seeded generator (the
 * same file for the same seed), in 1 MB writes.
 */
async function writeLog(
  file: string,
  lines: number,
  seed: number,
  record: (i: number, next: () => number) => unknown,
): Promise<void> {
  const out = createWriteStream(file);
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state >>> 8;
  };
  let chunk = "";
  for (let i = 0; i < lines; i++) {
    chunk += `${JSON.stringify(record(i, next))}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once("finish", () => r()));
}

interface Timing {
  stdout: string;
  /** Wall-clock seconds. */
  seconds: number;
  /** User + system CPU seconds of the process (the machine may be shared). */
  cpu: number;
  /** Peak RSS in MB: VmHWM, polled from /proc and read by the process as it exits. */
  peakMb: number;
}

// Preloaded into both processes: reports their CPU time and peak RSS on exit. The peak is the
// process's own VmHWM: getrusage's maxRSS is not used, as Linux carries the parent's high-water
// mark at fork into the child's.
const REPORT = `process.on("exit", () => {
  const u = process.resourceUsage();
  let hwm = 0;
  try { hwm = Number(/VmHWM:\\s+(\\d+)/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"))[1]); } catch {}
  require("node:fs").writeSync(2, "\\n@@usage " + JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, hwmKb: hwm }) + "\\n");
});`;

/** Runs a process, polling its peak RSS (VmHWM) from /proc. */
function timed(report: string, args: string[]): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--require", report, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (data) => {
      stderr += data;
    });
    let stdout = "";
    let peak: number | null = null;
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
        if (kb > 0) peak = Math.max(peak ?? 0, kb / 1024);
      } catch {
        // the process has exited, or there is no /proc
      }
    }, 20);
    child.stdout.on("data", (data) => {
      stdout += data;
    });
    child.on("error", reject);
    child.on("close", () => {
      clearInterval(poll);
      const seconds = (performance.now() - start) / 1000;
      const usage = /@@usage (.*)/.exec(stderr);
      if (usage === null) {
        reject(new Error(`no usage report: ${stderr.slice(0, 500)}`));
        return;
      }
      const { cpu, hwmKb } = JSON.parse(usage[1] as string) as { cpu: number; hwmKb: number };
      resolve({ stdout, seconds, cpu, peakMb: Math.max(peak ?? 0, hwmKb / 1024) });
    });
  });
}

const rate = (lines: number, seconds: number) =>
  Math.round(lines / seconds).toLocaleString("en-US");

const dir = mkdtempSync(join(tmpdir(), "price-log-"));
const baseline = join(dir, "baseline.mjs");
writeFileSync(baseline, BASELINE);
const report = join(dir, "report.cjs");
writeFileSync(report, REPORT);
const rates = JSON.stringify(floatRates());
const mixedLines = Number(process.env.BENCH_MIXED ?? 600_000);
const mixedBaseline = join(dir, "baseline-mixed.mjs");
writeFileSync(mixedBaseline, MIXED_BASELINE);
const runs: { lines: number; mixed: boolean }[] = sizes.map((lines) => ({ lines, mixed: false }));
if (mixedLines > 0) runs.push({ lines: mixedLines, mixed: true });
try {
  for (const { lines, mixed } of runs) {
    const file = join(dir, `usage-${lines}${mixed ? "-mixed" : ""}.jsonl`);
    await (mixed ? generateMixed(file, lines) : generate(file, lines));
    const mb = statSync(file).size / 1e6;
    // Warm the page cache so neither run pays for the first read (streamed: a parent holding the
    // file would not change the children's figures, but would the machine's).
    for await (const _ of createReadStream(file, { highWaterMark: 1 << 20 })) {
      // read and drop
    }
    const cli = await timed(report, [CLI, "price", file, "--group-by", "customer", "--json"]);
    const base = mixed
      ? await timed(report, [mixedBaseline, file, JSON.stringify(mixedRates())])
      : await timed(report, [baseline, file, rates]);
    const priced = JSON.parse(cli.stdout);
    const floats = JSON.parse(base.stdout);
    if (priced.rows !== lines || priced.unpriced !== 0 || floats.rows !== lines) {
      throw new Error(`unexpected counts: ${cli.stdout.slice(0, 300)} / ${base.stdout}`);
    }
    const row = (name: string, t: Timing, total: string) =>
      `  ${name.padEnd(22)}${t.seconds.toFixed(2).padStart(7)} s wall ${rate(lines, t.seconds).padStart(10)} rows/s` +
      `${t.cpu.toFixed(2).padStart(7)} s CPU ${rate(lines, t.cpu).padStart(10)} rows/s` +
      `  peak RSS ${t.peakMb.toFixed(0)} MB  total ${total}`;
    console.log(
      `${lines.toLocaleString("en-US")} lines${mixed ? " of mixed shapes (OpenAI, Anthropic, OTel spans)" : ""} (${mb.toFixed(0)} MB), ${priced.groups.length} customers\n` +
        `${row("llm-pricebook price", cli, `${priced.usd} (exact)`)}\n` +
        `${row("readline + floats", base, `${floats.usd} (floats, one rate per model)`)}\n` +
        `  ratio (price ÷ baseline rows/s): wall ${(base.seconds / cli.seconds).toFixed(2)}, CPU ${(base.cpu / cli.cpu).toFixed(2)}`,
    );
    rmSync(file);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
