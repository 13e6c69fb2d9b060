import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { FakeChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { builtinPricebook, charge, tableAsOf } from "../src/index.js";
import {
  type LangChainChargeEvent,
  pricebookCallbackHandler,
} from "../src/integrations/pricebookCallbackHandler.js";

const ASOF = "2025-06-11";

/** LangChain's FakeChatModel, answering with a message that carries usage_metadata. */
class UsageChatModel extends FakeChatModel {
  constructor(private readonly reply: AIMessage) {
    super({});
  }
  override async _generate(_messages: BaseMessage[]): Promise<ChatResult> {
    return { generations: [{ text: String(this.reply.content), message: this.reply }] };
  }
}

describe("pricebookCallbackHandler (LangChain)", () => {
  it("prices a run from usage_metadata with cache and reasoning details, exactly", async () => {
    const events: LangChainChargeEvent[] = [];
    const model = new UsageChatModel(
      new AIMessage({
        content: "hi",
        response_metadata: { model_name: "o3" },
        usage_metadata: {
          input_tokens: 1200,
          output_tokens: 300,
          total_tokens: 1500,
          input_token_details: { cache_read: 1000 },
          output_token_details: { reasoning: 100 },
        },
      }),
    );
    await model.invoke("hello", {
      callbacks: [pricebookCallbackHandler({ asOf: ASOF, onCharge: (e) => events.push(e) })],
    });
    const table = tableAsOf(builtinPricebook(), "openai", { asOf: ASOF });
    const expected = charge(table, "o3", {
      input: 1200,
      output: 300,
      cachedInput: 1000,
      reasoning: 100,
    }).usd;
    // o3 at openai@2025-06-10: 200 × 0.000002 + 1000 × 0.0000005 + 300 × 0.000008
    expect(expected).toBe("0.0033");
    expect(events.map((e) => e.ok && [e.usd, e.table, e.model])).toEqual([
      ["0.0033", "openai@2025-06-10", "o3"],
    ]);
  });

  it("reports a message without usage_metadata as unpriced, never 0", async () => {
    const events: LangChainChargeEvent[] = [];
    const model = new UsageChatModel(
      new AIMessage({ content: "hi", response_metadata: { model_name: "o3" } }),
    );
    await model.invoke("hello", {
      callbacks: [pricebookCallbackHandler({ asOf: ASOF, onCharge: (e) => events.push(e) })],
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.ok).toBe(false);
    expect(events[0]?.ok === false && typeof events[0].code).toBe("string");
  });

  it("reports an unknown model's code", async () => {
    const events: LangChainChargeEvent[] = [];
    const model = new UsageChatModel(
      new AIMessage({
        content: "hi",
        response_metadata: { model_name: "nope-1" },
        usage_metadata: { input_tokens: 1, output_tokens: 1, total_tokens: 2 },
      }),
    );
    await model.invoke("hello", {
      callbacks: [pricebookCallbackHandler({ onCharge: (e) => events.push(e) })],
    });
    expect(events.map((e) => (e.ok ? e.usd : e.code))).toEqual(["UNKNOWN_MODEL"]);
  });
});
