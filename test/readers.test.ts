// Issue 20: one strict reader per API flavour. Each body is priced to a figure computed by hand
// from the built-in tables' rates (quoted beside each case); the log pricer must agree with
// `charge` of the adapter's usage.
import { describe, expect, it } from "vitest";
import {
  builtinPricebook,
  charge,
  fromAiSdkUsage,
  fromAnthropicUsage,
  fromBedrockUsage,
  fromCohereUsage,
  fromDeepSeekUsage,
  fromGeminiUsage,
  fromLangChainUsage,
  fromMistralUsage,
  fromMoonshotUsage,
  fromOpenAIUsage,
  fromXaiUsage,
  type PriceRow,
  priceRecords,
  tableAsOf,
} from "../src/index.js";

const book = builtinPricebook();
const row = (body: unknown, asOf = "2026-09-15"): PriceRow => {
  const [first] = [...priceRecords(book, [body], { asOf, table: "auto" })];
  if (first === undefined) throw new Error("no row");
  return first;
};
const usd = (body: unknown, asOf?: string) => {
  const r = row(body, asOf);
  return r.ok ? r.usd : `${r.code}: ${r.message}`;
};
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string; path?: unknown }).code;
  }
  return "no error";
};

describe("issue 20: silently wrong before, exact or refused now", () => {
  // claude-sonnet-4: input 3, output 15, cache write 3.75, 1h write 6, cache read 0.3 per M;
  // web search $10 per 1,000.
  const anthropicWithDetails = {
    id: "msg_01",
    type: "message",
    role: "assistant",
    model: "claude-sonnet-4-20250514",
    content: [],
    usage: {
      input_tokens: 100,
      cache_creation_input_tokens: 2000,
      cache_read_input_tokens: 3000,
      cache_creation: { ephemeral_5m_input_tokens: 2000, ephemeral_1h_input_tokens: 0 },
      output_tokens: 500,
      output_tokens_details: { thinking_tokens: 200 },
      server_tool_use: { web_search_requests: 2, web_fetch_requests: 1 },
      service_tier: "standard",
      inference_geo: "global",
    },
  };

  it("an Anthropic body with output_tokens_details is Anthropic's: cache and searches priced", () => {
    // 100 × 3/M + 2000 × 3.75/M + 3000 × 0.3/M + 500 × 15/M + 2 × 0.01
    // = 0.0003 + 0.0075 + 0.0009 + 0.0075 + 0.02 = 0.0362
    expect(usd(anthropicWithDetails)).toBe("0.0362");
    const r = row(anthropicWithDetails);
    expect(r.shape).toBe("anthropic");
    expect(fromAnthropicUsage(anthropicWithDetails)).toEqual({
      input: 5100,
      output: 500,
      cachedInput: 3000,
      cacheWrite: 2000,
      cacheWrite1h: 0,
      reasoning: 200,
      webSearch: 2,
    });
  });

  it("OpenAI cache_write_tokens are cache writes (Chat and Responses)", () => {
    // gpt-5.6 (2026-07-30): input 5, cache write 6.25, output 30 per M.
    // 2000 × 5/M + 1000 × 6.25/M + 200 × 30/M = 0.01 + 0.00625 + 0.006 = 0.02225 (0.021 without)
    const chat = {
      object: "chat.completion",
      created: 1788000000,
      model: "gpt-5.6",
      usage: {
        prompt_tokens: 3000,
        completion_tokens: 200,
        total_tokens: 3200,
        prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 1000 },
      },
    };
    expect(usd(chat)).toBe("0.02225");
    const responses = {
      object: "response",
      created_at: 1788000000,
      model: "gpt-5.6",
      output: [],
      usage: {
        input_tokens: 3000,
        input_tokens_details: { cached_tokens: 0, cache_write_tokens: 1000 },
        output_tokens: 200,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 3200,
      },
    };
    expect(usd(responses)).toBe("0.02225");
  });

  it("LangChain usage_metadata given to the OpenAI or Anthropic adapter is refused, not misread", () => {
    const langchain = {
      input_tokens: 350,
      output_tokens: 240,
      total_tokens: 590,
      input_token_details: { cache_read: 100, audio: 0 },
      output_token_details: { reasoning: 200 },
    };
    expect(code(() => fromOpenAIUsage(langchain))).toBe("UNRECOGNIZED_USAGE");
    expect(code(() => fromAnthropicUsage(langchain))).toBe("UNRECOGNIZED_USAGE");
    expect(fromLangChainUsage(langchain)).toEqual({
      input: 350,
      output: 240,
      cachedInput: 100,
      reasoning: 200,
    });
  });

  it("OpenAI Realtime usage is read by the Realtime reader: audio and cached audio on their own", () => {
    const done = {
      type: "response.done",
      event_id: "event_1",
      response: {
        object: "realtime.response",
        id: "resp_1",
        status: "completed",
        usage: {
          total_tokens: 1864,
          input_tokens: 1489,
          output_tokens: 375,
          input_token_details: {
            cached_tokens: 1088,
            text_tokens: 1184,
            audio_tokens: 305,
            image_tokens: 0,
            cached_tokens_details: { text_tokens: 1024, audio_tokens: 64, image_tokens: 0 },
          },
          output_token_details: { text_tokens: 90, audio_tokens: 285 },
        },
      },
    };
    expect(fromOpenAIUsage(done)).toEqual({
      input: 1489,
      output: 375,
      cachedInput: 1088,
      cachedAudioInput: 64,
      audioInput: 241,
      audioOutput: 285,
    });
    expect(row({ ...done, model: "gpt-realtime" }).shape).toBe("openai-realtime");
  });

  it("Gemini Live's responseTokenCount is the output", () => {
    // gemini-2.5-flash: input 0.3, output 2.5 per M: 1000 × 0.3/M + 400 × 2.5/M = 0.0003 + 0.001
    const live = {
      model: "gemini-2.5-flash",
      usageMetadata: { promptTokenCount: 1000, responseTokenCount: 400, totalTokenCount: 1400 },
    };
    expect(fromGeminiUsage(live)).toEqual({
      input: 1000,
      output: 400,
      cachedInput: 0,
      reasoning: 0,
    });
    expect(usd(live)).toBe("0.0013");
    expect(row(live).shape).toBe("gemini-live");
  });

  it("Anthropic compaction iterations are billed on top of the top-level counts", () => {
    const body = {
      type: "message",
      model: "claude-sonnet-4-20250514",
      usage: {
        input_tokens: 20,
        output_tokens: 40,
        iterations: [
          {
            type: "compaction",
            input_tokens: 50000,
            output_tokens: 2000,
            cache_read_input_tokens: 0,
            cache_creation_input_tokens: 0,
          },
          {
            type: "message",
            input_tokens: 20,
            output_tokens: 40,
            cache_read_input_tokens: 0,
            cache_creation_input_tokens: 0,
          },
        ],
      },
    };
    // (20 + 50000) × 3/M + (40 + 2000) × 15/M = 0.15006 + 0.0306 = 0.18066
    expect(usd(body)).toBe("0.18066");
    const advisor = structuredClone(body);
    advisor.usage.iterations.push({
      type: "advisor_message",
      model: "claude-opus-4-6",
      input_tokens: 10,
      output_tokens: 5,
    } as never);
    expect(row(advisor)).toMatchObject({ ok: false, code: "UNPRICED_USAGE" });
  });

  it("Mistral num_cached_tokens, Moonshot cached_tokens and xAI cached_prompt_text_tokens are cache reads", () => {
    expect(
      fromMistralUsage({
        prompt_tokens: 1200,
        completion_tokens: 50,
        total_tokens: 1250,
        num_cached_tokens: 1024,
      }),
    ).toMatchObject({ cachedInput: 1024 });
    expect(
      fromMoonshotUsage({
        prompt_tokens: 900,
        completion_tokens: 60,
        total_tokens: 960,
        cached_tokens: 512,
      }),
    ).toMatchObject({ cachedInput: 512 });
    // grok-3: input 3, cached 0.75, output 15 per M.
    // (1000 − 800) × 3/M + 800 × 0.75/M + (100 + 50) × 15/M = 0.0006 + 0.0006 + 0.00225 = 0.00345
    const grok = {
      object: "chat.completion",
      model: "grok-3",
      usage: {
        prompt_tokens: 1000,
        completion_tokens: 100,
        total_tokens: 1150,
        reasoning_tokens: 50,
        cached_prompt_text_tokens: 800,
      },
    };
    expect(usd(grok)).toBe("0.00345");
    expect(row(grok).shape).toBe("xai");
    // A Mistral body with cache reads: the mistral table has no cache price, so it is unpriced.
    const mistral = {
      object: "chat.completion",
      model: "magistral-medium-2509",
      usage: {
        prompt_tokens: 1200,
        completion_tokens: 50,
        total_tokens: 1250,
        num_cached_tokens: 1024,
      },
    };
    expect(row(mistral)).toMatchObject({ ok: false, code: "UNPRICED_USAGE" });
  });

  it("a Responses web search counts searches, not its open_page actions", () => {
    // gpt-4o: input 2.5, output 10 per M, web search $25 per 1,000? — priced per the table's
    // webSearch rate; here only the count is checked.
    const body = {
      object: "response",
      model: "gpt-4o",
      output: [
        {
          type: "web_search_call",
          id: "ws_1",
          status: "completed",
          action: { type: "search", query: "x" },
        },
        {
          type: "web_search_call",
          id: "ws_2",
          status: "completed",
          action: { type: "open_page", url: "https://example.com" },
        },
        { type: "message", role: "assistant", content: [] },
      ],
      usage: {
        input_tokens: 900,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 120,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 1020,
      },
    };
    expect(fromOpenAIUsage(body)).toMatchObject({ webSearch: 1 });
    expect(
      fromOpenAIUsage({ ...body, tool_usage: { web_search: { num_requests: 3 } } }),
    ).toMatchObject({ webSearch: 3 });
    expect(
      code(() => fromOpenAIUsage({ ...body, tool_usage: { file_search: { num_requests: 1 } } })),
    ).toBe("UNRECOGNIZED_USAGE");
  });

  it("fromAnthropicUsage keeps service_tier batch, so charge and the log pricer agree", () => {
    const body = {
      type: "message",
      model: "claude-sonnet-4-20250514",
      usage: { input_tokens: 1000, output_tokens: 100, service_tier: "batch" },
    };
    const usage = fromAnthropicUsage(body);
    expect(usage).toMatchObject({ serviceTier: "batch" });
    const table = tableAsOf(book, "anthropic", { asOf: "2026-09-15" });
    // The anthropic table states no batch prices yet: both say so, neither prices it standard.
    expect(row(body)).toMatchObject({ ok: false, code: "UNPRICED_USAGE" });
    expect(code(() => charge(table, "claude-sonnet-4-20250514", usage))).toBe("UNPRICED_USAGE");
  });

  it("an OpenAI Batch API output line is priced at the batch tier", () => {
    // gpt-4.1 batch: input 1, output 4 per M: 1000 × 1/M + 100 × 4/M = 0.001 + 0.0004 = 0.0014
    const line = {
      id: "batch_req_1",
      custom_id: "request-1",
      response: {
        status_code: 200,
        request_id: "req_1",
        body: {
          object: "chat.completion",
          created: 1788000000,
          model: "gpt-4.1",
          usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 },
        },
      },
      error: null,
    };
    expect(usd(line)).toBe("0.0014");
    const table = tableAsOf(book, "openai", { asOf: "2026-09-15" });
    expect(charge(table, "gpt-4.1", fromOpenAIUsage(line)).usd).toBe("0.0014");
    expect(
      row({ id: "batch_req_2", custom_id: "r2", response: null, error: { code: "x" } }),
    ).toMatchObject({ ok: false, code: "INVALID_RECORD" });
  });
});

describe("issue 20: readers for the flavours refused before", () => {
  it("Bedrock Converse and its stream metadata event", () => {
    // anthropic.claude-sonnet-4 on Bedrock: 3 / 15, cache read 0.3, write 3.75 per M.
    // (100 + 1500 + 200) input: 100 × 3/M + 1500 × 0.3/M + 200 × 3.75/M + 20 × 15/M
    // = 0.0003 + 0.00045 + 0.00075 + 0.0003 = 0.0018
    const converse = {
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      output: { message: { role: "assistant", content: [{ text: "hi" }] } },
      stopReason: "end_turn",
      usage: {
        inputTokens: 100,
        outputTokens: 20,
        totalTokens: 1820,
        cacheReadInputTokens: 1500,
        cacheWriteInputTokens: 200,
      },
      metrics: { latencyMs: 812 },
    };
    expect(usd(converse)).toBe("0.0018");
    expect(fromBedrockUsage(converse)).toEqual({
      input: 1800,
      output: 20,
      cachedInput: 1500,
      cacheWrite: 200,
    });
    const event = {
      metadata: { usage: converse.usage, metrics: { latencyMs: 812 } },
      modelId: converse.modelId,
    };
    expect(usd(event)).toBe("0.0018");
    expect(row({ ...converse, performanceConfig: { latency: "optimized" } })).toMatchObject({
      ok: false,
      code: "UNPRICED_USAGE",
    });
  });

  it("OpenAI embeddings and token-billed transcriptions", () => {
    // text-embedding-3-small: 0.02 per M: 5000 × 0.02/M = 0.0001
    const embeddings = {
      object: "list",
      data: [{ object: "embedding", index: 0, embedding: [0.1] }],
      model: "text-embedding-3-small",
      usage: { prompt_tokens: 5000, total_tokens: 5000 },
    };
    expect(usd(embeddings)).toBe("0.0001");
    expect(
      fromOpenAIUsage({
        text: "hi",
        usage: {
          type: "tokens",
          input_tokens: 14,
          input_token_details: { text_tokens: 4, audio_tokens: 10 },
          output_tokens: 3,
          total_tokens: 17,
        },
      }),
    ).toEqual({ input: 14, output: 3, audioInput: 10 });
    expect(
      code(() => fromOpenAIUsage({ text: "hi", usage: { type: "duration", seconds: 12 } })),
    ).toBe("UNPRICED_USAGE");
  });

  it("Cohere v2 bills billed_units", () => {
    expect(
      fromCohereUsage({
        id: "x",
        finish_reason: "COMPLETE",
        usage: {
          billed_units: { input_tokens: 65, output_tokens: 12 },
          tokens: { input_tokens: 71, output_tokens: 12 },
        },
      }),
    ).toEqual({ input: 65, output: 12 });
    expect(
      code(() =>
        fromCohereUsage({
          usage: { billed_units: { input_tokens: 1, output_tokens: 1, search_units: 1 } },
        }),
      ),
    ).toBe("UNPRICED_USAGE");
  });

  it("Vercel AI SDK usage, versions 4 to 6", () => {
    expect(fromAiSdkUsage({ promptTokens: 10, completionTokens: 5, totalTokens: 15 })).toEqual({
      input: 10,
      output: 5,
    });
    expect(
      fromAiSdkUsage({
        inputTokens: 1200,
        inputTokenDetails: { noCacheTokens: 150, cacheReadTokens: 1000, cacheWriteTokens: 50 },
        outputTokens: 80,
        outputTokenDetails: { textTokens: 60, reasoningTokens: 20 },
        totalTokens: 1280,
        cachedInputTokens: 1000,
        reasoningTokens: 20,
      }),
    ).toEqual({ input: 1200, output: 80, cachedInput: 1000, cacheWrite: 50, reasoning: 20 });
    // AI SDK 5 reasoning beside outputTokens (totalTokens says so) is added into output.
    expect(
      fromAiSdkUsage({ inputTokens: 100, outputTokens: 50, reasoningTokens: 30, totalTokens: 180 }),
    ).toEqual({ input: 100, output: 80, cachedInput: 0, reasoning: 30 });
    expect(
      code(() =>
        fromAiSdkUsage({
          inputTokens: 100,
          outputTokens: 50,
          totalTokens: 150,
          cachedInputTokens: 40,
        }),
      ),
    ).toBe("AMBIGUOUS_SHAPE");
  });

  it("xAI reasoning is beside completion_tokens; DeepSeek cache hits are cache reads", () => {
    expect(
      fromXaiUsage({
        prompt_tokens: 30,
        completion_tokens: 10,
        total_tokens: 240,
        completion_tokens_details: { reasoning_tokens: 200 },
      }),
    ).toEqual({ input: 30, output: 210, cachedInput: 0, reasoning: 200 });
    expect(
      fromDeepSeekUsage({
        prompt_tokens: 1000,
        completion_tokens: 40,
        total_tokens: 1040,
        prompt_cache_hit_tokens: 768,
        prompt_cache_miss_tokens: 232,
      }),
    ).toEqual({ input: 1000, output: 40, cachedInput: 768, reasoning: 0 });
    // The same xAI body read as OpenAI chat is refused: its total says reasoning is beside.
    expect(
      code(() =>
        fromOpenAIUsage({
          prompt_tokens: 30,
          completion_tokens: 10,
          total_tokens: 240,
          completion_tokens_details: { reasoning_tokens: 200 },
        }),
      ),
    ).toBe("INVALID_USAGE");
  });

  it("stream events: response.completed is unwrapped, message_start refused", () => {
    const completed = {
      type: "response.completed",
      sequence_number: 9,
      response: {
        object: "response",
        created_at: 1788000000,
        model: "gpt-5.6",
        output: [],
        usage: {
          input_tokens: 3000,
          input_tokens_details: { cached_tokens: 0, cache_write_tokens: 1000 },
          output_tokens: 200,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 3200,
        },
      },
    };
    expect(usd(completed)).toBe("0.02225");
    expect(
      row({
        type: "message_start",
        message: {
          model: "claude-sonnet-4-20250514",
          usage: { input_tokens: 1, output_tokens: 1 },
        },
      }),
    ).toMatchObject({ ok: false, code: "INVALID_RECORD" });
    // message_delta's usage is cumulative; the model comes from the record.
    // 1000 × 3/M + 300 × 15/M = 0.003 + 0.0045 = 0.0075
    expect(
      usd({
        type: "message_delta",
        model: "claude-sonnet-4-20250514",
        delta: { stop_reason: "end_turn" },
        usage: { input_tokens: 1000, output_tokens: 300 },
      }),
    ).toBe("0.0075");
  });

  it("an OpenRouter or Groq chat body: their cost and timing fields are known, not priced", () => {
    // gpt-4o: input 2.5, output 10 per M: 1000 × 2.5/M + 100 × 10/M = 0.0025 + 0.001 = 0.0035
    const openrouter = {
      object: "chat.completion",
      model: "gpt-4o",
      usage: {
        prompt_tokens: 1000,
        completion_tokens: 100,
        total_tokens: 1100,
        cost: 0.0035,
        is_byok: false,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        cost_details: {
          upstream_inference_cost: null,
          upstream_inference_prompt_cost: 0.0025,
          upstream_inference_completions_cost: 0.001,
        },
        completion_tokens_details: { reasoning_tokens: 0, image_tokens: 0 },
      },
    };
    expect(usd(openrouter)).toBe("0.0035");
    const groq = {
      ...openrouter,
      usage: {
        prompt_tokens: 1000,
        completion_tokens: 100,
        total_tokens: 1100,
        queue_time: 0.02,
        prompt_time: 0.01,
        completion_time: 0.2,
        total_time: 0.21,
      },
    };
    expect(usd(groq)).toBe("0.0035");
    // A field at 0 cannot add to a price; the same field above 0 is refused.
    expect(
      usd({
        ...openrouter,
        usage: {
          ...openrouter.usage,
          prompt_tokens_details: { cached_tokens: 0, video_tokens: 0 },
        },
      }),
    ).toBe("0.0035");
  });

  it("an unknown numeric field is UNRECOGNIZED_USAGE with its path, and the row is named", () => {
    const r = row({
      object: "chat.completion",
      model: "gpt-4o",
      usage: {
        prompt_tokens: 10,
        completion_tokens: 2,
        prompt_tokens_details: { foo_tokens: 5 },
      },
    });
    expect(r).toMatchObject({ ok: false, code: "UNRECOGNIZED_USAGE", line: 1 });
    expect(!r.ok && r.message).toContain("usage.prompt_tokens_details.foo_tokens");
  });
});
