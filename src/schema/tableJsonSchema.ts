import { z } from "zod";
import { deepFreeze } from "../catalog/deepFreeze.js";
import { tableSchema } from "./tableSchema.js";

/**
 * The JSON Schema (draft 2020-12) of a pricing table file, for editors and validators outside
 * TypeScript. It states the structure; `parseTable` also checks what a schema cannot (dates
 * that exist, references between models and variants, name clashes). docs/pricing-table.schema.json
 * is generated from it.
 *
 * @example
 * tableJsonSchema().required;
 * //=> ["id", "version", "effectiveFrom", "source", "checkedOn", "currency", "models"]
 */
export function tableJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(tableSchema(), { target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  return deepFreeze({
    ...schema,
    title: "llm-pricebook pricing table",
    description:
      "A versioned pricing table: models with per-token (or per-million) rates, variants with reservation windows, workflows, a credit currency and a band.",
  });
}
