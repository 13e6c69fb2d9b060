import { PricebookError } from "../errors.js";
import { parseScaled } from "../money/scaled.js";
import {
  createGroupTotals,
  type GroupTotals,
  type PricedSummary,
  type RowField,
} from "./groupTotals.js";
import type { PriceRow } from "./priceRecords.js";

export type { PricedGroup, PricedSummary, PriceError } from "./groupTotals.js";

/** Options of {@link summarizePriced}. */
export interface SummarizePricedOptions {
  /**
   * Dimension names to total by (`"customer"`, `["customer", "model"]`); `model`,
   * `resolvedModel`, `provider`, `table` and `day` name the row's own fields when no
   * dimension has that name. Default: one group of everything.
   */
  readonly groupBy?: string | readonly string[];
  /** How many unpriced rows to list in `errors` (the rest are counted). Default: 100. */
  readonly maxErrors?: number;
}

/**
 * Exact totals of priced rows (from {@link priceRecords}): rows, priced and unpriced counts,
 * tokens and USD, overall and per group, and the first unpriced rows with their line and
 * error code. Holds one running total per group, never the rows. Given an async iterable,
 * returns a promise.
 *
 * @throws PricebookError `INVALID_ARGUMENT` for rows that are not rows of priceRecords or bad
 *   options
 *
 * @example
 * const rows = priceRecords(builtinPricebook(), [
 *   { model: "o3", at: "2025-06-09", input: 1000, output: 100, customer: "acme" },
 *   { model: "o3", at: "2025-06-10", input: 1000, output: 100, customer: "acme" },
 *   { model: "o3", at: "2025-06-10", input: -1, output: 100, customer: "zeta" },
 * ]);
 * // 0.014 (10 / 40 per million) + 0.0028 (2 / 8 per million)
 * summarizePriced(rows, { groupBy: "customer" }).groups.map((g) => [g.key.customer, g.usd, g.unpriced]);
 * //=> [["acme", "0.0168", 0], ["zeta", "0", 1]]
 */
export function summarizePriced(
  rows: Iterable<PriceRow>,
  options?: SummarizePricedOptions,
): PricedSummary;
export function summarizePriced(
  rows: AsyncIterable<PriceRow>,
  options?: SummarizePricedOptions,
): Promise<PricedSummary>;
export function summarizePriced(
  rows: Iterable<PriceRow> | AsyncIterable<PriceRow>,
  options: SummarizePricedOptions = {},
): PricedSummary | Promise<PricedSummary> {
  if (typeof options !== "object" || options === null) {
    throw new PricebookError("INVALID_ARGUMENT", ["options"], "expected an options object");
  }
  const groupBy = options.groupBy === undefined ? [] : [options.groupBy].flat();
  if (groupBy.some((name) => typeof name !== "string" || name === "")) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["groupBy"],
      "groupBy: expected a dimension name or an array of them",
    );
  }
  const maxErrors = options.maxErrors ?? 100;
  if (!Number.isSafeInteger(maxErrors) || maxErrors < 0) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["maxErrors"],
      "maxErrors: expected a whole number, 0 or more",
    );
  }
  const totals = createGroupTotals(groupBy, maxErrors);
  if (typeof rows === "object" && rows !== null && Symbol.asyncIterator in rows) {
    return (async () => {
      for await (const row of rows as AsyncIterable<PriceRow>) addRow(totals, row);
      return totals.summary();
    })();
  }
  if (typeof rows !== "object" || rows === null || !(Symbol.iterator in rows)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["rows"],
      "expected the rows of priceRecords (an iterable)",
    );
  }
  for (const row of rows as Iterable<PriceRow>) addRow(totals, row);
  return totals.summary();
}

function addRow(totals: GroupTotals, row: PriceRow): void {
  if (typeof row !== "object" || row === null || typeof row.ok !== "boolean") {
    throw new PricebookError("INVALID_ARGUMENT", ["rows"], "expected rows of priceRecords");
  }
  if (row.ok) {
    if (typeof row.usd !== "string" || !/^\d+(\.\d+)?$/.test(row.usd)) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        ["rows", row.line, "usd"],
        "expected an exact decimal usd",
      );
    }
    const { int, scale } = parseScaled(row.usd);
    const fields = (name: RowField) => row[name];
    totals.addPriced(row.dimensions, fields, int, scale, row.tokens.input, row.tokens.output);
  } else {
    const fields = (name: RowField) => (name === "model" ? row.model : null);
    totals.addUnpriced(row.dimensions, fields, row.line, row.code, row.message);
  }
}
