import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { latestTables, pageSections } from "../scripts/generatedDocs.js";
import { renderTable } from "../src/index.js";

// Opens the generated docs/pricing.html in a real headless Chromium (Debian's package, driven by
// playwright-core) and reads every cell back. CI installs chromium; elsewhere the test is skipped
// when there is no browser, and says so.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveBrowser = existsSync(executablePath);

describe("docs/pricing.html in a real browser", () => {
  it.skipIf(!haveBrowser && process.env.CI === undefined)(
    "shows every cell of every table as the library computes it",
    async () => {
      const browser = await chromium.launch({
        executablePath,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      try {
        const page = await browser.newPage();
        await page.goto(new URL("../docs/pricing.html", import.meta.url).href);
        // The tables of each section; the calculator's fallback table is checked in
        // calculator.browser.test.ts.
        const seen = await page.$$eval("section > table", (tables) =>
          tables.map((table) => ({
            caption: table.querySelector("caption")?.textContent ?? "",
            headers: [...table.querySelectorAll("thead th")].map((th) => th.textContent ?? ""),
            rows: [...table.querySelectorAll("tbody tr")].map((tr) =>
              [...tr.children].map((cell) => cell.textContent ?? ""),
            ),
          })),
        );
        const expected = latestTables().flatMap((table) =>
          pageSections(table).map((options) => {
            const json = JSON.parse(renderTable(table, { ...options, format: "json" }));
            return {
              caption: json.caption,
              headers: json.columns.map((column: { header: string }) => column.header),
              rows: json.rows.map((row: Record<string, unknown>) =>
                Object.values(row).map((value) => (value === null ? "" : String(value))),
              ),
            };
          }),
        );
        expect(seen).toEqual(expected);
        const cellCount = seen.reduce(
          (sum, table) => sum + table.rows.length * table.headers.length,
          0,
        );
        expect(cellCount).toBeGreaterThan(300);
        // The one script that runs is the calculator's (the other holds its table, as JSON).
        expect(
          await page.$$eval("script", (scripts) =>
            scripts.map((script) => script.getAttribute("src") ?? script.getAttribute("type")),
          ),
        ).toEqual(["application/json", "assets/calculator.js"]);
        expect(await page.$$eval("table script, svg script", (found) => found.length)).toBe(0);
      } finally {
        await browser.close();
      }
    },
  );
});
