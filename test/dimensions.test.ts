import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  builtinPricebook,
  charge,
  chargeUsd,
  compileTable,
  diffTables,
  fromAnthropicUsage,
  fromGeminiUsage,
  fromOpenAIUsage,
  type PricingTableInput,
  parseTable,
  safeParseTable,
} from "../src/index.js";
import { modal } from "./fixtures/modalTable.js";
import { caught } from "./helpers.js";

// The digests every built-in table had before audio, image and web-search rates were added to
// the format: a table that uses none of them must keep its digest (and so its provenance).
// (The provider tables are generated since; test/pricebook.test.ts pins their digests.)
const DIGESTS_BEFORE = {
  "gpt-trainer-byok@2024-11-01":
    "sha256:6d9972af08e7c079d682fc188ba2626fdb5b65eb0fe9277f703e37d57519de65",
  "gpt-trainer-byok@2025-01-07":
    "sha256:d08ddfb374301876c4fbd0f9a6b1d4fd54a417530563abba9fd4c7bdec853068",
};

describe("audio, image and web-search rates in the table format", () => {
  it("leave the digest of every table that does not use them unchanged", () => {
    const now = Object.fromEntries(
      builtinPricebook()
        .tables.filter((t) => t.id === "gpt-trainer-byok")
        .map((t) => [`${t.id}@${t.version}`, t.provenance.digest]),
    );
    expect(now).toEqual(DIGESTS_BEFORE);
  });

  it("compile to per-token rates and a per-call web-search fee", () => {
    const table = compileTable(modal);
    // 40 ÷ 1,000,000 and 80 ÷ 1,000,000
    expect(table.models["gpt-4o-audio-preview"]?.audioInput).toBe("0.00004");
    expect(table.models["gpt-4o-audio-preview"]?.audioOutput).toBe("0.00008");
    expect(table.models["gemini-2.5-flash"]?.imageInput).toBe("0.0000003");
    // $10 per 1,000 calls is $0.01 a call
    expect(table.models["claude-sonnet-4"]?.webSearch).toBe("0.01");
    expect(table.models["gemini-2.5-flash"]?.webSearch).toBe("0.035");
    expect("webSearch" in (table.models["gpt-4o-audio-preview"] as object)).toBe(false);
    expect(parseTable(modal).provenance.digest).toBe(table.provenance.digest);
  });

  it("change the digest when they are added", () => {
    const plain = structuredClone(modal) as unknown as {
      models: Record<string, Record<string, unknown>>;
    };
    delete plain.models["claude-sonnet-4"]?.webSearch;
    expect(compileTable(plain as unknown as PricingTableInput).provenance.digest).not.toBe(
      compileTable(modal).provenance.digest,
    );
  });

  it("are refused in a bad form, with the path", () => {
    const bad = (change: (m: Record<string, unknown>) => void) => {
      const copy = structuredClone(modal) as unknown as {
        models: Record<string, Record<string, unknown>>;
      };
      change(copy.models["claude-sonnet-4"] as Record<string, unknown>);
      return copy;
    };
    const perMillionFee = safeParseTable(bad((m) => (m.webSearch = { perMillion: "10" })));
    expect(perMillionFee.success).toBe(false);
    expect(
      caught(() => compileTable(bad((m) => (m.webSearch = { perMillion: "10" })) as never)),
    ).toMatchObject({ code: "INVALID_TABLE", path: ["models", "claude-sonnet-4", "webSearch"] });
    expect(caught(() => compileTable(bad((m) => (m.audioInput = "-1")) as never))).toMatchObject({
      code: "INVALID_TABLE",
      path: ["models", "claude-sonnet-4", "audioInput"],
    });
    // web search is a model's fee, not a tier's
    const inTier = safeParseTable(
      bad((m) => {
        (m.tiers as Record<string, unknown>[])[0] = {
          ...(m.tiers as Record<string, unknown>[])[0],
          webSearch: "0.01",
        };
      }),
    );
    expect(inTier.success).toBe(false);
  });

  it("allow the ':' and '@' of vendor ids in model ids and aliases, not in table ids", () => {
    const vendor = structuredClone(modal) as { id: string; models: Record<string, unknown> };
    vendor.models["us.anthropic.claude-sonnet-4-20250514-v1:0"] = {
      provider: "anthropic",
      input: "0.0000033",
      output: "0.0000165",
      aliases: ["claude-sonnet-4@20250514"],
    };
    const table = parseTable(vendor);
    expect(table.models["us.anthropic.claude-sonnet-4-20250514-v1:0"]?.aliases).toEqual([
      "claude-sonnet-4@20250514",
    ]);
    vendor.id = "my:table";
    expect(caught(() => parseTable(vendor))).toMatchObject({ code: "INVALID_TABLE", path: ["id"] });
  });

  it("are compared by diffTables", () => {
    const before = compileTable(modal);
    const copy = structuredClone(modal) as { version: string; models: Record<string, any> };
    copy.version = "2";
    copy.models["claude-sonnet-4"].webSearch = { perThousand: "12" };
    copy.models["gpt-4o-audio-preview"].audioOutput = { perMillion: "64" };
    const diff = diffTables(before, compileTable(copy as never));
    expect(diff.changes.map((c) => [c.path.join("."), c.old, c.new])).toEqual([
      ["models.gpt-4o-audio-preview.audioOutput", "0.00008", "0.000064"],
      ["models.claude-sonnet-4.webSearch", "0.01", "0.012"],
    ]);
  });
});

const table = compileTable(modal);

// Real response shapes (field names and nesting as the providers document them).
const openAIAudioChat = {
  id: "chatcmpl-audio",
  object: "chat.completion",
  model: "gpt-4o-audio-preview-2024-12-17",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: null, audio: { id: "audio_abc", transcript: "Hi" } },
      finish_reason: "stop",
    },
  ],
  usage: {
    prompt_tokens: 1000,
    completion_tokens: 500,
    total_tokens: 1500,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 600 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 400,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
};

const anthropicWebSearch = {
  id: "msg_01",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-20250514",
  content: [{ type: "server_tool_use", id: "srvtoolu_01", name: "web_search" }],
  stop_reason: "end_turn",
  usage: {
    input_tokens: 2000,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: 300,
    server_tool_use: { web_search_requests: 3 },
    service_tier: "standard",
  },
};

const geminiMultimodal = {
  candidates: [{ content: { parts: [{ text: "Hi" }], role: "model" }, finishReason: "STOP" }],
  modelVersion: "gemini-2.5-flash",
  usageMetadata: {
    promptTokenCount: 1500,
    candidatesTokenCount: 100,
    thoughtsTokenCount: 50,
    cachedContentTokenCount: 500,
    totalTokenCount: 1650,
    promptTokensDetails: [
      { modality: "TEXT", tokenCount: 300 },
      { modality: "AUDIO", tokenCount: 1000 },
      { modality: "IMAGE", tokenCount: 200 },
    ],
    cacheTokensDetails: [{ modality: "AUDIO", tokenCount: 500 }],
    candidatesTokensDetails: [{ modality: "TEXT", tokenCount: 100 }],
  },
};

const lines = (c: { lines: readonly { kind: string; tokens: number; usd: string }[] }) =>
  c.lines.map((l) => [l.kind, l.tokens, l.usd]);

describe("audio, image and web-search usage", () => {
  it("OpenAI audio tokens are priced on their own lines", () => {
    const usage = fromOpenAIUsage(openAIAudioChat);
    expect(usage).toEqual({
      input: 1000,
      output: 500,
      cachedInput: 0,
      reasoning: 0,
      audioInput: 600,
      audioOutput: 400,
    });
    const c = charge(table, "gpt-4o-audio-preview", usage);
    // 400 × 2.5/M + 100 × 10/M + 600 × 40/M + 400 × 80/M = 0.001 + 0.001 + 0.024 + 0.032
    expect(lines(c)).toEqual([
      ["input", 400, "0.001"],
      ["output", 100, "0.001"],
      ["audioInput", 600, "0.024"],
      ["audioOutput", 400, "0.032"],
    ]);
    expect(c.usd).toBe("0.058");
    expect(chargeUsd(table, "gpt-4o-audio-preview", usage)).toBe("0.058");
    // Batch halves every per-token rate, audio included.
    expect(charge(table, "gpt-4o-audio-preview", usage, { serviceTier: "batch" }).usd).toBe(
      "0.029",
    );
    expect(chargeUsd(table, "gpt-4o-audio-preview", usage, { serviceTier: "batch" })).toBe("0.029");
  });

  it("OpenAI Responses and Realtime shapes: audio, image, cached audio, web-search calls", () => {
    expect(
      fromOpenAIUsage({
        object: "response",
        output: [
          { type: "web_search_call", id: "ws_1", status: "completed" },
          { type: "web_search_call", id: "ws_2", status: "completed" },
          { type: "message", role: "assistant", content: [] },
        ],
        usage: {
          input_tokens: 900,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: 120,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 1020,
        },
      }),
    ).toEqual({ input: 900, output: 120, cachedInput: 0, reasoning: 0, webSearch: 2 });
    // A Realtime response.done usage: cached audio tokens are cache reads of audio, priced at the
    // cached-audio rate (issue 20: not the cached-text rate).
    expect(
      fromOpenAIUsage({
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
      }),
    ).toEqual({
      input: 1489,
      output: 375,
      cachedInput: 1088,
      cachedAudioInput: 64,
      audioInput: 241,
      audioOutput: 285,
    });
  });

  it("Anthropic web searches are priced per call", () => {
    const usage = fromAnthropicUsage(anthropicWebSearch);
    expect(usage).toEqual({
      input: 2000,
      output: 300,
      cachedInput: 0,
      cacheWrite: 0,
      cacheWrite1h: 0,
      webSearch: 3,
    });
    const c = charge(table, "claude-sonnet-4", usage);
    // 2000 × 3/M + 300 × 15/M + 3 × $10/1000 = 0.006 + 0.0045 + 0.03
    expect(lines(c)).toEqual([
      ["input", 2000, "0.006"],
      ["output", 300, "0.0045"],
      ["webSearch", 3, "0.03"],
    ]);
    expect(c.lines.at(-1)?.rate).toBe("0.01");
    expect(c.usd).toBe("0.0405");
    expect(chargeUsd(table, "claude-sonnet-4", usage)).toBe("0.0405");
    // Above the long-context threshold the tokens cost more; the search fee stays $0.01.
    // 250000 × 6/M + 1000 × 22.5/M + 2 × 0.01 = 1.5 + 0.0225 + 0.02
    // Batch halves the token rates, not the per-call fee: 0.15 + 0.0075 + 2 × 0.01.
    const batch = { input: 100000, output: 1000, webSearch: 2 };
    expect(charge(table, "claude-sonnet-4", batch, { serviceTier: "batch" }).usd).toBe("0.1775");
    expect(chargeUsd(table, "claude-sonnet-4", batch, { serviceTier: "batch" })).toBe("0.1775");
    const long = { input: 250000, output: 1000, webSearch: 2 };
    expect(charge(table, "claude-sonnet-4", long).usd).toBe("1.5425");
    expect(chargeUsd(table, "claude-sonnet-4", long)).toBe("1.5425");
  });

  it("Gemini modalities: cached audio is cached audio, never a cached-text read", () => {
    const usage = fromGeminiUsage(geminiMultimodal);
    expect(usage).toEqual({
      input: 1500,
      output: 150,
      cachedInput: 500,
      cachedAudioInput: 500,
      reasoning: 50,
      audioInput: 500,
      imageInput: 200,
    });
    // Google bills cached audio at 0.10/M for gemini-2.5-flash, not the 0.03/M of cached text;
    // the table has no cached-audio rate, so the usage is refused (it was 0.000015 before).
    expect(caught(() => charge(table, "gemini-2.5-flash", usage))).toMatchObject({
      code: "UNPRICED_USAGE",
      path: ["usage", "cachedAudioInput"],
    });
    // With the cache holding text, image and audio are priced on their own lines.
    const textCache = structuredClone(geminiMultimodal);
    textCache.usageMetadata.promptTokensDetails = [
      { modality: "TEXT", tokenCount: 800 },
      { modality: "AUDIO", tokenCount: 500 },
      { modality: "IMAGE", tokenCount: 200 },
    ];
    textCache.usageMetadata.cacheTokensDetails = [{ modality: "TEXT", tokenCount: 500 }];
    const c = charge(table, "gemini-2.5-flash", fromGeminiUsage(textCache));
    // text 300 × 0.3/M = 0.00009; cached 500 × 0.03/M = 0.000015; output 100 × 2.5/M = 0.00025;
    // reasoning 50 × 2.5/M = 0.000125; audio 500 × 1/M = 0.0005; image 200 × 0.3/M = 0.00006
    expect(lines(c)).toEqual([
      ["input", 300, "0.00009"],
      ["cachedInput", 500, "0.000015"],
      ["output", 100, "0.00025"],
      ["reasoning", 50, "0.000125"],
      ["audioInput", 500, "0.0005"],
      ["imageInput", 200, "0.00006"],
    ]);
    expect(c.usd).toBe("0.00104");
    expect(chargeUsd(table, "gemini-2.5-flash", fromGeminiUsage(textCache))).toBe("0.00104");
  });

  it("Gemini image output is its own part: UNPRICED_USAGE without a rate, never text", () => {
    const imageOut = structuredClone(geminiMultimodal);
    imageOut.usageMetadata.cacheTokensDetails = [];
    imageOut.usageMetadata.cachedContentTokenCount = 0;
    imageOut.usageMetadata.candidatesTokensDetails = [{ modality: "IMAGE", tokenCount: 100 }];
    const usage = fromGeminiUsage(imageOut);
    expect(usage).toMatchObject({ imageOutput: 100 });
    expect(caught(() => charge(table, "gemini-2.5-flash", usage))).toMatchObject({
      code: "UNPRICED_USAGE",
      path: ["usage", "imageOutput"],
    });
  });

  it("a part the model has no rate for is UNPRICED_USAGE, never the text rate or 0", () => {
    const cases: [string, Record<string, number>, string][] = [
      ["gpt-4o-audio-preview", { input: 100, output: 10, webSearch: 1 }, "webSearch"],
      ["gpt-4o-audio-preview", { input: 100, output: 10, imageInput: 5 }, "imageInput"],
      ["claude-sonnet-4", { input: 100, output: 10, audioInput: 5 }, "audioInput"],
      ["claude-sonnet-4", { input: 100, output: 10, audioOutput: 5 }, "audioOutput"],
      // gemini-2.5-flash prices audio input, not audio output.
      ["gemini-2.5-flash", { input: 100, output: 10, audioOutput: 5 }, "audioOutput"],
    ];
    for (const [model, usage, kind] of cases) {
      expect(caught(() => charge(table, model, usage))).toMatchObject({
        code: "UNPRICED_USAGE",
        path: ["usage", kind],
      });
      expect(caught(() => chargeUsd(table, model, usage))).toMatchObject({
        code: "UNPRICED_USAGE",
        path: ["usage", kind],
      });
    }
    // A zero count of an unpriced part is nothing to price.
    expect(charge(table, "claude-sonnet-4", { input: 100, output: 10, audioInput: 0 }).usd).toBe(
      "0.00045",
    );
  });

  it("parts must fit inside their totals", () => {
    expect(
      caught(() =>
        charge(table, "gpt-4o-audio-preview", {
          input: 100,
          output: 10,
          audioInput: 80,
          imageInput: 30,
        }),
      ),
    ).toMatchObject({ code: "INVALID_USAGE", path: ["usage", "audioInput"] });
    expect(
      caught(() =>
        charge(table, "gpt-4o-audio-preview", {
          input: 100,
          output: 10,
          reasoning: 5,
          audioOutput: 6,
        }),
      ),
    ).toMatchObject({ code: "INVALID_USAGE", path: ["usage", "audioOutput"] });
    expect(
      caught(() => charge(table, "claude-sonnet-4", { input: 1, output: 1, webSearch: 1.5 })),
    ).toMatchObject({ code: "INVALID_USAGE", path: ["usage", "webSearch"] });
  });

  it("chargeUsd always equals charge(…).usd, with any mix of parts", () => {
    const models = Object.keys(table.models);
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.record(
          {
            input: fc.nat(400_000),
            output: fc.nat(10_000),
            cachedInput: fc.nat(50_000),
            audioInput: fc.nat(50_000),
            imageInput: fc.nat(50_000),
            audioOutput: fc.nat(5_000),
            reasoning: fc.nat(5_000),
            webSearch: fc.nat(20),
          },
          { requiredKeys: ["input", "output"] },
        ),
        fc.constantFrom(undefined, "batch" as const),
        (model, usage, serviceTier) => {
          const options = serviceTier === undefined ? undefined : { serviceTier };
          let full: string | undefined;
          let error: unknown;
          try {
            full = charge(table, model, usage, options).usd;
          } catch (e) {
            error = e;
          }
          if (full !== undefined) expect(chargeUsd(table, model, usage, options)).toBe(full);
          else
            expect(caught(() => chargeUsd(table, model, usage, options))).toMatchObject({
              code: (error as { code: string }).code,
            });
        },
      ),
      { numRuns: 300 },
    );
  });
});
