import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Budget,
  builtinPricebook,
  builtinTableInputs,
  estimateBudget,
  type PricingTable,
  type Quote,
  quote,
  tableAsOf,
} from "../src/index.js";
import { cli } from "./helpers.js";

// Drives the calculator on the generated docs/pricing.html in a real headless Chromium, with the
// keyboard only, and compares every figure it shows with the library's estimateBudget and quote
// (what `llm-pricebook budget --json` prints). Skipped, and says so, where there is no browser.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveBrowser = existsSync(executablePath) || process.env.CI !== undefined;
const PAGE = new URL("../docs/pricing.html", import.meta.url).href;
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// The page embeds the newest gpt-trainer-byok table: the one the CLI uses today.
const table: PricingTable = tableAsOf(builtinPricebook(), "gpt-trainer-byok", {
  asOf: "2099-01-01",
});
const variants = Object.keys(table.variants);

interface Entries {
  variant: string;
  queries: string;
  agents: string;
  userFacingAgents: string;
  variables: string;
  agentEdits: string;
  creditBalance: string;
}

const LABELS: Record<Exclude<keyof Entries, "variant">, string> = {
  queries: "Queries per month",
  agents: "Agents",
  userFacingAgents: "User-facing agents",
  variables: "Variables",
  agentEdits: "Agent go-lives or edits",
  creditBalance: "Credit balance",
};

const calculator = (page: Page) => page.locator("llm-pricebook-calculator");
const results = (page: Page) => calculator(page).locator('[role="status"]');

/** Types a value into the field with this label: focus, select all, type. Keyboard only. */
async function typeInto(page: Page, key: Exclude<keyof Entries, "variant">, value: string) {
  const input = calculator(page).getByLabel(LABELS[key], { exact: true });
  await input.focus();
  await page.keyboard.press("Control+A");
  if (value === "") await page.keyboard.press("Backspace");
  else await page.keyboard.type(value);
}

/** Picks a variant with the arrow keys: Home, then ArrowDown to its place in the list. */
async function chooseVariant(page: Page, variant: string) {
  await calculator(page).getByLabel("Variant", { exact: true }).focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < variants.indexOf(variant); i++) await page.keyboard.press("ArrowDown");
}

/** The figures the calculator shows, by their data-figure key. */
async function shown(page: Page): Promise<Record<string, string>> {
  return results(page)
    .locator("[data-figure]")
    .evaluateAll((nodes) =>
      Object.fromEntries(
        nodes.map((node) => [
          node.getAttribute("data-figure"),
          node.querySelector("ul")
            ? [...node.querySelectorAll("li")].map((li) => li.textContent).join("\n")
            : node.textContent,
        ]),
      ),
    );
}

/** What the calculator must show, from the library. */
function expected(entries: Entries): Record<string, string> {
  const budget: Budget = estimateBudget(table, {
    variant: entries.variant,
    queries: Number(entries.queries),
    deployment: {
      agents: Number(entries.agents),
      userFacingAgents: Number(entries.userFacingAgents),
      variables: Number(entries.variables),
      agentChanges: Number(entries.agentEdits),
    },
    ...(entries.creditBalance === "" ? {} : { creditBalance: entries.creditBalance }),
  });
  return figuresOf(budget, quote(table, entries.variant));
}

/** The figures the calculator shows for a budget and a quote, as it writes them. */
function figuresOf(budget: Budget, q: Quote): Record<string, string> {
  const figures: Record<string, string> = {
    "per-query": `${q.usd} USD (band ${q.band?.low} to ${q.band?.high})`,
    "credits-per-query": `${q.credits?.estimated} MC estimated, ${q.credits?.published === null ? "none" : `${q.credits?.published} MC`} published`,
    monthly: `${budget.ai.usd} USD (band ${budget.ai.low} to ${budget.ai.high})`,
    credits: `${budget.credits} MC`,
    workflows: budget.workflows
      .map((w) =>
        w.applies
          ? `${w.label}: ${w.runs} runs × ${w.perRun} = ${w.usd} USD`
          : `${w.label}: does not apply`,
      )
      .join("\n"),
    partner: `${budget.partner.usd} USD`,
  };
  const a = budget.allocation;
  if (a !== null) {
    figures["on-credits"] =
      `${a.queriesOnCredits} queries, ${a.creditsUsed} MC used, ${a.creditsLeft} left`;
    figures["on-key"] = `${a.queriesOnKey} queries, ${a.keyUsd} USD`;
  }
  return figures;
}

/** A small deterministic generator (mulberry32), so a failure names a case that reproduces. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every variant once, each with a different month: queries, agents, user-facing, variables, balance. */
function combinations(): Entries[] {
  const next = random(16);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  return variants.map((variant) => {
    const agents = pick([0, 1, 2, 3, 7]);
    return {
      variant,
      queries: pick(["0", "1", "7", "1000", "12345", "1000000", "999999999"]),
      agents: String(agents),
      userFacingAgents: String(Math.min(agents, pick([0, 1, 2, 5]))),
      variables: pick(["0", "1", "4"]),
      agentEdits: pick(["0", "3", "12"]),
      creditBalance: pick(["", "0", "50", "1234.5", "100000", "99999999"]),
    };
  });
}

describe.skipIf(!haveBrowser)("the calculator on docs/pricing.html, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(PAGE);
    await results(page).locator('[data-figure="monthly"]').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("loads from a file:// URL without errors, and prices the default variant", async () => {
    expect(errors).toEqual([]);
    expect(await shown(page)).toEqual(
      expected({
        variant: "gpt-4o-mini-16k",
        queries: "10000",
        agents: "1",
        userFacingAgents: "1",
        variables: "0",
        agentEdits: "0",
        creditBalance: "",
      }),
    );
  });

  it("labels every input, announces results politely, and tabs through the form in order", async () => {
    for (const label of ["Variant", ...Object.values(LABELS)]) {
      expect(await calculator(page).getByLabel(label, { exact: true }).count(), label).toBe(1);
    }
    expect(await results(page).getAttribute("aria-live")).toBe("polite");
    await calculator(page).getByLabel("Variant", { exact: true }).focus();
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate(
          () =>
            document
              .querySelector("llm-pricebook-calculator")
              ?.shadowRoot?.activeElement?.getAttribute("name") ?? "",
        ),
      );
    }
    expect(order).toEqual([
      "queries",
      "agents",
      "userFacingAgents",
      "variables",
      "agentEdits",
      "creditBalance",
    ]);
  });

  it(`shows what estimateBudget and quote compute, for every variant (${variants.length} months typed with the keyboard)`, async () => {
    for (const entries of combinations()) {
      await chooseVariant(page, entries.variant);
      for (const key of Object.keys(LABELS) as (keyof typeof LABELS)[])
        await typeInto(page, key, entries[key]);
      expect(await shown(page), JSON.stringify(entries)).toEqual(expected(entries));
    }
    expect(errors).toEqual([]);
  }, 240_000);

  const GOOD = {
    queries: "5000",
    agents: "2",
    userFacingAgents: "2",
    variables: "1",
    agentEdits: "1",
    creditBalance: "100",
  } as const;

  it.each([
    ["queries", "-1"],
    ["queries", ""],
    ["queries", "1.5"],
    ["queries", "1e9"],
    ["queries", "1,000"],
    ["queries", "ten"],
    ["queries", "99999999999999999"],
    ["agents", "-3"],
    ["userFacingAgents", "9"],
    ["variables", "0.5"],
    ["agentEdits", "-0"],
    ["creditBalance", "-5"],
    ["creditBalance", "1e3"],
    ["creditBalance", "lots"],
  ] as const)("%s = %j shows a message and no number", async (key, value) => {
    // Start from a good month, so a stale figure would be seen.
    await chooseVariant(page, "gpt-4o-16k");
    for (const [field, good] of Object.entries(GOOD) as [keyof typeof GOOD, string][])
      await typeInto(page, field, good);
    expect(Object.keys(await shown(page))).toContain("monthly");
    await typeInto(page, key, value);
    expect(await shown(page)).toEqual({});
    const text = (await results(page).textContent()) ?? "";
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toContain("USD");
    expect(
      await calculator(page).getByLabel(LABELS[key], { exact: true }).getAttribute("aria-invalid"),
    ).toBe("true");
    // What it says is what the library says, when the library is the one that refuses.
    if (key === "userFacingAgents") expect(text).toMatch(/cannot be more than the 2 agents/);
    // And a good entry brings the figures back.
    await typeInto(page, key, GOOD[key]);
    expect(Object.keys(await shown(page))).toContain("monthly");
  });

  it("works from the README's three lines (the script the docs page loads, a table of one's own)", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const snippet = /```html\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(snippet.trim().split("\n")).toHaveLength(3);
    const input = builtinTableInputs.find(
      (candidate) => candidate.id === table.id && candidate.version === table.version,
    );
    const mine = JSON.stringify({ ...input, id: "my-plans", label: "My plans" });
    const html = snippet
      .replace(
        "https://cdn.jsdelivr.net/npm/llm-pricebook/dist/calculator.global.js",
        new URL("../docs/assets/calculator.js", import.meta.url).href,
      )
      .replace('{ "id": "my-plans", … }', mine);
    const file = join(mkdtempSync(join(tmpdir(), "pricebook-readme-")), "embed.html");
    writeFileSync(file, `<!doctype html><meta charset="utf-8"><body>${html}</body>`);
    const embed = await browser.newPage();
    try {
      await embed.goto(pathToFileURL(file).href);
      const monthly = embed.locator('llm-pricebook-calculator [data-figure="monthly"]');
      await monthly.waitFor();
      // The default month: 10000 queries of GPT-4o-16k at 0.064 = 640 USD, ±20%.
      expect(await monthly.textContent()).toBe("640 USD (band 512 to 768)");
      expect(await embed.locator("llm-pricebook-calculator").textContent()).toContain(
        "shown without JavaScript",
      );
    } finally {
      await embed.close();
    }
  });

  it("takes its table from a child script even when defined from the head; a bad or missing table shows a message", async () => {
    const input = builtinTableInputs.find(
      (candidate) => candidate.id === table.id && candidate.version === table.version,
    );
    const script = new URL("../docs/assets/calculator.js", import.meta.url).href;
    const json = JSON.stringify(input);
    const file = join(mkdtempSync(join(tmpdir(), "pricebook-embed-")), "page.html");
    writeFileSync(
      file,
      `<!doctype html><meta charset="utf-8"><script src="${script}"></script>
<body>
<llm-pricebook-calculator id="head" variant="gpt-3.5" queries="3"><script type="application/json">${json}</script></llm-pricebook-calculator>
<llm-pricebook-calculator id="bad"><script type="application/json">{"id": "broken"}</script></llm-pricebook-calculator>
<llm-pricebook-calculator id="nothing"></llm-pricebook-calculator>
</body>`,
    );
    const embed = await browser.newPage();
    try {
      await embed.goto(pathToFileURL(file).href);
      // GPT-3.5: 0.0032 a query; 3 queries = 0.0096 USD, ±20% = 0.00768 to 0.01152.
      const monthly = embed.locator('#head [data-figure="monthly"]');
      await monthly.waitFor();
      expect(await monthly.textContent()).toBe("0.0096 USD (band 0.00768 to 0.01152)");
      for (const id of ["bad", "nothing"]) {
        const region = embed.locator(`#${id} [role="status"]`);
        expect(await region.locator("[data-figure]").count()).toBe(0);
        expect(await region.textContent()).toMatch(
          id === "bad" ? /^The pricing table is not valid: / : /^No pricing table/,
        );
      }
    } finally {
      await embed.close();
    }
  });

  it("leaves the fallback table visible without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await context.newPage();
      await plain.goto(PAGE);
      const fallback = plain.locator("llm-pricebook-calculator > table");
      expect(await fallback.isVisible()).toBe(true);
      expect(await fallback.locator("tbody tr").count()).toBe(variants.length);
      expect(await plain.locator("llm-pricebook-calculator form").count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("turns its transition off for prefers-reduced-motion", async () => {
    const context = await browser.newContext({ reducedMotion: "reduce" });
    try {
      const still = await context.newPage();
      await still.goto(PAGE);
      const region = still.locator('llm-pricebook-calculator [role="status"]');
      await region.locator('[data-figure="monthly"]').waitFor();
      expect(await region.evaluate((node) => getComputedStyle(node).transitionDuration)).toBe("0s");
      expect(
        await results(page).evaluate((node) => getComputedStyle(node).transitionDuration),
      ).toBe("0.3s");
    } finally {
      await context.close();
    }
  });

  it("takes the page's colours through custom properties and ::part", async () => {
    await page.addStyleTag({
      content:
        "llm-pricebook-calculator { --llm-pricebook-color: rgb(1, 2, 3); } llm-pricebook-calculator::part(results) { border-left-color: rgb(4, 5, 6); }",
    });
    expect(await results(page).evaluate((node) => getComputedStyle(node).color)).toBe(
      "rgb(1, 2, 3)",
    );
    expect(await results(page).evaluate((node) => getComputedStyle(node).borderLeftColor)).toBe(
      "rgb(4, 5, 6)",
    );
  });

  describe("by a model and a window (issue #16)", () => {
    const models = Object.keys(table.models);
    let mp: Page;

    beforeAll(async () => {
      mp = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      mp.on("pageerror", (error) => errors.push(error.message));
      await mp.goto(PAGE);
      await results(mp).locator('[data-figure="monthly"]').waitFor();
      // "Price by": the model form is the last option; End picks it, keyboard only.
      await calculator(mp).getByLabel("Price by", { exact: true }).focus();
      await mp.keyboard.press("End");
    }, 60_000);

    afterAll(async () => {
      await mp?.close();
    });

    async function chooseModel(target: Page, model: string) {
      await calculator(target).getByLabel("Model", { exact: true }).focus();
      await target.keyboard.press("Home");
      for (let i = 0; i < models.indexOf(model); i++) await target.keyboard.press("ArrowDown");
    }

    async function typeWindow(target: Page, label: string, value: string) {
      await calculator(target).getByLabel(label, { exact: true }).focus();
      await target.keyboard.press("Control+A");
      if (value === "") await target.keyboard.press("Backspace");
      else await target.keyboard.type(value);
    }

    it("switches with the keyboard: the variant is hidden, the model and window are labelled and in the tab order", async () => {
      expect(await calculator(mp).getByLabel("Variant", { exact: true }).isVisible()).toBe(false);
      for (const label of ["Model", "Input tokens", "Output tokens"]) {
        expect(await calculator(mp).getByLabel(label, { exact: true }).isVisible(), label).toBe(
          true,
        );
      }
      await calculator(mp).getByLabel("Price by", { exact: true }).focus();
      const order: string[] = [];
      for (let i = 0; i < 4; i++) {
        await mp.keyboard.press("Tab");
        order.push(
          await mp.evaluate(
            () =>
              document
                .querySelector("llm-pricebook-calculator")
                ?.shadowRoot?.activeElement?.getAttribute("name") ?? "",
          ),
        );
      }
      expect(order).toEqual(["model", "windowInput", "windowOutput", "queries"]);
    });

    it("shows what estimateBudget and quote compute, and what budget --model --window --json prints", async () => {
      const next = random(1616);
      const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
      const cases = [
        ["gpt-4o", "12800", "3200", "1000", "1", "1", "0", "0", "50"],
        ...Array.from({ length: 7 }, () => {
          const agents = pick([0, 1, 2, 3, 7]);
          return [
            pick(models),
            pick(["0", "1", "1000", "12800", "128000", "999999"]),
            pick(["0", "7", "3200", "16384", "100000"]),
            pick(["0", "1", "7", "12345", "999999999"]),
            String(agents),
            String(Math.min(agents, pick([0, 1, 2, 5]))),
            pick(["0", "1", "4"]),
            pick(["0", "3", "12"]),
            pick(["", "0", "50", "1234.5", "99999999"]),
          ];
        }),
      ] as const;
      for (const [
        model,
        input,
        output,
        queries,
        agents,
        userFacing,
        variables,
        edits,
        balance,
      ] of cases) {
        const entries = {
          queries,
          agents,
          userFacingAgents: userFacing,
          variables,
          agentEdits: edits,
          creditBalance: balance,
        };
        await chooseModel(mp, model as string);
        await typeWindow(mp, "Input tokens", input as string);
        await typeWindow(mp, "Output tokens", output as string);
        for (const key of Object.keys(LABELS) as (keyof typeof LABELS)[])
          await typeInto(mp, key, entries[key] as string);
        const window = { input: Number(input), output: Number(output) };
        const budget = estimateBudget(table, {
          model: model as string,
          window,
          queries: Number(queries),
          deployment: {
            agents: Number(agents),
            userFacingAgents: Number(userFacing),
            variables: Number(variables),
            agentChanges: Number(edits),
          },
          ...(balance === "" ? {} : { creditBalance: balance as string }),
        });
        const label = JSON.stringify([model, input, output, entries]);
        expect(await shown(mp), label).toEqual(
          figuresOf(budget, quote(table, model as string, { window })),
        );
        const result = cli(
          "budget",
          "--table",
          "gpt-trainer-byok",
          "--as-of",
          "2099-01-01",
          "--model",
          model as string,
          "--window",
          `${input}:${output}`,
          "--queries",
          queries as string,
          "--agents",
          agents as string,
          "--user-facing",
          userFacing as string,
          "--variables",
          variables as string,
          "--agent-edits",
          edits as string,
          ...(balance === "" ? [] : ["--credit-balance", balance as string]),
          "--json",
        );
        expect(result.stderr, label).toBe("");
        expect(JSON.parse(result.stdout), label).toEqual(JSON.parse(JSON.stringify(budget)));
      }
      // GPT-4o at 12,800:3,200 by hand: 0.064 a query, 20 MC estimated, none published.
      expect(budget0(cases[0])).toBe("0.064");
      expect(errors).toEqual([]);
    }, 240_000);

    function budget0(row: readonly string[]) {
      return quote(table, row[0] as string, {
        window: { input: Number(row[1]), output: Number(row[2]) },
      }).usd;
    }

    it.each([
      ["Input tokens", "-1"],
      ["Input tokens", ""],
      ["Input tokens", "1.5"],
      ["Output tokens", "1e9"],
      ["Output tokens", "3,200"],
      ["Output tokens", "99999999999999999"],
    ] as const)("%s = %j shows a message and no number", async (label, value) => {
      await chooseModel(mp, "gpt-4o");
      await typeWindow(mp, "Input tokens", "12800");
      await typeWindow(mp, "Output tokens", "3200");
      await typeInto(mp, "queries", "1000");
      await typeInto(mp, "agents", "1");
      await typeInto(mp, "userFacingAgents", "1");
      expect(Object.keys(await shown(mp))).toContain("monthly");
      await typeWindow(mp, label, value);
      expect(await shown(mp)).toEqual({});
      const text = (await results(mp).textContent()) ?? "";
      expect(text).toMatch(/tokens reserved per query/);
      expect(text).not.toContain("USD");
      expect(
        await calculator(mp).getByLabel(label, { exact: true }).getAttribute("aria-invalid"),
      ).toBe("true");
      await typeWindow(mp, label, label === "Input tokens" ? "12800" : "3200");
      expect(await results(mp).locator('[data-figure="per-query"]').textContent()).toBe(
        "0.064 USD (band 0.0512 to 0.0768)",
      );
    });

    it("starts on a model for a table without variants (the built-in openai table), with no credits", async () => {
      const openai = tableAsOf(builtinPricebook(), "openai", { asOf: "2099-01-01" });
      const input = builtinTableInputs.find(
        (candidate) => candidate.id === openai.id && candidate.version === openai.version,
      );
      const script = new URL("../docs/assets/calculator.js", import.meta.url).href;
      const file = join(mkdtempSync(join(tmpdir(), "pricebook-openai-")), "page.html");
      writeFileSync(
        file,
        `<!doctype html><meta charset="utf-8"><body>
<llm-pricebook-calculator model="gpt-4o" queries="1000"><script type="application/json">${JSON.stringify(input)}</script></llm-pricebook-calculator>
<script src="${script}"></script></body>`,
      );
      const embed = await browser.newPage();
      try {
        await embed.goto(pathToFileURL(file).href);
        const monthly = results(embed).locator('[data-figure="monthly"]');
        await monthly.waitFor();
        expect(await calculator(embed).getByLabel("Variant", { exact: true }).count()).toBe(0);
        expect(await calculator(embed).getByLabel("Credit balance", { exact: true }).count()).toBe(
          0,
        );
        // 12800 × 0.0000025 + 3200 × 0.00001 = 0.064 a query; 1000 queries: 64 USD, no band.
        expect(await shown(embed)).toEqual({
          "per-query": "0.064 USD",
          monthly: "64 USD",
          workflows: "",
          partner: "0 USD",
        });
        const json = JSON.parse(
          cli(
            "budget",
            "--table",
            "openai",
            "--as-of",
            "2099-01-01",
            "--model",
            "gpt-4o",
            "--window",
            "12800:3200",
            "--queries",
            "1000",
            "--json",
          ).stdout,
        );
        expect(json.ai.usd).toBe("64");
        expect(json.credits).toBeNull();
        // Bad window entries: a message, no number.
        await calculator(embed).getByLabel("Output tokens", { exact: true }).focus();
        await embed.keyboard.press("Control+A");
        await embed.keyboard.type("-5");
        expect(await shown(embed)).toEqual({});
        expect(await results(embed).textContent()).toMatch(/output tokens reserved per query/);
      } finally {
        await embed.close();
      }
    });
  });

  it("looks like something: the calculator and the chart are not blank (screenshot in docs/images/calculator.png)", async () => {
    await page.reload();
    await results(page).locator('[data-figure="monthly"]').waitFor();
    await chooseVariant(page, "gpt-4o-16k");
    for (const [field, value] of [
      ["queries", "20000"],
      ["agents", "3"],
      ["userFacingAgents", "2"],
      ["variables", "2"],
      ["agentEdits", "4"],
      ["creditBalance", "50000"],
    ] as const)
      await typeInto(page, field, value);
    const calculatorShot = await calculator(page).screenshot({ timeout: 90_000 });
    writeFileSync(new URL("../docs/images/calculator.png", import.meta.url), calculatorShot);
    const chartShot = await page.locator("#calculator figure svg").screenshot({ timeout: 90_000 });
    for (const [name, shot] of [
      ["calculator", calculatorShot],
      ["chart", chartShot],
    ] as const) {
      expect(await distinctColours(page, shot), name).toBeGreaterThan(8);
    }
  }, 240_000);
});

/** How many distinct colours a PNG has, decoded by the browser's own canvas. */
function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d") as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4)
      colours.add(
        ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number),
      );
    return colours.size;
  }, png.toString("base64"));
}
