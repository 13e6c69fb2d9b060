import type { Pricebook } from "../catalog/createPricebook.js";
import { GEN_AI } from "../records/otelAttributes.js";
import { type PriceRow, priceRecords } from "../records/priceRecords.js";
import type { PricingTable } from "../schema/types.js";
import { builtinPricebook } from "../tables/builtinPricebook.js";
import type { PriceUsageOptions } from "./priceUsage.js";

/** Options of {@link pricebookSpanProcessor}. */
export interface PricebookSpanProcessorOptions extends PriceUsageOptions {
  /** The prices: a pricebook or one table. Default: `builtinPricebook()`. */
  readonly pricebook?: Pricebook | PricingTable;
  /** The attribute the cost is written to, a decimal string of USD. Default: `gen_ai.usage.cost`. */
  readonly costAttribute?: string;
  /** The attribute the table version (`id@version`) is written to. Default: `llm_pricebook.table`. */
  readonly tableAttribute?: string;
  /** The attribute an unpriced span's error code is written to. Default: `llm_pricebook.error`. */
  readonly errorAttribute?: string;
  /** Called with each GenAI span's row: priced (`usd`, `table`) or not (`code`). */
  readonly onPrice?: (row: PriceRow) => void;
}

/** The part of an SDK span the processor reads and writes (the SDK's `Span` fits it). */
export interface PricedSpanLike {
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly startTime: readonly [number, number];
  spanContext(): { readonly traceId: string; readonly spanId: string };
  setAttribute(key: string, value: string): unknown;
}

/**
 * A span processor, structurally the `SpanProcessor` of `@opentelemetry/sdk-trace-base`. The
 * attributes are written in `onEnding`, which the SDK calls while the span is still writable
 * (a span is read-only by `onEnd`), so exporters see them whatever the processor order.
 */
export interface PricebookSpanProcessor {
  onStart(span: unknown, context: unknown): void;
  onEnding(span: PricedSpanLike): void;
  onEnd(span: unknown): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * An OpenTelemetry span processor that prices each span carrying GenAI semantic-convention
 * usage (`gen_ai.usage.input_tokens`, `output_tokens`, cache reads and writes, reasoning) as
 * `priceRecords` prices it, at the span's start day, and sets `gen_ai.usage.cost` (the
 * attribute Langfuse and OpenLIT read) to the exact USD as a decimal string and
 * `llm_pricebook.table` to the table version; an unpriced span gets `llm_pricebook.error` set
 * to its code instead, never a cost of 0. Other spans are left alone.
 *
 * @example
 * // o3 at openai@2025-06-10 (2 / 8 per million): 1000 × 0.000002 + 100 × 0.000008
 * const attributes: Record<string, unknown> = { "gen_ai.request.model": "o3", "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.output_tokens": 100 };
 * const span = { attributes, startTime: [1749643200, 0] as const, spanContext: () => ({ traceId: "5b8e", spanId: "eee1" }), setAttribute: (key: string, value: string) => { attributes[key] = value; } };
 * pricebookSpanProcessor().onEnding(span);
 * [attributes["gen_ai.usage.cost"], attributes["llm_pricebook.table"]];
 * //=> ["0.0028", "openai@2025-06-10"]
 */
export function pricebookSpanProcessor(
  options: PricebookSpanProcessorOptions = {},
): PricebookSpanProcessor {
  const costAttribute = options.costAttribute ?? "gen_ai.usage.cost";
  const tableAttribute = options.tableAttribute ?? "llm_pricebook.table";
  const errorAttribute = options.errorAttribute ?? "llm_pricebook.error";
  const recordOptions = {
    ...(options.table === undefined ? {} : { table: options.table }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    shape: "otel" as const,
  };
  return {
    onStart() {},
    onEnding(span) {
      const attributes = span.attributes;
      if (
        attributes[GEN_AI.inputTokens] === undefined &&
        attributes[GEN_AI.outputTokens] === undefined &&
        attributes[GEN_AI.promptTokens] === undefined
      ) {
        return;
      }
      const source = options.pricebook ?? builtinPricebook();
      for (const row of priceRecords(source, [span], recordOptions)) {
        if (row.ok) {
          span.setAttribute(costAttribute, row.usd);
          span.setAttribute(tableAttribute, row.table);
        } else {
          span.setAttribute(errorAttribute, row.code);
        }
        options.onPrice?.(row);
      }
    },
    onEnd() {},
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}
