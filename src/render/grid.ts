import { deepFreeze } from "../catalog/deepFreeze.js";
import { divide, times } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { windowCost } from "../pricing/windowCost.js";
import type { Model, PricingTable, Rates, Variant, Workflow } from "../schema/types.js";

/** Which of a table's lists to render. */
export type TableSection = "variants" | "workflows" | "models";

/** How rates are shown: per token (as the BYOK page prints them) or per million tokens. */
export type RateUnit = "token" | "million";

/** A cell: text, a token count, or empty. */
export type Cell = string | number | null;

/** The columns each section offers, by key, in their default order. Frozen all the way down. */
export const SECTION_COLUMNS = /* @__PURE__ */ deepFreeze({
  variants: [
    "model",
    "reservedInput",
    "reservedOutput",
    "inputRate",
    "outputRate",
    "total",
    "estimatedCredits",
    "publishedCredits",
  ],
  workflows: ["workflow", "averageInput", "averageOutput", "inputRate", "outputRate", "total"],
  models: [
    "model",
    "provider",
    "inputRate",
    "cachedInputRate",
    "cacheWriteRate",
    "cacheWrite1hRate",
    "outputRate",
    "longContext",
    "batch",
  ],
} as const);

/** A column key of any section. */
export type ColumnKey = (typeof SECTION_COLUMNS)[TableSection][number];

/** Options that shape a grid. */
export interface GridOptions {
  readonly section?: TableSection;
  /** Columns to show, by key, in this order. Default: the section's columns, credits excluded unless asked. */
  readonly columns?: readonly ColumnKey[];
  /** Default: `token` for variants and workflows (as the BYOK page), `million` for models. */
  readonly rateUnit?: RateUnit;
  /** Add the estimated and published credit columns (variants). Default false. */
  readonly credits?: boolean;
}

/** A rendered table before formatting: a caption, column headers, and rows of cells. @internal */
export interface Grid {
  readonly section: TableSection;
  readonly caption: string;
  readonly columns: readonly {
    readonly key: ColumnKey;
    readonly header: string;
    readonly numeric: boolean;
  }[];
  readonly rows: readonly (readonly Cell[])[];
}

interface Column<Row> {
  readonly header: (unit: RateUnit) => string;
  readonly numeric: boolean;
  readonly cell: (row: Row, table: PricingTable, unit: RateUnit) => Cell;
}

const shown = (rate: string | undefined, unit: RateUnit): Cell =>
  rate === undefined ? null : unit === "token" ? rate : formatDecimal(times(rate, 1_000_000));

const rateHeader = (what: string) => (unit: RateUnit) =>
  unit === "token" ? `Cost / ${what} Token` : `${what} / 1M Tokens`;

const modelOf = (table: PricingTable, id: string) => table.models[id] as Model;

const VARIANT_COLUMNS: Readonly<
  Record<(typeof SECTION_COLUMNS)["variants"][number], Column<Variant>>
> = {
  model: { header: () => "Model", numeric: false, cell: (v) => v.label },
  reservedInput: {
    header: () => "Reserved for Input",
    numeric: true,
    cell: (v) => v.reserved.input,
  },
  reservedOutput: {
    header: () => "Reserved for Output",
    numeric: true,
    cell: (v) => v.reserved.output,
  },
  inputRate: {
    header: rateHeader("Input"),
    numeric: true,
    cell: (v, t, u) => shown(modelOf(t, v.model).input, u),
  },
  outputRate: {
    header: rateHeader("Output"),
    numeric: true,
    cell: (v, t, u) => shown(modelOf(t, v.model).output, u),
  },
  total: {
    header: () => "Total Cost per Query",
    numeric: true,
    cell: (v, t) => formatDecimal(windowCost(modelOf(t, v.model), v.reserved)),
  },
  estimatedCredits: {
    header: () => "Estimated Credits",
    numeric: true,
    cell: (v, t) =>
      t.credits === null
        ? null
        : formatDecimal(divide(windowCost(modelOf(t, v.model), v.reserved), t.credits.unitPrice)),
  },
  publishedCredits: { header: () => "Published Credits", numeric: true, cell: (v) => v.credits },
};

const WORKFLOW_COLUMNS: Readonly<
  Record<(typeof SECTION_COLUMNS)["workflows"][number], Column<Workflow>>
> = {
  workflow: { header: () => "Workflow", numeric: false, cell: (w) => `${w.label} (${w.model})` },
  averageInput: {
    header: () => "Average Estimated Input",
    numeric: true,
    cell: (w) => w.average.input,
  },
  averageOutput: {
    header: () => "Average Estimated Output",
    numeric: true,
    cell: (w) => w.average.output,
  },
  inputRate: {
    header: rateHeader("Input"),
    numeric: true,
    cell: (w, t, u) => shown(modelOf(t, w.model).input, u),
  },
  outputRate: {
    header: rateHeader("Output"),
    numeric: true,
    cell: (w, t, u) => shown(modelOf(t, w.model).output, u),
  },
  total: {
    header: () => "Estimated Cost per Run",
    numeric: true,
    cell: (w, t) => formatDecimal(windowCost(modelOf(t, w.model), w.average)),
  },
};

const MODEL_COLUMNS: Readonly<Record<(typeof SECTION_COLUMNS)["models"][number], Column<Model>>> = {
  model: { header: () => "Model", numeric: false, cell: (m) => m.id },
  provider: { header: () => "Provider", numeric: false, cell: (m) => m.provider },
  inputRate: { header: rateHeader("Input"), numeric: true, cell: (m, _, u) => shown(m.input, u) },
  cachedInputRate: {
    header: rateHeader("Cached Input"),
    numeric: true,
    cell: (m, _, u) => shown(m.cachedInput, u),
  },
  cacheWriteRate: {
    header: rateHeader("Cache Write"),
    numeric: true,
    cell: (m, _, u) => shown(m.cacheWrite, u),
  },
  cacheWrite1hRate: {
    header: rateHeader("1h Cache Write"),
    numeric: true,
    cell: (m, _, u) => shown(m.cacheWrite1h, u),
  },
  outputRate: {
    header: rateHeader("Output"),
    numeric: true,
    cell: (m, _, u) => shown(m.output, u),
  },
  longContext: {
    header: (u) => `Long Context (${u === "token" ? "per token" : "per 1M"})`,
    numeric: false,
    cell: (m, _, u) => {
      const tiers = m.tiers.map(
        (tier) => `above ${tier.aboveInputTokens} input tokens: ${ratesText(tier, u)}`,
      );
      if (m.maxPricedInputTokens !== undefined) {
        tiers.push(`above ${m.maxPricedInputTokens} input tokens: not priced`);
      }
      return tiers.length === 0 ? null : tiers.join("; ");
    },
  },
  batch: {
    header: (u) => `Batch (${u === "token" ? "per token" : "per 1M"})`,
    numeric: false,
    cell: (m, _, u) => {
      const batch = m.serviceTiers.batch;
      if (batch === undefined) return null;
      return "multiplier" in batch ? `× ${batch.multiplier}` : ratesText(batch, u);
    },
  },
};

/** `input 6, cached input 0.6, cache write 7.5, output 22.5`: the rates a level has. */
function ratesText(rates: Rates, unit: RateUnit): string {
  const names = [
    ["input", "input"],
    ["cachedInput", "cached input"],
    ["cacheWrite", "cache write"],
    ["cacheWrite1h", "1h cache write"],
    ["output", "output"],
  ] as const;
  return names
    .filter(([kind]) => rates[kind] !== undefined)
    .map(([kind, name]) => `${name} ${shown(rates[kind], unit)}`)
    .join(", ");
}

/** The columns of a section, by key. @internal */
export function columnsOf(section: TableSection): Readonly<Record<string, Column<never>>> {
  return (
    section === "variants"
      ? VARIANT_COLUMNS
      : section === "workflows"
        ? WORKFLOW_COLUMNS
        : MODEL_COLUMNS
  ) as Record<string, Column<never>>;
}

/** @internal every figure computed from the table's tokens and rates, never its printed totals. */
export function gridOf(
  table: PricingTable,
  section: TableSection,
  keys: readonly ColumnKey[],
  unit: RateUnit,
): Grid {
  const columns = columnsOf(section) as Readonly<
    Record<string, Column<Variant | Workflow | Model>>
  >;
  const rows: readonly (Variant | Workflow | Model)[] =
    section === "variants"
      ? Object.values(table.variants)
      : section === "workflows"
        ? Object.values(table.workflows)
        : Object.values(table.models);
  const name = `${table.label} (${table.id}@${table.version}), USD`;
  const caption =
    section === "variants"
      ? `${name}: cost per query at the reserved window`
      : section === "workflows"
        ? `${name}: white-label workflows, paid on the partner's own key`
        : `${name}: list prices per ${unit === "token" ? "token" : "million tokens"}`;
  return {
    section,
    caption,
    columns: keys.map((key) => ({
      key,
      header: (columns[key] as Column<unknown>).header(unit),
      numeric: (columns[key] as Column<unknown>).numeric,
    })),
    rows: rows.map((row) =>
      keys.map((key) => (columns[key] as Column<typeof row>).cell(row, table, unit)),
    ),
  };
}
