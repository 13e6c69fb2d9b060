import { describe, expect, it } from "vitest";
import { charge, fromAnthropicUsage, fromGeminiUsage, fromOpenAIUsage } from "../src/index.js";
import { billingTable } from "./fixtures/tables.js";
import { caught } from "./helpers.js";

// Shapes as the providers return them (field names and nesting of their documented responses).
const openAIChat = {
  id: "chatcmpl-abc123",
  object: "chat.completion",
  model: "gpt-4o-2024-08-06",
  choices: [{ index: 0, message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }],
  usage: {
    prompt_tokens: 2006,
    completion_tokens: 300,
    total_tokens: 2306,
    prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
};

const openAIResponses = {
  id: "resp_123",
  object: "response",
  model: "o3-mini",
  usage: {
    input_tokens: 1000,
    input_tokens_details: { cached_tokens: 200 },
    output_tokens: 900,
    output_tokens_details: { reasoning_tokens: 700 },
    total_tokens: 1900,
  },
};

const anthropic = {
  id: "msg_01",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-20250514",
  content: [{ type: "text", text: "Hi" }],
  usage: {
    input_tokens: 50,
    cache_creation_input_tokens: 1000,
    cache_read_input_tokens: 8000,
    cache_creation: { ephemeral_5m_input_tokens: 600, ephemeral_1h_input_tokens: 400 },
    output_tokens: 500,
    service_tier: "standard",
  },
};

const gemini = {
  candidates: [{ content: { parts: [{ text: "Hi" }], role: "model" }, finishReason: "STOP" }],
  usageMetadata: {
    promptTokenCount: 1200,
    candidatesTokenCount: 80,
    thoughtsTokenCount: 400,
    cachedContentTokenCount: 1000,
    totalTokenCount: 1680,
  },
  modelVersion: "gemini-2.5-flash",
};

describe("usage adapters", () => {
  it("OpenAI chat completions: cached tokens stay inside the prompt", () => {
    expect(fromOpenAIUsage(openAIChat)).toEqual({
      input: 2006,
      output: 300,
      cachedInput: 1920,
      reasoning: 0,
    });
    // 86 × 0.0000025 + 1920 × 0.00000125 + 300 × 0.00001 = 0.000215 + 0.0024 + 0.003
    expect(charge(billingTable, "gpt-4o-2024-08-06", fromOpenAIUsage(openAIChat)).usd).toBe(
      "0.005615",
    );
  });

  it("OpenAI Responses API", () => {
    expect(fromOpenAIUsage(openAIResponses.usage)).toEqual({
      input: 1000,
      output: 900,
      cachedInput: 200,
      reasoning: 700,
    });
    // 800 × 0.0000011 + 200 × 0.00000055 + 200 × 0.0000044 + 700 × 0.0000044 = 0.00088 + 0.00011 + 0.00088 + 0.00308
    expect(charge(billingTable, "o3-mini", fromOpenAIUsage(openAIResponses)).usd).toBe("0.00495");
  });

  it("Anthropic: cache tokens reported beside input_tokens are added in, never dropped", () => {
    expect(fromAnthropicUsage(anthropic)).toEqual({
      input: 9050,
      output: 500,
      cachedInput: 8000,
      cacheWrite: 600,
      cacheWrite1h: 400,
    });
    // 50 × 0.000003 + 8000 × 0.0000003 + 600 × 0.00000375 + 400 × 0.000006 + 500 × 0.000015
    // = 0.00015 + 0.0024 + 0.00225 + 0.0024 + 0.0075 = 0.0147
    expect(charge(billingTable, "claude-sonnet-4", fromAnthropicUsage(anthropic)).usd).toBe(
      "0.0147",
    );
  });

  it("Anthropic without the cache_creation breakdown: all writes are 5-minute writes", () => {
    const { cache_creation: _, ...usage } = anthropic.usage;
    expect(fromAnthropicUsage(usage)).toEqual({
      input: 9050,
      output: 500,
      cachedInput: 8000,
      cacheWrite: 1000,
      cacheWrite1h: 0,
    });
  });

  it("Gemini: cached content is inside the prompt; thoughts are added to output as reasoning", () => {
    expect(fromGeminiUsage(gemini)).toEqual({
      input: 1200,
      output: 480,
      cachedInput: 1000,
      reasoning: 400,
    });
  });

  it.each([
    [
      () => fromOpenAIUsage({ prompt_tokens: -1, completion_tokens: 0 }),
      ["usage", "prompt_tokens"],
    ],
    [() => fromOpenAIUsage({ completion_tokens: 0 }), ["usage", "prompt_tokens"]],
    [() => fromAnthropicUsage({ input_tokens: 1.5, output_tokens: 0 }), ["usage", "input_tokens"]],
    [
      () =>
        fromAnthropicUsage({
          ...anthropic.usage,
          cache_creation: { ephemeral_5m_input_tokens: 1, ephemeral_1h_input_tokens: 1 },
        }),
      ["usage", "cache_creation"],
    ],
    [
      () => fromGeminiUsage({ usageMetadata: { promptTokenCount: "12" } }),
      ["usage", "promptTokenCount"],
    ],
    [() => fromGeminiUsage(42), ["usage"]],
  ])("bad usage → INVALID_USAGE with its path (%#)", (fn, path) => {
    const error = caught(fn);
    expect(error.code).toBe("INVALID_USAGE");
    expect(error.path).toEqual(path);
  });
});
