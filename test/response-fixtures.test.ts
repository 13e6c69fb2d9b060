// Issue 20: three bodies per reader in test/fixtures/responses/<shape>/, written from each API's
// published reference, priced through the log reader (no shape named, --table auto) at the
// built-in tables' rates, each figure computed by hand beside it. Models no built-in table
// prices (DeepSeek, Moonshot, Cohere, transcription) are checked by the usage they read to.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinPricebook, type PriceRow, priceRecords } from "../src/index.js";
import { readResponse } from "../src/usage/readResponse.js";

const book = builtinPricebook();
const body = (path: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/responses/${path}`, import.meta.url), "utf8"));
const priced = (path: string): string => {
  const [row] = [...priceRecords(book, [body(path)], { asOf: "2026-09-15", table: "auto" })];
  const r = row as PriceRow;
  return r.ok ? r.usd : (r.code as string);
};

// [fixture, shape it is read as, USD or error code]
const PRICED: [string, string, string][] = [
  // gpt-4o 2.5 / 10 per M: 1000 × 2.5/M + 200 × 10/M = 0.0025 + 0.002
  ["openai-chat/plain.json", "openai-chat", "0.0045"],
  // 86 × 2.5/M + 1920 cached × 1.25/M + 300 × 10/M = 0.000215 + 0.0024 + 0.003
  ["openai-chat/cached.json", "openai-chat", "0.005615"],
  // o3 2 / 8: 500 × 2/M + 1500 (1200 reasoning) × 8/M = 0.001 + 0.012
  ["openai-chat/stream-chunk.json", "openai-chat", "0.013"],
  // gpt-4.1 2 / 8: 4000 × 2/M + 500 × 8/M = 0.008 + 0.004
  ["openai-responses/plain.json", "openai-responses", "0.012"],
  // o3, cached 0.5: 2000 × 2/M + 8000 × 0.5/M + 3000 × 8/M = 0.004 + 0.004 + 0.024
  ["openai-responses/cached-reasoning.json", "openai-responses", "0.032"],
  // gpt-5.6, cache write 6.25: 2000 × 5/M + 1000 × 6.25/M + 200 × 30/M = 0.01 + 0.00625 + 0.006
  ["openai-responses/completed-event.json", "openai-responses", "0.02225"],
  // gpt-realtime 4 / 16, cached 0.4, audio 32 in / 64 out: 96 × 4/M + 1088 × 0.4/M + 305 × 32/M
  // + 90 × 16/M + 285 × 64/M = 0.000384 + 0.0004352 + 0.00976 + 0.00144 + 0.01824
  ["openai-realtime/response-done.json", "openai-realtime", "0.0302592"],
  // 200 × 4/M + 100 × 16/M = 0.0008 + 0.0016
  ["openai-realtime/text-only.json", "openai-realtime", "0.0024"],
  // 100 cached audio tokens: no cached-audio rate in the table, never the cached-text one
  ["openai-realtime/cached-audio.json", "openai-realtime", "UNPRICED_USAGE"],
  // text-embedding-3-small 0.02 per M: 5000 × 0.02/M; 123456 × 0.02/M; 4 × 0.02/M
  ["openai-embeddings/small.json", "openai-embeddings", "0.0001"],
  ["openai-embeddings/batch.json", "openai-embeddings", "0.00246912"],
  ["openai-embeddings/bare-usage.json", "openai-embeddings", "0.00000008"],
  // claude-sonnet-4 3 / 15: 1000 × 3/M + 300 × 15/M = 0.003 + 0.0045
  ["anthropic/plain.json", "anthropic", "0.0075"],
  // 100 × 3/M + 5000 read × 0.3/M + 1000 5m writes × 3.75/M + 2000 1h writes × 6/M + 800 × 15/M
  // = 0.0003 + 0.0015 + 0.00375 + 0.012 + 0.012
  ["anthropic/cache-1h-thinking.json", "anthropic", "0.02955"],
  // 2100 × 3/M + 520 × 15/M + 2 searches × 0.01 (the fetch is free) = 0.0063 + 0.0078 + 0.02
  ["anthropic/web-search-delta.json", "anthropic", "0.0341"],
  // Bedrock claude-sonnet-4 3 / 15, read 0.3, write 3.75
  ["bedrock-converse/plain.json", "bedrock-converse", "0.0075"],
  // 100 × 3/M + 1500 × 0.3/M + 200 × 3.75/M + 20 × 15/M = 0.0003 + 0.00045 + 0.00075 + 0.0003
  ["bedrock-converse/cached.json", "bedrock-converse", "0.0018"],
  // 400 × 3/M + 50 × 15/M = 0.0012 + 0.00075
  ["bedrock-converse/stream-metadata.json", "bedrock-converse", "0.00195"],
  // gemini-2.5-flash 0.3 / 2.5, cached 0.03: 1000 × 0.3/M + 200 × 2.5/M = 0.0003 + 0.0005
  ["gemini/plain.json", "gemini", "0.0008"],
  // 200 × 0.3/M + 1000 × 0.03/M + (80 + 400 thinking) × 2.5/M = 0.00006 + 0.00003 + 0.0012
  ["gemini/cached-thinking.json", "gemini", "0.00129"],
  // 200 image tokens: the google table states no image-input rate
  ["gemini/audio-image.json", "gemini", "UNPRICED_USAGE"],
  // 1000 × 0.3/M + 400 × 2.5/M = 0.0003 + 0.001
  ["gemini-live/usage.json", "gemini-live", "0.0013"],
  // 2000 × 0.3/M + (100 + 300 thinking) × 2.5/M = 0.0006 + 0.001
  ["gemini-live/thinking.json", "gemini-live", "0.0016"],
  // 500 audio output tokens: gemini-2.5-flash has no audio-output rate
  ["gemini-live/audio-out.json", "gemini-live", "UNPRICED_USAGE"],
  // grok-3 3 / 15, cached 0.75: 1000 × 3/M + 200 × 15/M = 0.003 + 0.003
  ["xai/plain.json", "xai", "0.006"],
  // total 1150 = 1000 + 100 + 50: reasoning beside completion. 200 × 3/M + 800 × 0.75/M
  // + 150 × 15/M = 0.0006 + 0.0006 + 0.00225
  ["xai/cached-reasoning.json", "xai", "0.00345"],
  // 5 live-search sources, billed per source: no rate kind
  ["xai/live-search.json", "xai", "UNPRICED_USAGE"],
  // magistral-medium-2509 2 / 5: 1000 × 2/M + 200 × 5/M = 0.002 + 0.001
  ["mistral/plain.json", "openai-chat", "0.003"],
  // 1024 cache reads: the mistral table has no cache price
  ["mistral/cached.json", "mistral", "UNPRICED_USAGE"],
  // audio billed by the second: no rate kind
  ["mistral/audio-seconds.json", "mistral", "UNPRICED_USAGE"],
  // gpt-4o: 200 × 2.5/M + 1000 cached × 1.25/M + 80 × 10/M = 0.0005 + 0.00125 + 0.0008
  ["ai-sdk/v6.json", "ai-sdk", "0.00255"],
  // 1000 × 2.5/M + 200 × 10/M = 0.0025 + 0.002 (v5 and v4 forms)
  ["ai-sdk/v5.json", "ai-sdk", "0.0045"],
  ["ai-sdk/v4.json", "ai-sdk", "0.0045"],
  // gpt-4o: 86 × 2.5/M + 1920 × 1.25/M + 300 × 10/M
  ["langchain/ai-message.json", "langchain", "0.005615"],
  // claude-sonnet-4: 100 × 3/M + 3000 × 0.3/M + 2000 × 3.75/M + 500 × 15/M
  // = 0.0003 + 0.0009 + 0.0075 + 0.0075
  ["langchain/anthropic-cache.json", "langchain", "0.0162"],
  // o3: 500 × 2/M + 1500 × 8/M
  ["langchain/serialized.json", "langchain", "0.013"],
];

// [fixture, shape, the usage it reads to (by hand from the body), or an error code]
const READ: [string, string, Record<string, unknown> | string][] = [
  [
    "openai-transcription/tokens.json",
    "openai-transcription",
    { input: 14, output: 3, audioInput: 10 },
  ],
  [
    "openai-transcription/audio-only.json",
    "openai-transcription",
    { input: 80, output: 20, audioInput: 80 },
  ],
  ["openai-transcription/duration.json", "openai-transcription", "UNPRICED_USAGE"],
  ["deepseek/plain.json", "deepseek", { input: 1000, output: 40, cachedInput: 0, reasoning: 0 }],
  [
    "deepseek/cache-hit.json",
    "deepseek",
    { input: 1000, output: 40, cachedInput: 768, reasoning: 0 },
  ],
  [
    "deepseek/reasoner.json",
    "deepseek",
    { input: 30, output: 500, cachedInput: 0, reasoning: 420 },
  ],
  ["moonshot/plain.json", "moonshot", { input: 900, output: 60, cachedInput: 0, reasoning: 0 }],
  ["moonshot/cached.json", "moonshot", { input: 900, output: 60, cachedInput: 512, reasoning: 0 }],
  [
    "moonshot/thinking.json",
    "moonshot",
    { input: 50, output: 700, cachedInput: 0, reasoning: 600 },
  ],
  ["cohere/chat.json", "cohere", { input: 65, output: 12 }],
  ["cohere/search-units.json", "cohere", "UNPRICED_USAGE"],
  ["cohere/embed-v1.json", "cohere", { input: 4, output: 0 }],
];

describe("response fixtures, priced by hand", () => {
  it.each(PRICED)("%s is read as %s and prices to %s", (path, shape, expected) => {
    expect(priced(path)).toBe(expected);
    if (!/^[A-Z_]+$/.test(expected)) expect(readResponse(body(path)).shape).toBe(shape);
  });

  it.each(READ)("%s is read as %s to the usage counted by hand", (path, shape, expected) => {
    if (typeof expected === "string") {
      expect(() => readResponse(body(path))).toThrow(expect.objectContaining({ code: expected }));
      return;
    }
    const read = readResponse(body(path));
    expect(read.shape).toBe(shape);
    expect(read.usage).toEqual(expected);
  });

  it("has at least three bodies for every reader", () => {
    const shapes = new Map<string, number>();
    for (const [path] of [...PRICED, ...READ]) {
      const dir = path.split("/")[0] as string;
      shapes.set(dir, (shapes.get(dir) ?? 0) + 1);
    }
    expect(shapes.size).toBe(16);
    for (const [dir, count] of shapes) expect(count, dir).toBeGreaterThanOrEqual(3);
  });
});
