import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { generatedDocs } from "../scripts/generatedDocs.js";
import {
  builtinPricebook,
  builtinTableInputs,
  diffTables,
  resolveName,
  tableAsOf,
  tableVersion,
} from "../src/index.js";
import { gptTrainerByok20241101 } from "../src/tables/gptTrainerByok20241101.js";
import { caught, cli } from "./helpers.js";

const book = builtinPricebook();

describe("as-of lookups through the CLI", () => {
  const quoteAt = (asOf?: string) => {
    const result = cli(
      "quote",
      "gpt-4o-16k",
      "--json",
      ...(asOf === undefined ? [] : ["--as-of", asOf]),
    );
    return { ...result, json: result.code === 0 ? JSON.parse(result.stdout) : null };
  };

  it("today: published 40, estimated 20, at gpt-trainer-byok@2025-01-07", () => {
    const { json } = quoteAt();
    expect(json.credits).toEqual({ unitPrice: "0.0032", estimated: "20", published: "40" });
    expect(json.table.version).toBe("2025-01-07");
  });

  it.each([
    ["2024-11-01", "2024-11-01", null],
    ["2024-12-01", "2024-11-01", null],
    ["2025-01-06", "2024-11-01", null],
    ["2025-01-07", "2025-01-07", "40"],
    ["2025-06-01", "2025-01-07", "40"],
  ])("as of %s: version %s, published %s", (asOf, version, published) => {
    const { json } = quoteAt(asOf);
    expect(json.table.version).toBe(version);
    expect(json.credits.published).toBe(published);
    expect(json.usd).toBe("0.064");
  });

  it("before every version: exit 2 with NO_TABLE_IN_EFFECT", () => {
    for (const asOf of ["2020-01-01", "2024-10-31"]) {
      const result = quoteAt(asOf);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error NO_TABLE_IN_EFFECT: /);
    }
  });

  it("every pricing command takes --as-of and --table", () => {
    expect(
      JSON.parse(
        cli(
          "charge",
          "o3",
          "--input",
          "1000000",
          "--output",
          "0",
          "--table",
          "openai",
          "--as-of",
          "2025-06-09",
          "--json",
        ).stdout,
      ).usd,
    ).toBe("10");
    expect(
      JSON.parse(
        cli(
          "charge",
          "o3",
          "--input",
          "1000000",
          "--output",
          "0",
          "--table",
          "openai",
          "--as-of",
          "2025-06-10",
          "--json",
        ).stdout,
      ).usd,
    ).toBe("2");
    expect(
      JSON.parse(
        cli("quote", "openai:gpt-4o", "--window", "1000:1000", "--table", "openai", "--json")
          .stdout,
      ).usd,
    ).toBe("0.0125");
    expect(cli("table", "--table", "anthropic", "--as-of", "2025-09-01").stdout).toContain(
      "| claude-sonnet-4-20250514 | anthropic | 3 | 0.3 | 3.75 | 6 | 15 | above 200000 input tokens: input 6, cached input 0.6, cache write 7.5, output 22.5 |",
    );
    expect(JSON.parse(cli("audit", "--as-of", "2025-02-01", "--json").stdout).table.version).toBe(
      "2025-01-07",
    );
    // google@2025-11-07: the 36 Gemini API models both catalogs (or the fact file) price.
    expect(JSON.parse(cli("models", "--table", "google", "--json").stdout).models).toHaveLength(36);
  });
});

describe("published versions never change", () => {
  // Pinned digests: editing a published table (or the canonical form) fails here. A new price is
  // a new version with its own file.
  const pinned: Record<string, string> = {
    "gpt-trainer-byok@2024-11-01":
      "sha256:6d9972af08e7c079d682fc188ba2626fdb5b65eb0fe9277f703e37d57519de65",
    "gpt-trainer-byok@2025-01-07":
      "sha256:d08ddfb374301876c4fbd0f9a6b1d4fd54a417530563abba9fd4c7bdec853068",
    // Generated (npm run tables:generate): regenerating with a changed catalog, importer or
    // decisions file changes these, and must be a new version instead. (Unreleased: the digests
    // changed once more when the names genai-prices declares became aliases.)
    "openai@2025-01-01": "sha256:25650fd9b3f14a3c51b4765aa33d00be2f177fbe1a2b9b139b856ab7f2f77d95",
    "openai@2025-06-10": "sha256:ae5520096528f13859e064395fde104d829b8c891c266613729ee3bcbc7df283",
    "openai@2026-07-30": "sha256:abe857179538cc28887e2d13424a60b8f10c822514ecfd0dbc84ffbd73f3cb75",
    "anthropic@2025-01-01":
      "sha256:b3a8910bf393711a5aa6c60fa97db201f46fa41b4d048d1e67dc978cffe887e7",
    "anthropic@2026-03-13":
      "sha256:4e14ec7ccde254064c7e3d46bf407f985daf7c4082527b654b83faa7dd78ace9",
    "anthropic@2026-09-01":
      "sha256:a05842a0c610c1ce7092352321a859242fcf32e5c21df3d9528751263901c9f6",
    "google@2025-01-01": "sha256:4cb0af9e808e2166208980985ab2a4670fc0230d7fe424b0d7fb277a7e3de9aa",
    "google@2025-11-07": "sha256:0a95f557ae05ebb1dcc05eedee976e68501b6094bbf6d356eb937ba56bf983cb",
    "google-vertex@2025-01-01":
      "sha256:d1e3f9e4a483257e1bad3890763ac9965e9d8cf024b19ec9b0ac861ae9efc97d",
    "google-vertex@2026-09-01":
      "sha256:0a889ab5d3881deec5c05ac02b16fed51fa095af9af9e3ae0cf41dd7a56cb813",
    "aws-bedrock@2025-01-01":
      "sha256:c12c11a043b5cabf9535a0bf93dbf7c526c2b3acde4a32ebaff1325d582c7ab5",
    "aws-bedrock@2026-09-01":
      "sha256:85220b420c3f665d4e65854f406e5e325bf0991f9ca220aeb6613b9dc165c54f",
    "azure-openai@2025-01-01":
      "sha256:28ab01de7c363066dbb3fa31ceba977b0d7bfcc4453486b1db1cd076a827a67c",
    "azure-openai@2026-07-30":
      "sha256:6c9cda22f3f933ed866d20ca2480a6d98e53d345532ead6a24cba57193fd4301",
    "mistral@2025-01-01": "sha256:44b9f865d05b2b600cc8e1bf563bd822c31b987429149f6ced701eee624844dc",
    "xai@2025-01-01": "sha256:63324d6381aaa4d18447ec636318e8074dfe6152182e5dc2f0179d853e7bbc24",
  };

  it.each(Object.keys(pinned))("%s keeps its digest", (name) => {
    const [id, version] = name.split("@") as [string, string];
    expect(tableVersion(book, id, version).provenance.digest).toBe(pinned[name]);
  });

  it("every built-in table records its source and the date it was checked", () => {
    // 2 hand-written gpt-trainer-byok versions + 16 generated provider table versions.
    expect(builtinTableInputs).toHaveLength(18);
    expect(Object.keys(pinned).sort()).toEqual(
      book.tables.map((table) => `${table.id}@${table.version}`).sort(),
    );
    for (const table of book.tables) {
      expect(table.source.length).toBeGreaterThan(20);
      expect(table.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("diffTables", () => {
  it("lists the published-credit changes between the two gpt-trainer-byok versions", () => {
    const diff = diffTables(
      tableVersion(book, "gpt-trainer-byok", "2024-11-01"),
      tableVersion(book, "gpt-trainer-byok", "2025-01-07"),
    );
    expect(diff.models).toEqual({ added: [], removed: [] });
    expect(diff.variants).toEqual({ added: [], removed: [] });
    const credits = Object.fromEntries(
      diff.changes.map((change) => [change.path.join("."), [change.old, change.new]]),
    );
    // The 14 figures of the API reference; GPT-4-1106-4k's 20 was already on the page.
    expect(credits).toEqual({
      "variants.gpt-3.5.credits": [null, "1"],
      "variants.gpt-3.5-16k.credits": [null, "8"],
      "variants.gpt-4-0125-8k.credits": [null, "35"],
      "variants.gpt-4-1106-1k.credits": [null, "5"],
      "variants.gpt-4-1106-2k.credits": [null, "10"],
      "variants.gpt-4-1106-16k.credits": [null, "60"],
      "variants.gpt-4o-1k.credits": [null, "3"],
      "variants.gpt-4o-2k.credits": [null, "5"],
      "variants.gpt-4o-4k.credits": [null, "10"],
      "variants.gpt-4o-8k.credits": [null, "20"],
      "variants.gpt-4o-16k.credits": [null, "40"],
      "variants.gpt-4o-mini-4k.credits": [null, "1"],
      "variants.gpt-4o-mini-16k.credits": [null, "8"],
    });
  });

  it("gives old, new and relative change of each changed rate", () => {
    const diff = diffTables(
      tableVersion(book, "openai", "2025-01-01"),
      tableVersion(book, "openai", "2025-06-10"),
    );
    // o3 and its dated id o3-2025-04-16: 10 / 2.50 / 40 → 2 / 0.50 / 8, each -80%.
    expect(diff.changes).toEqual(
      ["o3", "o3-2025-04-16"].flatMap((id) => [
        { path: ["models", id, "input"], old: "0.00001", new: "0.000002", relativeChange: "-0.8" },
        { path: ["models", id, "output"], old: "0.00004", new: "0.000008", relativeChange: "-0.8" },
        {
          path: ["models", id, "cachedInput"],
          old: "0.0000025",
          new: "0.0000005",
          relativeChange: "-0.8",
        },
      ]),
    );
  });

  it("reports added and removed models", () => {
    const diff = diffTables(
      tableVersion(book, "gpt-trainer-byok", "2024-11-01"),
      tableVersion(book, "openai", "2025-01-01"),
    );
    expect(diff.models.added).toContain("o3");
    // Every model of the BYOK page is also an OpenAI list-price model.
    expect(diff.models.removed).toEqual([]);
    expect(diff.variants.removed).toHaveLength(23);
    // From 2026-07-30 genai-prices cuts gpt-5.6-luna and -terra, and no second source has the
    // new prices yet: they leave the table rather than keep a price no longer in force.
    const cut = diffTables(
      tableVersion(book, "openai", "2025-06-10"),
      tableVersion(book, "openai", "2026-07-30"),
    );
    expect(cut.models).toEqual({ added: [], removed: ["gpt-5.6-luna", "gpt-5.6-terra"] });
  });

  it("through the CLI, with id@version and files", () => {
    const dir = mkdtempSync(join(tmpdir(), "pricebook-diff-"));
    const file = join(dir, "old.json");
    writeFileSync(file, JSON.stringify(gptTrainerByok20241101));
    const result = cli("diff", file, "gpt-trainer-byok@2025-01-07", "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).changes).toHaveLength(13);
    expect(cli("diff", "openai@2025-01-01", "openai@2025-06-10").stdout).toContain(
      "models.o3.input: 0.00001 → 0.000002 (-0.8)",
    );
    const missing = cli("diff", "openai@2024-01-01", "openai");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error UNKNOWN_TABLE: /);
  });
});

describe("names inside one table", () => {
  const openai = tableAsOf(book, "openai", { asOf: "2025-07-01" });
  const anthropic = tableAsOf(book, "anthropic", { asOf: "2025-09-01" });

  it("resolve exact ids, dated snapshots with their own entry, provider-qualified forms, in any case", () => {
    // The generated tables hold every dated id the catalogs price as its own model.
    expect(resolveName(openai, "gpt-4o-2024-08-06").model.id).toBe("gpt-4o-2024-08-06");
    expect(resolveName(openai, "GPT-4O-2024-05-13").model.id).toBe("gpt-4o-2024-05-13");
    expect(resolveName(openai, "openai:gpt-4o").model.id).toBe("gpt-4o");
    expect(resolveName(openai, "OpenAI/o3-2025-04-16").model.id).toBe("o3-2025-04-16");
    expect(resolveName(anthropic, "anthropic/claude-sonnet-4-20250514").model.id).toBe(
      "claude-sonnet-4-20250514",
    );
  });

  it("never resolve a provider-qualified name to another provider's model", () => {
    expect(caught(() => resolveName(openai, "anthropic:gpt-4o")).code).toBe("UNKNOWN_MODEL");
    expect(caught(() => resolveName(anthropic, "openai/claude-opus-4")).code).toBe("UNKNOWN_MODEL");
  });

  it("suggest up to three names for an unknown one", () => {
    const error = caught(() => resolveName(openai, "gpt-4.2"));
    expect(error.code).toBe("UNKNOWN_MODEL");
    expect(error.suggestions.length).toBeGreaterThan(0);
    expect(error.suggestions.length).toBeLessThanOrEqual(3);
    expect(error.suggestions).toContain("gpt-4.1");
  });
});

describe("generated docs", () => {
  it.each(Object.entries(generatedDocs()))(
    "%s is up to date (npm run docs:generate)",
    (path, content) => {
      expect(readFileSync(new URL(`../${path}`, import.meta.url), "utf8")).toBe(content);
    },
  );
});

describe("the engine bundle", () => {
  it("carries no built-in table and no zod when it quotes and charges from a table of its own", async () => {
    const entry = join(mkdtempSync(join(tmpdir(), "pricebook-bundle-")), "entry.ts");
    const src = new URL("../src/index.ts", import.meta.url).pathname;
    writeFileSync(
      entry,
      `import { charge, compileTable, quote } from ${JSON.stringify(src)};\nexport { charge, compileTable, quote };\n`,
    );
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: "esm",
      minify: true,
      external: ["decimal.js"],
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    expect(code.length).toBeGreaterThan(1000);
    expect(code).toContain("UNPRICED_USAGE"); // charge is in it
    for (const needle of [
      "gpt-trainer-byok",
      "Message Credit",
      "claude-sonnet-4",
      "gemini-2.5-pro",
      "ZodError",
      "zod",
      "$ZodType",
    ]) {
      expect(code, needle).not.toContain(needle);
    }
  });
});
