import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newCollector } from "../src/import/entry.js";
import { keepParsable } from "../src/import/keepParsable.js";
import { compileRule, type Rule, testRule } from "../src/import/matchRule.js";
import { recoverDecimal } from "../src/import/recoverDecimal.js";
import { ruleOwner } from "../src/import/ruleOwner.js";
import { compileSafeRegex } from "../src/import/safeRegex.js";
import { importCatalog, PricebookError, parseTable } from "../src/index.js";
import { caught, cli } from "./helpers.js";

// Issue 21, point 4: catalogs are untrusted. Each case below was confirmed by a red-team
// against the CLI and the API; the comment on each says what the code before this fix did.

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), "llm-pricebook-import-hostile-"));
const CLI = ["--import", "tsx", join(ROOT, "src/cli/main.ts")];
const DATE = { catalogDate: "2026-07-18" } as const;

/** The CLI in a child process, killed after 20 s: a case that hangs fails instead of hanging. */
function cliChild(...argv: string[]) {
  const result = spawnSync(process.execPath, [...CLI, ...argv], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}

/** A genai-prices v2 catalog of one provider. */
function genai(models: unknown[], id = "acme"): unknown[] {
  return [{ id, name: id, models }];
}
const price = { input_mtok: 1, output_mtok: 2 };

/** Every table an import returns parses with parseTable, as the file written from it. */
function allParse(tables: readonly unknown[]): void {
  for (const table of tables) parseTable(JSON.stringify(table));
}

describe("regex rules never run on a backtracking engine", () => {
  it("^(a|aa)+$ before a model named a…ab: the import finishes (it hung)", () => {
    const victim = `${"a".repeat(60)}b`;
    const catalog = genai([
      { id: "evil", match: { regex: "^(a|aa)+$" }, prices: price },
      { id: victim, match: { equals: victim }, prices: { input_mtok: 3, output_mtok: 4 } },
    ]);
    const path = file("redos.json", JSON.stringify(catalog));
    const out = join(TMP, "redos-out");
    const result = cliChild("import", path, "--from", "genai-prices", "--out", out, "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const table = JSON.parse(readFileSync(join(out, "acme.json"), "utf8"));
    // The regex does not match a…ab (it ends in b), so the name is the second model's.
    expect(table.models[victim].input).toEqual({ perMillion: "3" });
  });

  it("a regex outside the linear subset is reported and unsettles the names it might match", () => {
    const { tables, report } = importCatalog(
      genai([
        {
          id: "backref",
          match: { or: [{ equals: "backref" }, { regex: "^(a)\\1$" }] },
          prices: price,
        },
        { id: "aa", match: { equals: "aa" }, prices: price },
      ]),
      { format: "genai-prices", ...DATE },
    );
    expect(report.skipped).toContainEqual({
      key: "acme/backref",
      field: "match.or[1].regex",
      reason: expect.stringMatching(/outside the linear-time subset .*the escape \\1/),
    });
    // "aa" might be the backreference model's (it is, in RegExp): not given to a later model.
    expect(report.skipped).toContainEqual({
      key: "acme/aa",
      reason: expect.stringMatching(/^no exact name/),
    });
    expect(Object.keys(tables[0]?.models ?? {})).toEqual(["backref"]);
  });

  it("the linear matcher agrees with RegExp on the subset (fast-check)", () => {
    const atom = fc.constantFrom(
      "a",
      "b",
      "-",
      ".",
      "\\d",
      "[ab]",
      "[^a]",
      "\\.",
      "(a|b)",
      "(?:ab|a)",
    );
    const piece = fc.tuple(atom, fc.constantFrom("", "*", "+", "?", "{2}", "{1,2}", "*?"));
    const pattern = fc
      .tuple(fc.boolean(), fc.array(piece, { maxLength: 5 }), fc.boolean())
      .map(
        ([start, pieces, end]) =>
          `${start ? "^" : ""}${pieces.map((p) => p.join("")).join("")}${end ? "$" : ""}`,
      );
    const name = fc.string({ unit: fc.constantFrom("a", "b", "-", ".", "1", "\n"), maxLength: 8 });
    fc.assert(
      fc.property(pattern, name, (source, text) => {
        const compiled = compileSafeRegex(source);
        if (!("test" in compiled)) throw new Error(`${source}: ${compiled.unsupported}`);
        expect(compiled.test(text)).toBe(new RegExp(source).test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("first-match ownership through the index equals testing every rule in order (fast-check)", () => {
    const value = fc.constantFrom("", "a", "ab", "b", "ba", "abc");
    const leaf = fc.oneof(
      ...["equals", "starts_with", "ends_with", "contains"].map((k) =>
        value.map((v) => ({ [k]: v })),
      ),
      fc.constantFrom(
        { regex: "^a.$" },
        { regex: "b$" },
        { regex: "(?=a)" },
        { regex: "ab" },
        { regex: "^(a|b)c" },
        { nothing: 1 },
      ),
    );
    const rule = fc.oneof(
      leaf,
      fc.array(leaf, { maxLength: 3 }).map((or) => ({ or })),
      fc.array(leaf, { maxLength: 3 }).map((and) => ({ and })),
    );
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), value, (raw, name) => {
        const rules: Rule[] = raw.map((r, k) => compileRule(r, [k], []));
        const owner = ruleOwner(rules, []);
        let expected: number | "unknown" | undefined;
        for (const [k, r] of rules.entries()) {
          const result = testRule(r, name, { steps: 0 });
          if (result === false) continue;
          expected = result === true ? k : "unknown";
          break;
        }
        expect(owner(name)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("size, depth and time are bounded", () => {
  it("20,000 models with or/contains rules import whole, each at its own price (was 15 s)", () => {
    const id = (k: number) => `m${String(k).padStart(5, "0")}z`;
    const models = Array.from({ length: 20_000 }, (_, k) => ({
      id: id(k),
      match: { or: [{ equals: id(k) }, { contains: `${id(k)}-` }] },
      prices: { input_mtok: k + 1, output_mtok: 1 },
    }));
    const { tables, report } = importCatalog(genai(models), { format: "genai-prices", ...DATE });
    expect(report.imported).toBe(20_000);
    expect(report.skipped).toEqual([]);
    const models_ = tables[0]?.models ?? {};
    expect(models_[id(0)]?.input).toEqual({ perMillion: "1" });
    expect(models_[id(19_999)]?.input).toEqual({ perMillion: "20000" });
  });

  it("a 20,000-deep or is INVALID_CATALOG with the rule's path (it overflowed the stack)", () => {
    let match: unknown = { equals: "x" };
    for (let k = 0; k < 20_000; k++) match = { or: [match] };
    const error = caught(() =>
      importCatalog(genai([{ id: "x", match, prices: price }]), {
        format: "genai-prices",
        ...DATE,
      }),
    );
    expect(error.code).toBe("INVALID_CATALOG");
    expect(error.path.slice(0, 6)).toEqual([0, "models", 0, "match", "or", 0]);
    expect(error.message).toMatch(/more than 32 deep/);
    // As text, the nesting cap of the JSON reader answers first, with the path so far.
    const deep = `${'{"or":['.repeat(20_000)}{"equals":"x"}${"]}".repeat(20_000)}`;
    const text = `[{"id":"acme","models":[{"id":"x","prices":{"input_mtok":1,"output_mtok":2},"match":${deep}}]}]`;
    const fromText = caught(() => importCatalog(text, { format: "genai-prices", ...DATE }));
    expect(fromText.code).toBe("INVALID_CATALOG");
    expect(fromText.message).toMatch(/more than 64 deep, at line 1, column \d+/);
  });

  it("20,000 regex and 20,000 and-rules import in linear time (each implies a literal)", () => {
    const id = (k: number) => `m${String(k).padStart(5, "0")}z`;
    for (const match of [
      (k: number) => ({ regex: `^${id(k)}$` }),
      (k: number) => ({
        or: [{ equals: id(k) }, { and: [{ starts_with: id(k) }, { regex: "-(a|aa)+$" }] }],
      }),
    ]) {
      const models = Array.from({ length: 20_000 }, (_, k) => ({
        id: id(k),
        match: match(k),
        prices: price,
      }));
      const { report } = importCatalog(genai(models), { format: "genai-prices", ...DATE });
      expect(report.imported).toBe(20_000);
    }
  });

  it("a price history of thousands of start dates is LIMIT_EXCEEDED before any version is built", () => {
    const day = (k: number) => new Date(Date.UTC(2001, 0, 1 + k)).toISOString().slice(0, 10);
    const models = Array.from({ length: 5000 }, (_, k) => ({
      id: `m${k}`,
      match: { equals: `m${k}` },
      prices: [{ constraint: { start_date: day(k) }, prices: price }],
    }));
    const error = caught(() => importCatalog(genai(models), { format: "genai-prices", ...DATE }));
    expect(error.code).toBe("LIMIT_EXCEEDED");
    expect(error.path).toEqual([0]);
    // One day's prices import.
    const one = importCatalog(genai(models), {
      format: "genai-prices",
      ...DATE,
      asOf: "2001-01-10",
    });
    expect(one.report.imported).toBe(10);
  });

  it("a .json.gz that inflates past 64 MiB stops at the cap: LIMIT_EXCEEDED (it ran for minutes)", () => {
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const path = file("bomb.json.gz", bomb);
    const result = cli("import", path, "--from", "litellm", "--out", join(TMP, "bomb-out"));
    expect(result.stderr).toMatch(
      /^error LIMIT_EXCEEDED: catalog file .* inflates to more than that/,
    );
    expect(result.code).toBe(2);
  });

  it("a small .json.gz catalog imports like its JSON", () => {
    const catalog = {
      "gpt-4o": {
        litellm_provider: "openai",
        input_cost_per_token: 2.5e-6,
        output_cost_per_token: 1e-5,
      },
    };
    const path = file("small.json.gz", gzipSync(JSON.stringify(catalog)));
    const out = join(TMP, "gz-out");
    expect(cli("import", path, "--from", "litellm", "--out", out).code).toBe(0);
    const table = parseTable(readFileSync(join(out, "openai.json"), "utf8"));
    expect(table.models["gpt-4o"]?.input).toBe("0.0000025");
  });

  it("a file over 64 MiB is refused before it is read", () => {
    const path = file("huge.json", "");
    truncateSync(path, 64 * 1024 * 1024 + 1);
    const result = cli("import", path, "--from", "litellm");
    expect(result.stderr).toMatch(/^error LIMIT_EXCEEDED: catalog file .* is 67108865 bytes/);
    expect(result.code).toBe(2);
  });

  it("a FIFO, a device or a directory is refused at once, exit 2 (a FIFO blocked forever)", () => {
    const targets = [join(TMP, "a-dir")];
    mkdirSync(targets[0] as string, { recursive: true });
    if (existsSync("/dev/zero")) targets.push("/dev/zero");
    if (process.platform !== "win32") {
      const fifo = join(TMP, "catalog.fifo");
      spawnSync("mkfifo", [fifo]);
      if (existsSync(fifo)) targets.push(fifo);
    }
    expect(targets.length).toBeGreaterThan(1);
    for (const target of targets) {
      const result = cliChild("import", target, "--from", "litellm", "--out", join(TMP, "x"));
      expect(result.stderr, target).toMatch(
        /^error INVALID_ARGUMENT: catalog file .* is (a FIFO|a device|a directory).*give a regular file\n$/,
      );
      expect(result.code).toBe(2);
    }
  });
});

describe("output: never over the catalog, never through a link, --out checked first", () => {
  const catalog = JSON.stringify({
    "gpt-4o": {
      litellm_provider: "openai",
      input_cost_per_token: 2.5e-6,
      output_cost_per_token: 1e-5,
    },
  });

  it("--out naming a file is INVALID_ARGUMENT, exit 2, before the catalog is read", () => {
    const notDir = file("not-a-dir", "x");
    const result = cli("import", file("c1.json", catalog), "--from", "litellm", "--out", notDir);
    expect(result.stderr).toBe(`error INVALID_ARGUMENT: --out ${notDir} is not a directory\n`);
    expect(result.code).toBe(2);
  });

  it("a catalog named like the file it would become is not overwritten", () => {
    const dir = join(TMP, "same");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "openai.json");
    writeFileSync(path, catalog);
    const result = cli("import", path, "--from", "litellm", "--out", dir);
    expect(result.stderr).toMatch(
      /^error INVALID_ARGUMENT: .*would overwrite the catalog being imported/,
    );
    expect(result.code).toBe(2);
    expect(readFileSync(path, "utf8")).toBe(catalog);
  });

  it.runIf(process.platform !== "win32")(
    "a link planted at the target is replaced, its target untouched",
    () => {
      const dir = join(TMP, "linked");
      mkdirSync(dir, { recursive: true });
      const victim = file("victim.txt", "keep me");
      symlinkSync(victim, join(dir, "openai.json"));
      expect(cli("import", file("c2.json", catalog), "--from", "litellm", "--out", dir).code).toBe(
        0,
      );
      expect(readFileSync(victim, "utf8")).toBe("keep me");
      expect(lstatSync(join(dir, "openai.json")).isSymbolicLink()).toBe(false);
      parseTable(readFileSync(join(dir, "openai.json"), "utf8"));
      expect(readdirSync(dir)).toEqual(["openai.json"]);
    },
  );
});

describe("what the catalog says is never changed silently", () => {
  const twice = `{
  "gpt-4o": { "litellm_provider": "openai", "input_cost_per_token": 2.5e-6, "output_cost_per_token": 1e-5 },
  "gpt-4o": { "litellm_provider": "openai", "input_cost_per_token": 0, "output_cost_per_token": 0 }
}`;

  it("a LiteLLM key given twice is INVALID_CATALOG at that key (gpt-4o was published at 0/0)", () => {
    const error = caught(() => importCatalog(twice, { format: "litellm", ...DATE }));
    expect(error.code).toBe("INVALID_CATALOG");
    expect(error.path).toEqual(["gpt-4o"]);
    expect(error.message).toMatch(/key twice in one object, at gpt-4o \(line 3, column 3\)/);
    const out = join(TMP, "twice-out");
    const result = cli("import", file("twice.json", twice), "--from", "litellm", "--out", out);
    expect(result.stderr).toMatch(
      /^error INVALID_CATALOG: .*twice\.json: the catalog has a key twice/,
    );
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("a price of 1e-400 is reported and its model left out (it imported as 0)", () => {
    const text = `{ "tiny": { "litellm_provider": "openai", "input_cost_per_token": 1e-400, "output_cost_per_token": 1e-6 },
      "big": { "litellm_provider": "openai", "input_cost_per_token": 1e400, "output_cost_per_token": 1e-6 },
      "sub": { "litellm_provider": "openai", "input_cost_per_token": 1e-320, "output_cost_per_token": 1e-6 },
      "ok": { "litellm_provider": "openai", "input_cost_per_token": 0, "output_cost_per_token": 1e-6 } }`;
    const { tables, report } = importCatalog(text, { format: "litellm", ...DATE });
    expect(report.skipped).toEqual([
      {
        key: "tiny",
        reason:
          "input_cost_per_token: 1e-400 is below the smallest JSON float and would read as 0; a price is never imported as a silent 0",
      },
      { key: "big", reason: "input_cost_per_token: 1e400 is beyond the largest JSON float" },
      {
        key: "sub",
        reason: expect.stringMatching(
          /^input_cost_per_token: 1e-320 is below the range where a JSON float keeps 15 significant digits/,
        ),
      },
    ]);
    expect(Object.keys(tables[0]?.models ?? {})).toEqual(["ok"]);
    expect(recoverDecimal(1e-320)).toBeUndefined();
  });

  it("a tier key above 0k tokens is left out and reported; every file parses (one did not)", () => {
    const catalog = {
      "gpt-x": {
        litellm_provider: "openai",
        input_cost_per_token: 1e-6,
        output_cost_per_token: 2e-6,
        input_cost_per_token_above_0k_tokens: 3e-6,
        input_cost_per_token_above_99999999999999999999k_tokens: 3e-6,
      },
    };
    const { tables, report } = importCatalog(catalog, { format: "litellm", ...DATE });
    allParse(tables);
    expect(tables[0]?.models["gpt-x"]?.tiers).toBeUndefined();
    expect(report.skipped.map((s) => s.field)).toEqual([
      "input_cost_per_token_above_0k_tokens",
      "input_cost_per_token_above_99999999999999999999k_tokens",
    ]);
    const out = join(TMP, "tier-out");
    const path = file("tier.json", JSON.stringify(catalog));
    expect(cli("import", path, "--from", "litellm", "--out", out).code).toBe(0);
    for (const name of readdirSync(out)) parseTable(readFileSync(join(out, name), "utf8"));
  });

  it("a model the table format refuses is left out with the format's reason, never returned", () => {
    const collector = newCollector();
    collector.imported = 2;
    const base = {
      id: "t",
      version: "2026-07-18",
      effectiveFrom: "2026-07-18",
      source: "s",
      checkedOn: "2026-07-18",
      currency: "USD" as const,
    };
    const tables = keepParsable(
      [
        {
          ...base,
          models: {
            good: { provider: "t", input: "0.000001", output: "0.000002" },
            bad: {
              provider: "t",
              input: "0.000001",
              output: "0.000002",
              tiers: [{ aboveInputTokens: 0, input: "1", output: "1" }],
            },
          },
        },
      ],
      collector,
    );
    expect(Object.keys(tables[0]?.models ?? {})).toEqual(["good"]);
    expect(collector.imported).toBe(1);
    expect(collector.skipped).toEqual([
      {
        key: "t/bad",
        reason: expect.stringMatching(
          /^the table format refuses it \(tiers\.0\.aboveInputTokens: /,
        ),
      },
    ]);
    allParse(tables);
  });

  it("providers whose ids differ only in case are refused, naming both (one file overwrote the other)", () => {
    const both = [
      ...genai([{ id: "m", match: { equals: "m" }, prices: price }], "OpenAI"),
      ...genai(
        [{ id: "m", match: { equals: "m" }, prices: { input_mtok: 9, output_mtok: 9 } }],
        "openai",
      ),
    ];
    const error = caught(() => importCatalog(both, { format: "genai-prices", ...DATE }));
    expect(error.code).toBe("INVALID_CATALOG");
    expect(error.path).toEqual([1]);
    expect(error.message).toMatch(/providers "OpenAI" and "openai" both become table "openai"/);
    const dev = {
      OpenAI: { models: { m: { cost: { input: 1, output: 2 } } } },
      openai: { models: { m: { cost: { input: 9, output: 9 } } } },
    };
    const devError = caught(() => importCatalog(dev, { format: "models.dev", ...DATE }));
    expect(devError.code).toBe("INVALID_CATALOG");
    expect(devError.message).toMatch(/providers "OpenAI" and "openai" both become table "openai"/);
    const result = cli(
      "import",
      file("case.json", JSON.stringify(both)),
      "--from",
      "genai-prices",
      "--out",
      join(TMP, "case-out"),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error INVALID_CATALOG: providers "OpenAI" and "openai"/);
  });

  it("a parse error names a line and column and quotes nothing of the file", () => {
    const path = file("secret.json", 'SECRET-TOKEN-4f2a {"a": 1}');
    const result = cli("import", path, "--from", "litellm");
    expect(result.stderr).toBe(
      `error INVALID_CATALOG: ${path}: the catalog is not valid JSON: expected a value at line 1, column 1\n`,
    );
    expect(result.code).toBe(2);
    const later = file("secret2.json", '{\n  "a": SECRET-TOKEN}');
    expect(cli("import", later, "--from", "litellm").stderr).toBe(
      `error INVALID_CATALOG: ${later}: the catalog is not valid JSON: expected a value at line 2, column 8\n`,
    );
    const error = caught(() => importCatalog('{"k": "SECRET', { format: "litellm", ...DATE }));
    expect(error.message).not.toMatch(/SECRET/);
    const bytes = file(
      "latin1.json",
      Buffer.from([0x7b, 0x22, 0x4d, 0xfc, 0x22, 0x3a, 0x31, 0x7d]),
    );
    expect(cli("import", bytes, "--from", "litellm").stderr).toMatch(
      /^error INVALID_CATALOG: catalog file .* is not UTF-8 text/,
    );
  });
});

// Fuzzed catalogs: whatever comes in, the import either refuses it with a PricebookError or
// returns tables that all parse. Numbers are written as raw JSON text so 1e-400 gets through.
const NUMBER = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("1", "2.5e-6", "0.075") },
  fc.constantFrom(
    "0",
    "1e-400",
    "1e400",
    "1e-320",
    "-1",
    "0.30000000000000004",
    '"x"',
    "null",
    "[]",
  ),
);
const raw = (token: string) => `@@${token}@@`;
const text = (value: unknown) =>
  JSON.stringify(value).replace(/"@@(.*?)@@"/g, (_, token: string) => token.replace(/\\"/g, '"'));
const name = fc.string({
  unit: fc.constantFrom("a", "B", "-", "/", "1", ".", " ", ":"),
  minLength: 1,
  maxLength: 6,
});

const litellmCatalog = fc.dictionary(
  name,
  fc
    .record({
      litellm_provider: fc.constantFrom("openai", "OpenAI", "azure", "x y"),
      mode: fc.constantFrom("chat", "embedding", "image_generation"),
      input_cost_per_token: NUMBER.map(raw),
      output_cost_per_token: NUMBER.map(raw),
      extra: fc.dictionary(
        fc.constantFrom(
          "cache_read_input_token_cost",
          "input_cost_per_token_above_0k_tokens",
          "input_cost_per_token_above_200k_tokens",
          "output_cost_per_token_above_128k_tokens",
          "input_cost_per_token_flex",
          "output_cost_per_token_batches",
          "input_cost_per_second",
          "search_context_cost_per_query",
        ),
        NUMBER.map(raw),
      ),
    })
    .map(({ extra, ...entry }) => ({ ...entry, ...extra })),
  { maxKeys: 6 },
);

const leafRule = fc.oneof(
  name.map((v) => ({ equals: v })),
  name.map((v) => ({ starts_with: v })),
  name.map((v) => ({ contains: v })),
  fc.constantFrom(
    { regex: "^(a|aa)+$" },
    { regex: "^a\\d{2}" },
    { regex: "(?<=a)b" },
    { regex: "[" },
  ),
);
const matchRule = fc.oneof(
  leafRule,
  fc.array(leafRule, { maxLength: 3 }).map((or) => ({ or })),
  fc.array(leafRule, { maxLength: 2 }).map((and) => ({ and })),
);
const genaiPrices = fc.record({
  input_mtok: NUMBER.map(raw),
  output_mtok: fc.oneof(
    NUMBER.map(raw),
    fc.record({
      base: NUMBER.map(raw),
      tiers: fc.array(
        fc.record({
          start: fc.constantFrom("0", "1", "200000", "1e400").map(raw),
          price: NUMBER.map(raw),
        }),
        { maxLength: 2 },
      ),
    }),
  ),
});
const genaiCatalog = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom("acme", "beta", "gamma", "Acme"),
    models: fc.array(
      fc.record({
        id: name,
        match: matchRule,
        prices: fc.oneof(
          genaiPrices,
          fc.array(
            fc.record({
              constraint: fc.constantFrom(
                undefined,
                { start_date: "2025-01-01" },
                { start_date: "2025-02-30" },
              ),
              prices: genaiPrices,
            }),
            { maxLength: 2 },
          ),
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  }),
  { minLength: 1, maxLength: 3, selector: (provider) => provider.id },
);

describe("fuzzed catalogs: refused with a PricebookError, or every table parses", () => {
  for (const [format, catalog] of [
    ["litellm", litellmCatalog],
    ["genai-prices", genaiCatalog],
  ] as const) {
    it(format, () => {
      let written = 0;
      fc.assert(
        fc.property(catalog, (value) => {
          let tables: readonly unknown[];
          try {
            ({ tables } = importCatalog(text(value), { format, ...DATE }));
          } catch (error) {
            expect(error).toBeInstanceOf(PricebookError);
            return;
          }
          allParse(tables);
          written += tables.length;
        }),
        { numRuns: 300 },
      );
      // Not vacuous: some fuzzed catalogs do import.
      expect(written).toBeGreaterThan(10);
    });
  }
});
