import { PricebookError } from "../errors.js";
import type { PricingTable } from "../schema/types.js";
import type { Pricebook } from "./createPricebook.js";
import { BEDROCK, OPENROUTER_PROVIDERS, VERTEX } from "./nameForms.js";
import { findName, type Resolved, resolveName } from "./resolveName.js";
import { tableAsOf } from "./tableAsOf.js";

/** Options of {@link pricebookResolve}. */
export interface PricebookResolveOptions {
  /** The day to price at, `YYYY-MM-DD` (UTC): each table's version in force that day. Default: today. */
  readonly asOf?: string;
}

/** The table a name belongs to, and what it resolved to there. */
export interface PricebookResolved {
  readonly table: PricingTable;
  readonly resolved: Resolved;
}

/** The model owners' own tables: a bare id belongs to one of these. */
const FIRST_PARTY_TABLES: readonly string[] = Object.freeze([
  "openai",
  "anthropic",
  "google",
  "mistral",
  "xai",
]);

/** The clouds' tables: they answer only for their own forms of an id. */
const VENDOR_TABLES: readonly string[] = Object.freeze([
  "aws-bedrock",
  "google-vertex",
  "azure-openai",
]);

/**
 * Finds the table a model name belongs to from the name alone (`--table auto`), at each table's
 * version in force `asOf`:
 *
 * - a cloud vendor's form goes to that vendor's table, and only there: `bedrock/…` and
 *   Bedrock ids (`us.anthropic.…-v1:0`, `amazon.nova-pro-v1:0`) to `aws-bedrock`;
 *   `vertex_ai/…` and `…@20250514` to `google-vertex`; `azure/…` to `azure-openai`;
 * - a provider prefix (`openai/`, `models/`, `gemini/`, `openrouter/anthropic/`, …) goes to that
 *   provider's own table; a bare id to the model owners' own tables (`openai`, `anthropic`,
 *   `google`, `mistral`, `xai`), of which exactly one must know it;
 * - any other table of the pricebook (a product's table such as `gpt-trainer-byok`, your own)
 *   answers only a name that no provider's table knows; cloud tables never answer bare ids.
 *
 * @throws PricebookError `UNKNOWN_MODEL` when no table knows the name; `AMBIGUOUS_MODEL` when
 *   two tables could claim it (naming both); `UNKNOWN_TABLE` when a vendor form's table is not
 *   in the pricebook
 *
 * @example
 * pricebookResolve(builtinPricebook(), "openai/gpt-4o-2024-11-20", { asOf: "2025-07-01" }).table.id;
 * //=> "openai"
 */
export function pricebookResolve(
  pricebook: Pricebook,
  name: string,
  options: PricebookResolveOptions = {},
): PricebookResolved {
  if (typeof pricebook !== "object" || pricebook === null || !Array.isArray(pricebook.tables)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["pricebook"],
      "expected a pricebook (from createPricebook or builtinPricebook)",
    );
  }
  if (typeof name !== "string" || name === "") {
    throw new PricebookError("INVALID_ARGUMENT", ["name"], "expected a model or variant name");
  }
  const ids = [...new Set(pricebook.tables.map((table) => table.id))];
  const wanted = name.toLowerCase();
  const vendor = vendorTableOf(wanted);
  if (vendor !== null) {
    if (!ids.includes(vendor.table)) {
      throw new PricebookError(
        "UNKNOWN_TABLE",
        ["name"],
        `${JSON.stringify(name)} is ${vendor.form}, priced by the ${vendor.table} table, which this pricebook does not have; name a table with --table`,
      );
    }
    const table = tableAsOf(pricebook, vendor.table, options);
    return { table, resolved: resolveName(table, name) };
  }

  const owner = ownerOf(wanted);
  const first = owner === null ? FIRST_PARTY_TABLES : [owner];
  const tier1 = ids.filter((id) => first.includes(id));
  const tier2 = ids.filter((id) => !FIRST_PARTY_TABLES.includes(id) && !VENDOR_TABLES.includes(id));
  // The first table that does not know the name explains why (with suggestions), but only
  // once every table has been asked: suggestions cost an edit distance per name of a table.
  let firstError: PricebookError | undefined;
  let firstMiss: PricingTable | undefined;
  for (const tier of [tier1, tier2]) {
    const found: PricebookResolved[] = [];
    for (const id of tier) {
      let table: PricingTable;
      try {
        table = tableAsOf(pricebook, id, options);
      } catch (error) {
        if (error instanceof PricebookError && error.code === "NO_TABLE_IN_EFFECT") continue;
        throw error;
      }
      try {
        const resolved = findName(table, name);
        if (resolved !== undefined) found.push({ table, resolved });
        else if (firstError === undefined) firstMiss ??= table;
      } catch (error) {
        if (!(error instanceof PricebookError) || error.code !== "UNKNOWN_MODEL") throw error;
        if (firstMiss === undefined) firstError ??= error;
      }
    }
    if (found.length === 1) return found[0] as PricebookResolved;
    if (found.length > 1) {
      throw new PricebookError(
        "AMBIGUOUS_MODEL",
        ["name"],
        `${JSON.stringify(name)} is in ${found.map((f) => `${f.table.id}@${f.table.version}`).join(" and ")}; name one with --table`,
      );
    }
  }
  if (firstMiss !== undefined) {
    try {
      resolveName(firstMiss, name);
    } catch (error) {
      if (!(error instanceof PricebookError)) throw error;
      firstError = error;
    }
  }
  if (firstError !== undefined && tier1.length + tier2.length === 1) throw firstError;
  const near = firstError?.suggestions ?? [];
  const hint = near.length === 0 ? "" : `; did you mean ${near.map((n) => `"${n}"`).join(", ")}?`;
  throw new PricebookError(
    "UNKNOWN_MODEL",
    ["name"],
    `no table of the pricebook knows ${JSON.stringify(name)}${owner === null ? "" : ` (it names ${owner}, whose table was asked first)`}${hint} (or name a table with --table)`,
    { suggestions: near },
  );
}

/** The first-party table a provider prefix names (`openai/`, `models/`, `openrouter/x-ai/`), or null. */
function ownerOf(wanted: string): string | null {
  const match = /^(?:openrouter\/)?([a-z0-9_-]+)[:/]/.exec(wanted);
  if (match === null) return null;
  const head = match[1] as string;
  const provider =
    head === "models" || head === "gemini" ? "google" : (OPENROUTER_PROVIDERS.get(head) ?? head);
  return FIRST_PARTY_TABLES.includes(provider) ? provider : null;
}

/**
 * The cloud vendor's table a name's form belongs to (`bedrock/…` and Bedrock ids →
 * `aws-bedrock`; `vertex_ai/…` and `…@date` → `google-vertex`; `azure/…` → `azure-openai`),
 * or null for any other name.
 */
function vendorTableOf(wanted: string): { table: string; form: string } | null {
  if (wanted.startsWith("bedrock/") || BEDROCK.test(wanted)) {
    return { table: "aws-bedrock", form: "a Bedrock id" };
  }
  if (wanted.startsWith("vertex_ai/") || VERTEX.test(wanted)) {
    return { table: "google-vertex", form: "a Vertex AI id" };
  }
  if (wanted.startsWith("azure/")) return { table: "azure-openai", form: "an Azure OpenAI id" };
  return null;
}
