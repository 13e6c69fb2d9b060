import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { todayUtc } from "../../catalog/tableAsOf.js";
import { isIsoDate } from "../../catalog/validate.js";
import { PricebookError } from "../../errors.js";
import { importCatalog } from "../../import/importCatalog.js";
import { parseCatalogText } from "../../import/parseCatalogText.js";
import { readCatalogFile } from "../../import/readCatalogFile.js";
import type { CatalogFormat, ImportReport } from "../../import/types.js";
import type { PricingTableInput } from "../../schema/types.js";
import type { ParsedArgs } from "../args.js";
import { type Command, type Context, positionals, print, stringFlag } from "../command.js";

const FORMATS: readonly CatalogFormat[] = ["genai-prices", "litellm", "models.dev"];

function runImport(args: ParsedArgs, context: Context): number {
  const [file] = positionals(args, 1, 1, "catalog file") as [string];
  const from = stringFlag(args, "from");
  if (from === undefined) {
    throw new PricebookError(
      "MISSING_ARGUMENT",
      ["--from"],
      `--from is required: one of ${FORMATS.join(", ")}`,
    );
  }
  if (!FORMATS.includes(from as CatalogFormat)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--from"],
      `--from: expected one of ${FORMATS.join(", ")}, got ${JSON.stringify(from)}`,
    );
  }
  const today = (context.io.today ?? todayUtc)();
  const asOf = dateFlag(args, "as-of");
  const catalogDate = dateFlag(args, "date") ?? today;
  const providers = stringFlag(args, "provider")
    ?.split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const source = stringFlag(args, "source");
  const out = stringFlag(args, "out") ?? ".";

  refuseNonDirectory(out);
  const data = readCatalog(file);
  const { tables, report } = importCatalog(data, {
    format: from as CatalogFormat,
    catalogDate,
    ...(asOf === undefined ? {} : { asOf }),
    ...(providers === undefined ? {} : { providers }),
    ...(source === undefined ? {} : { source }),
  });
  if (providers !== undefined) {
    const found = new Set(tables.map((t) => t.id));
    const missing = providers.filter((p) => !found.has(p.toLowerCase()));
    if (missing.length > 0) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        ["--provider"],
        `--provider: no priced models for ${missing.join(", ")} in ${file}`,
      );
    }
  }

  const files = writeTables(file, out, tables, asOf ?? today);
  const summary = {
    file,
    format: from,
    out,
    tables: files,
    report,
  };
  print(context, summary, text(file, from, files, report));
  return 0;
}

function dateFlag(args: ParsedArgs, name: string): string | undefined {
  const value = stringFlag(args, name);
  if (value !== undefined && !isIsoDate(value)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      [`--${name}`],
      `--${name}: expected a date that exists, YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** `--out` may be missing (it is created) or a directory; anything else is refused up front. */
function refuseNonDirectory(out: string): void {
  let isDirectory = true;
  try {
    isDirectory = statSync(out).isDirectory();
  } catch {
    // Missing (created later) or unreadable (mkdir reports it).
  }
  if (!isDirectory) {
    throw new PricebookError("INVALID_ARGUMENT", ["--out"], `--out ${out} is not a directory`);
  }
}

/** The catalog file's content, read with the limits of readCatalogFile and parseCatalogText. */
function readCatalog(file: string): unknown {
  const text = readCatalogFile(file);
  try {
    return parseCatalogText(text);
  } catch (error) {
    if (!(error instanceof PricebookError)) throw error;
    throw new PricebookError(error.code, error.path, `${file}: ${error.message}`);
  }
}

interface WrittenTable {
  readonly id: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly models: number;
  readonly file: string;
}

/**
 * One file per table version, `<id>@<version>.json`, when an id has several versions; and
 * `<id>.json`, the version in force on `day` (the only version, for most catalogs).
 */
function writeTables(
  catalog: string,
  dir: string,
  tables: readonly PricingTableInput[],
  day: string,
): WrittenTable[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new PricebookError(
      "IO_ERROR",
      [dir],
      `cannot create output directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  const versions = new Map<string, PricingTableInput[]>();
  for (const table of tables) {
    const list = versions.get(table.id) ?? [];
    list.push(table);
    versions.set(table.id, list);
  }
  const written: WrittenTable[] = [];
  const names = new Set<string>();
  const write = (name: string, table: PricingTableInput) => {
    // Never one file twice in a run (ids differing only in case are refused before this).
    if (names.has(name)) {
      throw new PricebookError(
        "INVALID_CATALOG",
        [name],
        `two tables would both be written to ${name}`,
      );
    }
    names.add(name);
    const file = join(dir, name);
    // A new file beside the target, created exclusively (never through a planted link), then
    // renamed over the target (which replaces a link, not what it points to).
    const temporary = join(dir, `.${name}.${process.pid}.partial`);
    let created = false;
    try {
      const fd = openSync(temporary, "wx");
      created = true;
      try {
        writeFileSync(fd, `${JSON.stringify(table, null, 2)}\n`);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    } catch (error) {
      if (created) rmSync(temporary, { force: true });
      throw new PricebookError(
        "IO_ERROR",
        [file],
        `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
    written.push({
      id: table.id,
      version: table.version,
      effectiveFrom: table.effectiveFrom,
      models: Object.keys(table.models).length,
      file,
    });
  };
  const plan: [string, PricingTableInput][] = [];
  for (const [id, list] of versions) {
    if (list.length > 1)
      for (const table of list) plan.push([`${id}@${table.version}.json`, table]);
    const inForce = list.filter((table) => table.effectiveFrom <= day).at(-1);
    if (inForce !== undefined) plan.push([`${id}.json`, inForce]);
  }
  // Before any write: no file of the plan may be the catalog itself (or a link to it).
  const input = realpathSync(catalog);
  for (const [name] of plan) {
    const target = join(dir, name);
    if (existsSync(target) && realpathSync(target) === input) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        ["--out"],
        `${target} would overwrite the catalog being imported; give another --out directory`,
      );
    }
  }
  for (const [name, table] of plan) write(name, table);
  return written;
}

function text(
  file: string,
  format: string,
  files: readonly WrittenTable[],
  report: ImportReport,
): string {
  const lines = [
    `${file} (${format}): ${report.imported} model price(s) from ${report.entries} entries into ${files.length} file(s)`,
    ...files.map((f) => `  ${f.file}: ${f.id}@${f.version}, ${f.models} model(s)`),
  ];
  const whole = report.skipped.filter((s) => s.field === undefined);
  const rules = report.skipped.filter((s) => s.field?.startsWith("match") === true);
  const fields = report.skipped.filter(
    (s) => s.field !== undefined && !s.field.startsWith("match"),
  );
  if (report.normalized.length > 0) {
    lines.push(`normalized ${report.normalized.length} float(s) to the decimal meant:`);
    for (const n of report.normalized) lines.push(`  ${n.key} ${n.field}: ${n.raw} → ${n.value}`);
  }
  if (whole.length > 0) {
    lines.push(`skipped ${whole.length} entr${whole.length === 1 ? "y" : "ies"}:`);
    for (const s of whole) lines.push(`  ${s.key}: ${s.reason}`);
  }
  if (fields.length > 0) {
    lines.push(`left out ${fields.length} price(s) of imported models (such usage is unpriced):`);
    for (const s of fields) lines.push(`  ${s.key} ${s.field}: ${s.reason}`);
  }
  if (rules.length > 0) {
    lines.push(`did not evaluate ${rules.length} match rule(s) or name(s) (no name was guessed):`);
    for (const s of rules) lines.push(`  ${s.key} ${s.field}: ${s.reason}`);
  }
  if (report.renamed.length > 0) {
    lines.push(`renamed ${report.renamed.length} name(s) a model id cannot hold:`);
    for (const r of report.renamed) lines.push(`  ${r.key} → ${r.id}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `import`. */
export const importCommand: Command = {
  summary:
    "import a price catalog (genai-prices, LiteLLM, models.dev) as exact table files, one per provider, and report every normalised, skipped or renamed entry",
  usage:
    "import <FILE> --from genai-prices|litellm|models.dev [--provider P[,P…]]… [--out DIR] [--as-of DATE] [--date DATE] [--source TEXT] [--json]",
  flags: {
    from: "value",
    provider: "values",
    out: "value",
    "as-of": "value",
    date: "value",
    source: "value",
    json: "switch",
  },
  run: runImport,
};
