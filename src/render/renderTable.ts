import { pricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import { type Grid, gridOf, type TableSection } from "./grid.js";

/** The formats {@link renderTable} writes. */
export type TableFormat = "md";

/** Options of {@link renderTable}. */
export interface RenderTableOptions {
  /** Output format. Default `md`. */
  readonly format?: TableFormat;
  /** Which list to render. Default: `variants` when the table has any, else `models`. */
  readonly section?: TableSection;
}

const FORMATS: readonly TableFormat[] = ["md"];
const SECTIONS: readonly TableSection[] = ["variants", "workflows", "models"];

/**
 * Renders one of a table's lists for a docs page, with the source's columns and its figures
 * in plain notation (`0.00000015`). Totals are computed from tokens × rates, so a figure the
 * source misprinted comes out corrected (see {@link auditTable}).
 *
 * @example
 * renderTable(table, { format: "md" }).split("\n")[2];
 * //=> "| GPT-3.5 | 2800 | 1200 | 0.0000005 | 0.0000015 | 0.0032 |"
 */
export function renderTable(table: PricingTable, options: RenderTableOptions = {}): string {
  const format = options.format ?? "md";
  if (!FORMATS.includes(format)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["format"],
      `unknown format ${JSON.stringify(format)}; use one of ${FORMATS.join(", ")}`,
    );
  }
  const section =
    options.section ?? (Object.keys(table.variants).length > 0 ? "variants" : "models");
  if (!SECTIONS.includes(section)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["section"],
      `unknown section ${JSON.stringify(section)}; use one of ${SECTIONS.join(", ")}`,
    );
  }
  return markdown(gridOf(table, section));
}

function markdown(grid: Grid): string {
  const cell = (text: string) =>
    text.replaceAll("\\", "\\\\").replaceAll("|", "\\|").replaceAll("\n", " ");
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [
    line(grid.columns.map((column) => column.header)),
    `|${grid.columns.map((column) => (column.numeric ? "---:" : "---")).join("|")}|`,
    ...grid.rows.map(line),
  ].join("\n");
}
