import { generateText, streamText, wrapLanguageModel } from "ai";
import { MockLanguageModelV3, simulateReadableStream } from "ai/test";
import { describe, expect, it } from "vitest";
import { builtinPricebook, charge, tableAsOf } from "../src/index.js";
import {
  type AiSdkChargeEvent,
  pricebookMiddleware,
} from "../src/integrations/pricebookMiddleware.js";

// claude-sonnet-4 (anthropic@2025-01-01): input 3, cache read 0.30, cache write 3.75, output 15
// per million. 200 × 0.000003 + 1000 × 0.0000003 + 300 × 0.00000375 + 200 × 0.000015
// = 0.0006 + 0.0003 + 0.001125 + 0.003 = 0.005025
const USAGE = {
  inputTokens: { total: 1500, noCache: 200, cacheRead: 1000, cacheWrite: 300 },
  outputTokens: { total: 200, text: 200, reasoning: 0 },
};
const MODEL = "claude-sonnet-4-20250514";
const ASOF = "2025-06-11";

function mock(usage: unknown = USAGE, modelId = MODEL) {
  return new MockLanguageModelV3({
    modelId,
    doGenerate: async () => ({
      content: [{ type: "text", text: "hi" }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: usage as typeof USAGE,
      warnings: [],
    }),
    doStream: async () => ({
      stream: simulateReadableStream({
        chunks: [
          { type: "text-start", id: "1" },
          { type: "text-delta", id: "1", delta: "hi" },
          { type: "text-end", id: "1" },
          {
            type: "finish",
            finishReason: { unified: "stop", raw: "stop" },
            usage: usage as typeof USAGE,
          },
        ],
      }),
    }),
  } as ConstructorParameters<typeof MockLanguageModelV3>[0]);
}

describe("pricebookMiddleware (Vercel AI SDK)", () => {
  const expected = charge(tableAsOf(builtinPricebook(), "anthropic", { asOf: ASOF }), MODEL, {
    input: 1500,
    output: 200,
    cachedInput: 1000,
    cacheWrite: 300,
  }).usd;

  it("prices generateText exactly, to the callback and the provider metadata", async () => {
    const events: AiSdkChargeEvent[] = [];
    const model = wrapLanguageModel({
      model: mock(),
      middleware: pricebookMiddleware({ asOf: ASOF, onCharge: (event) => events.push(event) }),
    });
    const result = await generateText({ model, prompt: "hello" });
    expect(expected).toBe("0.005025");
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.ok && [event.usd, event.table, event.model, event.type]).toEqual([
      "0.005025",
      "anthropic@2025-01-01",
      MODEL,
      "generate",
    ]);
    expect(result.providerMetadata?.llmPricebook).toEqual({
      usd: "0.005025",
      table: "anthropic@2025-01-01",
    });
  });

  it("prices streamText exactly once, at the finish part", async () => {
    const events: AiSdkChargeEvent[] = [];
    const model = wrapLanguageModel({
      model: mock(),
      middleware: pricebookMiddleware({ asOf: ASOF, onCharge: (event) => events.push(event) }),
    });
    const result = streamText({ model, prompt: "hello" });
    expect(await result.text).toBe("hi");
    expect(await result.providerMetadata).toEqual({
      llmPricebook: { usd: "0.005025", table: "anthropic@2025-01-01" },
    });
    expect(events.map((e) => e.ok && [e.usd, e.type])).toEqual([["0.005025", "stream"]]);
  });

  it("reports an unknown model's code, never a 0", async () => {
    const events: AiSdkChargeEvent[] = [];
    const model = wrapLanguageModel({
      model: mock(USAGE, "no-such-model"),
      middleware: pricebookMiddleware({ asOf: ASOF, onCharge: (event) => events.push(event) }),
    });
    const result = await generateText({ model, prompt: "hello" });
    expect(events.map((e) => (e.ok ? e.usd : e.code))).toEqual(["UNKNOWN_MODEL"]);
    expect(result.providerMetadata?.llmPricebook).toMatchObject({ code: "UNKNOWN_MODEL" });
  });

  it("reports a usage without counts as unpriced", async () => {
    const events: AiSdkChargeEvent[] = [];
    const model = wrapLanguageModel({
      model: mock({
        inputTokens: {
          total: undefined,
          noCache: undefined,
          cacheRead: undefined,
          cacheWrite: undefined,
        },
        outputTokens: { total: undefined, text: undefined, reasoning: undefined },
      }),
      middleware: pricebookMiddleware({ asOf: ASOF, onCharge: (event) => events.push(event) }),
    });
    await generateText({ model, prompt: "hello" });
    expect(events.map((e) => e.ok)).toEqual([false]);
  });

  it("prices at the service tier OpenAI's provider metadata states, with a fixed table", async () => {
    const events: AiSdkChargeEvent[] = [];
    const base = mock(
      {
        inputTokens: { total: 1000, noCache: 1000, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: 100, text: 100, reasoning: 0 },
      },
      "gpt-4.1",
    );
    const inner = base.doGenerate.bind(base);
    base.doGenerate = async (options) => ({
      ...(await inner(options)),
      providerMetadata: { openai: { serviceTier: "batch" } },
    });
    const model = wrapLanguageModel({
      model: base,
      middleware: pricebookMiddleware({
        table: "openai",
        asOf: ASOF,
        onCharge: (e) => events.push(e),
      }),
    });
    await generateText({ model, prompt: "hello" });
    const table = tableAsOf(builtinPricebook(), "openai", { asOf: ASOF });
    const batch = charge(
      table,
      "gpt-4.1",
      { input: 1000, output: 100 },
      { serviceTier: "batch" },
    ).usd;
    // gpt-4.1 batch (1 / 4 per million, half of standard): 1000 × 0.000001 + 100 × 0.000004
    expect(batch).toBe("0.0014");
    expect(events.map((e) => e.ok && e.usd)).toEqual(["0.0014"]);
  });
});
