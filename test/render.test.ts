import { describe, expect, it } from "vitest";
import { builtinPricebook, renderTable, type TableFormat, tableAsOf } from "../src/index.js";
import { caught, pageRows } from "./helpers.js";

const table = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2025-02-01" });
const variantRows = pageRows(/^GPT-/);
// The workflow table as the page prints it, with the computed totals in place of the two swapped ones.
const workflowRows = pageRows(/\((gpt-[^)]+)\)$/).map((row, index) => [
  ...row.slice(0, 5),
  ["0.0195", "0.0011", "0.0012"][index] as string,
]);

/** Every row of a rendered table as cell text, whatever the format. */
function cells(format: TableFormat, text: string): string[][] {
  if (format === "md")
    return text
      .split("\n")
      .slice(2)
      .map((line) => line.slice(2, -2).split(" | "));
  if (format === "csv")
    return text
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(","));
  if (format === "json") {
    return JSON.parse(text).rows.map((row: Record<string, unknown>) =>
      Object.values(row).map((value) => String(value)),
    );
  }
  return [...text.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((row) =>
      [...(row[1] as string).matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map(
        (cell) => cell[1] as string,
      ),
    );
}

describe.each(["md", "html", "csv", "json"] as const)("renderTable as %s", (format) => {
  it("carries every figure of the page's model table", () => {
    expect(cells(format, renderTable(table, { format }))).toEqual(variantRows);
  });

  it("carries every figure of the workflow table, totals computed", () => {
    expect(cells(format, renderTable(table, { format, section: "workflows" }))).toEqual(
      workflowRows,
    );
  });

  it("adds estimated and published credits on request", () => {
    const rows = cells(format, renderTable(table, { format, credits: true }));
    const gpt4o16k = rows.find((row) => row[0] === "GPT-4o-16k");
    expect(gpt4o16k?.slice(5)).toEqual(["0.064", "20", "40"]);
    const mini1k = rows.find((row) => row[0] === "GPT-4o-mini-1k");
    // 0.00024 ÷ 0.0032 = 0.075; no published figure
    expect(mini1k?.slice(6)).toEqual(["0.075", format === "json" ? "null" : ""]);
  });
});

describe("render options", () => {
  it("shows rates per million tokens", () => {
    const [header, , first] = renderTable(table, { rateUnit: "million" }).split("\n");
    expect(header).toContain("Input / 1M Tokens");
    expect(first).toBe("| GPT-3.5 | 2800 | 1200 | 0.5 | 1.5 | 0.0032 |");
  });

  it("chooses columns", () => {
    expect(
      renderTable(table, { columns: ["model", "total"], format: "csv" })
        .split("\r\n")
        .slice(0, 2),
    ).toEqual(["Model,Total Cost per Query", "GPT-3.5,0.0032"]);
  });

  it("keeps token counts as integers and amounts as strings in JSON", () => {
    const json = JSON.parse(renderTable(table, { format: "json" }));
    expect(json.rows[0]).toEqual({
      model: "GPT-3.5",
      reservedInput: 2800,
      reservedOutput: 1200,
      inputRate: "0.0000005",
      outputRate: "0.0000015",
      total: "0.0032",
    });
    expect(json.table).toEqual(table.provenance);
  });

  it("writes semantic, escaped HTML with no script", () => {
    const html = renderTable(table, { format: "html", section: "workflows" });
    expect(html).toMatch(/^<table class="llm-pricebook workflows">\n {2}<caption>/);
    expect(html).toContain('<th scope="col">Workflow</th>');
    expect(html).toContain('<th scope="row">AI Agent intent generation (gpt-4-1106-preview)</th>');
    expect(html).toContain("partner&#39;s own key");
    expect(html).not.toMatch(/<script/i);
  });

  it("escapes what a user table puts in labels", () => {
    const evil = {
      ...table,
      variants: {
        x: { ...table.variants["gpt-3.5"], id: "x", label: '<img src=x onerror="alert(1)">|a,b' },
      },
    } as never;
    expect(renderTable(evil, { format: "html" })).toContain(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;|a,b",
    );
    expect(renderTable(evil, { format: "md" })).toContain("\\|a,b");
    expect(renderTable(evil, { format: "csv" })).toContain(
      '"<img src=x onerror=""alert(1)"">|a,b"',
    );
  });

  it.each([
    [{ format: "docx" }, ["format"]],
    [{ section: "prices" }, ["section"]],
    [{ rateUnit: "thousand" }, ["rateUnit"]],
    [{ columns: ["model", "colour"] }, ["columns", 1]],
    [{ columns: [] }, ["columns"]],
  ])("refuses %j", (options, path) => {
    const error = caught(() => renderTable(table, options as never));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(path);
  });
});
