import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ruleCacheSize } from "../src/catalog/resolveName.js";
import {
  builtinPricebook,
  charge,
  createPricebook,
  type PricingTable,
  pricebookResolve,
  quote,
  resolveName,
} from "../src/index.js";
import { providerPricebook, providerTables } from "./fixtures/providerTables.js";
import { caught } from "./helpers.js";

const t = providerTables as Record<string, PricingTable>;
const openai = t.openai as PricingTable;
const anthropic = t.anthropic as PricingTable;
const google = t.google as PricingTable;
const bedrock = t["aws-bedrock"] as PricingTable;
const vertex = t["google-vertex"] as PricingTable;

/** [model id, rule] a name resolves to. */
const r = (table: PricingTable, name: string) => {
  const found = resolveName(table, name);
  return [found.variant?.id ?? found.model.id, found.resolvedBy];
};
const fails = (table: PricingTable, name: string) => caught(() => resolveName(table, name)).code;

describe("resolveName: exact ids and aliases first", () => {
  it("finds ids and aliases in any case", () => {
    expect(r(openai, "gpt-4o")).toEqual(["gpt-4o", "id"]);
    expect(r(openai, "GPT-4o")).toEqual(["gpt-4o", "id"]);
    expect(r(openai, "gpt-4o-2024-08-06")).toEqual(["gpt-4o", "alias"]);
    expect(r(anthropic, "claude-3-5-haiku-latest")).toEqual(["claude-3-5-haiku", "alias"]);
  });

  it("a snapshot with its own entry keeps its own price, through any rule", () => {
    expect(r(openai, "gpt-4o-2024-05-13")).toEqual(["gpt-4o-2024-05-13", "id"]);
    expect(r(openai, "OpenAI/GPT-4o-2024-05-13")).toEqual(["gpt-4o-2024-05-13", "prefix"]);
    // 100000 × 5/M + 100000 × 15/M = 0.5 + 1.5, not gpt-4o's 0.25 + 1
    expect(charge(openai, "gpt-4o-2024-05-13", { input: 100000, output: 100000 }).usd).toBe("2");
  });
});

describe("resolveName: snapshot rule", () => {
  it("strips a dated, -latest or -NNN tag when the table has no more specific entry", () => {
    expect(r(openai, "gpt-4o-2024-11-20")).toEqual(["gpt-4o", "snapshot"]);
    expect(r(openai, "gpt-4o-20241120")).toEqual(["gpt-4o", "snapshot"]);
    expect(r(anthropic, "claude-sonnet-4-5-20250929")).toEqual(["claude-sonnet-4-5", "alias"]);
    expect(r(anthropic, "claude-sonnet-4-latest")).toEqual(["claude-sonnet-4", "snapshot"]);
    expect(r(google, "gemini-2.0-flash-001")).toEqual(["gemini-2.0-flash", "snapshot"]);
    expect(charge(openai, "gpt-4o-2024-11-20", { input: 100000, output: 100000 }).resolvedBy).toBe(
      "snapshot",
    );
  });

  it("refuses tags that are not dates that exist, or not the declared lengths", () => {
    for (const name of [
      "gpt-4o-2024-13-01",
      "gpt-4o-2024-02-30",
      "gpt-4o-20241340",
      "gpt-4o-1999",
      "gemini-2.0-flash-01",
      "gemini-2.0-flash-0001",
      "gpt-4o-newest",
      "gpt-4o-2024-11-20-2024-11-21",
    ]) {
      expect([name, fails(name.startsWith("gemini") ? google : openai, name)]).toEqual([
        name,
        "UNKNOWN_MODEL",
      ]);
    }
  });
});

describe("resolveName: prefix rule", () => {
  it("strips provider and router prefixes", () => {
    expect(r(openai, "openai/gpt-4o")).toEqual(["gpt-4o", "prefix"]);
    expect(r(openai, "openai:gpt-4o")).toEqual(["gpt-4o", "prefix"]);
    expect(r(openai, "azure/gpt-4o")).toEqual(["gpt-4o", "prefix"]);
    expect(r(openai, "openrouter/openai/gpt-4o")).toEqual(["gpt-4o", "prefix"]);
    expect(r(google, "models/gemini-2.5-flash")).toEqual(["gemini-2.5-flash", "prefix"]);
    expect(r(google, "gemini/gemini-2.5-flash")).toEqual(["gemini-2.5-flash", "prefix"]);
    expect(r(google, "vertex_ai/gemini-2.0-flash")).toEqual(["gemini-2.0-flash", "prefix"]);
    expect(r(t.mistral as PricingTable, "mistral/mistral-large-latest")).toEqual([
      "mistral-large-2411",
      "prefix",
    ]);
    expect(r(t.xai as PricingTable, "openrouter/x-ai/grok-4")).toEqual(["grok-4", "prefix"]);
    expect(r(t.xai as PricingTable, "xai/grok-4-0709")).toEqual(["grok-4", "prefix"]);
  });

  it("composes with the snapshot rule, reporting the last rule applied", () => {
    expect(r(openai, "openai/gpt-4o-2024-11-20")).toEqual(["gpt-4o", "snapshot"]);
    expect(r(google, "vertex_ai/gemini-2.0-flash-001")).toEqual(["gemini-2.0-flash", "snapshot"]);
  });

  it("never resolves a provider's prefix to another provider's model", () => {
    for (const [table, name] of [
      [openai, "anthropic/gpt-4o"],
      [openai, "models/gpt-4o"],
      [openai, "openrouter/google/gpt-4o"],
      [anthropic, "openai/claude-sonnet-4"],
      [openai, "anthropic:gpt-4o-2024-11-20"],
    ] as const) {
      expect([name, fails(table, name)]).toEqual([name, "UNKNOWN_MODEL"]);
    }
    expect(caught(() => resolveName(openai, "anthropic/gpt-4o")).message).toContain(
      `"gpt-4o" is openai's, not anthropic's`,
    );
  });

  it("knows only declared prefixes", () => {
    expect(fails(openai, "groq/gpt-4o")).toBe("UNKNOWN_MODEL");
    expect(fails(openai, "openai/openai/gpt-4o")).toBe("UNKNOWN_MODEL");
    expect(fails(openai, "/gpt-4o")).toBe("UNKNOWN_MODEL");
  });
});

describe("resolveName: vendor forms", () => {
  it("Bedrock: an exact regional id keeps its own price", () => {
    expect(r(bedrock, "us.anthropic.claude-sonnet-4-5-20250929-v1:0")).toEqual([
      "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
      "id",
    ]);
    // 100000 × 3.30/M + 100000 × 16.50/M = 0.33 + 1.65; global: 0.3 + 1.5
    const usage = { input: 100000, output: 100000 };
    expect(charge(bedrock, "us.anthropic.claude-sonnet-4-5-20250929-v1:0", usage).usd).toBe("1.98");
    expect(charge(bedrock, "global.anthropic.claude-sonnet-4-5-20250929-v1:0", usage).usd).toBe(
      "1.8",
    );
  });

  it("Bedrock: strips region, -vN:M suffix and owner only when the table lacks the exact id", () => {
    expect(r(bedrock, "eu.anthropic.claude-sonnet-4-5-20250929-v1:0")).toEqual([
      "anthropic.claude-sonnet-4-5-20250929-v1:0",
      "vendor-form",
    ]);
    expect(r(bedrock, "bedrock/us.amazon.nova-pro-v1:0")).toEqual([
      "amazon.nova-pro-v1:0",
      "vendor-form",
    ]);
    expect(r(bedrock, "us.amazon.nova-lite-v1:0")).toEqual(["nova-lite", "vendor-form"]);
    expect(r(anthropic, "us.anthropic.claude-sonnet-4-20250514-v1:0")).toEqual([
      "claude-sonnet-4",
      "vendor-form",
    ]);
    expect(r(anthropic, "anthropic.claude-sonnet-4-5-20250929-v1:0")).toEqual([
      "claude-sonnet-4-5",
      "vendor-form",
    ]);
    // then a snapshot: no entry for the dated id in this table
    expect(r(anthropic, "global.anthropic.claude-sonnet-4-5-20251231-v1:0")).toEqual([
      "claude-sonnet-4-5",
      "snapshot",
    ]);
  });

  it("Bedrock: unknown regions, other owners and other suffixes are not stripped", () => {
    for (const name of [
      "xx.anthropic.claude-sonnet-4-20250514-v1:0",
      "us.meta.nova-lite-v1:0",
      "us.anthropic.claude-sonnet-4-20250514-v1:0:200k",
      "us.claude-sonnet-4-20250514",
      "us.anthropic.gpt-4o",
    ]) {
      expect([name, fails(name.includes("gpt") ? openai : anthropic, name)]).toEqual([
        name,
        "UNKNOWN_MODEL",
      ]);
    }
    expect(caught(() => resolveName(bedrock, "us.meta.nova-lite-v1:0")).message).toContain(
      "amazon's, not meta's",
    );
  });

  it("Vertex: @YYYYMMDD, @NNN and @latest", () => {
    expect(r(vertex, "claude-sonnet-4@20250514")).toEqual(["claude-sonnet-4", "vendor-form"]);
    expect(r(vertex, "vertex_ai/claude-sonnet-4@20250514")).toEqual([
      "claude-sonnet-4",
      "vendor-form",
    ]);
    expect(r(vertex, "claude-sonnet-4@latest")).toEqual(["claude-sonnet-4", "vendor-form"]);
    expect(r(vertex, "gemini-2.0-flash@001")).toEqual(["gemini-2.0-flash", "vendor-form"]);
    // the first-party dated id is tried before the bare one
    expect(r(anthropic, "claude-sonnet-4-5@20250929")).toEqual([
      "claude-sonnet-4-5",
      "vendor-form",
    ]);
    for (const name of ["claude-sonnet-4@2025", "claude-sonnet-4@20251340", "claude-sonnet-4@v1"]) {
      expect([name, fails(vertex, name)]).toEqual([name, "UNKNOWN_MODEL"]);
    }
  });
});

describe("resolveName never guesses", () => {
  it("made-up ids stay UNKNOWN_MODEL, with suggestions", () => {
    for (const name of [
      "gpt-9-ultra",
      "gpt-4o-turbo-max",
      "my-gpt-4o",
      "gpt-4o-custom",
      "xgpt-4o",
    ]) {
      expect([name, fails(openai, name)]).toEqual([name, "UNKNOWN_MODEL"]);
    }
    expect(
      caught(() => resolveName(openai, "gpt-4o-turbo-max")).suggestions.length,
    ).toBeGreaterThan(0);
  });

  // Declared heads and tails, and junk that no rule removes.
  const HEADS = [
    "",
    "openai/",
    "anthropic/",
    "models/",
    "openrouter/anthropic/",
    "bedrock/",
    "us.anthropic.",
    "global.amazon.",
    "azure/",
  ];
  const TAILS = [
    "",
    "-2024-11-20",
    "-20250101",
    "-latest",
    "-001",
    "-v1:0",
    "@20250514",
    "@latest",
  ];
  const JUNK_HEADS = ["my-", "x", "openai-", "us-anthropic-", "groq/"];
  const JUNK_TAILS = ["-turbo", "-2024-13-01", "x", "-0001", "-v1", ":0", ":beta", "@2025"];
  const HEAD =
    /^(openrouter\/[a-z0-9_.-]+\/|[a-z0-9_-]+[:/])?((us|us-gov|eu|apac|au|jp|ca|global)\.)?((anthropic|amazon|meta|mistral|cohere|ai21|deepseek|openai|qwen|writer)\.)?$/;
  const TAIL = /^(-(\d{4}-\d{2}-\d{2}|\d{8}|latest|\d{3}))?(-v\d+:\d+)?(@(\d{8}|\d{3}|latest))?$/;

  /** True when `key` is `name` with only a declared head and tail removed. */
  function reducible(name: string, key: string): boolean {
    for (const n of [name, name.replace(/@(\w+)$/, "-$1")]) {
      for (let i = n.indexOf(key); i !== -1; i = n.indexOf(key, i + 1)) {
        if (HEAD.test(n.slice(0, i)) && TAIL.test(n.slice(i + key.length))) return true;
      }
    }
    return false;
  }

  const tables = Object.values(t);
  const keys = tables.flatMap((table) =>
    Object.values(table.models).flatMap((model) => [model.id, ...model.aliases]),
  );

  it("property: a resolved name is always a declared reduction of the name", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...tables),
        fc.constantFrom(...keys),
        fc.constantFrom(...HEADS, ...JUNK_HEADS),
        fc.constantFrom(...TAILS, ...JUNK_TAILS),
        fc.boolean(),
        (table, key, head, tail, upper) => {
          const name = `${head}${key}${tail}`;
          let found: ReturnType<typeof resolveName>;
          try {
            found = resolveName(table, upper ? name.toUpperCase() : name);
          } catch (error) {
            expect((error as { code: string }).code).toBe("UNKNOWN_MODEL");
            return;
          }
          const names = [found.model.id, ...found.model.aliases, found.variant?.id ?? ""];
          expect(names.some((k) => k !== "" && reducible(name, k))).toBe(true);
          if (JUNK_HEADS.includes(head) || JUNK_TAILS.includes(tail)) {
            // junk is never stripped: the junk must be inside the matched name itself
            expect(names.some((k) => k !== "" && k.includes(head) && k.includes(tail))).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("remembers names resolved by a rule, in a bounded cache", () => {
    const first = resolveName(openai, "openai/gpt-4o-2024-11-20");
    expect(resolveName(openai, "openai/gpt-4o-2024-11-20")).toBe(first);
    for (let day = 0; day < 3000; day++) {
      const date = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
      expect(resolveName(openai, `gpt-4o-${date}`).model.id).toBe(
        date === "2024-05-13" ? "gpt-4o-2024-05-13" : "gpt-4o",
      );
    }
    expect(ruleCacheSize(openai)).toBe(1024);
    // a huge name is resolved, not remembered
    expect(fails(openai, `openai/${"x".repeat(100_000)}`)).toBe("UNKNOWN_MODEL");
  });
});

describe("pricebookResolve (--table auto)", () => {
  const at = (name: string) => {
    const found = pricebookResolve(providerPricebook, name, { asOf: "2025-11-01" });
    return [
      found.table.id,
      found.resolved.variant?.id ?? found.resolved.model.id,
      found.resolved.resolvedBy,
    ];
  };
  const failsAt = (name: string) =>
    caught(() => pricebookResolve(providerPricebook, name, { asOf: "2025-11-01" }));

  it("sends bare ids to the model owner's table, not a product table that also has them", () => {
    expect(at("gpt-4o")).toEqual(["openai", "gpt-4o", "id"]);
    expect(at("gpt-4o-2024-05-13")).toEqual(["openai", "gpt-4o-2024-05-13", "id"]);
    expect(at("gpt-4o-2024-11-20")).toEqual(["openai", "gpt-4o", "snapshot"]);
    expect(at("claude-sonnet-4-5-20250929")).toEqual(["anthropic", "claude-sonnet-4-5", "alias"]);
    expect(at("gemini-2.0-flash-001")).toEqual(["google", "gemini-2.0-flash", "snapshot"]);
    expect(at("mistral-large-latest")).toEqual(["mistral", "mistral-large-2411", "alias"]);
    expect(at("grok-4-0709")).toEqual(["xai", "grok-4", "alias"]);
  });

  it("sends provider prefixes to the provider's table", () => {
    expect(at("openai/gpt-4o")).toEqual(["openai", "gpt-4o", "prefix"]);
    expect(at("openrouter/anthropic/claude-sonnet-4")).toEqual([
      "anthropic",
      "claude-sonnet-4",
      "prefix",
    ]);
    expect(at("models/gemini-2.0-flash")).toEqual(["google", "gemini-2.0-flash", "prefix"]);
    expect(at("gemini/gemini-2.5-flash")).toEqual(["google", "gemini-2.5-flash", "prefix"]);
    expect(at("openrouter/x-ai/grok-4")).toEqual(["xai", "grok-4", "prefix"]);
    expect(failsAt("anthropic/gpt-4o").code).toBe("UNKNOWN_MODEL");
  });

  it("sends vendor forms to the vendor's table, and only there", () => {
    expect(at("us.anthropic.claude-sonnet-4-5-20250929-v1:0")).toEqual([
      "aws-bedrock",
      "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
      "id",
    ]);
    expect(at("bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0")).toEqual([
      "aws-bedrock",
      "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
      "prefix",
    ]);
    expect(at("amazon.nova-pro-v1:0")).toEqual(["aws-bedrock", "amazon.nova-pro-v1:0", "id"]);
    expect(at("claude-sonnet-4@20250514")).toEqual([
      "google-vertex",
      "claude-sonnet-4",
      "vendor-form",
    ]);
    expect(at("vertex_ai/gemini-2.0-flash-001")).toEqual([
      "google-vertex",
      "gemini-2.0-flash",
      "snapshot",
    ]);
    expect(at("azure/gpt-4o")).toEqual(["azure-openai", "gpt-4o", "prefix"]);
    // A Vertex price is Vertex's, even where Google's own table has the model (0.15 vs 0.10).
    const found = pricebookResolve(providerPricebook, "gemini-2.0-flash@001", {
      asOf: "2025-11-01",
    });
    expect(found.resolved.model.input).toBe("0.00000015");
    // a Bedrock id never falls back to the first-party table
    expect(failsAt("us.anthropic.claude-3-5-haiku-20241022-v1:0").code).toBe("UNKNOWN_MODEL");
  });

  it("product tables answer only names no provider table knows", () => {
    expect(at("gpt-4o-16k")).toEqual(["acme-product", "gpt-4o-16k", "id"]);
    expect(at("openai/gpt-4o-16k")).toEqual(["acme-product", "gpt-4o-16k", "prefix"]);
  });

  it("an id two tables claim is AMBIGUOUS_MODEL, naming both", () => {
    const error = failsAt("gpt-oss-120b");
    expect(error.code).toBe("AMBIGUOUS_MODEL");
    expect(error.message).toContain("openai@2025-10-01 and xai@2025-10-01");
  });

  it("made-up ids are UNKNOWN_MODEL", () => {
    for (const name of ["gpt-9-ultra", "gpt-4o-turbo-max", "claude-sonnet-9", "openai/gpt-9"]) {
      expect([name, failsAt(name).code]).toEqual([name, "UNKNOWN_MODEL"]);
    }
  });

  it("with today's built-in tables", () => {
    const book = builtinPricebook();
    const on = (name: string, asOf = "2025-09-01") => {
      const found = pricebookResolve(book, name, { asOf });
      return [found.table.id, found.resolved.model.id, found.resolved.resolvedBy];
    };
    expect(on("gpt-4o")).toEqual(["openai", "gpt-4o", "id"]);
    expect(on("gpt-4o-mini-16k")[0]).toBe("gpt-trainer-byok");
    expect(on("claude-sonnet-4-20250514")).toEqual(["anthropic", "claude-sonnet-4-20250514", "id"]);
    expect(on("models/gemini-2.5-flash", "2025-12-01")).toEqual([
      "google",
      "gemini-2.5-flash",
      "prefix",
    ]);
    // Bedrock ids go to the aws-bedrock table, never to Anthropic's price
    expect(on("us.anthropic.claude-sonnet-4-20250514-v1:0")).toEqual([
      "aws-bedrock",
      "us.anthropic.claude-sonnet-4-20250514-v1:0",
      "id",
    ]);
    // without that table: a clear error
    const error = caught(() =>
      pricebookResolve(
        createPricebook(book.tables.filter((table) => table.id !== "aws-bedrock")),
        "us.anthropic.claude-sonnet-4-20250514-v1:0",
      ),
    );
    expect(error.code).toBe("UNKNOWN_TABLE");
    expect(error.message).toContain("aws-bedrock");
  });

  it("Quote carries resolvedBy too", () => {
    expect(quote(t["acme-product"] as PricingTable, "openai/gpt-4o-16k").resolvedBy).toBe("prefix");
    expect(quote(t["acme-product"] as PricingTable, "gpt-4o-16k").resolvedBy).toBe("id");
  });
});
