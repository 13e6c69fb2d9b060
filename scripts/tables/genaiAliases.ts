// The names genai-prices declares for a model, as aliases of a generated table's model: the
// importer derives the names of each genai-prices record (its id, its `equals` values and its
// whole-name `starts_with` values; never `contains`, `regex`, `ends_with` or a prefix that stops
// mid-name), and each name becomes an alias of one table model linked to that record, only when
// it is no id or alias of the table version yet and every table model linked to the record has
// the same prices there (else the name would pick one price among several: it is left out).
import { nameForms } from "../../src/catalog/nameForms.js";
import type { ModelInput } from "../../src/schema/types.js";
import type { GenaiModel, GenaiProvider } from "./genaiMatch.js";
import { flattenModel, perMillion } from "./priceFields.js";

/** A table model's link to the genai-prices record that prices its id. */
export interface GenaiLink {
  readonly provider: GenaiProvider;
  readonly model: GenaiModel;
}

/** A declared name left out, and why. */
export interface LeftOutAlias {
  readonly alias: string;
  readonly reason: string;
}

const DATE = /(\d{4}-\d{2}-\d{2}|(?:19|20)\d{6})/;
const VALID_ALIAS = /^[a-z0-9][a-z0-9._:@-]*$/;

/** The date in an id (`claude-sonnet-4-20250514`, `…@20250514`, `gpt-4o-2024-08-06`), as YYYYMMDD, or undefined. */
function dateIn(id: string): string | undefined {
  return DATE.exec(id)?.[1]?.replaceAll("-", "");
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * The model a record's names go to: the record's own id if the table has it, else an undated
 * id, else the latest dated id; among equals, the one sharing the longest prefix with the
 * record's id (`claude-sonnet-4-20250514` before `claude-4-sonnet-20250514` for record
 * `claude-sonnet-4-0`), then the shortest, then the first in code-point order.
 */
export function aliasTarget(recordId: string, ids: readonly string[]): string {
  if (ids.includes(recordId)) return recordId;
  const byName = (a: string, b: string): number =>
    commonPrefix(b, recordId) - commonPrefix(a, recordId) ||
    a.length - b.length ||
    (a < b ? -1 : 1);
  const undated = ids.filter((id) => dateIn(id) === undefined).sort(byName);
  if (undated.length > 0) return undated[0] as string;
  const dated = [...ids].sort((a, b) => {
    const da = dateIn(a) as string;
    const db = dateIn(b) as string;
    return da !== db ? (da > db ? -1 : 1) : byName(a, b);
  });
  return dated[0] as string;
}

/** A model's prices as one comparable string (every field, and the priced-input cap). */
function pricesKey(model: ModelInput): string {
  const fields = [...flattenModel(model)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([fields, model.maxPricedInputTokens ?? null]);
}

/** The price fields (and the priced-input cap) on which some of the models differ. */
function differingFields(models: readonly ModelInput[]): string[] {
  const flat = models.map((model) => {
    const fields = flattenModel(model);
    if (model.maxPricedInputTokens !== undefined)
      fields.set("maxPricedInputTokens", String(model.maxPricedInputTokens));
    return fields;
  });
  const names = [...new Set(flat.flatMap((fields) => [...fields.keys()]))].sort();
  return names.filter((name) => new Set(flat.map((fields) => fields.get(name))).size > 1);
}

function describePrices(model: ModelInput): string {
  const fields = flattenModel(model);
  const input = fields.get("input");
  const output = fields.get("output");
  const rest = fields.size - 2;
  return `${input === undefined ? "?" : perMillion(input)} / ${output === undefined ? "?" : perMillion(output)} per 1M${rest > 0 ? ` and ${rest} other rates` : ""}${model.maxPricedInputTokens !== undefined ? `, priced up to ${model.maxPricedInputTokens} input tokens` : ""}`;
}

/**
 * One table version's models with the aliases genai-prices declares, and the declared names
 * left out as ambiguous.
 *
 * @param models - the version's models, id → model (ids in code-point order).
 * @param links - table model id → the genai-prices record that prices it.
 * @param namesOf - the importer's names of each record of a provider (record id → names).
 */
export function withGenaiAliases(
  models: Readonly<Record<string, ModelInput>>,
  links: ReadonlyMap<string, GenaiLink>,
  namesOf: (provider: GenaiProvider) => ReadonlyMap<string, readonly string[]>,
  leftOutIds: ReadonlySet<string>,
): { models: Record<string, ModelInput>; leftOut: LeftOutAlias[] } {
  const owner = new Map<string, string>();
  for (const [id, model] of Object.entries(models)) {
    owner.set(id, id);
    for (const alias of model.aliases ?? []) owner.set(alias, id);
  }
  const providers = new Set(Object.values(models).map((model) => model.provider));
  const taken = new Set(owner.keys());
  const groups = new Map<string, { link: GenaiLink; ids: string[] }>();
  for (const id of Object.keys(models)) {
    const link = links.get(id);
    if (link === undefined) continue;
    const key = `${link.provider.id}\u0000${link.model.id}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { link, ids: [id] });
    else group.ids.push(id);
  }
  const added = new Map<string, string[]>();
  const leftOut: LeftOutAlias[] = [];
  for (const { link, ids } of groups.values()) {
    // Not an id or alias yet, not an id the table leaves out (its own exclusion stands), not a
    // fine-tune prefix (`ft:gpt-4-0`: fine-tunes are no model ids), lower case and a valid id.
    const names = (namesOf(link.provider).get(link.model.id) ?? []).filter(
      (name) =>
        !taken.has(name) &&
        !leftOutIds.has(name) &&
        !name.startsWith("ft:") &&
        name === name.toLowerCase() &&
        VALID_ALIAS.test(name),
    );
    if (names.length === 0) continue;
    const prices = new Set(ids.map((id) => pricesKey(models[id] as ModelInput)));
    if (prices.size > 1) {
      const differ = differingFields(ids.map((id) => models[id] as ModelInput));
      for (const alias of names) {
        leftOut.push({
          alias,
          reason: `genai-prices' ${link.provider.id} record "${link.model.id}" names it, and the ids of the table it prices (${ids.map((id) => `\`${id}\``).join(", ")}) differ in ${differ.join(", ")}`,
        });
      }
      continue;
    }
    const target = aliasTarget(link.model.id, ids);
    const kept: string[] = [];
    for (const alias of names) {
      // A name that already resolves by a rule (snapshot, -latest, prefix, vendor form) to a
      // model of other prices keeps that resolution: an alias must not change a price.
      const form = nameForms(alias, providers).find((f) => owner.has(f.name));
      const before = form === undefined ? undefined : (owner.get(form.name) as string);
      if (
        before !== undefined &&
        pricesKey(models[before] as ModelInput) !== pricesKey(models[target] as ModelInput)
      ) {
        leftOut.push({
          alias,
          reason: `genai-prices' ${link.provider.id} record "${link.model.id}" names it for \`${target}\` (${describePrices(models[target] as ModelInput)}), but it already resolves by the ${form?.rule} rule to \`${before}\` (${describePrices(models[before] as ModelInput)})`,
        });
        continue;
      }
      taken.add(alias);
      kept.push(alias);
    }
    if (kept.length > 0) added.set(target, [...(added.get(target) ?? []), ...kept]);
  }
  const out: Record<string, ModelInput> = {};
  for (const [id, model] of Object.entries(models)) {
    const extra = added.get(id);
    if (extra === undefined) {
      out[id] = model;
      continue;
    }
    const { provider, label, aliases: own, ...rest } = model;
    const aliases = [...new Set([...(own ?? []), ...extra])].sort();
    out[id] = { provider, ...(label !== undefined ? { label } : {}), aliases, ...rest };
  }
  return { models: out, leftOut };
}
