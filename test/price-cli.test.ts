import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cliAsync } from "./helpers.js";

const MIXED = new URL("./fixtures/price/mixed.jsonl", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "price-cli-"));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const GOOD = [
  '{"model":"o3","at":"2025-06-09","input":1000,"output":100,"customer":"acme","project":"x"}',
  '{"model":"o3","at":"2025-06-10","input":1000,"output":100,"customer":"acme","project":"y"}',
  '{"model":"o3","at":"2025-06-10","input":2000,"output":200,"customer":"beta","project":"x"}',
].join("\n");

describe("llm-pricebook price", () => {
  it("prints exact totals per group and overall, --json", async () => {
    const result = await cliAsync([
      "price",
      MIXED,
      "--group-by",
      "customer",
      "--as-of",
      "2025-12-10",
      "--json",
    ]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect([json.rows, json.priced, json.unpriced, json.usd]).toEqual([10, 6, 4, "0.040072"]);
    expect(
      json.groups.map((g: { key: { customer: string }; usd: string }) => [g.key.customer, g.usd]),
    ).toEqual([
      ["acme", "0.033"],
      ["globex", "0.007072"],
      ["zeta", "0"],
      // A row without the key: missing from the group's key (null is a group of its own).
      [undefined, "0"],
    ]);
    expect(json.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [7, "INVALID_RECORD"],
      [8, "INVALID_USAGE"],
      [9, "UNKNOWN_MODEL"],
      [10, "INVALID_RECORD"],
    ]);
    expect(result.stderr).toBe("");
  });

  it("prints a text report naming the unpriced rows; --allow-unpriced exits 0", async () => {
    const result = await cliAsync(["price", MIXED, "--as-of", "2025-12-10", "--allow-unpriced"]);
    expect(result.code).toBe(0);
    // tokens: acme 2200 + 5600, globex 2306 + 1680 + 1050
    expect(result.stdout).toContain("total    10         4   12836  0.040072");
    expect(result.stdout).toContain("4 row(s) could not be priced");
    expect(result.stdout).toContain("  line 9: UNKNOWN_MODEL");
  });

  it("exits 0 when every row is priced; groups by two keys", async () => {
    const result = await cliAsync([
      "price",
      file("good.jsonl", GOOD),
      "--group-by",
      "customer,project",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    // 0.014 (old o3 price) + 0.0028, and 2000 × 0.000002 + 200 × 0.000008
    expect(json.groups.map((g: { key: object; usd: string }) => [g.key, g.usd])).toEqual([
      [{ customer: "acme", project: "x" }, "0.014"],
      [{ customer: "acme", project: "y" }, "0.0028"],
      [{ customer: "beta", project: "x" }, "0.0056"],
    ]);
    expect(json.usd).toBe("0.0224");
  });

  it("--strict stops at the first unpriced row: exit 2, error CODE: line N", async () => {
    const result = await cliAsync(["price", MIXED, "--strict", "--as-of", "2025-12-10", "--json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error INVALID_RECORD: line 7: not valid JSON/);
  });

  it("reads gzip, from a file and from stdin", async () => {
    const gz = file("good.jsonl.gz", gzipSync(GOOD));
    const fromFile = JSON.parse((await cliAsync(["price", gz, "--json"])).stdout);
    const fromStdin = JSON.parse(
      (await cliAsync(["price", "-", "--json"], { stdin: gzipSync(GOOD) })).stdout,
    );
    expect([fromFile.usd, fromFile.rows, fromStdin.usd, fromStdin.rows]).toEqual([
      "0.0224",
      3,
      "0.0224",
      3,
    ]);
  });

  it("reads JSON lines from stdin, split across chunks, CRLF and a BOM included", async () => {
    const result = await cliAsync(["price", "-", "--json"], {
      stdin: `\ufeff${GOOD.replaceAll("\n", "\r\n")}\r\n`,
    });
    expect(JSON.parse(result.stdout).usd).toBe("0.0224");
  });

  it("reads a file decoded in runs of lines: multi-byte text and a 100 KB line across runs", async () => {
    // 3,000 rows of o3 on 2025-06-10 (2 / 8 per million): 1000 × 0.000002 + 100 × 0.000008 =
    // 0.0028 each, 8.4 in all; customer names of 2- and 4-byte UTF-8 characters straddle the
    // ~64 KB decoding runs, and one row carries a 100 KB dimension (a run of its own).
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `{"model":"o3","at":"2025-06-10","input":1000,"output":100,"customer":"${i % 2 === 0 ? "é" : "😀"}${"ü".repeat(i % 7)}"${i === 1500 ? `,"note":"${"x".repeat(100_000)}"` : ""}}`,
    );
    const log = file("long.jsonl", `${rows.join("\n")}\n`);
    const json = JSON.parse(
      (await cliAsync(["price", log, "--group-by", "customer", "--json"])).stdout,
    );
    expect([json.rows, json.priced, json.usd, json.groups.length]).toEqual([3000, 3000, "8.4", 14]);
    expect(
      json.groups.find((g: { key: { customer: string } }) => g.key.customer === "😀üü"),
    ).toMatchObject({ rows: 214, usd: "0.5992" });
  });

  it("reads CSV with a header row and quoted fields (commas, quotes, a line break)", async () => {
    const csv = [
      "model,at,input,output,cachedInput,customer",
      'o3,2025-06-09,1000,100,,"Acme, Inc."',
      'gpt-4.1,2025-07-01,2006,300,1920,"say ""hi"""',
      'o3,2025-07-01,1000,100,,"two\nlines"',
      "o3,2025-07-01,-5,100,,neg",
    ].join("\n");
    const result = await cliAsync([
      "price",
      file("log.csv", csv),
      "--group-by",
      "customer",
      "--json",
    ]);
    const json = JSON.parse(result.stdout);
    expect(
      json.groups.map((g: { key: { customer: string }; usd: string }) => [g.key.customer, g.usd]),
    ).toEqual([
      ["Acme, Inc.", "0.014"],
      ["neg", "0"],
      ['say "hi"', "0.003532"],
      ["two\nlines", "0.0028"],
    ]);
    // "-5" is not digits: a bad count, on line 6 (the quoted line break makes record 3 two lines).
    expect(json.errors).toEqual([
      {
        line: 6,
        code: "INVALID_USAGE",
        message:
          'usage.input: expected a whole number of tokens, 0 or more (at most 2^53 − 1), got the string "-5"',
      },
    ]);
    expect(result.code).toBe(1);
  });

  it("CSV from stdin is recognised by its first line", async () => {
    const result = await cliAsync(["price", "-", "--json"], {
      stdin: "model,at,input,output\no3,2025-06-10,1000,100\n",
    });
    expect(JSON.parse(result.stdout).usd).toBe("0.0028");
  });

  it("--out writes every row as JSON lines with usd, table and resolvedBy", async () => {
    const out = join(dir, "priced.jsonl");
    await cliAsync(["price", MIXED, "--as-of", "2025-12-10", "--out", out]);
    const rows = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(10);
    expect([rows[1].usd, rows[1].table, rows[1].resolvedBy, rows[1].dimensions.customer]).toEqual([
      "0.0028",
      "openai@2025-06-10",
      "id",
      "acme",
    ]);
    expect([rows[8].ok, rows[8].code, rows[8].line, "usd" in rows[8]]).toEqual([
      false,
      "UNKNOWN_MODEL",
      9,
      false,
    ]);
  });

  it("--out .csv quotes cells and defuses formulas in hostile dimension values", async () => {
    const hostile = '=HYPERLINK("http://evil","x"),\n@SUM(1)';
    const log = file(
      "hostile.jsonl",
      `${JSON.stringify({ model: "o3", at: "2025-07-01", input: 1000, output: 100, customer: hostile })}\n`,
    );
    const out = join(dir, "priced.csv");
    const result = await cliAsync(["price", log, "--group-by", "customer", "--out", out]);
    const csv = readFileSync(out, "utf8");
    expect(csv.split("\n")[0]).toBe(
      "line,ok,model,resolvedModel,provider,day,table,resolvedBy,usd,input,output,cachedInput,cacheWrite,cacheWrite1h,reasoning,code,message,customer,dimensions",
    );
    expect(csv).toContain(
      `1,true,o3,o3,openai,2025-07-01,openai@2025-06-10,id,0.0028,1000,100,0,0,0,0,,,"'=HYPERLINK(""http://evil"",""x""),\n@SUM(1)"`,
    );
    // On the terminal, the value is shown escaped, never raw.
    expect(result.stdout).toContain('customer="=HYPERLINK(\\"http://evil\\",\\"x\\"),\\n@SUM(1)"');
  });

  it("escapes terminal control characters of a dimension in the text report", async () => {
    const log = file(
      "ansi.jsonl",
      `${JSON.stringify({ model: "o3", at: "2025-07-01", input: 1, output: 1, customer: "\u001b[2J\u202eevil" })}\n`,
    );
    const result = await cliAsync(["price", log, "--group-by", "customer"]);
    expect(result.stdout.includes("\u001b") || result.stdout.includes("\u202e")).toBe(false);
    expect(result.stdout).toContain("\\u001b[2J\\u202eevil");
  });

  it("caps the listed errors at 100 and counts the rest", async () => {
    const log = file("bad.jsonl", `${Array.from({ length: 150 }, () => "{oops").join("\n")}\n`);
    const json = JSON.parse((await cliAsync(["price", log, "--json"])).stdout);
    expect([json.unpriced, json.errors.length, json.errorsOmitted]).toEqual([150, 100, 50]);
  });

  it("prices against a table file: rows before it takes effect are NO_TABLE_IN_EFFECT", async () => {
    const { compileTable, builtinTableInputs } = await import("../src/index.js");
    const input = builtinTableInputs.find((t) => t.id === "openai" && t.version === "2025-06-10");
    const table = file("openai.json", JSON.stringify(input));
    expect(compileTable(input as never).id).toBe("openai");
    const json = JSON.parse(
      (await cliAsync(["price", file("g2.jsonl", GOOD), "--table", table, "--json"])).stdout,
    );
    expect([json.usd, json.errors[0]?.code, json.errors[0]?.line]).toEqual([
      "0.0084",
      "NO_TABLE_IN_EFFECT",
      1,
    ]);
  });

  it("draws a progress line on stderr only when it is a terminal", async () => {
    const log = file("p.jsonl", GOOD);
    const tty = await cliAsync(["price", log, "--json"], { stderrIsTTY: true });
    expect(tty.stderr.startsWith("\rprice: 3 rows, ")).toBe(true);
    expect(tty.stderr.endsWith(" rows/s, 100% of 0.0 MB, ETA 0s, done\u001b[K\n")).toBe(true);
    const pipe = await cliAsync(["price", log, "--json"], { stderrIsTTY: false });
    expect(pipe.stderr).toBe("");
  });

  it.each([
    [["price"], "MISSING_ARGUMENT"],
    [["price", "a", "b"], "INVALID_ARGUMENT"],
    [["price", "/no/such/log.jsonl"], "INVALID_ARGUMENT"],
    [["price", MIXED, "--shape", "xml"], "INVALID_ARGUMENT"],
    [["price", MIXED, "--group-by", "a,,b"], "INVALID_ARGUMENT"],
    [["price", MIXED, "--table", "opneai"], "UNKNOWN_TABLE"],
    [["price", MIXED, "--as-of", "2025-02-30"], "INVALID_ARGUMENT"],
    [["price", MIXED, "--out", "priced.xlsx"], "INVALID_ARGUMENT"],
    [["price", "log.csv", "--shape", "otel"], "INVALID_ARGUMENT"],
    [["price", MIXED, "--bogus"], "UNKNOWN_FLAG"],
  ] as const)("%j is bad input: error CODE on stderr", async (argv, code) => {
    const result = await cliAsync([...argv]);
    expect(result.stderr).toMatch(new RegExp(`^error ${code}: `));
    expect(result.stdout).toBe("");
    expect(result.code).toBe(2);
  });

  it("a gzip stream that is corrupt is IO_ERROR, not a total", async () => {
    const broken = Buffer.concat([gzipSync(GOOD).subarray(0, 20), Buffer.from("garbage")]);
    const result = await cliAsync(["price", file("broken.jsonl.gz", broken), "--json"]);
    expect(result.stderr).toMatch(/^error IO_ERROR: cannot read .*broken\.jsonl\.gz/);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(3);
  });
});
