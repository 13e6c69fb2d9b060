import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cliAsync } from "./helpers.js";

// docs/billing.md, "Pricing a log": each example's output is what the command prints.
const doc = readFileSync(new URL("../docs/billing.md", import.meta.url), "utf8");

describe("docs/billing.md: Pricing a log", () => {
  it.each([
    ["llm-pricebook price docs/examples/otel-genai-export.json --group-by app.customer", 0],
    [
      "llm-pricebook price docs/examples/provider-responses.jsonl --group-by model --as-of 2025-12-10",
      0,
    ],
  ])("%s", async (command, status) => {
    const shown = new RegExp(
      `${command.replaceAll(".", "\\.")}\\n\`\`\`\\n\\n\`\`\`text\\n([\\s\\S]*?)\`\`\``,
    ).exec(doc)?.[1];
    expect(shown).toBeDefined();
    const argv = command.split(" ").slice(1);
    argv[1] = new URL(`../${argv[1]}`, import.meta.url).pathname;
    const result = await cliAsync(argv);
    expect(result.stdout).toBe(shown);
    expect(result.code).toBe(status);
  });
});
