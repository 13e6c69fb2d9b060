import { assertTable } from "../catalog/assertTable.js";
import { pricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import { escapeHtml } from "./escapeHtml.js";
import {
  type Cell,
  type ColumnKey,
  columnsOf,
  type Grid,
  type GridOptions,
  gridOf,
  type RateUnit,
  SECTION_COLUMNS,
  type TableSection,
} from "./grid.js";

/** The formats {@link renderTable} writes. */
export type TableFormat = "md" | "html" | "csv" | "json";

/** Options of {@link renderTable}. */
export interface RenderTableOptions extends GridOptions {
  /** Output format. Default `md`. */
  readonly format?: TableFormat;
}

const FORMATS: readonly TableFormat[] = ["md", "html", "csv", "json"];
const SECTIONS: readonly TableSection[] = ["variants", "workflows", "models"];
const UNITS: readonly RateUnit[] = ["token", "million"];

/**
 * Renders one of a table's lists for a docs page, as Markdown, HTML, CSV or JSON: the variants
 * with the source's columns, the workflows, or the models. Figures are in plain notation, rates
 * per token (as the BYOK page prints them) or per million tokens; credit columns on request.
 * Totals are computed from tokens × rates, so a figure the source misprinted comes out
 * corrected (see {@link auditTable}). HTML is one escaped `<table>` with a caption and header
 * scopes, and no script. JSON keeps amounts as decimal strings and token counts as integers.
 * Output is inert whatever the table's labels hold: Markdown escapes `&`, `<`, `>`, `|` and
 * line breaks; a CSV cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * CR first, not a plain number) gets a leading `'`.
 *
 * @example
 * renderTable(table, { format: "md" }).split("\n")[2];
 * //=> "| GPT-3.5 | 2800 | 1200 | 0.0000005 | 0.0000015 | 0.0032 |"
 */
export function renderTable(table: PricingTable, options: RenderTableOptions = {}): string {
  assertTable(table);
  if (typeof options !== "object" || options === null) {
    throw pricebookError("INVALID_ARGUMENT", ["options"], "expected an options object, or none");
  }
  const format = options.format ?? "md";
  if (!FORMATS.includes(format)) {
    throw invalid("format", format, FORMATS);
  }
  const section =
    options.section ?? (Object.keys(table.variants).length > 0 ? "variants" : "models");
  if (!SECTIONS.includes(section)) throw invalid("section", section, SECTIONS);
  const unit = options.rateUnit ?? (section === "models" ? "million" : "token");
  if (!UNITS.includes(unit)) throw invalid("rateUnit", unit, UNITS);
  const available = SECTION_COLUMNS[section] as readonly ColumnKey[];
  const keys =
    options.columns ??
    available.filter(
      (key) =>
        options.credits === true || (key !== "estimatedCredits" && key !== "publishedCredits"),
    );
  if (!Array.isArray(keys) || keys.length === 0) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["columns"],
      `expected a non-empty list of columns: ${available.join(", ")}`,
    );
  }
  const known = columnsOf(section);
  keys.forEach((key, index) => {
    if (typeof key !== "string" || !Object.hasOwn(known, key)) {
      throw pricebookError(
        "INVALID_ARGUMENT",
        ["columns", index],
        `no column ${JSON.stringify(key)} in ${section}; use ${available.join(", ")}`,
      );
    }
  });
  const grid = gridOf(table, section, keys, unit);
  if (format === "md") return markdown(grid);
  if (format === "csv") return csv(grid);
  if (format === "html") return html(grid);
  return json(grid, table);
}

function invalid(option: string, value: unknown, allowed: readonly string[]) {
  return pricebookError(
    "INVALID_ARGUMENT",
    [option],
    `unknown ${option} ${JSON.stringify(value)}; use one of ${allowed.join(", ")}`,
  );
}

const text = (cell: Cell) => (cell === null ? "" : String(cell));

/**
 * A Markdown cell that stays one inert cell: `&`, `<` and `>` as HTML entities (no tag or
 * entity of the table's text reaches the page), `\` and `|` escaped, CR and LF as spaces.
 */
function markdownCell(cell: Cell): string {
  return text(cell)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("\\", "\\\\")
    .replaceAll("|", "\\|")
    .replace(/\r\n?|\n/g, " ");
}

/** A plain decimal number, possibly negative: a figure, never a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A CSV field a spreadsheet cannot run (OWASP, CSV injection): a cell that begins with `=`,
 * `+`, `-`, `@`, a tab or a CR gets a leading `'`, unless it is a plain decimal number
 * (`-5`, `0.0032`), which a spreadsheet reads as a number. Then RFC 4180: a field with a
 * comma, quote or line break is quoted, its quotes doubled.
 */
function csvField(cell: Cell): string {
  const raw = text(cell);
  const value = /^[=+\-@\t\r]/.test(raw) && !PLAIN_NUMBER.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function markdown(grid: Grid): string {
  const escapeCell = markdownCell;
  const line = (cells: readonly Cell[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [
    line(grid.columns.map((column) => column.header)),
    `|${grid.columns.map((column) => (column.numeric ? "---:" : "---")).join("|")}|`,
    ...grid.rows.map(line),
  ].join("\n");
}

function csv(grid: Grid): string {
  const line = (cells: readonly Cell[]) => cells.map(csvField).join(",");
  return [line(grid.columns.map((column) => column.header)), ...grid.rows.map(line)].join("\r\n");
}

function html(grid: Grid): string {
  const head = grid.columns.map(
    (column) => `      <th scope="col">${escapeHtml(column.header)}</th>`,
  );
  const body = grid.rows.map((row) => {
    const cells = row.map((cell, index) => {
      const value = escapeHtml(text(cell));
      const numeric = grid.columns[index]?.numeric === true ? ' class="num"' : "";
      return index === 0
        ? `      <th scope="row">${value}</th>`
        : `      <td${numeric}>${value}</td>`;
    });
    return ["    <tr>", ...cells, "    </tr>"].join("\n");
  });
  return [
    `<table class="llm-pricebook ${grid.section}">`,
    `  <caption>${escapeHtml(grid.caption)}</caption>`,
    "  <thead>",
    "    <tr>",
    ...head,
    "    </tr>",
    "  </thead>",
    "  <tbody>",
    ...body,
    "  </tbody>",
    "</table>",
  ].join("\n");
}

function json(grid: Grid, table: PricingTable): string {
  const rows = grid.rows.map((row) =>
    Object.fromEntries(grid.columns.map((column, index) => [column.key, row[index] ?? null])),
  );
  return JSON.stringify(
    {
      table: table.provenance,
      section: grid.section,
      caption: grid.caption,
      columns: grid.columns.map(({ key, header }) => ({ key, header })),
      rows,
    },
    null,
    2,
  );
}
