/// <reference lib="dom" preserve="true" />
/// <reference lib="dom.iterable" preserve="true" />
import { compileTable } from "../catalog/compileTable.js";
import { PricebookError } from "../errors.js";
import type { PricingTable, PricingTableInput } from "../schema/types.js";
import {
  type CalculatorEntries,
  type CalculatorFigures,
  calculatorFigures,
} from "./calculatorFigures.js";

/** The element's tag name. */
export const CALCULATOR_TAG = "llm-pricebook-calculator";

// Page fonts and colours come in through inherited properties and these custom properties;
// every piece can be restyled from outside with ::part(…).
const STYLE = `
:host { display: block; font: inherit; color: var(--llm-pricebook-color, inherit);
  background: var(--llm-pricebook-background, transparent); }
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
form { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.75rem; }
[part~="field"] { display: flex; flex-direction: column; justify-content: flex-end; gap: 0.2rem; }
label { font-weight: 600; }
input, select { font: inherit; color: inherit; background: var(--llm-pricebook-input-background, Field);
  border: 1px solid var(--llm-pricebook-border, #767676); border-radius: 0.25rem; padding: 0.25rem 0.4rem; }
input:focus-visible, select:focus-visible { outline: 3px solid var(--llm-pricebook-accent, #1a5fb4); outline-offset: 1px; }
input[aria-invalid="true"], select[aria-invalid="true"] { border-color: var(--llm-pricebook-error, #b00020); }
.hint { font-weight: normal; font-size: 0.85em; }
[part~="results"] { margin-top: 1rem; padding: 0.75rem; border-left: 4px solid var(--llm-pricebook-accent, #1a5fb4);
  transition: background-color 0.3s ease; }
[part~="results"].fresh { background: var(--llm-pricebook-highlight, rgba(26, 95, 180, 0.08)); }
[part~="error"] { color: var(--llm-pricebook-error, #b00020); font-weight: 600; margin: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; font-variant-numeric: tabular-nums; }
ul { margin: 0; padding-left: 1.2rem; }
@media (prefers-reduced-motion: reduce) { [part~="results"] { transition: none; } }
`;

const WINDOW_FIELDS = [
  { key: "windowInput", label: "Input tokens", hint: "reserved per query", value: "12800" },
  { key: "windowOutput", label: "Output tokens", hint: "reserved per query", value: "3200" },
] as const;

const FIELDS: readonly {
  readonly key: Exclude<keyof CalculatorEntries, "variant" | "mode" | "model">;
  readonly label: string;
  readonly hint: string;
  readonly value: string;
}[] = [
  { key: "queries", label: "Queries per month", hint: "whole number", value: "10000" },
  { key: "agents", label: "Agents", hint: "AI agents connected", value: "1" },
  { key: "userFacingAgents", label: "User-facing agents", hint: "of the agents", value: "1" },
  { key: "variables", label: "Variables", hint: "set up on the agent", value: "0" },
  { key: "agentEdits", label: "Agent go-lives or edits", hint: "in the month", value: "0" },
  { key: "creditBalance", label: "Credit balance", hint: "credits; empty for none", value: "" },
];

const ATTRIBUTE_OF: Readonly<Record<keyof CalculatorEntries, string>> = {
  mode: "mode",
  variant: "variant",
  model: "model",
  windowInput: "window-input",
  windowOutput: "window-output",
  queries: "queries",
  agents: "agents",
  userFacingAgents: "user-facing-agents",
  variables: "variables",
  agentEdits: "agent-edits",
  creditBalance: "credit-balance",
};

/** The custom element's interface: a compiled table in, the library's figures out. */
export interface PricebookCalculatorElement extends HTMLElement {
  /** The compiled table it prices from; setting it re-renders. */
  table: PricingTable | null;
  /** What it shows now (`ok: false` with a message when an entry is bad). */
  readonly figures: CalculatorFigures | null;
}

/**
 * Registers `<llm-pricebook-calculator>` (once; later calls do nothing) and returns whether the
 * element is defined. Where there is no DOM (Node, a server render) it returns false and does
 * nothing, so importing `llm-pricebook/calculator` is safe anywhere. Importing it calls this.
 *
 * The element prices from its `table` property (a compiled table) or from a
 * `<script type="application/json">` child holding a table input, compiled with
 * {@link compileTable}. Its other children are the fallback shown without JavaScript (a
 * rendered table, say); once it runs, its own form and results take their place.
 *
 * A "Price by" switch chooses between a variant of the table and a model with a reservation
 * window of input and output tokens of your own (`budget --model M --window IN:OUT`). It starts
 * on the `mode` attribute (`variant` or `model`); a table without variants (a provider's own
 * table) starts, and stays, on a model. Attributes `variant`, `model`, `window-input`,
 * `window-output`, `queries`, `agents`, `user-facing-agents`, `variables`, `agent-edits` and
 * `credit-balance` set the starting entries.
 *
 * @example
 * // In Node there is no DOM: nothing is registered, nothing throws.
 * defineCalculator();
 * //=> false
 */
export function defineCalculator(
  registry: CustomElementRegistry | undefined = globalThis.customElements,
): boolean {
  if (typeof HTMLElement === "undefined" || registry === undefined) return false;
  if (registry.get(CALCULATOR_TAG) === undefined) registry.define(CALCULATOR_TAG, elementClass());
  return true;
}

function elementClass(): CustomElementConstructor {
  return class PricebookCalculator extends HTMLElement implements PricebookCalculatorElement {
    #table: PricingTable | null = null;
    #figures: CalculatorFigures | null = null;
    #root: ShadowRoot | null = null;
    #form: HTMLFormElement | null = null;
    #results: HTMLElement | null = null;
    #tableError: string | null = null;

    get table(): PricingTable | null {
      return this.#table;
    }

    set table(value: PricingTable | null) {
      this.#table = value;
      this.#tableError = null;
      if (this.isConnected) this.#render();
    }

    get figures(): CalculatorFigures | null {
      return this.#figures;
    }

    connectedCallback(): void {
      // A `table` set before the element was defined is an own property hiding the setter.
      if (Object.hasOwn(this, "table")) {
        const early = (this as { table?: PricingTable | null }).table ?? null;
        delete (this as { table?: unknown }).table;
        this.#table = early;
      }
      if (this.#table === null && this.#tableError === null) this.#readScript();
      // Defined by a script that ran before the parser reached the children: wait for them.
      if (this.#table === null && this.#tableError === null && document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", () => this.connectedCallback(), {
          once: true,
        });
        return;
      }
      this.#render();
    }

    #readScript(): void {
      const script = this.querySelector(':scope > script[type="application/json"]');
      if (script === null) return;
      try {
        this.#table = compileTable(JSON.parse(script.textContent ?? "") as PricingTableInput);
      } catch (error) {
        this.#tableError =
          error instanceof PricebookError
            ? `The pricing table is not valid: ${error.message}`
            : "The pricing table is not valid JSON.";
      }
    }

    #render(): void {
      if (this.#root === null) this.#root = this.attachShadow({ mode: "open" });
      const root = this.#root;
      root.replaceChildren();
      const style = document.createElement("style");
      style.textContent = STYLE;
      root.append(style);
      const table = this.#table;
      const results = element("div", {
        part: "results",
        role: "status",
        "aria-live": "polite",
        "aria-atomic": "true",
      });
      this.#results = results;
      if (table === null) {
        this.#form = null;
        this.#figures = null;
        results.append(
          element(
            "p",
            { part: "error" },
            this.#tableError ??
              'No pricing table: set the element\'s "table" property or add a <script type="application/json"> child.',
          ),
        );
        root.append(results);
        return;
      }
      const form = element("form", {
        part: "form",
        "aria-label": `${table.label} calculator`,
      }) as HTMLFormElement;
      form.addEventListener("submit", (event) => event.preventDefault());
      const variants = Object.values(table.variants);
      const models = Object.values(table.models);
      // Price by a variant, or by a model with a window of one's own; without variants, a model.
      const mode = element("select", { name: "mode", part: "select" }) as HTMLSelectElement;
      if (variants.length > 0) mode.append(element("option", { value: "variant" }, "a variant"));
      mode.append(element("option", { value: "model" }, "a model and a window"));
      if (variants.length === 0 || this.getAttribute(ATTRIBUTE_OF.mode) === "model")
        mode.value = "model";
      form.append(field("Price by", "variant, or model + window", mode));
      const from = `from ${table.id}@${table.version}`;
      if (variants.length > 0) {
        const select = element("select", { name: "variant", part: "select" }) as HTMLSelectElement;
        for (const variant of variants) {
          select.append(element("option", { value: variant.id }, variant.label));
        }
        const wanted = this.getAttribute(ATTRIBUTE_OF.variant);
        if (wanted !== null && table.variants[wanted] !== undefined) select.value = wanted;
        form.append(field("Variant", from, select, "variant"));
      }
      const modelSelect = element("select", { name: "model", part: "select" }) as HTMLSelectElement;
      for (const model of models) {
        modelSelect.append(element("option", { value: model.id }, `${model.label} (${model.id})`));
      }
      const wantedModel = this.getAttribute(ATTRIBUTE_OF.model);
      const firstVariant = variants[0];
      if (wantedModel !== null && table.models[wantedModel] !== undefined)
        modelSelect.value = wantedModel;
      else if (firstVariant !== undefined) modelSelect.value = firstVariant.model;
      form.append(field("Model", from, modelSelect, "model"));
      for (const spec of WINDOW_FIELDS) {
        const input = element("input", {
          name: spec.key,
          type: "text",
          inputmode: "numeric",
          autocomplete: "off",
          spellcheck: "false",
          part: "input",
        }) as HTMLInputElement;
        input.value = this.getAttribute(ATTRIBUTE_OF[spec.key]) ?? spec.value;
        form.append(field(spec.label, spec.hint, input, "model"));
      }
      for (const spec of FIELDS) {
        // A table without a credit currency takes no balance.
        if (spec.key === "creditBalance" && table.credits === null) continue;
        const input = element("input", {
          name: spec.key,
          type: "text",
          inputmode: spec.key === "creditBalance" ? "decimal" : "numeric",
          autocomplete: "off",
          spellcheck: "false",
          part: "input",
        }) as HTMLInputElement;
        input.value = this.getAttribute(ATTRIBUTE_OF[spec.key]) ?? spec.value;
        form.append(field(spec.label, spec.hint, input));
      }
      form.addEventListener("input", () => this.#update());
      form.addEventListener("change", () => this.#update());
      this.#form = form;
      root.append(form, results);
      this.#update();
    }

    #update(): void {
      const form = this.#form;
      const results = this.#results;
      const table = this.#table;
      if (form === null || results === null || table === null) return;
      const value = (name: string) =>
        (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? "";
      const mode = value("mode") === "model" ? "model" : "variant";
      // Only the chosen mode's fields are shown (hidden ones are out of the tab order too).
      for (const wrapper of form.querySelectorAll<HTMLElement>("[data-mode]")) {
        wrapper.hidden = wrapper.dataset.mode !== mode;
      }
      const entries: CalculatorEntries = {
        mode,
        variant: value("variant"),
        model: value("model"),
        windowInput: value("windowInput"),
        windowOutput: value("windowOutput"),
        queries: value("queries"),
        agents: value("agents"),
        userFacingAgents: value("userFacingAgents"),
        variables: value("variables"),
        agentEdits: value("agentEdits"),
        creditBalance: value("creditBalance"),
      };
      const figures = calculatorFigures(table, entries);
      this.#figures = figures;
      for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        "input, select",
      )) {
        const bad = !figures.ok && figures.field === input.name;
        if (bad) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
      // Never a stale number: the region is emptied and refilled on every change.
      results.replaceChildren(
        ...(figures.ok ? figureNodes(table, figures) : [errorNode(figures.message)]),
      );
      results.classList.add("fresh");
      this.dispatchEvent(new CustomEvent("figures", { detail: figures }));
    }
  };
}

function element(tag: string, attributes: Record<string, string>, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function field(label: string, hint: string, control: HTMLElement, mode?: string): HTMLElement {
  // The label is the control's name; the hint is its description, not part of the name.
  const id = control.getAttribute("name") ?? "";
  control.id = `field-${id}`;
  control.setAttribute("aria-describedby", `hint-${id}`);
  const wrapper = element(
    "div",
    mode === undefined ? { part: "field" } : { part: "field", "data-mode": mode },
  );
  wrapper.append(
    element("label", { part: "label", for: `field-${id}` }, label),
    element("span", { part: "hint", class: "hint", id: `hint-${id}` }, hint),
    control,
  );
  return wrapper;
}

function errorNode(message: string): HTMLElement {
  return element("p", { part: "error" }, message);
}

function figureNodes(table: PricingTable, figures: Extract<CalculatorFigures, { ok: true }>) {
  const { quote, budget, allocation } = figures;
  const symbol = table.credits?.symbol ?? "credits";
  const list = element("dl", { part: "figures" });
  const row = (name: string, key: string, content: string | Node) => {
    const dd = element("dd", { "data-figure": key });
    dd.append(content);
    list.append(element("dt", {}, name), dd);
  };
  const band = (low: string | null | undefined, high: string | null | undefined) =>
    low === null || low === undefined ? "" : ` (band ${low} to ${high})`;
  row("Per query", "per-query", `${quote.usd} USD${band(quote.band?.low, quote.band?.high)}`);
  if (quote.credits !== null) {
    row(
      "Credits per query",
      "credits-per-query",
      `${quote.credits.estimated} ${symbol} estimated, ${quote.credits.published === null ? "none" : `${quote.credits.published} ${symbol}`} published`,
    );
  }
  row(
    `AI cost, ${budget.queries} queries`,
    "monthly",
    `${budget.ai.usd} USD${band(budget.ai.low, budget.ai.high)}`,
  );
  if (quote.credits !== null) row("Credits in the month", "credits", `${budget.credits} ${symbol}`);
  const workflows = element("ul", {});
  for (const workflow of budget.workflows) {
    workflows.append(
      element(
        "li",
        { "data-workflow": workflow.id },
        workflow.applies
          ? `${workflow.label}: ${workflow.runs} runs × ${workflow.perRun} = ${workflow.usd} USD`
          : `${workflow.label}: does not apply`,
      ),
    );
  }
  row("Workflows the partner pays (own key)", "workflows", workflows);
  row("Partner total", "partner", `${budget.partner.usd} USD`);
  if (allocation !== null) {
    row(
      "Paid by credits",
      "on-credits",
      `${allocation.queriesOnCredits} queries, ${allocation.creditsUsed} ${symbol} used, ${allocation.creditsLeft} left`,
    );
    row(
      "Paid on the customer's own key",
      "on-key",
      `${allocation.queriesOnKey} queries, ${allocation.keyUsd} USD`,
    );
  }
  const source = element(
    "p",
    { part: "provenance", class: "hint" },
    `${budget.table.id}@${budget.table.version}, upper bound at the reserved window; exact decimals.`,
  );
  return [list, source];
}
