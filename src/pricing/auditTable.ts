import { assertTable } from "../catalog/assertTable.js";
import { Dec } from "../money/decimal.js";
import { formatDecimal } from "../money/formatDecimal.js";
import type { Model, PricingTable, PrintedFigures, Provenance } from "../schema/types.js";
import { windowCost } from "./windowCost.js";

/** One thing an audit found. */
export interface AuditFinding {
  /** `error`: a printed figure the table's own tokens and rates contradict. */
  readonly severity: "error" | "warning";
  readonly code: "PRINTED_TOTAL_MISMATCH" | "PRINTED_RATE_MISMATCH";
  /** The printed figure's place in the table, e.g. `["workflows", "intent-generation", "printed", "usd"]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** The figure the source printed. */
  readonly published: string;
  /** The figure computed from the table's tokens and rates (the one the library uses). */
  readonly computed: string;
}

/** The result of {@link auditTable}. */
export interface Audit {
  readonly table: Provenance;
  /** Number of printed figures compared. */
  readonly checked: number;
  readonly findings: readonly AuditFinding[];
}

interface Row {
  readonly section: "variants" | "workflows";
  readonly id: string;
  readonly label: string;
  readonly model: Model;
  readonly tokens: { readonly input: number; readonly output: number };
  readonly printed: PrintedFigures | undefined;
  readonly computed: string;
}

/**
 * Recomputes every figure a table's source printed (each variant's and workflow's rates and
 * total cost: tokens × rates) and reports each one the arithmetic contradicts, with its path,
 * the printed figure and the computed one. Figures are compared as exact decimals, so `0.10`
 * and `0.1` agree. Pricing never reads printed figures; this is how a new price sheet's typos
 * are caught before anyone is billed.
 *
 * @example
 * auditTable(table).findings.map((finding) => finding.path.join("."));
 * //=> ["workflows.intent-generation.printed.usd", "workflows.query-intent-classification.printed.usd"]
 */
export function auditTable(table: PricingTable): Audit {
  assertTable(table);
  const rows: Row[] = [];
  for (const variant of Object.values(table.variants)) {
    const model = table.models[variant.model] as Model;
    rows.push({
      section: "variants",
      id: variant.id,
      label: variant.label,
      model,
      tokens: variant.reserved,
      printed: variant.printed,
      computed: formatDecimal(windowCost(model, variant.reserved)),
    });
  }
  for (const workflow of Object.values(table.workflows)) {
    const model = table.models[workflow.model] as Model;
    rows.push({
      section: "workflows",
      id: workflow.id,
      label: workflow.label,
      model,
      tokens: workflow.average,
      printed: workflow.printed,
      computed: formatDecimal(windowCost(model, workflow.average)),
    });
  }

  const findings: AuditFinding[] = [];
  let checked = 0;
  for (const row of rows) {
    const base = [row.section, row.id, "printed"];
    const compare = (
      field: "input" | "output" | "usd",
      computed: string,
      what: string,
      extra = "",
    ) => {
      const published = row.printed?.[field];
      if (published === undefined) return;
      checked += 1;
      if (new Dec(published).eq(computed)) return;
      findings.push(
        Object.freeze({
          severity: "error" as const,
          code:
            field === "usd"
              ? ("PRINTED_TOTAL_MISMATCH" as const)
              : ("PRINTED_RATE_MISMATCH" as const),
          path: Object.freeze([...base, field]),
          message: `${row.label}: printed ${what} ${published}, but ${computed} is computed${extra}`,
          published,
          computed,
        }),
      );
    };
    compare("input", row.model.input, `input rate`, ` (model ${row.model.id})`);
    compare("output", row.model.output, `output rate`, ` (model ${row.model.id})`);
    const published = row.printed?.usd;
    const twin =
      published === undefined
        ? undefined
        : rows.find(
            (other) =>
              other !== row &&
              other.section === row.section &&
              new Dec(other.computed).eq(published),
          );
    const arithmetic = ` from ${row.tokens.input} × ${row.model.input} + ${row.tokens.output} × ${row.model.output}`;
    const swapped =
      twin === undefined
        ? ""
        : `; the printed figure is ${twin.label}'s total, so the two look swapped`;
    compare("usd", row.computed, "total", `${arithmetic}${swapped}`);
  }
  return Object.freeze({ table: table.provenance, checked, findings: Object.freeze(findings) });
}
