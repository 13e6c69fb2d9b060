import { closeSync, existsSync, renameSync, rmSync, writeSync } from "node:fs";
import type { Pricebook } from "../../catalog/createPricebook.js";
import { todayUtc } from "../../catalog/tableAsOf.js";
import { isIsoDate } from "../../catalog/validate.js";
import { PricebookError } from "../../errors.js";
import { createGroupTotals, type PricedSummary, type RowField } from "../../records/groupTotals.js";
import { pricedRow, unpricedRow } from "../../records/priceRecords.js";
import { RECORD_SHAPES, type RecordShape } from "../../records/readRecord.js";
import {
  createRecordPricer,
  type PricedFacts,
  type PricerSink,
  type RecordFailure,
} from "../../records/recordPricer.js";
import type { PricingTable } from "../../schema/types.js";
import { builtinPricebook } from "../../tables/builtinPricebook.js";
import type { ParsedArgs } from "../args.js";
import { type Command, type Context, inertText, positionals, stringFlag } from "../command.js";
import { type CsvScan, csvCell, parseCsvRecord, scanCsvLine } from "../csv.js";
import { forEachLine, type ReadProgress, sizeOf } from "../forEachLine.js";
import { checkOutputTarget, openTemporary } from "../outputTarget.js";
import { selectTable } from "../selectTable.js";

/** Unpriced rows listed by --json and the text report; the rest are counted. */
const MAX_ERRORS = 100;
/** A CSV record (its lines joined) is refused beyond this many characters. */
const MAX_CSV_RECORD_CHARS = 1024 * 1024;
/** A `.json` input is one document (an OTLP export, an array of records) up to this size. */
const MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;
const USAGE_COLUMNS = new Set([
  "input",
  "output",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "reasoning",
]);
const OUT_COLUMNS = [
  "line",
  "ok",
  "model",
  "resolvedModel",
  "provider",
  "day",
  "table",
  "resolvedBy",
  "usd",
  "input",
  "output",
  "cachedInput",
  "cacheWrite",
  "cacheWrite1h",
  "reasoning",
  "code",
  "message",
] as const;

async function runPrice(args: ParsedArgs, context: Context): Promise<number> {
  const { io } = context;
  const [file] = positionals(args, 1, 1, "log file (or - for standard input)") as [string];
  const groupBy = groupByFlag(stringFlag(args, "group-by"));
  const shape = shapeFlag(stringFlag(args, "shape"));
  const asOf = stringFlag(args, "as-of") ?? (io.today ?? todayUtc)();
  if (!isIsoDate(asOf)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--as-of"],
      `--as-of: expected a date that exists, YYYY-MM-DD, got ${JSON.stringify(asOf)}`,
    );
  }
  const strict = args.flags.get("strict") === true;
  const allowUnpriced = args.flags.get("allow-unpriced") === true;
  const { source, table } = priceSource(args, context);
  const out = stringFlag(args, "out");
  const pricer = createRecordPricer(
    source,
    {
      asOf,
      ...(table === undefined ? {} : { table }),
      ...(shape === undefined ? {} : { shape }),
    },
    // Without --out, a row counts only for its totals and its group keys.
    out === undefined ? { groupBy } : undefined,
  );
  const format = inputFormat(file);
  if (format === "csv" && shape !== undefined && shape !== "flat") {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--shape"],
      `a CSV log holds flat records; --shape ${shape} needs a JSON log`,
    );
  }
  const writer = out === undefined ? undefined : openRowWriter(out, groupBy, [file]);

  const totals = createGroupTotals(groupBy, MAX_ERRORS);
  let firstError: RecordFailure | undefined;
  // The row being added, read by `fieldOf` only when a group key names a row field.
  let current: PricedFacts | undefined;
  let failing: RecordFailure | undefined;
  const fieldOf = (name: RowField): string | null => {
    if (current === undefined) return name === "model" ? (failing?.model ?? null) : null;
    if (name === "model") return current.model;
    if (name === "resolvedModel") return current.resolved.model.id;
    if (name === "provider") return current.resolved.model.provider;
    if (name === "table") return `${current.table.id}@${current.table.version}`;
    return current.day;
  };
  const sink: PricerSink = {
    priced(facts: PricedFacts) {
      current = facts;
      totals.addPriced(
        facts.dimensions,
        fieldOf,
        facts.total,
        facts.scale,
        facts.used.input,
        facts.used.output,
      );
      writer?.priced(facts);
    },
    unpriced(failure: RecordFailure) {
      current = undefined;
      failing = failure;
      totals.addUnpriced(
        failure.dimensions,
        fieldOf,
        failure.line,
        failure.error.code,
        failure.error.message,
      );
      writer?.unpriced(failure);
      firstError ??= failure;
    },
  };
  const stop = () => strict && firstError !== undefined;

  const progress: ReadProgress = { bytes: 0, size: sizeOf(file) };
  const meter = io.stderrIsTTY === true ? progressMeter(io.stderr, progress) : undefined;
  let done = false;
  try {
    const read = { path: file, ...(io.stdin === undefined ? {} : { stdin: io.stdin }) };
    if (format === "document") {
      await priceDocument(read, progress, pricer, sink, stop);
    } else {
      const onRecord =
        format === "csv"
          ? csvReader(pricer, sink)
          : format === "jsonl"
            ? undefined
            : sniffer(pricer, sink);
      await forEachLine(read, progress, (text, line) => {
        if (onRecord === undefined) pricer(text, line, sink);
        else onRecord(text, line);
        meter?.tick(line);
        return !stop();
      });
      onRecord?.(undefined, 0);
    }
    done = true;
  } finally {
    writer?.close(done && !stop());
  }
  const summary = totals.summary();
  meter?.finish(summary.rows);

  if (strict && firstError !== undefined) {
    const { error, line } = firstError;
    throw new PricebookError(error.code, error.path, `line ${line}: ${error.message}`);
  }
  // Inert either way: control and bidi characters of a log's values as \uXXXX escapes.
  context.io.stdout(
    inertText(
      context.json
        ? `${JSON.stringify(jsonReport(summary), null, 2)}\n`
        : textReport(summary, groupBy),
    ),
  );
  return summary.unpriced > 0 && !allowUnpriced ? 1 : 0;
}

/** The pricebook and table choice, or a single table file. */
function priceSource(
  args: ParsedArgs,
  context: Context,
): { source: Pricebook | PricingTable; table: string | undefined } {
  const choice = stringFlag(args, "table") ?? "auto";
  if (choice.toLowerCase() === "auto") return { source: builtinPricebook(), table: "auto" };
  const builtin = builtinPricebook().tables.some((table) => table.id === choice.toLowerCase());
  if (builtin || !(/[/\\]|\.json$/i.test(choice) || existsSync(choice))) {
    return { source: builtinPricebook(), table: choice };
  }
  // A table file is one version; records dated before it takes effect are unpriced rows, so
  // the file is read without --as-of's check.
  const noDate: ParsedArgs = {
    positionals: [],
    flags: new Map([["as-of", "9999-12-31"]]),
    lists: new Map(),
  };
  return { source: selectTable(noDate, context.io, choice), table: undefined };
}

function groupByFlag(value: string | undefined): string[] {
  if (value === undefined) return [];
  const keys = value.split(",").map((key) => key.trim());
  if (keys.some((key) => key === "")) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--group-by"],
      `--group-by: expected KEY[,KEY…], got ${JSON.stringify(value)}`,
    );
  }
  return keys;
}

function shapeFlag(value: string | undefined): RecordShape | undefined {
  if (value === undefined) return undefined;
  if (!RECORD_SHAPES.includes(value as RecordShape)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--shape"],
      `--shape: expected one of ${RECORD_SHAPES.join(", ")}, got ${JSON.stringify(value)}`,
    );
  }
  return value as RecordShape;
}

/** By the name (a `.gz` suffix aside): CSV, JSON lines, one JSON document, or look inside. */
function inputFormat(file: string): "csv" | "jsonl" | "document" | "sniff" {
  const name = file.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".json")) return "document";
  return "sniff";
}

type Pricer = ReturnType<typeof createRecordPricer>;
/** Takes one line; `undefined` marks the end of the input. */
type LineHandler = (text: string | undefined, line: number) => void;

/** CSV with a header row: token columns are digits, every other column a dimension. */
function csvReader(pricer: Pricer, sink: PricerSink): LineHandler {
  let header: string[] | undefined;
  // The lines of a record whose quoted field is still open, read once each (scanCsvLine).
  let pending: string[] = [];
  let pendingChars = 0;
  let tooLong = false;
  let startLine = 0;
  const scan: CsvScan = { inQuotes: false };
  const refuse = (error: PricebookError) =>
    sink.unpriced({ line: startLine, shape: "flat", model: null, error, dimensions: {} });
  return (text, line) => {
    if (text === undefined) {
      if (scan.inQuotes) {
        refuse(
          new PricebookError(
            "INVALID_RECORD",
            ["record"],
            `the quoted field opened on line ${startLine} is never closed`,
          ),
        );
      }
      return;
    }
    if (!scan.inQuotes) {
      if (text.trim() === "") return;
      startLine = line;
    }
    const complete = scanCsvLine(text, scan);
    if (!tooLong) {
      pending.push(text);
      pendingChars += text.length + 1;
      if (pendingChars > MAX_CSV_RECORD_CHARS) {
        // Bounded: the record is refused and the rest of it skipped, not held.
        tooLong = true;
        pending = [];
        refuse(
          new PricebookError(
            "LIMIT_EXCEEDED",
            ["record"],
            `the CSV record is longer than ${MAX_CSV_RECORD_CHARS / 1024 / 1024} MB (a quoted field left open?)`,
          ),
        );
      }
    }
    if (!complete) return;
    const joined = pending.length === 1 ? (pending[0] as string) : pending.join("\n");
    const skipped = tooLong;
    pending = [];
    pendingChars = 0;
    tooLong = false;
    if (skipped) return;
    const fields = parseCsvRecord(joined);
    if (fields === null) return; // not reached: scanCsvLine said the record is complete
    if (header === undefined) {
      header = fields.map((name) => name.trim());
      return;
    }
    if (fields.length > header.length) {
      sink.unpriced({
        line: startLine,
        shape: "flat",
        model: null,
        error: new PricebookError(
          "INVALID_RECORD",
          ["record"],
          `the row has ${fields.length} fields but the header has ${header.length}`,
        ),
        dimensions: {},
      });
      return;
    }
    const record: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const value = fields[i] as string;
      if (value === "") continue;
      const name = header[i] as string;
      record[name] = USAGE_COLUMNS.has(name) && /^\d{1,16}$/.test(value) ? Number(value) : value;
    }
    pricer(record, startLine, sink);
  };
}

/** Stdin or an unnamed file: JSON lines when the first line starts with `{` or `[`, else CSV. */
function sniffer(pricer: Pricer, sink: PricerSink): LineHandler {
  let handler: LineHandler | undefined;
  return (text, line) => {
    if (handler === undefined) {
      if (text === undefined || text.trim() === "") return;
      handler = /^\s*[[{]/.test(text)
        ? (t, l) => {
            if (t !== undefined) pricer(t, l, sink);
          }
        : csvReader(pricer, sink);
    }
    handler(text, line);
  };
}

/** A `.json` file: one document (an OTLP export, or an array of records), else JSON lines. */
async function priceDocument(
  read: Parameters<typeof forEachLine>[0],
  progress: ReadProgress,
  pricer: Pricer,
  sink: PricerSink,
  stop: () => boolean,
): Promise<void> {
  const lines: string[] = [];
  let chars = 0;
  await forEachLine(read, progress, (text) => {
    chars += text.length + 1;
    if (chars > MAX_DOCUMENT_CHARS) {
      throw new PricebookError(
        "LIMIT_EXCEEDED",
        [read.path],
        `${read.path} is larger than ${MAX_DOCUMENT_CHARS / 1024 / 1024} MB; write the log as JSON lines (.jsonl), which are read one line at a time`,
      );
    }
    lines.push(text);
    return true;
  });
  let document: unknown;
  try {
    document = JSON.parse(lines.join("\n"));
  } catch {
    for (let i = 0; i < lines.length && !stop(); i++) pricer(lines[i] as string, i + 1, sink);
    return;
  }
  if (Array.isArray(document)) {
    for (let i = 0; i < document.length && !stop(); i++) pricer(document[i], i + 1, sink);
  } else {
    pricer(document, 1, sink);
  }
}

interface RowWriter {
  priced(facts: PricedFacts): void;
  unpriced(failure: RecordFailure): void;
  close(keep: boolean): void;
}

/** Writes every row to `.partial` beside the target, renamed into place once complete. */
function openRowWriter(
  path: string,
  groupBy: readonly string[],
  inputs: readonly string[],
): RowWriter {
  const lower = path.toLowerCase();
  const csv = lower.endsWith(".csv");
  if (!csv && !/\.(jsonl|ndjson|json)$/.test(lower)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--out"],
      `--out: expected a .jsonl or .csv file name, got ${JSON.stringify(path)}`,
    );
  }
  checkOutputTarget(path, inputs);
  const { fd, partial } = openTemporary(path);
  const extra = groupBy.filter((key) => !(OUT_COLUMNS as readonly string[]).includes(key));
  let buffer = csv ? `${[...OUT_COLUMNS, ...extra, "dimensions"].map(csvCell).join(",")}\n` : "";
  const flush = () => {
    try {
      writeSync(fd, buffer);
    } catch (error) {
      throw new PricebookError(
        "IO_ERROR",
        ["--out"],
        `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
    buffer = "";
  };
  const add = (row: ReturnType<typeof pricedRow> | ReturnType<typeof unpricedRow>) => {
    if (csv) {
      const flat: Record<string, unknown> = row.ok ? { ...row, ...row.tokens } : { ...row };
      const cells = OUT_COLUMNS.map((column) => csvCell(flat[column]));
      // Own keys only: a record's __proto__ is data, never a source of other columns.
      for (const key of extra) {
        cells.push(csvCell(Object.hasOwn(row.dimensions, key) ? row.dimensions[key] : undefined));
      }
      cells.push(csvCell(JSON.stringify(row.dimensions)));
      buffer += `${cells.join(",")}\n`;
    } else {
      buffer += `${JSON.stringify(row)}\n`;
    }
    if (buffer.length > 1 << 20) flush();
  };
  return {
    priced: (facts) => add(pricedRow(facts)),
    unpriced: (failure) => add(unpricedRow(failure)),
    close(keep) {
      try {
        if (keep) flush();
      } finally {
        closeSync(fd);
        if (keep) renameSync(partial, path);
        else rmSync(partial, { force: true });
      }
    },
  };
}

/** Token counts up to 2^53 − 1 are JSON numbers; larger ones decimal strings (docs/billing.md). */
function jsonTokens(tokens: number | bigint): number | string {
  return typeof tokens === "bigint" ? tokens.toString() : tokens;
}

function jsonReport(summary: PricedSummary) {
  return {
    rows: summary.rows,
    priced: summary.priced,
    unpriced: summary.unpriced,
    usd: summary.usd,
    tokens: jsonTokens(summary.tokens),
    groups: summary.groups.map((group) => ({ ...group, tokens: jsonTokens(group.tokens) })),
    errors: summary.errors,
    errorsOmitted: summary.errorsOmitted,
  };
}

function textReport(summary: PricedSummary, groupBy: readonly string[]): string {
  const rows: string[][] = [["group", "rows", "unpriced", "tokens", "usd"]];
  if (groupBy.length > 0) {
    for (const group of summary.groups) {
      const key = groupBy
        .map(
          (name) =>
            `${name}=${Object.hasOwn(group.key, name) ? shown(group.key[name]) : "(missing)"}`,
        )
        .join(" ");
      rows.push([key, `${group.rows}`, `${group.unpriced}`, `${group.tokens}`, group.usd]);
    }
  }
  rows.push(["total", `${summary.rows}`, `${summary.unpriced}`, `${summary.tokens}`, summary.usd]);
  // A loop, not Math.max(...rows): a spread of a million groups overflows the call stack.
  const widths = [0, 0, 0, 0, 0];
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) {
      widths[i] = Math.max(widths[i] as number, (row[i] as string).length);
    }
  }
  const lines = rows.map((row) =>
    row
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number),
      )
      .join("  "),
  );
  if (summary.unpriced > 0) {
    lines.push(
      "",
      `${summary.unpriced} row(s) could not be priced (never counted as 0):`,
      ...summary.errors.map((e) => `  line ${e.line}: ${e.code} ${printable(e.message)}`),
    );
    if (summary.errorsOmitted > 0) lines.push(`  … and ${summary.errorsOmitted} more`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A key value for the terminal: plain text as is, anything else (or odd characters, or text
 * that reads as a number or a JSON literal) quoted, so 1234 and "1234", null and "null" differ.
 */
function shown(value: unknown): string {
  if (
    typeof value === "string" &&
    /^[\w.:@/+-]+$/.test(value) &&
    !/^(-?\d+(\.\d+)?([eE][+-]?\d+)?|null|true|false)$/.test(value)
  ) {
    return value;
  }
  return printable(JSON.stringify(value) ?? "null");
}

/** Control and bidirectional-override characters escaped, so a log cannot drive the terminal. */
function printable(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const unsafe =
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x2028 && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    if (!unsafe) continue;
    out += `${text.slice(from, i)}\\u${c.toString(16).padStart(4, "0")}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The progress line on a terminal: rows, rows/s, % of bytes and ETA, at most 4 times a second. */
function progressMeter(write: (text: string) => void, progress: ReadProgress) {
  const start = performance.now();
  let last = start;
  const line = (rows: number, now: number) => {
    const seconds = (now - start) / 1000;
    const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
    let text = `price: ${rows.toLocaleString("en-US")} rows, ${rate.toLocaleString("en-US")} rows/s`;
    if (progress.size !== null && progress.size > 0) {
      const fraction = Math.min(1, progress.bytes / progress.size);
      const eta = fraction > 0 ? (seconds * (1 - fraction)) / fraction : 0;
      text += `, ${Math.floor(fraction * 100)}% of ${(progress.size / 1e6).toFixed(1)} MB, ETA ${Math.ceil(eta)}s`;
    }
    return text;
  };
  return {
    tick(rows: number) {
      if ((rows & 4095) !== 0) return;
      const now = performance.now();
      if (now - last < 250) return;
      last = now;
      write(`\r${line(rows, now)}\u001b[K`);
    },
    finish(rows: number) {
      write(`\r${line(rows, performance.now())}, done\u001b[K\n`);
    },
  };
}

/** `price`. */
export const priceCommand: Command = {
  summary:
    "price a usage log (JSONL, CSV, .gz, provider responses, OpenTelemetry GenAI spans): exact totals per group; exit 1 if any row is unpriced",
  usage:
    "price <FILE|-> [--table ID|FILE|auto] [--group-by KEY[,KEY]] [--out PRICED.jsonl|.csv] [--shape SHAPE] [--as-of DATE] [--strict] [--allow-unpriced] [--json]",
  flags: {
    table: "value",
    "group-by": "value",
    out: "value",
    shape: "value",
    "as-of": "value",
    strict: "switch",
    "allow-unpriced": "switch",
    json: "switch",
  },
  run: runPrice,
};
