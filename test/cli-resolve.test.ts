import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const json = (...argv: string[]) => {
  const run = cli(...argv, "--json");
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

describe("CLI: charge with --table auto and the new usage flags", () => {
  it("--json carries resolvedBy and the table's provenance", () => {
    const out = json(
      "charge",
      "openai/o3-2025-06-10",
      "--table",
      "auto",
      "--input",
      "100000",
      "--output",
      "100000",
    );
    // o3 after its 2025-06-10 cut: 100000 × 2/M + 100000 × 8/M
    expect(out.model).toBe("o3");
    expect(out.usd).toBe("1");
    expect(out.resolvedBy).toBe("snapshot");
    expect(out.table.id).toBe("openai");
    // Today's openai version (from 2026-07-30); o3's price has not changed since 2025-06-10.
    expect(out.table.version).toBe("2026-07-30");
    expect(out.table.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("a snapshot with its own price keeps it", () => {
    const out = json(
      "charge",
      "gpt-4o-2024-05-13",
      "--table",
      "auto",
      "--input",
      "100000",
      "--output",
      "100000",
    );
    // 100000 × 5/M + 100000 × 15/M
    expect([out.model, out.resolvedBy, out.usd]).toEqual(["gpt-4o-2024-05-13", "id", "2"]);
  });

  it("text output says the rule when it is not the id", () => {
    const run = cli(
      "charge",
      "anthropic/claude-sonnet-4-20250514",
      "--table",
      "anthropic",
      "--input",
      "1000",
      "--output",
      "100",
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toContain(
      '"anthropic/claude-sonnet-4-20250514" resolved by prefix',
    );
    const plain = cli(
      "charge",
      "gpt-4o",
      "--table",
      "openai",
      "--input",
      "1000",
      "--output",
      "100",
    );
    expect(plain.stdout).not.toContain("resolved by");
  });

  it("prices audio, image and web-search flags, or refuses them without a rate", () => {
    // claude-3-haiku-20240307: genai-prices has no web-search fee for it, so none is built in.
    const refused = cli(
      "charge",
      "claude-3-haiku-20240307",
      "--table",
      "anthropic",
      "--input",
      "2000",
      "--output",
      "300",
      "--web-search",
      "3",
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error UNPRICED_USAGE: usage\.webSearch: /);
    // Sonnet 4.5 has one both catalogs state ($10 per 1,000 calls):
    // 2000 × 3/M + 300 × 15/M + 3 × 0.01 = 0.006 + 0.0045 + 0.03
    expect(
      json(
        "charge",
        "claude-sonnet-4-5-20250929",
        "--table",
        "anthropic",
        "--input",
        "2000",
        "--output",
        "300",
        "--web-search",
        "3",
      ).usd,
    ).toBe("0.0405");
    const audio = cli(
      "charge",
      "gpt-4o",
      "--table",
      "openai",
      "--input",
      "2000",
      "--output",
      "300",
      "--audio-input",
      "500",
    );
    expect(audio.code).toBe(2);
    expect(audio.stderr).toMatch(/^error UNPRICED_USAGE: usage\.audioInput: /);
    const bad = cli(
      "charge",
      "gpt-4o",
      "--table",
      "openai",
      "--input",
      "10",
      "--output",
      "10",
      "--image-input",
      "11",
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error INVALID_USAGE: /);
    const negative = cli(
      "charge",
      "gpt-4o",
      "--table",
      "openai",
      "--input",
      "10",
      "--output",
      "10",
      "--web-search",
      "-1",
    );
    expect(negative.code).toBe(2);
    // A zero count of an unpriced part is nothing to price.
    expect(
      json(
        "charge",
        "gpt-4o",
        "--table",
        "openai",
        "--input",
        "1000",
        "--output",
        "0",
        "--web-search",
        "0",
      ).usd,
    ).toBe("0.0025");
  });

  it("auto: vendor forms go to their table; made-up ids and ambiguity are errors", () => {
    // The aws-bedrock table prices it: 1 × 3/M + 1 × 15/M
    const bedrock = json(
      "charge",
      "us.anthropic.claude-sonnet-4-20250514-v1:0",
      "--table",
      "auto",
      "--input",
      "1",
      "--output",
      "1",
    );
    expect([bedrock.table.id, bedrock.usd]).toEqual(["aws-bedrock", "0.000018"]);
    const madeUp = cli(
      "charge",
      "us.anthropic.claude-nope-4-20250514-v1:0",
      "--table",
      "auto",
      "--input",
      "1",
      "--output",
      "1",
    );
    expect([madeUp.code, madeUp.stderr.slice(0, 20)]).toEqual([2, "error UNKNOWN_MODEL:"]);
    for (const name of ["gpt-9-ultra", "gpt-4o-turbo-max"]) {
      const run = cli("charge", name, "--table", "auto", "--input", "1", "--output", "1");
      expect([name, run.code, run.stderr.slice(0, 20)]).toEqual([name, 2, "error UNKNOWN_MODEL:"]);
    }
    const noName = cli("models", "--table", "auto");
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/^error INVALID_ARGUMENT: --table auto needs a model name/);
  });

  it("quote keeps working, with auto and resolvedBy", () => {
    const out = json("quote", "gpt-4o-16k", "--table", "auto");
    expect([out.usd, out.resolvedBy, out.table.id]).toEqual(["0.064", "id", "gpt-trainer-byok"]);
    expect(json("quote", "openai/gpt-4o-16k").resolvedBy).toBe("prefix");
  });

  it("models --table lists every model with its aliases", () => {
    // The generated tables hold each dated id as its own model, without aliases.
    const out = json("models", "--table", "openai");
    const gpt4o = out.models.find((m: { id: string }) => m.id === "gpt-4o");
    expect(gpt4o.aliases).toEqual([]);
    expect(out.models.map((m: { id: string }) => m.id)).toContain("gpt-4o-2024-08-06");
    const text = cli("models", "--table", "openai").stdout;
    expect(text).toContain("gpt-4o (openai) input 0.0000025, output 0.00001 per token\n");
    const own = cli("models", "--table", "gpt-trainer-byok").stdout;
    expect(own).not.toContain("; also ");
  });
});
