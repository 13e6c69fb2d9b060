import { PricebookError } from "../../errors.js";
import type { ParsedArgs } from "../args.js";
import {
  type Command,
  type Context,
  positionals,
  print,
  stringFlag,
  TABLE_FLAGS,
} from "../command.js";

function runModels(args: ParsedArgs, context: Context): number {
  positionals(args, 0, 0, "");
  const provider = stringFlag(args, "provider")?.toLowerCase();
  const table = context.table();
  const models = Object.values(table.models).filter(
    (model) => provider === undefined || model.provider === provider,
  );
  if (provider !== undefined && models.length === 0) {
    const providers = [...new Set(Object.values(table.models).map((model) => model.provider))];
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--provider"],
      `no models of provider ${JSON.stringify(provider)} in ${table.id}@${table.version}; providers: ${providers.join(", ")}`,
    );
  }
  const ids = new Set(models.map((model) => model.id));
  const variants = Object.values(table.variants).filter((variant) => ids.has(variant.model));
  const json = {
    table: table.provenance,
    models: models.map((model) => ({
      id: model.id,
      provider: model.provider,
      label: model.label,
      aliases: model.aliases,
      input: model.input,
      output: model.output,
    })),
    variants: variants.map((variant) => ({
      id: variant.id,
      label: variant.label,
      model: variant.model,
      reserved: variant.reserved,
      credits: variant.credits,
    })),
  };
  const lines = [
    `${table.id}@${table.version}`,
    "models:",
    ...models.map(
      (model) =>
        `  ${model.id} (${model.provider}) input ${model.input}, output ${model.output} per token${model.aliases.length === 0 ? "" : `; also ${model.aliases.join(", ")}`}`,
    ),
  ];
  if (variants.length > 0) {
    lines.push(
      "variants:",
      ...variants.map(
        (variant) =>
          `  ${variant.id} = ${variant.model} ${variant.reserved.input}:${variant.reserved.output}`,
      ),
    );
  }
  print(context, json, `${lines.join("\n")}\n`);
  return 0;
}

/** `models`. */
export const modelsCommand: Command = {
  summary: "the models and variants of a table",
  usage: "models [--provider P] [--as-of DATE] [--table ID|FILE] [--json]",
  flags: { ...TABLE_FLAGS, provider: "value" },
  run: runModels,
};
