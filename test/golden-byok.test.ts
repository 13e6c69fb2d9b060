import { describe, expect, it } from "vitest";
import { auditTable, builtinPricebook, quote, renderTable, tableAsOf } from "../src/index.js";
import { cli, PAGE, pageRows } from "./helpers.js";

// Golden data: the source page's own tables, read from the page itself (test/fixtures holds it
// verbatim), so the built-in table cannot drift from it unnoticed.
const variantRows = pageRows(/^GPT-/);
const workflowRows = pageRows(/\((gpt-[^)]+)\)$/);
const table = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2024-12-01" });

describe("the page's model table", () => {
  it("has 23 rows", () => {
    expect(variantRows).toHaveLength(23);
    expect(variantRows.map((row) => row[0])).toContain("GPT-4-0125-8k");
  });

  it.each(variantRows)(
    "%s: quoted through the CLI, equals the page to the digit",
    (label, input, output, inRate, outRate, total) => {
      const result = cli(
        "quote",
        (label as string).toLowerCase(),
        "--json",
        "--as-of",
        "2024-12-01",
      );
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.label).toBe(label);
      expect(json.reserved).toEqual({ input: Number(input), output: Number(output) });
      expect(json.rates).toEqual({ input: inRate, output: outRate });
      expect(json.usd).toBe(total);
      expect(json.table).toEqual(table.provenance);
    },
  );

  // Band and estimated credits computed by hand, independently of the library:
  // low = total × 0.8, high = total × 1.2, estimated = total ÷ 0.0032.
  const byHand: Record<string, [low: string, high: string, estimated: string]> = {
    "gpt-3.5": ["0.00256", "0.00384", "1"],
    "gpt-3.5-16k": ["0.00832", "0.01248", "3.25"],
    "gpt-4o-mini-1k": ["0.000192", "0.000288", "0.075"],
    "gpt-4o-mini-2k": ["0.000384", "0.000576", "0.15"],
    "gpt-4o-mini-4k": ["0.000912", "0.001368", "0.35625"],
    "gpt-4o-mini-8k": ["0.001824", "0.002736", "0.7125"],
    "gpt-4o-mini-16k": ["0.003072", "0.004608", "1.2"],
    "gpt-4o-mini-32k": ["0.00528", "0.00792", "2.0625"],
    "gpt-4o-mini-64k": ["0.00912", "0.01368", "3.5625"],
    "gpt-4o-1k": ["0.0032", "0.0048", "1.25"],
    "gpt-4o-2k": ["0.0064", "0.0096", "2.5"],
    "gpt-4o-4k": ["0.0152", "0.0228", "5.9375"],
    "gpt-4o-8k": ["0.0304", "0.0456", "11.875"],
    "gpt-4o-16k": ["0.0512", "0.0768", "20"],
    "gpt-4o-32k": ["0.088", "0.132", "34.375"],
    "gpt-4o-64k": ["0.152", "0.228", "59.375"],
    "gpt-4-1106-1k": ["0.0112", "0.0168", "4.375"],
    "gpt-4-1106-2k": ["0.0224", "0.0336", "8.75"],
    "gpt-4-1106-4k": ["0.0512", "0.0768", "20"],
    "gpt-4-0125-8k": ["0.1024", "0.1536", "40"],
    "gpt-4-1106-16k": ["0.1792", "0.2688", "70"],
    "gpt-4-1106-32k": ["0.32", "0.48", "125"],
    "gpt-4-1106-64k": ["0.576", "0.864", "225"],
  };

  it.each(Object.entries(byHand))(
    "%s: ±20% band and exact estimated credits",
    (id, [low, high, estimated]) => {
      const result = quote(table, id);
      expect(result.band).toEqual({ low, high });
      expect(result.credits?.estimated).toBe(estimated);
      expect(result.credits?.unitPrice).toBe("0.0032");
    },
  );

  it("covers every row with the hand-computed figures", () => {
    expect(Object.keys(byHand).sort()).toEqual(
      variantRows.map((row) => (row[0] as string).toLowerCase()).sort(),
    );
  });

  it("GPT-4-1106-4k: 0.064 USD, 20 MCs estimated and 20 published, band 0.0512–0.0768", () => {
    const json = JSON.parse(
      cli("quote", "gpt-4-1106-4k", "--json", "--as-of", "2024-12-01").stdout,
    );
    expect(json.usd).toBe("0.064");
    expect(json.credits).toEqual({ unitPrice: "0.0032", estimated: "20", published: "20" });
    expect(json.band).toEqual({ low: "0.0512", high: "0.0768" });
    expect(PAGE).toContain("GPT-4-1106-4k uses 20 MCs per query");
  });

  it("no other variant has a published figure in this version", () => {
    const published = Object.values(table.variants).filter((variant) => variant.credits !== null);
    expect(published.map((variant) => variant.id)).toEqual(["gpt-4-1106-4k"]);
  });

  it("the Markdown table carries all 115 figures of the page's model table, row by row", () => {
    const lines = renderTable(table, { format: "md" }).split("\n");
    expect(lines[0]).toBe(
      "| Model | Reserved for Input | Reserved for Output | Cost / Input Token | Cost / Output Token | Total Cost per Query |",
    );
    const body = lines.slice(2).map((line) => line.slice(2, -2).split(" | "));
    expect(body).toEqual(variantRows);
    expect(body.flatMap((row) => row.slice(1))).toHaveLength(115);
  });

  it("the CLI prints the same Markdown", () => {
    const result = cli("table", "--format", "md", "--as-of", "2024-12-01");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${renderTable(table)}\n`);
  });
});

describe("the page's workflow table", () => {
  it("has its three workflows, with the page's models, tokens and rates", () => {
    expect(workflowRows).toHaveLength(3);
    const lines = renderTable(table, { section: "workflows" }).split("\n").slice(2);
    const rendered = lines.map((line) => line.slice(2, -2).split(" | "));
    // Everything but the totals matches the page as printed.
    expect(rendered.map((row) => row.slice(0, 5))).toEqual(
      workflowRows.map((row) => row.slice(0, 5)),
    );
    // Totals are computed: 600 × 0.00001 + 450 × 0.00003 = 0.0195; 1000 × 0.000001 + 50 × 0.000002
    // = 0.0011; 1000 × 0.000001 + 100 × 0.000002 = 0.0012.
    expect(rendered.map((row) => row[5])).toEqual(["0.0195", "0.0011", "0.0012"]);
    expect(workflowRows.map((row) => row[5])).toEqual(["0.0011", "0.0195", "0.0012"]);
  });

  it("audit finds exactly the two swapped totals, and nothing else", () => {
    const audit = auditTable(table);
    expect(audit.checked).toBe(23 * 3 + 3 * 3);
    expect(
      audit.findings.map(({ path, published, computed, code }) => ({
        path: path.join("."),
        published,
        computed,
        code,
      })),
    ).toEqual([
      {
        path: "workflows.intent-generation.printed.usd",
        published: "0.0011",
        computed: "0.0195",
        code: "PRINTED_TOTAL_MISMATCH",
      },
      {
        path: "workflows.query-intent-classification.printed.usd",
        published: "0.0195",
        computed: "0.0011",
        code: "PRINTED_TOTAL_MISMATCH",
      },
    ]);
    expect(audit.findings[0]?.message).toContain("look swapped");
  });

  it("audit --json through the CLI: the same two findings, exit 1", () => {
    const result = cli("audit", "--json", "--as-of", "2024-12-01");
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.findings).toHaveLength(2);
    expect(json.findings.map((finding: { path: string[] }) => finding.path.join("."))).toEqual([
      "workflows.intent-generation.printed.usd",
      "workflows.query-intent-classification.printed.usd",
    ]);
    expect(json.findings[0]).toMatchObject({
      severity: "error",
      published: "0.0011",
      computed: "0.0195",
    });
  });
});
