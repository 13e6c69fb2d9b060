// Issue 21, untrusted catalogs: each case was confirmed against the CLI and the API by an
// outside red-team; each must be refused or reported quickly, never hang, crash or publish a
// silently wrong price.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importCatalog } from "../src/index.js";
import { cli } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "llm-pricebook-hostile-import-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return "no error";
};
const gpt4o =
  '{"litellm_provider":"openai","input_cost_per_token":2.5e-6,"output_cost_per_token":1e-5}';

describe("untrusted catalogs", () => {
  it("a duplicated LiteLLM key is INVALID_CATALOG, never the last one's 0/0", () => {
    const text = `{"gpt-4o":${gpt4o},"gpt-4o":{"litellm_provider":"openai","input_cost_per_token":0,"output_cost_per_token":0}}`;
    expect(code(() => importCatalog(text, { format: "litellm" }))).toBe("INVALID_CATALOG");
    const out = join(dir, "dup");
    const run = cli("import", file("dup.json", text), "--from", "litellm", "--out", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error INVALID_CATALOG: .*duplicated key/);
  });

  it("a price that underflows (1e-400) or overflows is refused, not imported as 0", () => {
    const text = `{"gpt-4o":{"litellm_provider":"openai","input_cost_per_token":1e-400,"output_cost_per_token":1e-5}}`;
    expect(code(() => importCatalog(text, { format: "litellm" }))).toBe("INVALID_CATALOG");
    const big = text.replace("1e-400", "1e400");
    expect(code(() => importCatalog(big, { format: "litellm" }))).toBe("INVALID_CATALOG");
    // A model named like a number is not a number.
    const named = `{"1e-400":${gpt4o}}`;
    expect(code(() => importCatalog(named, { format: "litellm" }))).toBe("no error");
  });

  it("a FIFO as the catalog is refused at once (opening it would wait for a writer)", () => {
    const fifo = join(dir, "catalog.fifo");
    execFileSync("mkfifo", [fifo]);
    const started = Date.now();
    const run = cli("import", fifo, "--from", "litellm", "--out", join(dir, "fifo"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("not a regular file");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a JSON error says where, never quotes the file", () => {
    const run = cli("import", file("secret.json", "SECRET-TOKEN-abc123"), "--from", "litellm");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error INVALID_CATALOG: .*not JSON/);
    expect(run.stderr).not.toContain("SECRET");
  });

  it("a backtracking regex rule is never run, and is reported", () => {
    const catalog = [
      {
        id: "openai",
        name: "OpenAI",
        pricing_urls: [],
        api_pattern: "x",
        models: [
          { id: "evil", match: { regex: "^(a|aa)+$" }, prices: { input_mtok: 1, output_mtok: 2 } },
          {
            id: "gpt-4o",
            match: { equals: "gpt-4o" },
            prices: { input_mtok: 2.5, output_mtok: 10 },
          },
        ],
      },
    ];
    const started = Date.now();
    const { report, tables } = importCatalog(catalog, { format: "genai-prices" });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(report.skipped.some((s) => s.key === "^(a|aa)+$")).toBe(true);
    expect(tables[0]?.models["gpt-4o"]?.input).toEqual({ perMillion: "2.5" });
  });

  it("match rules nested 20,000 deep are INVALID_CATALOG, not a stack overflow", () => {
    let rule: unknown = { equals: "gpt-4o" };
    for (let i = 0; i < 20_000; i++) rule = { or: [rule] };
    const catalog = [
      {
        id: "openai",
        name: "OpenAI",
        pricing_urls: [],
        api_pattern: "x",
        models: [{ id: "m", match: rule, prices: { input_mtok: 1, output_mtok: 2 } }],
      },
    ];
    expect(code(() => importCatalog(catalog, { format: "genai-prices" }))).toBe("INVALID_CATALOG");
  });

  it("providers whose ids differ only in case are refused, not written over each other", () => {
    const models = [
      { id: "gpt-4o", match: { equals: "gpt-4o" }, prices: { input_mtok: 2.5, output_mtok: 10 } },
    ];
    const catalog = [
      { id: "openai", name: "a", pricing_urls: [], api_pattern: "x", models },
      {
        id: "OpenAI",
        name: "b",
        pricing_urls: [],
        api_pattern: "x",
        models: [{ ...models[0], prices: { input_mtok: 0, output_mtok: 0 } }],
      },
    ];
    expect(code(() => importCatalog(catalog, { format: "genai-prices" }))).toBe("INVALID_CATALOG");
  });

  it("a LiteLLM tier key the importer cannot translate never yields a file parseTable refuses", () => {
    const text = `{"gpt-4o":{"litellm_provider":"openai","input_cost_per_token":2.5e-6,"output_cost_per_token":1e-5,"input_cost_per_token_above_0k_tokens":5e-6}}`;
    const out = join(dir, "tier");
    const run = cli("import", file("tier.json", text), "--from", "litellm", "--out", out, "--json");
    if (run.code === 0) {
      // Imported: every file written parses.
      for (const name of readdirSync(out)) {
        const check = cli(
          "charge",
          "gpt-4o",
          "--table",
          join(out, name),
          "--input",
          "1",
          "--output",
          "1",
        );
        expect(check.code, name).toBe(0);
      }
    } else {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error INVALID_CATALOG/);
    }
  });
});
