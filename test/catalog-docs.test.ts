import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BEGIN, catalogDisagreements, END } from "../scripts/catalogDisagreements.js";

describe("docs/catalogs.md", () => {
  const page = readFileSync(new URL("../docs/catalogs.md", import.meta.url), "utf8");

  it("lists the disagreements compare finds today (npm run docs:catalogs to refresh)", () => {
    const section = page.slice(page.indexOf(BEGIN), page.indexOf(END) + END.length);
    expect(section).toBe(catalogDisagreements());
  });

  it("shows Azure's regional gpt-4o-mini against genai-prices' global price", () => {
    expect(page).toContain("| gpt-4o-mini | input | 0.15 | 0.165 |");
    expect(page).toContain("| gpt-4o-mini | output | 0.6 | 0.66 |");
  });
});
