// Issue 20: random usages rendered into every provider shape read back equal, through the
// log reader's detection (no shape given) and through the named adapter.
import fc from "fast-check";
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
  pricebookResolve,
  priceRecords,
  RECORD_SHAPES,
  type Usage,
} from "../src/index.js";
import { readRecord, type UsageItem } from "../src/records/readRecord.js";
import { readerBits } from "../src/usage/readerBits.js";
import {
  evidenceOfAll,
  isResponseShape,
  RESPONSE_SHAPES,
  readerOrder,
  readResponse,
} from "../src/usage/readResponse.js";

type U = Record<string, number>;
const nat = (max: number) => fc.nat({ max });
/** Splits `total` into `n` random non-negative parts whose sum is at most `total`. */
const partsOf = (total: number, n: number) =>
  // Weights of 0 are frequent, so bodies without one part or another (priced) are common.
  fc
    .array(fc.oneof(fc.constant(0), fc.nat({ max: 1000 })), { minLength: n + 1, maxLength: n + 1 })
    .map((weights) => {
      const sum = weights.reduce((a, b) => a + b, 0) || 1;
      return weights.slice(0, n).map((w) => Math.floor((total * w) / sum));
    });

/** A usage in the library's convention with the parts one shape can express. */
const usageWith = (inParts: readonly string[], outParts: readonly string[], extra: U = {}) =>
  fc.record({ input: nat(3_000_000), output: nat(200_000) }).chain(({ input, output }) =>
    fc
      .tuple(partsOf(input, inParts.length), partsOf(output, outParts.length))
      .map(([ins, outs]) => {
        const usage: U = { input, output, ...extra };
        inParts.forEach((key, i) => {
          usage[key] = ins[i] as number;
        });
        outParts.forEach((key, i) => {
          usage[key] = outs[i] as number;
        });
        return usage;
      }),
  );

/** Drops zero-valued optional parts, as the readers do (input and output always stay). */
const compact = (usage: U) =>
  Object.fromEntries(
    Object.entries(usage).filter(
      ([key, value]) => value > 0 || key === "input" || key === "output",
    ),
  );

const SHAPES: [string, fc.Arbitrary<U>, (u: U) => Record<string, unknown>][] = [
  [
    "openai-chat",
    usageWith(["cachedInput", "cacheWrite", "audioInput"], ["reasoning", "audioOutput"]),
    (u) => ({
      object: "chat.completion",
      model: "gpt-4o",
      service_tier: "default",
      usage: {
        prompt_tokens: u.input,
        completion_tokens: u.output,
        total_tokens: (u.input ?? 0) + (u.output ?? 0),
        prompt_tokens_details: {
          cached_tokens: u.cachedInput,
          cache_write_tokens: u.cacheWrite,
          audio_tokens: u.audioInput,
        },
        completion_tokens_details: {
          reasoning_tokens: u.reasoning,
          audio_tokens: u.audioOutput,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
    }),
  ],
  [
    "openai-responses",
    usageWith(["cachedInput", "cacheWrite"], ["reasoning"]),
    (u) => ({
      object: "response",
      model: "gpt-4o",
      output: [],
      usage: {
        input_tokens: u.input,
        output_tokens: u.output,
        total_tokens: (u.input ?? 0) + (u.output ?? 0),
        input_tokens_details: { cached_tokens: u.cachedInput, cache_write_tokens: u.cacheWrite },
        output_tokens_details: { reasoning_tokens: u.reasoning },
      },
    }),
  ],
  [
    "openai-realtime",
    usageWith(
      ["cachedText", "cachedAudioInput", "cachedImageInput", "audioInput", "imageInput"],
      ["audioOutput"],
    ),
    (u) => {
      const cached = (u.cachedText ?? 0) + (u.cachedAudioInput ?? 0) + (u.cachedImageInput ?? 0);
      const audio = (u.audioInput ?? 0) + (u.cachedAudioInput ?? 0);
      const image = (u.imageInput ?? 0) + (u.cachedImageInput ?? 0);
      return {
        type: "response.done",
        response: {
          object: "realtime.response",
          usage: {
            input_tokens: u.input,
            output_tokens: u.output,
            total_tokens: (u.input ?? 0) + (u.output ?? 0),
            input_token_details: {
              cached_tokens: cached,
              text_tokens: (u.input ?? 0) - audio - image,
              audio_tokens: audio,
              image_tokens: image,
              cached_tokens_details: {
                text_tokens: u.cachedText,
                audio_tokens: u.cachedAudioInput,
                image_tokens: u.cachedImageInput,
              },
            },
            output_token_details: {
              text_tokens: (u.output ?? 0) - (u.audioOutput ?? 0),
              audio_tokens: u.audioOutput,
            },
          },
        },
      };
    },
  ],
  [
    "anthropic",
    usageWith(["cachedInput", "cacheWrite", "cacheWrite1h"], ["reasoning"], { webSearch: 3 }),
    (u) => ({
      type: "message",
      model: "claude-sonnet-4-20250514",
      usage: {
        input_tokens:
          (u.input ?? 0) - (u.cachedInput ?? 0) - (u.cacheWrite ?? 0) - (u.cacheWrite1h ?? 0),
        output_tokens: u.output,
        cache_read_input_tokens: u.cachedInput,
        cache_creation_input_tokens: (u.cacheWrite ?? 0) + (u.cacheWrite1h ?? 0),
        cache_creation: {
          ephemeral_5m_input_tokens: u.cacheWrite,
          ephemeral_1h_input_tokens: u.cacheWrite1h,
        },
        output_tokens_details: { thinking_tokens: u.reasoning },
        server_tool_use: { web_search_requests: u.webSearch, web_fetch_requests: 2 },
        service_tier: "standard",
      },
    }),
  ],
  [
    "bedrock-converse",
    usageWith(["cachedInput", "cacheWrite", "cacheWrite1h"], []),
    (u) => {
      const written = (u.cacheWrite ?? 0) + (u.cacheWrite1h ?? 0);
      const uncached = (u.input ?? 0) - (u.cachedInput ?? 0) - written;
      return {
        modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
        stopReason: "end_turn",
        output: { message: {} },
        metrics: { latencyMs: 10 },
        usage: {
          inputTokens: uncached,
          outputTokens: u.output,
          totalTokens: (u.input ?? 0) + (u.output ?? 0),
          cacheReadInputTokens: u.cachedInput,
          cacheWriteInputTokens: written,
          cacheDetails: [
            { ttl: "1h", inputTokens: u.cacheWrite1h },
            { ttl: "5m", inputTokens: u.cacheWrite },
          ],
        },
      };
    },
  ],
  [
    "gemini",
    usageWith(
      [
        "cachedText",
        "cachedAudioInput",
        "cachedImageInput",
        "audioInput",
        "imageInput",
        "videoInput",
      ],
      ["reasoning", "audioOutput", "imageOutput"],
    ),
    (u) => {
      const cached = (u.cachedText ?? 0) + (u.cachedAudioInput ?? 0) + (u.cachedImageInput ?? 0);
      const audio = (u.audioInput ?? 0) + (u.cachedAudioInput ?? 0);
      const image = (u.imageInput ?? 0) + (u.cachedImageInput ?? 0);
      const answer = (u.output ?? 0) - (u.reasoning ?? 0);
      return {
        modelVersion: "gemini-2.5-flash",
        candidates: [],
        usageMetadata: {
          promptTokenCount: u.input,
          candidatesTokenCount: answer,
          thoughtsTokenCount: u.reasoning,
          cachedContentTokenCount: cached,
          totalTokenCount: (u.input ?? 0) + (u.output ?? 0),
          promptTokensDetails: [
            { modality: "TEXT", tokenCount: (u.input ?? 0) - audio - image - (u.videoInput ?? 0) },
            { modality: "AUDIO", tokenCount: audio },
            { modality: "IMAGE", tokenCount: image },
            { modality: "VIDEO", tokenCount: u.videoInput },
          ],
          cacheTokensDetails: [
            { modality: "TEXT", tokenCount: u.cachedText },
            { modality: "AUDIO", tokenCount: u.cachedAudioInput },
            { modality: "IMAGE", tokenCount: u.cachedImageInput },
          ],
          candidatesTokensDetails: [
            { modality: "TEXT", tokenCount: answer - (u.audioOutput ?? 0) - (u.imageOutput ?? 0) },
            { modality: "AUDIO", tokenCount: u.audioOutput },
            { modality: "IMAGE", tokenCount: u.imageOutput },
          ],
        },
      };
    },
  ],
  [
    "xai",
    usageWith(["cachedInput", "imageInput"], ["reasoning"]),
    (u) => ({
      object: "chat.completion",
      model: "grok-4",
      usage: {
        prompt_tokens: u.input,
        completion_tokens: (u.output ?? 0) - (u.reasoning ?? 0),
        total_tokens: (u.input ?? 0) + (u.output ?? 0),
        prompt_tokens_details: {
          text_tokens: (u.input ?? 0) - (u.imageInput ?? 0),
          audio_tokens: 0,
          image_tokens: u.imageInput,
          cached_tokens: u.cachedInput,
        },
        completion_tokens_details: {
          reasoning_tokens: u.reasoning,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
        num_sources_used: 0,
      },
    }),
  ],
  [
    "deepseek",
    usageWith(["cachedInput"], ["reasoning"]),
    (u) => ({
      object: "chat.completion",
      model: "deepseek-reasoner",
      usage: {
        prompt_tokens: u.input,
        completion_tokens: u.output,
        total_tokens: (u.input ?? 0) + (u.output ?? 0),
        prompt_cache_hit_tokens: u.cachedInput,
        prompt_cache_miss_tokens: (u.input ?? 0) - (u.cachedInput ?? 0),
        prompt_tokens_details: { cached_tokens: u.cachedInput },
        completion_tokens_details: { reasoning_tokens: u.reasoning },
      },
    }),
  ],
  [
    "mistral",
    usageWith(["cachedInput"], []),
    (u) => ({
      object: "chat.completion",
      model: "mistral-medium-latest",
      usage: {
        prompt_tokens: u.input,
        completion_tokens: u.output,
        total_tokens: (u.input ?? 0) + (u.output ?? 0),
        num_cached_tokens: u.cachedInput,
        prompt_audio_seconds: null,
      },
    }),
  ],
  [
    "moonshot",
    usageWith(["cachedInput"], []),
    (u) => ({
      object: "chat.completion",
      model: "kimi-k2",
      usage: {
        prompt_tokens: u.input,
        completion_tokens: u.output,
        total_tokens: (u.input ?? 0) + (u.output ?? 0),
        cached_tokens: u.cachedInput,
      },
    }),
  ],
  [
    "cohere",
    usageWith([], []),
    (u) => ({
      id: "c1",
      finish_reason: "COMPLETE",
      usage: {
        billed_units: { input_tokens: u.input, output_tokens: u.output },
        tokens: { input_tokens: (u.input ?? 0) + 7, output_tokens: u.output },
      },
    }),
  ],
  [
    "ai-sdk",
    usageWith(["cachedInput", "cacheWrite"], ["reasoning"]),
    (u) => ({
      text: "",
      response: { modelId: "gpt-4o" },
      usage: {
        inputTokens: u.input,
        outputTokens: u.output,
        totalTokens: (u.input ?? 0) + (u.output ?? 0),
        inputTokenDetails: {
          noCacheTokens: (u.input ?? 0) - (u.cachedInput ?? 0) - (u.cacheWrite ?? 0),
          cacheReadTokens: u.cachedInput,
          cacheWriteTokens: u.cacheWrite,
        },
        outputTokenDetails: {
          textTokens: (u.output ?? 0) - (u.reasoning ?? 0),
          reasoningTokens: u.reasoning,
        },
        reasoningTokens: u.reasoning,
        cachedInputTokens: u.cachedInput,
      },
    }),
  ],
  [
    "langchain",
    usageWith(["cachedInput", "cacheWrite", "cacheWrite1h"], ["reasoning", "audioOutput"]),
    (u) => ({
      content: "",
      response_metadata: { model_name: "claude-sonnet-4-20250514" },
      usage_metadata: {
        input_tokens: u.input,
        output_tokens: u.output,
        total_tokens: (u.input ?? 0) + (u.output ?? 0),
        input_token_details: {
          cache_read: u.cachedInput,
          cache_creation: (u.cacheWrite ?? 0) + (u.cacheWrite1h ?? 0),
          ephemeral_5m_input_tokens: u.cacheWrite,
          ephemeral_1h_input_tokens: u.cacheWrite1h,
        },
        output_token_details: { reasoning: u.reasoning, audio: u.audioOutput },
      },
    }),
  ],
];

/** What a shape's reader returns for the usage it was rendered from. */
function expected(shape: string, u: U): U {
  const { cachedText, ...rest } = u;
  const usage: U = { ...rest };
  if (cachedText !== undefined)
    usage.cachedInput = cachedText + (u.cachedAudioInput ?? 0) + (u.cachedImageInput ?? 0);
  const always: Record<string, string[]> = {
    "openai-chat": ["cachedInput", "reasoning"],
    "openai-responses": ["cachedInput", "reasoning"],
    "openai-realtime": ["cachedInput"],
    anthropic: ["cachedInput", "cacheWrite", "cacheWrite1h"],
    "bedrock-converse": ["cachedInput", "cacheWrite"],
    gemini: ["cachedInput", "reasoning"],
    xai: ["cachedInput", "reasoning"],
    deepseek: ["cachedInput", "reasoning"],
    mistral: ["cachedInput", "reasoning"],
    moonshot: ["cachedInput", "reasoning"],
    cohere: [],
    "ai-sdk": ["cachedInput", "reasoning"],
    langchain: ["cachedInput", "reasoning"],
  };
  const out = compact(usage);
  for (const key of always[shape] ?? []) out[key] = usage[key] ?? 0;
  return out;
}

describe("issue 20: every reader reads back what was rendered", () => {
  for (const [shape, arbitrary, render] of SHAPES) {
    it(`${shape}: detected without a shape, read back equal`, () => {
      fc.assert(
        fc.property(arbitrary, (u) => {
          const body = render(u);
          const read = readResponse(body);
          expect(read.shape).toBe(shape);
          expect(read.usage as U).toEqual(expected(shape, u));
          // The key index never hides a reader whose evidence is not 0.
          const usage = (
            typeof body.usage === "object" && body.usage !== null ? body.usage : body
          ) as Record<string, unknown>;
          const bits = readerBits(body, usage);
          evidenceOfAll(body).forEach((evidence, i) => {
            if (evidence > 0) expect(bits & (1 << i)).not.toBe(0);
          });
          // The log reader detects the same shape and reads the same counts.
          const item = readRecord(body, undefined) as UsageItem;
          expect(item.error).toBe(null);
          expect(item.shape).toBe(shape);
          expect(item.usage).toEqual(read.usage);
          return true;
        }),
        { numRuns: 300 },
      );
    });
  }

  it("RESPONSE_SHAPES and RECORD_SHAPES list every reader, and --shape takes each", () => {
    expect(RECORD_SHAPES).toEqual(["flat", "otel", "openai", ...RESPONSE_SHAPES]);
    expect(RESPONSE_SHAPES.length).toBe(16);
    expect(readerOrder()).toEqual(RESPONSE_SHAPES);
    for (const shape of RESPONSE_SHAPES) expect(isResponseShape(shape)).toBe(true);
    expect(new Set(SHAPES.map(([shape]) => shape)).size).toBe(SHAPES.length);
  });

  it("charge of the adapter's usage equals priceRecords of the same body, for every reader", () => {
    const book = builtinPricebook();
    const adapters: Record<string, (body: unknown) => Usage> = {
      "openai-chat": fromOpenAIUsage,
      "openai-responses": fromOpenAIUsage,
      "openai-realtime": fromOpenAIUsage,
      anthropic: fromAnthropicUsage,
      "bedrock-converse": fromBedrockUsage,
      gemini: fromGeminiUsage,
      xai: fromXaiUsage,
      deepseek: fromDeepSeekUsage,
      mistral: fromMistralUsage,
      moonshot: fromMoonshotUsage,
      cohere: fromCohereUsage,
      "ai-sdk": fromAiSdkUsage,
      langchain: fromLangChainUsage,
    };
    const outcome = (fn: () => string) => {
      try {
        return fn();
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    const priced = new Set<string>();
    for (const [shape, arbitrary, render] of SHAPES) {
      const adapt = adapters[shape] as (body: unknown) => Usage;
      fc.assert(
        fc.property(arbitrary, (u) => {
          // Realtime and Cohere bodies name no model: the log record gives it.
          const body = {
            model: shape === "openai-realtime" ? "gpt-realtime" : "command-r",
            ...render(u),
          };
          const [row] = [...priceRecords(book, [body], { asOf: "2026-09-15", table: "auto" })];
          const model = (row as { model: string | null }).model as string;
          const viaCharge = outcome(() => {
            const { table } = pricebookResolve(book, model, { asOf: "2026-09-15" });
            return charge(table, model, adapt(body)).usd;
          });
          expect(row?.ok ? row.usd : row?.code).toBe(viaCharge);
          if (row?.ok) priced.add(shape);
        }),
        // A fixed seed: which shapes get a priced body is then the same every run.
        { numRuns: 200, seed: 20261205 },
      );
    }
    // Not only errors on both sides: the shapes whose models the built-in tables price were priced.
    for (const shape of [
      "openai-chat",
      "openai-responses",
      "anthropic",
      "bedrock-converse",
      "gemini",
      "xai",
      "ai-sdk",
      "langchain",
    ]) {
      expect(priced.has(shape), shape).toBe(true);
    }
  });

  it("the key index never hides a reader whose evidence is not 0, on random bodies", () => {
    const keys = [
      "model",
      "object",
      "type",
      "usage",
      "usageMetadata",
      "usage_metadata",
      "kwargs",
      "meta",
      "metadata",
      "candidates",
      "stopReason",
      "metrics",
      "output",
      "totalUsage",
      "prompt_tokens",
      "completion_tokens",
      "total_tokens",
      "prompt_tokens_details",
      "num_sources_used",
      "cached_prompt_text_tokens",
      "prompt_cache_hit_tokens",
      "prompt_cache_miss_tokens",
      "num_cached_tokens",
      "prompt_audio_seconds",
      "cached_tokens",
      "billed_units",
      "input_token_details",
      "output_token_details",
      "inputTokenDetails",
      "outputTokenDetails",
      "cachedInputTokens",
      "reasoningTokens",
      "promptTokens",
      "completionTokens",
      "inputTokens",
      "outputTokens",
      "cacheReadInputTokens",
      "cacheWriteInputTokens",
      "cacheDetails",
      "responseTokenCount",
      "responseTokensDetails",
      "promptTokenCount",
      "candidatesTokenCount",
      "candidatesTokensDetails",
      "cache_creation_input_tokens",
      "cache_read_input_tokens",
      "cache_creation",
      "server_tool_use",
      "inference_geo",
      "iterations",
      "input_tokens",
      "output_tokens",
      "input_tokens_details",
      "text_tokens",
      "image_tokens",
      "cached_tokens_details",
    ];
    const value = fc.oneof(
      fc.nat(10),
      fc.constantFrom(
        "chat.completion",
        "response",
        "realtime.response",
        "list",
        "message",
        "message_delta",
        "tokens",
        "duration",
        "grok-4",
        "gpt-4o",
      ),
      fc.constant(null),
    );
    const leaf = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 });
    const body = fc.dictionary(fc.constantFrom(...keys), fc.oneof(value, leaf), { maxKeys: 8 });
    fc.assert(
      fc.property(body, (b) => {
        const usage = (typeof b.usage === "object" && b.usage !== null ? b.usage : b) as Record<
          string,
          unknown
        >;
        const bits = readerBits(b, usage);
        evidenceOfAll(b).forEach((evidence, i) => {
          if (evidence > 0) expect(bits & (1 << i)).not.toBe(0);
        });
      }),
      { numRuns: 20000 },
    );
  });

  it("a usage rendered as one shape is never read silently as another", () => {
    // Each body has its own shape's evidence: detection never picks another reader.
    for (const [shape, arbitrary, render] of SHAPES) {
      const [sample] = fc.sample(arbitrary, { numRuns: 1, seed: 7 });
      expect(readResponse(render(sample as U)).shape).toBe(shape);
    }
  });
});
