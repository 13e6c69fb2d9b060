import { describe, expect, it } from "vitest";
import {
  builtinPricebook,
  compileTable,
  diffTables,
  type PricingTableInput,
  parseTable,
  safeParseTable,
} from "../src/index.js";
import { modal } from "./fixtures/modalTable.js";
import { caught } from "./helpers.js";

// The digests every built-in table had before audio, image and web-search rates were added to
// the format: a table that uses none of them must keep its digest (and so its provenance).
const DIGESTS_BEFORE = {
  "anthropic@2025-08-05": "sha256:7bbd9065aca0e63866b8169ac9202ae2538952900ccf6d05063435a0e1c12d56",
  "anthropic@2026-03-13": "sha256:3740ff911c2f7ef71e39fc5718f68f18109cdac2d459a1acc70df923aab04fad",
  "google@2025-11-07": "sha256:8364acb592a7ce82ced0324b4b499c2b5fb431bafd63eaf919d9f30c06276ff8",
  "gpt-trainer-byok@2024-11-01":
    "sha256:6d9972af08e7c079d682fc188ba2626fdb5b65eb0fe9277f703e37d57519de65",
  "gpt-trainer-byok@2025-01-07":
    "sha256:d08ddfb374301876c4fbd0f9a6b1d4fd54a417530563abba9fd4c7bdec853068",
  "openai@2025-04-16": "sha256:fab4067d4cc1a38e9fd1896b9379251452e965e46a2039def47daf6fb0ad8f71",
  "openai@2025-06-10": "sha256:76bb061e4b6746b7d2655eb300b94c6e71723d38b143632a941174ac697eb011",
};

describe("audio, image and web-search rates in the table format", () => {
  it("leave the digest of every table that does not use them unchanged", () => {
    const now = Object.fromEntries(
      builtinPricebook().tables.map((t) => [`${t.id}@${t.version}`, t.provenance.digest]),
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
