import { Dec } from "../money/decimal.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { windowCost } from "../pricing/windowCost.js";
import type { Model, PricingTable } from "../schema/types.js";

/** Which of a table's lists to render. */
export type TableSection = "variants" | "workflows" | "models";

/** A rendered table before formatting: a caption, column headers, and rows of cell text. @internal */
export interface Grid {
  readonly caption: string;
  readonly columns: readonly { readonly header: string; readonly numeric: boolean }[];
  readonly rows: readonly (readonly string[])[];
}

const perMillion = (rate: string | undefined) =>
  rate === undefined ? "" : formatDecimal(new Dec(rate).times(1_000_000));

/** @internal every figure computed from the table's tokens and rates, never its printed totals. */
export function gridOf(table: PricingTable, section: TableSection): Grid {
  const name = `${table.label} (${table.id}@${table.version}), USD`;
  if (section === "variants") {
    return {
      caption: `${name}: cost per query at the reserved window`,
      columns: [
        { header: "Model", numeric: false },
        { header: "Reserved for Input", numeric: true },
        { header: "Reserved for Output", numeric: true },
        { header: "Cost / Input Token", numeric: true },
        { header: "Cost / Output Token", numeric: true },
        { header: "Total Cost per Query", numeric: true },
      ],
      rows: Object.values(table.variants).map((variant) => {
        const model = table.models[variant.model] as Model;
        return [
          variant.label,
          String(variant.reserved.input),
          String(variant.reserved.output),
          model.input,
          model.output,
          formatDecimal(windowCost(model, variant.reserved)),
        ];
      }),
    };
  }
  if (section === "workflows") {
    return {
      caption: `${name}: white-label workflows, paid on the partner's own key`,
      columns: [
        { header: "Workflow", numeric: false },
        { header: "Average Estimated Input", numeric: true },
        { header: "Average Estimated Output", numeric: true },
        { header: "Cost / Input Token", numeric: true },
        { header: "Cost / Output Token", numeric: true },
        { header: "Estimated Cost per Run", numeric: true },
      ],
      rows: Object.values(table.workflows).map((workflow) => {
        const model = table.models[workflow.model] as Model;
        return [
          `${workflow.label} (${workflow.model})`,
          String(workflow.average.input),
          String(workflow.average.output),
          model.input,
          model.output,
          formatDecimal(windowCost(model, workflow.average)),
        ];
      }),
    };
  }
  return {
    caption: `${name}: list prices per million tokens`,
    columns: [
      { header: "Model", numeric: false },
      { header: "Provider", numeric: false },
      { header: "Input / 1M", numeric: true },
      { header: "Cached Input / 1M", numeric: true },
      { header: "Cache Write / 1M", numeric: true },
      { header: "Output / 1M", numeric: true },
    ],
    rows: Object.values(table.models).map((model) => [
      model.id,
      model.provider,
      perMillion(model.input),
      perMillion(model.cachedInput),
      perMillion(model.cacheWrite),
      perMillion(model.output),
    ]),
  };
}
