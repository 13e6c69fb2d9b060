import type { Pricebook } from "../catalog/createPricebook.js";
import type { ResolvedBy } from "../catalog/resolveName.js";
import { PricebookError, type PricebookErrorCode } from "../errors.js";
import { formatScaled } from "../money/scaled.js";
import type { PricingTable } from "../schema/types.js";
import type { Dimension, RecordShape } from "./readRecord.js";
import {
  createRecordPricer,
  type PricedFacts,
  type PriceRecordsOptions,
  type RecordFailure,
} from "./recordPricer.js";

export type { PriceRecordsOptions } from "./recordPricer.js";

/** The tokens of a priced row, in the library's convention (parts inside their totals). */
export interface RowTokens {
  readonly input: number;
  readonly output: number;
  readonly cachedInput: number;
  readonly cacheWrite: number;
  readonly cacheWrite1h: number;
  readonly reasoning: number;
}

/** A record priced: its usage's exact cost and how it was found. */
export interface PricedRow {
  readonly ok: true;
  /** The record's line (1-based position in the input; a whole OTLP export is one line). */
  readonly line: number;
  readonly shape: RecordShape;
  /** The model as the record gives it. */
  readonly model: string;
  /** The model it resolved to. */
  readonly resolvedModel: string;
  readonly provider: string;
  /** The UTC day the record was priced at (its `at`, else the `asOf` option). */
  readonly day: string;
  /** The exact USD, equal to `charge(table, model, usage).usd`. */
  readonly usd: string;
  /** The table version priced against, `id@version`. */
  readonly table: string;
  readonly resolvedBy: ResolvedBy;
  readonly tokens: RowTokens;
  /** The record's other fields (customer, project…; a span's other attributes). */
  readonly dimensions: Readonly<Record<string, Dimension>>;
}

/** A record that could not be priced: never priced at 0, never dropped. */
export interface UnpricedRow {
  readonly ok: false;
  readonly line: number;
  readonly shape: RecordShape | null;
  readonly model: string | null;
  readonly code: PricebookErrorCode;
  readonly message: string;
  readonly dimensions: Readonly<Record<string, Dimension>>;
}

/** One row of {@link priceRecords}. */
export type PriceRow = PricedRow | UnpricedRow;

/**
 * Prices a log of usage records, one row per usage, lazily: memory stays flat whatever the
 * input size. Each record may be a flat record (`{ model, at?, input, output, cachedInput?,
 * cacheWrite?, cacheWrite1h?, reasoning?, serviceTier?, …dimensions }`), an OpenAI (chat or
 * Responses), Anthropic or Gemini response (or `{ model, usage }`), an OpenTelemetry GenAI
 * span or a whole OTLP/JSON export (one row per GenAI span), or a JSON text of any of these.
 * The shape is detected per record unless `shape` is given. A record's `at` (a span's start
 * time; a response's `created`) picks the table version in force that UTC day. A record that
 * cannot be priced (bad JSON, no model, an unknown model, bad or unpriced usage, no table in
 * effect) yields an {@link UnpricedRow} with its error code. Given an async iterable, returns
 * an async iterable.
 *
 * @throws PricebookError `INVALID_ARGUMENT` for a bad source, options or records argument;
 *   `UNKNOWN_TABLE` for a `table` option the pricebook lacks
 *
 * @example
 * // o3 on 2025-06-11 (2 / 8 per million): 1000 × 0.000002 + 100 × 0.000008
 * const [row] = priceRecords(builtinPricebook(), [{ model: "o3", at: "2025-06-11", input: 1000, output: 100, customer: "acme" }]);
 * [row.usd, row.table, row.dimensions.customer];
 * //=> ["0.0028", "openai@2025-06-10", "acme"]
 */
export function priceRecords(
  source: Pricebook | PricingTable,
  records: Iterable<unknown>,
  options?: PriceRecordsOptions,
): Iterable<PriceRow>;
export function priceRecords(
  source: Pricebook | PricingTable,
  records: AsyncIterable<unknown>,
  options?: PriceRecordsOptions,
): AsyncIterable<PriceRow>;
export function priceRecords(
  source: Pricebook | PricingTable,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: PriceRecordsOptions = {},
): Iterable<PriceRow> | AsyncIterable<PriceRow> {
  const pricer = createRecordPricer(source, options);
  if (typeof records === "object" && records !== null && Symbol.asyncIterator in records) {
    return priceAsync(pricer, records as AsyncIterable<unknown>);
  }
  if (typeof records !== "object" || records === null || !(Symbol.iterator in records)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["records"],
      "expected an iterable or async iterable of records (objects or JSON lines)",
    );
  }
  return priceSync(pricer, records as Iterable<unknown>);
}

function* priceSync(
  pricer: ReturnType<typeof createRecordPricer>,
  records: Iterable<unknown>,
): Generator<PriceRow> {
  const pending: PriceRow[] = [];
  const sink = rowSink(pending);
  let line = 0;
  for (const record of records) {
    line += 1;
    pricer(record, line, sink);
    yield* pending;
    pending.length = 0;
  }
}

async function* priceAsync(
  pricer: ReturnType<typeof createRecordPricer>,
  records: AsyncIterable<unknown>,
): AsyncGenerator<PriceRow> {
  const pending: PriceRow[] = [];
  const sink = rowSink(pending);
  let line = 0;
  for await (const record of records) {
    line += 1;
    pricer(record, line, sink);
    yield* pending;
    pending.length = 0;
  }
}

function rowSink(pending: PriceRow[]) {
  return {
    priced: (facts: PricedFacts) => pending.push(pricedRow(facts)),
    unpriced: (failure: RecordFailure) => pending.push(unpricedRow(failure)),
  };
}

/** The row of a priced usage. @internal */
export function pricedRow(facts: PricedFacts): PricedRow {
  const { used, table, resolved } = facts;
  return {
    ok: true,
    line: facts.line,
    shape: facts.shape,
    model: facts.model,
    resolvedModel: resolved.model.id,
    provider: resolved.model.provider,
    day: facts.day,
    usd: formatScaled(facts.total, facts.scale),
    table: `${table.id}@${table.version}`,
    resolvedBy: resolved.resolvedBy,
    tokens: {
      input: used.input,
      output: used.output,
      cachedInput: used.cachedInput,
      cacheWrite: used.cacheWrite,
      cacheWrite1h: used.cacheWrite1h,
      reasoning: used.reasoning,
    },
    dimensions: facts.dimensions,
  };
}

/** The row of a record that could not be priced. @internal */
export function unpricedRow(failure: RecordFailure): UnpricedRow {
  return {
    ok: false,
    line: failure.line,
    shape: failure.shape,
    model: failure.model,
    code: failure.error.code,
    message: failure.error.message,
    dimensions: failure.dimensions,
  };
}
