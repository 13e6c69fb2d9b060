import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { builtinPricebook, charge, type PriceRow, priceRecords, tableAsOf } from "../src/index.js";
import { pricebookSpanProcessor } from "../src/integrations/pricebookSpanProcessor.js";

const START = new Date("2025-06-11T12:00:00Z");
// o3 at openai@2025-06-10: input 2, cached input 0.5, output 8 per million.
// 200 × 0.000002 + 1000 × 0.0000005 + 300 × 0.000008 = 0.0004 + 0.0005 + 0.0024 = 0.0033
const GENAI = {
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": "o3",
  "gen_ai.usage.input_tokens": 1200,
  "gen_ai.usage.cache_read.input_tokens": 1000,
  "gen_ai.usage.output_tokens": 300,
  "gen_ai.usage.reasoning.output_tokens": 100,
};

function traced(options: Parameters<typeof pricebookSpanProcessor>[0] = {}) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    // The exporter first: the cost is set in onEnding, before any processor's onEnd.
    spanProcessors: [new SimpleSpanProcessor(exporter), pricebookSpanProcessor(options)],
  });
  return { exporter, tracer: provider.getTracer("test") };
}

describe("pricebookSpanProcessor (OpenTelemetry)", () => {
  it("sets gen_ai.usage.cost to charge(...) of the span's usage, and the table version", () => {
    const { exporter, tracer } = traced();
    const span = tracer.startSpan("chat o3", { startTime: START, attributes: GENAI });
    span.end();
    const [finished] = exporter.getFinishedSpans();
    const table = tableAsOf(builtinPricebook(), "openai", { asOf: "2025-06-11" });
    const expected = charge(table, "o3", {
      input: 1200,
      cachedInput: 1000,
      output: 300,
      reasoning: 100,
    }).usd;
    expect(expected).toBe("0.0033");
    expect(finished?.attributes["gen_ai.usage.cost"]).toBe("0.0033");
    expect(finished?.attributes["llm_pricebook.table"]).toBe("openai@2025-06-10");
  });

  it("writes an unpriced span's code, never a cost of 0; leaves other spans alone", () => {
    const rows: PriceRow[] = [];
    const { exporter, tracer } = traced({
      costAttribute: "cost.usd",
      onPrice: (row) => rows.push(row),
    });
    tracer
      .startSpan("chat", {
        startTime: START,
        attributes: { ...GENAI, "gen_ai.request.model": "nope-1" },
      })
      .end();
    tracer.startSpan("GET /", { startTime: START, attributes: { "http.method": "GET" } }).end();
    const [unpriced, http] = exporter.getFinishedSpans();
    expect(unpriced?.attributes["cost.usd"]).toBeUndefined();
    expect(unpriced?.attributes["llm_pricebook.error"]).toBe("UNKNOWN_MODEL");
    expect(http?.attributes).toEqual({ "http.method": "GET" });
    expect(rows.map((row) => (row.ok ? row.usd : row.code))).toEqual(["UNKNOWN_MODEL"]);
  });

  it("priceRecords reads the SDK's in-memory spans, with traceId and spanId", () => {
    const exporter = new InMemorySpanExporter();
    const tracer = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    }).getTracer("test");
    tracer.startSpan("chat o3", { startTime: START, attributes: GENAI }).end();
    const spans = exporter.getFinishedSpans();
    const [row] = [...priceRecords(builtinPricebook(), spans)];
    const context = spans[0]?.spanContext();
    expect(row?.ok && [row.usd, row.table, row.day]).toEqual([
      "0.0033",
      "openai@2025-06-10",
      "2025-06-11",
    ]);
    expect(row?.dimensions.traceId).toBe(context?.traceId);
    expect(row?.dimensions.spanId).toBe(context?.spanId);
  });

  it("rows from an OTLP/JSON export carry traceId and spanId", () => {
    const span = (spanId: string) => ({
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId,
      startTimeUnixNano: "1749643200000000000",
      attributes: Object.entries(GENAI).map(([key, value]) => ({
        key,
        value: typeof value === "string" ? { stringValue: value } : { intValue: String(value) },
      })),
    });
    const otlp = {
      resourceSpans: [
        { scopeSpans: [{ spans: [span("eee19b7ec3c1b174"), span("eee19b7ec3c1b175")] }] },
      ],
    };
    const rows = [...priceRecords(builtinPricebook(), [otlp])];
    expect(
      rows.map((row) => [row.ok && row.usd, row.dimensions.traceId, row.dimensions.spanId]),
    ).toEqual([
      ["0.0033", "5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174"],
      ["0.0033", "5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b175"],
    ]);
  });
});
