// Hostile input to the SQL writer: a tampered compiled table (a JSON copy passes assertTable)
// and usage table names holding bidi, invisible or control characters. Before the typed
// writers of src/sql/sqlLiteral.ts, maxPricedInputTokens and aboveInputTokens were written into
// the script as they were, and `1; DROP TABLE x; --` ran on DuckDB and PostgreSQL; the CLI
// printed U+200F in a quoted name as the text `\u200f`, another table than the API's.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { PricebookError } from "../src/errors.js";
import type { PricingTable } from "../src/schema/types.js";
import { toSql } from "../src/sql/toSql.js";
import { builtinPricebook } from "../src/tables/builtinPricebook.js";
import { cli } from "./helpers.js";

const book = builtinPricebook();
const byok = book.tables.filter((t) => t.id === "gpt-trainer-byok");
const newest = byok[byok.length - 1] as PricingTable;
const copy = (): any => JSON.parse(JSON.stringify(newest));
const firstModel = Object.keys(newest.models)[0] as string;

function refusal(run: () => unknown): PricebookError {
  try {
    run();
  } catch (error) {
    if (error instanceof PricebookError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("toSql writes every table value through a typed writer", () => {
  const hostile = "1; DROP TABLE x; --";
  const cases: [string, (t: ReturnType<typeof copy>) => void, (string | number)[]][] = [
    [
      "maxPricedInputTokens",
      (t) => {
        t.models[firstModel].maxPricedInputTokens = hostile;
      },
      ["tables", 0, "models", firstModel, "maxPricedInputTokens"],
    ],
    [
      "a tier's aboveInputTokens",
      (t) => {
        t.models[firstModel].tiers = [{ aboveInputTokens: hostile, input: "0.1", output: "0.2" }];
      },
      ["tables", 0, "models", firstModel, "tiers", 0, "aboveInputTokens"],
    ],
    [
      "a rate",
      (t) => {
        t.models[firstModel].input = `0.1); ${hostile}`;
      },
      ["tables", 0, "models", firstModel, "input"],
    ],
    [
      "a rate of 1e400",
      (t) => {
        t.models[firstModel].input = "1e400";
      },
      ["tables", 0, "models", firstModel, "input"],
    ],
    [
      "a fractional maxPricedInputTokens",
      (t) => {
        t.models[firstModel].maxPricedInputTokens = 1.5;
      },
      ["tables", 0, "models", firstModel, "maxPricedInputTokens"],
    ],
    [
      "an impossible date",
      (t) => {
        t.effectiveFrom = "2024-02-30";
      },
      ["tables", 0, "effectiveFrom"],
    ],
  ];
  for (const [name, tamper, path] of cases) {
    it(`refuses a tampered ${name} with INVALID_TABLE at its path, in both dialects`, () => {
      const table = copy();
      tamper(table);
      for (const dialect of ["duckdb", "postgres"] as const) {
        const error = refusal(() => toSql([table], { dialect }));
        expect(error.code).toBe("INVALID_TABLE");
        expect(error.path).toEqual(path);
      }
    });
  }

  it("the CLI refuses a tampered table file, exit 2, no script", () => {
    const dir = mkdtempSync(join(tmpdir(), "sql-hostile-"));
    const file = join(dir, "tampered.json");
    const table = copy();
    table.models[firstModel].maxPricedInputTokens = hostile;
    writeFileSync(file, JSON.stringify(table));
    const run = cli("sql", "--dialect", "duckdb", "--table", file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stdout + run.stderr).not.toContain("DROP TABLE x");
  });

  it("a normal script, with a usage table name holding quotes and dots, still runs on DuckDB", async () => {
    const usageTable = '"we""ird.usage"';
    const script = toSql(byok, { dialect: "duckdb", usageTable });
    const c = await (await DuckDBInstance.create(":memory:")).connect();
    await c.run(script);
    await c.run(script);
    await c.run(
      `INSERT INTO "we""ird.usage" (model, used_at, input, output) VALUES ('${firstModel}', TIMESTAMP '2026-01-01 00:00:00', 1000, 100)`,
    );
    const rows = (
      await c.runAndReadAll("SELECT unpriced, usd IS NOT NULL FROM priced_usage")
    ).getRowsJS();
    expect(rows).toEqual([[null, true]]);
  });
});

describe("the CLI and the API give a usage table name the same identifier, or both refuse it", () => {
  const refused = [
    ['"a\u200fb"', "U+200F"],
    ['"a\u202eb"', "U+202E"],
    ['"x"."\u200b"', "U+200B"],
    ['"a\u0000b"', "NUL"],
  ] as const;
  for (const [name, what] of refused) {
    it(`refuses a name with ${what}: INVALID_ARGUMENT from toSql, exit 2 from the CLI`, () => {
      for (const dialect of ["duckdb", "postgres"] as const) {
        const error = refusal(() => toSql(byok, { dialect, usageTable: name }));
        expect(error.code).toBe("INVALID_ARGUMENT");
        expect(error.path).toEqual(["usageTable"]);
        const run = cli("sql", "--dialect", dialect, "--usage-table", name);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr).toContain("usageTable");
      }
    });
  }
  const accepted = [
    '"my ""usage"""',
    'lake."analytics.v2"."u""s.e"',
    "Analytics.Usage",
    '"Ünï.cödé"',
  ];
  for (const name of accepted) {
    it(`writes ${name} as the same identifier from toSql and the CLI`, () => {
      for (const dialect of ["duckdb", "postgres"] as const) {
        const script = toSql(byok, { dialect, usageTable: name });
        const run = cli("sql", "--dialect", dialect, "--usage-table", name);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(script);
      }
    });
  }
  it("quotes and dots inside a quoted name stay one identifier", () => {
    const script = toSql(byok, { dialect: "postgres", usageTable: 'lake."analytics.v2"."u""s.e"' });
    expect(script).toContain('CREATE TABLE IF NOT EXISTS "lake"."analytics.v2"."u""s.e" (');
  });
});
