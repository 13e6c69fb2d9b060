import { existsSync, readFileSync } from "node:fs";
import { diffTables } from "../catalog/diffTables.js";
import { parseTable } from "../catalog/parseTable.js";
import { tableAsOf, tableVersion, todayUtc } from "../catalog/tableAsOf.js";
import { isIsoDate } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import { Dec } from "../money/decimal.js";
import { formatDecimal } from "../money/formatDecimal.js";
import type { PartialQueryPolicy } from "../pricing/allocate.js";
import { auditTable } from "../pricing/auditTable.js";
import { type ChargeOptions, charge } from "../pricing/charge.js";
import { estimateBudget } from "../pricing/estimateBudget.js";
import { quote } from "../pricing/quote.js";
import type { ColumnKey, RateUnit, TableSection } from "../render/grid.js";
import { renderTable, type TableFormat } from "../render/renderTable.js";
import type { PricingTable } from "../schema/types.js";
import { builtinPricebook, DEFAULT_TABLE_ID } from "../tables/builtinPricebook.js";
import { type FlagSpec, type ParsedArgs, parseArgs, tokenCountArg } from "./args.js";

/** Where the CLI writes, and what it reads from its surroundings. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Today, `YYYY-MM-DD`; the default for --as-of. */
  readonly today?: () => string;
}

const TABLE_FLAGS = { table: "value", "as-of": "value", json: "switch" } as const;

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly flags: FlagSpec;
  readonly run: (args: ParsedArgs, context: Context) => number;
}

interface Context {
  readonly io: CliIo;
  readonly json: boolean;
  readonly table: () => PricingTable;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  quote: {
    summary: "the upper-bound cost of one query of a variant (or of a model with --window IN:OUT)",
    usage:
      "quote <variant> | quote <model> --window IN:OUT  [--as-of DATE] [--table ID|FILE] [--json]",
    flags: { ...TABLE_FLAGS, window: "value" },
    run: runQuote,
  },
  charge: {
    summary: "the exact cost of one query's real usage, line by line",
    usage:
      "charge <model|variant> --input N --output N [--cached-input N] [--cache-write N] [--cache-write-1h N] [--reasoning N] [--service-tier batch|flex|priority] [--as-of DATE] [--table ID|FILE] [--json]",
    flags: {
      ...TABLE_FLAGS,
      input: "value",
      output: "value",
      "cached-input": "value",
      "cache-write": "value",
      "cache-write-1h": "value",
      reasoning: "value",
      "service-tier": "value",
    },
    run: runCharge,
  },
  table: {
    summary: "a table's variants (or --workflows, or models) for a docs page",
    usage:
      "table [--format md|html|csv|json] [--workflows | --section variants|workflows|models] [--rate-unit token|million] [--credits] [--columns K,K,…] [--as-of DATE] [--table ID|FILE] [--json]",
    flags: {
      ...TABLE_FLAGS,
      format: "value",
      workflows: "switch",
      section: "value",
      "rate-unit": "value",
      credits: "switch",
      columns: "value",
    },
    run: runTable,
  },
  budget: {
    summary:
      "a period's budget: AI cost with its band, credits, the partner's workflows, and who pays",
    usage:
      "budget --variant V | --mix V=SHARE,V=SHARE  --queries N [--agents N] [--user-facing N] [--variables N] [--agent-edits N] [--credit-balance N] [--partial to-key|split] [--as-of DATE] [--table ID|FILE] [--json]",
    flags: {
      ...TABLE_FLAGS,
      variant: "value",
      mix: "value",
      queries: "value",
      agents: "value",
      "user-facing": "value",
      variables: "value",
      "agent-edits": "value",
      "credit-balance": "value",
      partial: "value",
    },
    run: runBudget,
  },
  audit: {
    summary: "recompute every printed figure of a table and report contradictions (exit 1 if any)",
    usage: "audit [FILE] [--as-of DATE] [--table ID|FILE] [--json]",
    flags: TABLE_FLAGS,
    run: runAudit,
  },
  diff: {
    summary:
      "what changed between two tables: models and variants added and removed, every changed figure",
    usage: "diff <FILE|ID@VERSION|ID> <FILE|ID@VERSION|ID> [--as-of DATE] [--json]",
    flags: { "as-of": "value", json: "switch" },
    run: runDiff,
  },
  models: {
    summary: "the models and variants of a table",
    usage: "models [--provider P] [--as-of DATE] [--table ID|FILE] [--json]",
    flags: { ...TABLE_FLAGS, provider: "value" },
    run: runModels,
  },
};

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit status:
 * 0 done, 1 an audit found errors, 2 bad input (reported on stderr as `error CODE: message`),
 * 3 an internal error.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    return dispatch(argv, io);
  } catch (error) {
    if (error instanceof PricebookError) {
      io.stderr(`error ${error.code}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`error INTERNAL: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
}

function dispatch(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout(helpText());
    return 0;
  }
  if (name === "--version") {
    io.stdout("llm-pricebook 0.1.0\n");
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    throw new PricebookError(
      "UNKNOWN_COMMAND",
      [name],
      `unknown command ${JSON.stringify(name)}; commands: ${Object.keys(COMMANDS).join(", ")} (see --help)`,
    );
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`usage: llm-pricebook ${command.usage}\n`);
    return 0;
  }
  const args = parseArgs(rest, command.flags, name);
  const context: Context = {
    io,
    json: args.flags.get("json") === true,
    table: () => selectTable(args, io),
  };
  return command.run(args, context);
}

function helpText(): string {
  const lines = Object.values(COMMANDS).map(
    (command) => `  ${command.usage}\n      ${command.summary}`,
  );
  return `llm-pricebook: what an LLM query costs, exactly, and who pays for it\n\nusage:\n${lines.join("\n")}\n\nExit status: 0 done, 1 audit found errors, 2 bad input, 3 internal error.\n`;
}

function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

function positionals(args: ParsedArgs, min: number, max: number, what: string): readonly string[] {
  if (args.positionals.length < min) {
    throw new PricebookError("MISSING_ARGUMENT", [what], `missing ${what}`);
  }
  if (args.positionals.length > max) {
    const extra = args.positionals[max] as string;
    throw new PricebookError(
      "INVALID_ARGUMENT",
      [extra],
      `unexpected argument ${JSON.stringify(extra)}`,
    );
  }
  return args.positionals;
}

/** --table ID|FILE and --as-of DATE: a built-in table by id, or a table file. */
function selectTable(args: ParsedArgs, io: CliIo, file?: string, id?: string): PricingTable {
  const asOf = stringFlag(args, "as-of") ?? (io.today ?? todayUtc)();
  if (!isIsoDate(asOf)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--as-of"],
      `--as-of: expected a date that exists, YYYY-MM-DD, got ${JSON.stringify(asOf)}`,
    );
  }
  const choice = file ?? id ?? stringFlag(args, "table") ?? DEFAULT_TABLE_ID;
  // A built-in id wins over a file of the same name in the working directory.
  const builtin = builtinPricebook().tables.some((table) => table.id === choice.toLowerCase());
  const looksLikeFile =
    file !== undefined || (!builtin && (/[/\\]|\.json$/i.test(choice) || existsSync(choice)));
  if (!looksLikeFile) return tableAsOf(builtinPricebook(), choice, { asOf });
  let text: string;
  try {
    text = readFileSync(choice, "utf8");
  } catch (error) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      [choice],
      `cannot read table file ${choice}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  const table = parseTable(text);
  if (table.effectiveFrom > asOf) {
    throw new PricebookError(
      "NO_TABLE_IN_EFFECT",
      ["--as-of"],
      `${table.id}@${table.version} in ${choice} takes effect on ${table.effectiveFrom}, after ${asOf}`,
    );
  }
  return table;
}

function print(context: Context, json: unknown, text: string): void {
  context.io.stdout(context.json ? `${JSON.stringify(json, null, 2)}\n` : text);
}

function parseWindow(value: string): { input: number; output: number } {
  const match = /^([^:]*):([^:]*)$/.exec(value);
  if (match === null) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--window"],
      `--window: expected IN:OUT token counts like 12800:3200, got ${JSON.stringify(value)}`,
    );
  }
  return {
    input: tokenCountArg(match[1], ["--window", "input"]),
    output: tokenCountArg(match[2], ["--window", "output"]),
  };
}

function runQuote(args: ParsedArgs, context: Context): number {
  const [name] = positionals(args, 1, 1, "variant or model name") as [string];
  const window = stringFlag(args, "window");
  const table = context.table();
  const result = quote(table, name, window === undefined ? {} : { window: parseWindow(window) });
  const band =
    result.band === null
      ? ""
      : ` (±${formatDecimal(new Dec(table.band as string).times(100))}%: ${result.band.low} to ${result.band.high})`;
  const lines = [
    `${result.label}: ${result.model} (${result.provider}), ${result.table.id}@${result.table.version}`,
    `  reserved  ${result.reserved.input} input + ${result.reserved.output} output tokens`,
    `  rates     ${result.rates.input} per input token, ${result.rates.output} per output token`,
    `  cost      ${result.usd} USD${band}`,
  ];
  if (result.credits !== null && table.credits !== null) {
    const symbol = table.credits.symbol;
    lines.push(
      `  credits   ${result.credits.estimated} ${symbol} estimated at ${result.credits.unitPrice} USD per ${symbol}; published: ${result.credits.published ?? "none"}`,
    );
  }
  print(context, result, `${lines.join("\n")}\n`);
  return 0;
}

const USAGE_FLAGS = {
  input: "input",
  output: "output",
  "cached-input": "cachedInput",
  "cache-write": "cacheWrite",
  "cache-write-1h": "cacheWrite1h",
  reasoning: "reasoning",
} as const;

function runCharge(args: ParsedArgs, context: Context): number {
  const [name] = positionals(args, 1, 1, "model or variant name") as [string];
  const usage: Record<string, number> = {};
  for (const [flag, kind] of Object.entries(USAGE_FLAGS)) {
    const value = stringFlag(args, flag);
    if (value !== undefined) usage[kind] = tokenCountArg(value, [`--${flag}`]);
    else if (kind === "input" || kind === "output") {
      throw new PricebookError("MISSING_ARGUMENT", [`--${flag}`], `--${flag} N is required`);
    }
  }
  const serviceTier = stringFlag(args, "service-tier") as ChargeOptions["serviceTier"];
  const table = context.table();
  const result = charge(table, name, usage, serviceTier === undefined ? {} : { serviceTier });
  const lines = [
    `${result.label}: ${result.model} (${result.provider}), ${result.table.id}@${result.table.version}${result.tier === null ? "" : `, long-context tier above ${result.tier.aboveInputTokens} input tokens`}${result.serviceTier === null ? "" : `, ${result.serviceTier} tier`}`,
    ...result.lines.map(
      (line) =>
        `  ${line.kind.padEnd(13)} ${String(line.tokens).padStart(10)} × ${line.rate} = ${line.usd}`,
    ),
    `  cost          ${result.usd} USD`,
  ];
  if (result.credits !== null && table.credits !== null) {
    lines.push(`  credits       ${result.credits.estimated} ${table.credits.symbol} estimated`);
  }
  if (result.exceedsWindow === true)
    lines.push("  note          the usage exceeds the variant's reservation window");
  print(context, result, `${lines.join("\n")}\n`);
  return 0;
}

function runTable(args: ParsedArgs, context: Context): number {
  positionals(args, 0, 0, "");
  const section =
    args.flags.get("workflows") === true
      ? "workflows"
      : (stringFlag(args, "section") as TableSection | undefined);
  const format = (stringFlag(args, "format") ?? "md") as TableFormat;
  const rateUnit = stringFlag(args, "rate-unit") as RateUnit | undefined;
  const columns = stringFlag(args, "columns")?.split(",") as ColumnKey[] | undefined;
  const table = context.table();
  const text = renderTable(table, {
    format,
    ...(section === undefined ? {} : { section }),
    ...(rateUnit === undefined ? {} : { rateUnit }),
    ...(columns === undefined ? {} : { columns }),
    credits: args.flags.get("credits") === true,
  });
  print(context, { table: table.provenance, format, section: section ?? null, text }, `${text}\n`);
  return 0;
}

function parseMix(value: string): { variant: string; share: string }[] {
  return value.split(",").map((part, index) => {
    const match = /^([^=]+)=(.+)$/.exec(part);
    if (match === null) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        ["--mix", index],
        `--mix: expected VARIANT=SHARE pairs like gpt-4o-16k=0.25,gpt-4o-mini-16k=0.75, got ${JSON.stringify(part)}`,
      );
    }
    return { variant: match[1] as string, share: match[2] as string };
  });
}

function runBudget(args: ParsedArgs, context: Context): number {
  positionals(args, 0, 0, "");
  const queriesText = stringFlag(args, "queries");
  if (queriesText === undefined)
    throw new PricebookError("MISSING_ARGUMENT", ["--queries"], "--queries N is required");
  const count = (flag: string, fallback: number) => {
    const value = stringFlag(args, flag);
    return value === undefined ? fallback : tokenCountArg(value, [`--${flag}`]);
  };
  const agents = count("agents", 1);
  const deployment = {
    agents,
    userFacingAgents: count("user-facing", Math.min(agents, 1)),
    variables: count("variables", 0),
    agentChanges: count("agent-edits", 0),
  };
  const variant = stringFlag(args, "variant");
  const mix = stringFlag(args, "mix");
  const balance = stringFlag(args, "credit-balance");
  const partial = stringFlag(args, "partial") as PartialQueryPolicy | undefined;
  const table = context.table();
  const budget = estimateBudget(table, {
    ...(variant === undefined ? {} : { variant }),
    ...(mix === undefined ? {} : { mix: parseMix(mix) }),
    queries: tokenCountArg(queriesText, ["--queries"]),
    deployment,
    ...(balance === undefined ? {} : { creditBalance: balance }),
    ...(partial === undefined ? {} : { partial }),
  });
  const symbol = table.credits?.symbol ?? "credits";
  const lines = [
    `budget for ${budget.queries} queries, ${budget.table.id}@${budget.table.version}`,
    ...budget.mix.map(
      (part) =>
        `  ${part.variant.padEnd(18)} ${part.queries} queries × ${part.perQuery.usd} = ${part.usd} USD (${part.perQuery.credits} ${symbol} each)`,
    ),
    `  AI (upper bound)   ${budget.ai.usd} USD${budget.ai.low === null ? "" : ` (${budget.ai.low} to ${budget.ai.high})`}, ${budget.credits} ${symbol}`,
    "  partner workflows (the partner's own key):",
    ...budget.workflows.map(
      (workflow) =>
        `    ${workflow.id.padEnd(28)} ${workflow.applies ? `${workflow.runs} runs × ${workflow.perRun} = ${workflow.usd} USD` : "does not apply"}`,
    ),
    `    total                        ${budget.partner.usd} USD`,
  ];
  if (budget.allocation !== null) {
    const a = budget.allocation;
    lines.push(
      `  credits ${a.balance} ${symbol}: ${a.queriesOnCredits} queries on credits (${a.creditsUsed} used, ${a.creditsLeft} left), ${a.queriesOnKey} on the customer's key: ${a.keyUsd} USD`,
    );
  }
  print(context, budget, `${lines.join("\n")}\n`);
  return 0;
}

function runAudit(args: ParsedArgs, context: Context): number {
  const [file] = positionals(args, 0, 1, "table file");
  const table = file === undefined ? context.table() : selectTable(args, context.io, file);
  const audit = auditTable(table);
  const errors = audit.findings.filter((finding) => finding.severity === "error").length;
  const lines = [
    `audit of ${table.id}@${table.version}: ${audit.checked} printed figures checked, ${audit.findings.length} finding(s)`,
    ...audit.findings.map(
      (finding) =>
        `  ${finding.severity} ${finding.code} at ${finding.path.join(".")}: ${finding.message}`,
    ),
  ];
  print(context, audit, `${lines.join("\n")}\n`);
  return errors > 0 ? 1 : 0;
}

/** FILE, ID@VERSION, or ID (the version in force --as-of). */
function tableRef(args: ParsedArgs, context: Context, ref: string): PricingTable {
  const at = ref.lastIndexOf("@");
  if (at > 0 && !/[/\\]|\.json$/i.test(ref) && !existsSync(ref)) {
    return tableVersion(builtinPricebook(), ref.slice(0, at), ref.slice(at + 1));
  }
  return selectTable(
    args,
    context.io,
    /[/\\]|\.json$/i.test(ref) || existsSync(ref) ? ref : undefined,
    ref,
  );
}

function runDiff(args: ParsedArgs, context: Context): number {
  const [a, b] = positionals(args, 2, 2, "two tables to compare") as [string, string];
  const diff = diffTables(tableRef(args, context, a), tableRef(args, context, b));
  const name = (p: { id: string; version: string }) => `${p.id}@${p.version}`;
  const list = (what: string, ids: readonly string[]) =>
    ids.length === 0 ? [] : [`  ${what}: ${ids.join(", ")}`];
  const lines = [
    `${name(diff.from)} → ${name(diff.to)}: ${diff.changes.length} changed figure(s)`,
    ...list("models added", diff.models.added),
    ...list("models removed", diff.models.removed),
    ...list("variants added", diff.variants.added),
    ...list("variants removed", diff.variants.removed),
    ...list("workflows added", diff.workflows.added),
    ...list("workflows removed", diff.workflows.removed),
    ...diff.changes.map(
      (change) =>
        `  ${change.path.join(".")}: ${change.old ?? "none"} → ${change.new ?? "none"}${change.relativeChange === null ? "" : ` (${change.relativeChange})`}`,
    ),
  ];
  print(context, diff, `${lines.join("\n")}\n`);
  return 0;
}

function runModels(args: ParsedArgs, context: Context): number {
  positionals(args, 0, 0, "");
  const provider = stringFlag(args, "provider")?.toLowerCase();
  const table = context.table();
  const models = Object.values(table.models).filter(
    (model) => provider === undefined || model.provider === provider,
  );
  if (provider !== undefined && models.length === 0) {
    const providers = [...new Set(Object.values(table.models).map((model) => model.provider))];
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--provider"],
      `no models of provider ${JSON.stringify(provider)} in ${table.id}@${table.version}; providers: ${providers.join(", ")}`,
    );
  }
  const ids = new Set(models.map((model) => model.id));
  const variants = Object.values(table.variants).filter((variant) => ids.has(variant.model));
  const json = {
    table: table.provenance,
    models: models.map((model) => ({
      id: model.id,
      provider: model.provider,
      label: model.label,
      aliases: model.aliases,
      input: model.input,
      output: model.output,
    })),
    variants: variants.map((variant) => ({
      id: variant.id,
      label: variant.label,
      model: variant.model,
      reserved: variant.reserved,
      credits: variant.credits,
    })),
  };
  const lines = [
    `${table.id}@${table.version}`,
    "models:",
    ...models.map(
      (model) =>
        `  ${model.id} (${model.provider}) input ${model.input}, output ${model.output} per token`,
    ),
  ];
  if (variants.length > 0) {
    lines.push(
      "variants:",
      ...variants.map(
        (variant) =>
          `  ${variant.id} = ${variant.model} ${variant.reserved.input}:${variant.reserved.output}`,
      ),
    );
  }
  print(context, json, `${lines.join("\n")}\n`);
  return 0;
}
