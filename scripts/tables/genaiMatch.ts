// genai-prices' own rule for which record prices a model id: the first record of the provider
// whose `match` clause accepts the id, then the provider's fallback providers in order
// (genai-prices `find_provider_model`). Used only to link an id to a genai-prices record; the
// record's prices are read by the catalog importer.

/** A genai-prices match clause (`equals`, `starts_with`, `ends_with`, `contains`, `regex`, `or`, `and`). */
export type MatchClause =
  | { readonly equals: string }
  | { readonly starts_with: string }
  | { readonly ends_with: string }
  | { readonly contains: string }
  | { readonly regex: string }
  | { readonly or: readonly MatchClause[] }
  | { readonly and: readonly MatchClause[] };

/** The parts of a genai-prices v2 provider record the linking reads. */
export interface GenaiProvider {
  readonly id: string;
  readonly name?: string;
  readonly fallback_model_providers?: readonly string[];
  readonly models: readonly GenaiModel[];
}

/** The parts of a genai-prices v2 model record the linking reads. */
export interface GenaiModel {
  readonly id: string;
  readonly name?: string;
  readonly match: MatchClause;
  readonly prices: unknown;
}

/** Whether a clause accepts an id. */
export function clauseMatches(clause: MatchClause, id: string): boolean {
  if ("equals" in clause) return id === clause.equals;
  if ("starts_with" in clause) return id.startsWith(clause.starts_with);
  if ("ends_with" in clause) return id.endsWith(clause.ends_with);
  if ("contains" in clause) return id.includes(clause.contains);
  if ("regex" in clause) return new RegExp(clause.regex).test(id);
  if ("or" in clause) return clause.or.some((part) => clauseMatches(part, id));
  return clause.and.every((part) => clauseMatches(part, id));
}

/** The ids a clause names exactly (its `equals` parts). */
export function equalsIds(clause: MatchClause): string[] {
  if ("equals" in clause) return [clause.equals];
  if ("or" in clause) return clause.or.flatMap(equalsIds);
  return [];
}

/** The record genai-prices prices `id` with under `providerId`, and the provider it is in. */
export function findGenaiModel(
  providers: ReadonlyMap<string, GenaiProvider>,
  providerId: string,
  id: string,
): { provider: GenaiProvider; model: GenaiModel } | undefined {
  const provider = providers.get(providerId);
  if (provider === undefined) return undefined;
  const model = provider.models.find((candidate) => clauseMatches(candidate.match, id));
  if (model !== undefined) return { provider, model };
  for (const fallback of provider.fallback_model_providers ?? []) {
    const other = providers.get(fallback);
    const found = other?.models.find((candidate) => clauseMatches(candidate.match, id));
    if (other !== undefined && found !== undefined) return { provider: other, model: found };
  }
  return undefined;
}

/** The `start_date`s of a record's dated price blocks, ascending. */
export function startDates(model: GenaiModel): string[] {
  if (!Array.isArray(model.prices)) return [];
  const dates: string[] = [];
  for (const block of model.prices as { constraint?: { start_date?: string } }[]) {
    const date = block.constraint?.start_date;
    if (date !== undefined) dates.push(date);
  }
  return dates.sort();
}
