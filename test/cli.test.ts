import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inertText } from "../src/cli/command.js";
import { gptTrainerByok20241101 } from "../src/tables/gptTrainerByok20241101.js";
import { cli } from "./helpers.js";

describe("CLI", () => {
  it("prints a human quote", () => {
    const result = cli("quote", "gpt-4o-16k");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("0.064 USD (±20%: 0.0512 to 0.0768)");
    expect(result.stdout).toContain("20 MC estimated");
  });

  it("quotes a model with --window IN:OUT", () => {
    const json = JSON.parse(cli("quote", "gpt-4o", "--window", "1000:500", "--json").stdout);
    expect(json.usd).toBe("0.0075");
    expect(JSON.parse(cli("quote", "gpt-4o", "--window=12800:3200", "--json").stdout).usd).toBe(
      "0.064",
    );
  });

  it("lists models and variants", () => {
    const json = JSON.parse(cli("models", "--json", "--provider", "openai").stdout);
    expect(json.models.map((model: { id: string }) => model.id)).toContain("gpt-4o");
    expect(json.variants).toHaveLength(23);
  });

  it("renders --json for table", () => {
    const json = JSON.parse(cli("table", "--json").stdout);
    expect(json.text.split("\n")).toHaveLength(25);
    expect(json.table.id).toBe("gpt-trainer-byok");
  });

  it("reads a table file with --table and audits a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "pricebook-"));
    const file = join(dir, "table.json");
    const fixed = structuredClone(gptTrainerByok20241101) as any;
    fixed.workflows["intent-generation"].printed.usd = "0.0195";
    fixed.workflows["query-intent-classification"].printed.usd = "0.0011";
    writeFileSync(file, JSON.stringify(fixed));
    expect(JSON.parse(cli("quote", "gpt-3.5", "--table", file, "--json").stdout).usd).toBe(
      "0.0032",
    );
    const audit = cli("audit", file, "--json");
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout).findings).toEqual([]);
  });

  // Each bad input: exit 2, `error CODE: …` on stderr, nothing on stdout, no stack trace.
  it.each([
    [["quote", "gpt-4o-17k"], "UNKNOWN_MODEL", 'did you mean "gpt-4o-16k"'],
    [["quote"], "MISSING_ARGUMENT", "missing variant"],
    [["quote", "gpt-4o-16k", "--as-of"], "MISSING_ARGUMENT", "--as-of needs a value"],
    [["quote", "gpt-4o-16k", "--as-of", "2025-02-30"], "INVALID_ARGUMENT", "date that exists"],
    [["quote", "gpt-4o-16k", "--as-of", "2020-01-01"], "NO_TABLE_IN_EFFECT", "2024-11-01"],
    [["quote", "gpt-4o-16k", "--bogus"], "UNKNOWN_FLAG", "--bogus"],
    [["quote", "gpt-4o-16k", "-x"], "UNKNOWN_FLAG", "-x"],
    [["quote", "gpt-4o", "--window", "10"], "INVALID_ARGUMENT", "IN:OUT"],
    [["quote", "gpt-4o", "--window", "-1:5"], "INVALID_ARGUMENT", "whole number"],
    [["quote", "gpt-4o", "--window", "1e3:5"], "INVALID_ARGUMENT", "whole number"],
    [["quote", "gpt-4o", "--window", "1.5:5"], "INVALID_ARGUMENT", "whole number"],
    [["quote", "gpt-4o"], "INVALID_ARGUMENT", "reservation window"],
    [["quote", "gpt-4o-16k", "extra"], "INVALID_ARGUMENT", "unexpected argument"],
    [["quote", "gpt-4o-16k", "--json", "--json"], "INVALID_ARGUMENT", "twice"],
    [["quote", "gpt-4o-16k", "--table", "nope"], "UNKNOWN_TABLE", "nope"],
    [["quote", "gpt-4o-16k", "--table", "/no/such/file.json"], "INVALID_ARGUMENT", "cannot read"],
    [["frobnicate"], "UNKNOWN_COMMAND", "frobnicate"],
    [["table", "--format", "docx"], "INVALID_ARGUMENT", "unknown format"],
    [["models", "--provider", "mistral"], "INVALID_ARGUMENT", "providers: openai"],
  ])("%j → %s", (argv, code, fragment) => {
    const result = cli(...(argv as string[]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^error ${code}: `));
    expect(result.stderr).toContain(fragment);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints help", () => {
    expect(cli("--help").stdout).toContain("usage:");
    expect(cli("quote", "--help").stdout).toContain("usage: llm-pricebook quote");
  });

  it("sql: one script for the tables given by repeated --table (every version of each)", () => {
    const json = JSON.parse(
      cli("sql", "--dialect", "postgres", "--table", "openai", "--table=anthropic", "--json")
        .stdout,
    );
    expect(json.tables.map((t: { id: string; version: string }) => `${t.id}@${t.version}`)).toEqual(
      [
        "openai@2025-01-01",
        "openai@2025-06-10",
        "openai@2026-07-30",
        "anthropic@2025-01-01",
        "anthropic@2026-03-13",
        "anthropic@2026-09-01",
      ],
    );
    // Several tables: the usage table it creates has a table_id column to pick one.
    expect(json.script).toContain('CREATE TABLE IF NOT EXISTS "usage" (\n  table_id TEXT,');
    expect(json.script).toContain("rate NUMERIC NOT NULL");
  });

  it("sql: the default table, a table file, and --usage-table", () => {
    const byok = cli("sql", "--dialect", "duckdb");
    expect(byok.stdout).toContain(
      '-- Tables: "gpt-trainer-byok@2024-11-01", "gpt-trainer-byok@2025-01-07"',
    );
    const dir = mkdtempSync(join(tmpdir(), "pricebook-"));
    const file = join(dir, "table.json");
    writeFileSync(file, JSON.stringify(gptTrainerByok20241101));
    const out = cli(
      "sql",
      "--dialect",
      "duckdb",
      "--table",
      file,
      "--usage-table",
      'logs."Usage 2026"',
    );
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('-- Tables: "gpt-trainer-byok@2024-11-01"\n');
    expect(out.stdout).toContain('FROM "logs"."Usage 2026" AS u');
  });
});

describe("table --format csv on the terminal path", () => {
  it("keeps CSV's CRLF line ends, and still escapes a lone carriage return", () => {
    const result = cli("table", "--table", "openai", "--as-of", "2025-07-01", "--format", "csv");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("\\u000d");
    expect(result.stdout.endsWith("\r\n")).toBe(true);
    const lines = result.stdout.slice(0, -2).split("\r\n");
    expect(lines[0]).toBe(
      "Model,Provider,Input / 1M Tokens,Cached Input / 1M Tokens,Cache Write / 1M Tokens,1h Cache Write / 1M Tokens,Output / 1M Tokens,Long Context (per 1M),Batch (per 1M)",
    );
    // Every line ends in CRLF; none holds a bare CR or LF.
    expect(lines.every((line) => !/[\r\n]/.test(line))).toBe(true);
    // A bare CR (it could overwrite a line on a terminal) is still escaped; CRLF is kept.
    expect(inertText("evil\rlabel\r\nnext\r")).toBe("evil\\u000dlabel\r\nnext\\u000d");
  });
});
