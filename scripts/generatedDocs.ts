import { tableJsonSchema } from "../src/index.js";

/** Every generated file under docs/, by path, with its content. Tests compare them to disk. */
export function generatedDocs(): Record<string, string> {
  return {
    "docs/pricing-table.schema.json": `${JSON.stringify(tableJsonSchema(), null, 2)}\n`,
  };
}
