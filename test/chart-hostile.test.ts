// Charts of hostile tables: rates far beyond a float (1e400 was INTERNAL, 1e308 drew NaN) and
// labels holding characters XML 1.0 does not allow (the SVG was not well-formed). Every chart
// this file renders is checked by a small strict well-formedness checker.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinPricebook, compileTable, renderChart } from "../src/index.js";
import type { PricingTable } from "../src/schema/types.js";
import { gptTrainerByok20241101 } from "../src/tables/gptTrainerByok20241101.js";
import { cli } from "./helpers.js";

/**
 * Throws unless `svg` is well-formed XML 1.0 as this library writes it: only characters XML
 * allows, every `&` the start of an entity, every tag closed in order, one root element.
 */
function assertWellFormed(svg: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
  const illegal = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u.exec(svg);
  if (illegal !== null)
    throw new Error(`illegal character U+${illegal[0].codePointAt(0)?.toString(16)}`);
  const amp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(svg);
  if (amp !== null) throw new Error(`a bare & at ${amp.index}`);
  if (/NaN|Infinity/.test(svg)) throw new Error("NaN or Infinity in the SVG");
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|>/g;
  let last = 0;
  for (const m of svg.matchAll(tag)) {
    const between = svg.slice(last, m.index);
    if (between.includes("<") || between.includes(">")) throw new Error(`stray < or > at ${last}`);
    last = (m.index as number) + m[0].length;
    if (m[2] === undefined) throw new Error(`stray ${m[0]} at ${m.index}`);
    if (stack.length === 0 && m[1] === "") roots += 1;
    if (m[1] === "/") {
      if (stack.pop() !== m[2]) throw new Error(`</${m[2]}> closes nothing open at ${m.index}`);
    } else if (m[4] !== "/") {
      stack.push(m[2]);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join("><")}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
  if (svg.slice(last).trim() !== "") throw new Error("text after the root element");
}

const book = builtinPricebook();
const KINDS = ["cost-per-query", "cost-vs-tokens"] as const;

/** The GPT-trainer table with every rate of gpt-3.5-turbo (and its variants' printed rates) set. */
function withRate(rate: string): PricingTable {
  const input = JSON.parse(JSON.stringify(gptTrainerByok20241101));
  input.models["gpt-3.5-turbo"].input = rate;
  input.models["gpt-3.5-turbo"].output = rate;
  for (const [id, variant] of Object.entries<{ model: string }>(input.variants)) {
    if (variant.model === "gpt-3.5-turbo") delete input.variants[id];
  }
  input.variants.huge = {
    label: "Huge",
    model: "gpt-3.5-turbo",
    reserved: { input: 1, output: 1 },
  };
  return compileTable(input);
}

describe("every chart is well-formed and finite", () => {
  it("the built-in tables, both kinds", () => {
    let drawn = 0;
    for (const table of book.tables) {
      for (const kind of KINDS) {
        if (kind === "cost-per-query" && Object.keys(table.variants).length === 0) continue;
        assertWellFormed(renderChart(table, { kind }));
        drawn += 1;
      }
    }
    expect(drawn).toBeGreaterThan(book.tables.length);
  });

  // [name, rate, the Huge variant's quote: one input and one output token, 2 × the rate]
  for (const [name, rate, usd] of [
    ["1e400", `1${"0".repeat(400)}`, `2${"0".repeat(400)}`],
    ["1e308", `1${"0".repeat(308)}`, `2${"0".repeat(308)}`],
    ["9e308 (beyond a float)", `9${"0".repeat(308)}`, `18${"0".repeat(308)}`],
    ["1e-400", `0.${"0".repeat(399)}1`, `0.${"0".repeat(399)}2`],
  ] as const) {
    it(`draws a rate of ${name} with exact labels and finite positions`, () => {
      const table = withRate(rate);
      for (const kind of KINDS) {
        const svg = renderChart(table, {
          kind,
          models: kind === "cost-vs-tokens" ? ["gpt-3.5-turbo", "gpt-4o-mini"] : undefined,
        } as never);
        assertWellFormed(svg);
        expect(svg).not.toMatch(/[xy][12]?="-?\d+(\.\d+)?e/);
      }
      const bars = renderChart(table, { kind: "cost-per-query" });
      expect(bars).toContain(`<title>Huge: ${usd} USD`);
    });
  }

  it("the CLI draws a table file with a rate of 1e400, exit 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "chart-hostile-"));
    const file = join(dir, "huge.json");
    const input = JSON.parse(JSON.stringify(gptTrainerByok20241101));
    input.models["gpt-4o-mini"].input = `1${"0".repeat(400)}`;
    writeFileSync(file, JSON.stringify(input));
    const run = cli(
      "chart",
      "--kind",
      "cost-vs-tokens",
      "--models",
      "gpt-4o-mini",
      "--table",
      file,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    assertWellFormed(run.stdout);
  });

  it("replaces characters XML does not allow with U+FFFD and escapes & < > \" '", () => {
    // A compiled table is plain data: a JSON copy with any label passes assertTable.
    const table = JSON.parse(JSON.stringify(withRate("0.001")));
    table.label = "bell\u0007 nul\u0000 esc\u001b fffe\ufffe lone\ud800 tab\t & <b> \"q\" 'a'";
    table.variants.huge.label = "\u0001<x>&amp";
    for (const kind of KINDS) {
      const svg = renderChart(table, { kind });
      assertWellFormed(svg);
      expect(svg).toContain(
        "bell\ufffd nul\ufffd esc\ufffd fffe\ufffd lone\ufffd tab\t &amp; &lt;b&gt; &quot;q&quot; &#39;a&#39;",
      );
    }
    expect(renderChart(table, { kind: "cost-per-query" })).toContain("\ufffd&lt;x&gt;&amp;amp");
  });

  it("the checker itself refuses what it should", () => {
    expect(() => assertWellFormed("<svg>\u0001</svg>")).toThrow(/illegal/);
    expect(() => assertWellFormed("<svg>a & b</svg>")).toThrow(/bare &/);
    expect(() => assertWellFormed("<svg><g></svg>")).toThrow();
    expect(() => assertWellFormed('<svg y="NaN"/>')).toThrow(/NaN/);
    expect(() => assertWellFormed("<svg/><svg/>")).toThrow(/root/);
    expect(() => assertWellFormed("<svg>1 < 2</svg>")).toThrow();
    expect(() => assertWellFormed('<svg x="1">&amp;&#39;</svg>\n')).not.toThrow();
  });
});
