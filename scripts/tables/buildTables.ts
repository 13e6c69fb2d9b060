// Builds every version of the eight generated tables from the catalogs, a price reader and the
// decisions file, and reports every exclusion and decision. Pure: no file system access.
import { Dec } from "../../src/money/decimal.js";
import { formatDecimal } from "../../src/money/formatDecimal.js";
import type { ModelInput, PricingTableInput } from "../../src/schema/types.js";
import { type Agreement, agreePrices, type FactFields, quoted } from "./agreePrices.js";
import type { Decisions, FactDecision } from "./decisions.js";
import { withGenaiAliases } from "./genaiAliases.js";
import { findGenaiModel, type GenaiModel, type GenaiProvider, startDates } from "./genaiMatch.js";
import {
  type PriceFields,
  pricesFromFields,
  SERVICE_TIERS,
  tierThresholds,
} from "./priceFields.js";
import { TABLE_SPECS, type TableSpec, TEXT_MODES } from "./tableSpecs.js";

/** Reads one catalog record's prices into flat fields (the catalog importer does the reading). */
export interface PriceReader {
  /**
   * The prices of genai-prices record `model` for model id `id`, in force on `asOf`.
   * `embedding`: the id is an embedding model (no output tokens, so no output price needed).
   */
  genai(
    provider: GenaiProvider,
    model: GenaiModel,
    id: string,
    asOf: string,
    embedding: boolean,
  ): PriceFields;
  litellm(key: string, entry: Record<string, unknown>): PriceFields;
  /**
   * The names the catalog importer derives for each record of a genai-prices provider (record
   * id → its names: its id, \`equals\` values and whole-name \`starts_with\` values it owns).
   */
  names(provider: GenaiProvider): ReadonlyMap<string, readonly string[]>;
}

/** A LiteLLM snapshot: its date and its entries. */
export interface LitellmSnapshot {
  readonly date: string;
  readonly entries: Readonly<Record<string, unknown>>;
}

/** The catalogs the tables are built from. */
export interface Catalogs {
  readonly genai: readonly GenaiProvider[];
  readonly litellm: readonly LitellmSnapshot[];
}

/** One report line: a model (or a field of it) and what happened to it, on which versions. */
export interface ReportLine {
  readonly table: string;
  readonly model: string;
  readonly field?: string;
  readonly versions: string[];
  readonly reason: string;
}

/** Everything the generator left out or decided, for docs/pricebook.md. */
export interface BuildReport {
  /** Models left out (no agreed input and output, or an explicit exclusion). */
  readonly excluded: ReportLine[];
  /** Fields of priced models left out (so that part of usage is UNPRICED_USAGE). */
  readonly droppedFields: ReportLine[];
  /** Fields the fact file decided. */
  readonly decided: ReportLine[];
  /** genai-prices records that no id of the table's LiteLLM entries matches (one source only). */
  readonly genaiOnly: ReportLine[];
  /** Names genai-prices declares that are no alias: the ids they would name have different prices. */
  readonly aliasesLeftOut: ReportLine[];
}

/** One generated table version. */
export interface GeneratedTable {
  readonly spec: TableSpec;
  readonly table: PricingTableInput;
}

/** The result of {@link buildTables}. */
export interface BuildResult {
  readonly tables: readonly GeneratedTable[];
  readonly report: BuildReport;
}

interface Candidate {
  readonly id: string;
  readonly genai?: { provider: GenaiProvider; model: GenaiModel };
  /** LiteLLM key and entry in each snapshot that has the id. */
  readonly litellm: { key: string; entry: Record<string, unknown> }[];
}

function candidatesOf(
  spec: TableSpec,
  catalogs: Catalogs,
  providers: ReadonlyMap<string, GenaiProvider>,
  decisions: Decisions,
): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>();
  const add = (id: string): Candidate => {
    let candidate = candidates.get(id);
    if (candidate === undefined) {
      const genai = findGenaiModel(providers, spec.genaiProvider, id);
      candidate = { id, litellm: [], ...(genai ? { genai } : {}) };
      candidates.set(id, candidate);
    }
    return candidate;
  };
  for (const snapshot of catalogs.litellm) {
    for (const [key, value] of Object.entries(snapshot.entries)) {
      if (typeof value !== "object" || value === null) continue;
      const entry = value as Record<string, unknown>;
      if (!spec.litellmProviders.includes(entry.litellm_provider as string)) continue;
      if (!TEXT_MODES.includes(entry.mode as string)) continue;
      const id = (
        key.startsWith(spec.litellmPrefix) ? key.slice(spec.litellmPrefix.length) : key
      ).toLowerCase();
      // Deployment paths (`azure/eu/…`, `bedrock/us-east-1/…`) and fine-tunes are not model ids.
      if (id.includes("/") || id.startsWith("ft:")) continue;
      add(id).litellm.push({ key, entry });
    }
  }
  for (const fact of decisions.facts)
    if (fact.table === spec.id) for (const id of fact.models) add(id);
  return candidates;
}

function factFor(
  decisions: Decisions,
  table: string,
  id: string,
  date: string,
): { fields: FactFields; facts: FactDecision[] } | undefined {
  const facts = decisions.facts.filter(
    (fact) =>
      fact.table === table &&
      fact.models.includes(id) &&
      (fact.from ?? decisions.baseDate) <= date &&
      (fact.until === undefined || date < fact.until),
  );
  if (facts.length === 0) return undefined;
  const values = new Map<string, string>();
  const omit = new Set<string>();
  for (const fact of facts) {
    for (const [field, rate] of Object.entries(fact.perMillion ?? {}))
      values.set(field, formatDecimal(new Dec(rate).div(1_000_000)));
    for (const field of fact.omit ?? []) omit.add(field);
  }
  return { fields: { values, omit }, facts };
}

/** Keeps only whole tiers and service tiers; a tier some source states but that did not enter caps the priced input. */
function completeLevels(
  agreement: Agreement,
  sources: PriceFields[],
): {
  fields: Map<string, string>;
  cap?: number;
  notes: { field: string; reason: string }[];
} {
  const fields = new Map(agreement.fields);
  const notes: { field: string; reason: string }[] = [];
  let cap: number | undefined;
  const stated = new Set(sources.flatMap((source) => tierThresholds(source)));
  for (const threshold of [...stated].sort((a, b) => a - b)) {
    const prefix = `tier:${threshold}:`;
    if (fields.has(`${prefix}input`) && fields.has(`${prefix}output`)) continue;
    for (const key of [...fields.keys()]) if (key.startsWith(prefix)) fields.delete(key);
    cap = cap === undefined ? threshold : Math.min(cap, threshold);
    notes.push({
      field: `tier:${threshold}`,
      reason: `no agreed price above ${threshold} input tokens: such requests are UNPRICED_USAGE`,
    });
  }
  for (const name of SERVICE_TIERS) {
    const prefix = `${name}:`;
    if (fields.has(`${prefix}input`) && fields.has(`${prefix}output`)) continue;
    for (const key of [...fields.keys()]) if (key.startsWith(prefix)) fields.delete(key);
  }
  return { fields, ...(cap !== undefined ? { cap } : {}), notes };
}

/** Adds a report line, merging it with the same line of an earlier version. */
function record(lines: ReportLine[], line: Omit<ReportLine, "versions">, version: string): void {
  const same = lines.find(
    (other) =>
      other.table === line.table &&
      other.model === line.model &&
      other.field === line.field &&
      other.reason === line.reason,
  );
  if (same) same.versions.push(version);
  else lines.push({ ...line, versions: [version] });
}

/** The table versions' dates: the base date, then every start date of a linked record or a fact. */
function versionDates(
  spec: TableSpec,
  candidates: Iterable<Candidate>,
  decisions: Decisions,
): string[] {
  const dates = new Set<string>([decisions.baseDate]);
  for (const candidate of candidates)
    if (candidate.genai)
      for (const date of startDates(candidate.genai.model))
        if (date > decisions.baseDate) dates.add(date);
  for (const fact of decisions.facts) {
    if (fact.table !== spec.id) continue;
    for (const date of [fact.from, fact.until])
      if (date !== undefined && date > decisions.baseDate) dates.add(date);
  }
  return [...dates].sort();
}

function tableSource(spec: TableSpec, decisions: Decisions): string {
  return [
    `${decisions.sources.genaiPrices} (provider "${spec.genaiProvider}")`,
    `${decisions.sources.litellm} (litellm_provider ${spec.litellmProviders.map((p) => `"${p}"`).join(", ")})`,
    decisions.sources.factFile,
    spec.pricingPage,
  ].join("; ");
}

/**
 * Every version of the eight generated tables, and the report of what was left out or decided.
 */
export function buildTables(
  catalogs: Catalogs,
  reader: PriceReader,
  decisions: Decisions,
): BuildResult {
  const providers = new Map(catalogs.genai.map((provider) => [provider.id, provider]));
  const report: BuildReport = {
    excluded: [],
    droppedFields: [],
    decided: [],
    genaiOnly: [],
    aliasesLeftOut: [],
  };
  const names = new Map<string, ReadonlyMap<string, readonly string[]>>();
  const namesOf = (provider: GenaiProvider): ReadonlyMap<string, readonly string[]> => {
    let found = names.get(provider.id);
    if (found === undefined) {
      found = reader.names(provider);
      names.set(provider.id, found);
    }
    return found;
  };
  const tables: GeneratedTable[] = [];
  for (const spec of TABLE_SPECS) {
    const candidates = candidatesOf(spec, catalogs, providers, decisions);
    const ordered = [...candidates.values()].sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    const dates = versionDates(spec, ordered, decisions);
    const litellmFields = new Map(
      ordered.map((candidate) => [
        candidate.id,
        candidate.litellm.map(({ key, entry }) => reader.litellm(key, entry)),
      ]),
    );
    for (const date of dates) {
      const models: Record<string, ModelInput> = {};
      for (const candidate of ordered) {
        const excluded = decisions.exclusions.find(
          (exclusion) => exclusion.table === spec.id && exclusion.models.includes(candidate.id),
        );
        if (excluded) {
          record(
            report.excluded,
            { table: spec.id, model: candidate.id, reason: excluded.reason },
            date,
          );
          continue;
        }
        // An embedding has no output tokens: neither catalog's output figure (LiteLLM's 0,
        // genai-prices' absence) is a price, and output is 0 by definition.
        const embedding =
          candidate.litellm.length > 0 &&
          candidate.litellm.every(({ entry }) => entry.mode === "embedding");
        const withoutOutput = (fields: PriceFields): PriceFields =>
          embedding ? new Map([...fields].filter(([field]) => field !== "output")) : fields;
        const genai = candidate.genai
          ? withoutOutput(
              reader.genai(
                candidate.genai.provider,
                candidate.genai.model,
                candidate.id,
                date,
                embedding,
              ),
            )
          : undefined;
        const litellm = (litellmFields.get(candidate.id) ?? []).map(withoutOutput);
        const fact = factFor(decisions, spec.id, candidate.id, date);
        const agreement = agreePrices(genai, litellm, fact?.fields);
        const { fields, cap, notes } = completeLevels(agreement, [
          ...(genai ? [genai] : []),
          ...litellm,
        ]);
        if (embedding && fields.has("input")) fields.set("output", "0");
        if (!fields.has("input") || !fields.has("output")) {
          const why = agreement.dropped
            .filter((dropped) => dropped.field === "input" || dropped.field === "output")
            .map((dropped) => `${dropped.field}: ${dropped.reason}`)
            .join("; ");
          record(
            report.excluded,
            { table: spec.id, model: candidate.id, reason: why || "no input and output price" },
            date,
          );
          continue;
        }
        for (const dropped of agreement.dropped)
          record(report.droppedFields, { table: spec.id, model: candidate.id, ...dropped }, date);
        for (const note of notes)
          record(report.droppedFields, { table: spec.id, model: candidate.id, ...note }, date);
        for (const decided of agreement.decided) {
          const fact = (factFor(decisions, spec.id, candidate.id, date)?.facts ?? []).find(
            (f) => f.perMillion?.[decided.field] !== undefined,
          );
          const agrees =
            decided.agreesWith.length > 0
              ? `agrees with ${decided.agreesWith.join(" and ")}`
              : "neither catalog agrees";
          record(
            report.decided,
            {
              table: spec.id,
              model: candidate.id,
              field: decided.field,
              reason: `${quoted(decided.field, decided.value)} (${agrees}): ${fact?.reason ?? ""}`,
            },
            date,
          );
        }
        const label = candidate.genai?.model.name;
        const factSources = [...new Set((fact?.facts ?? []).map((f) => f.source))];
        models[candidate.id] = {
          provider: spec.provider,
          ...(label !== undefined ? { label } : {}),
          ...pricesFromFields(fields),
          ...(cap !== undefined ? { maxPricedInputTokens: cap } : {}),
          ...(factSources.length > 0 ? { source: factSources.join("; ") } : {}),
        };
      }
      const links = new Map(
        ordered.flatMap((c) => (c.genai && models[c.id] ? [[c.id, c.genai] as const] : [])),
      );
      const leftOutIds = new Set(ordered.flatMap((c) => (models[c.id] ? [] : [c.id])));
      const named = withGenaiAliases(models, links, namesOf, leftOutIds);
      for (const { alias, reason } of named.leftOut)
        record(report.aliasesLeftOut, { table: spec.id, model: alias, reason }, date);
      tables.push({
        spec,
        table: {
          id: spec.id,
          version: date,
          effectiveFrom: date,
          label: spec.label,
          source: tableSource(spec, decisions),
          checkedOn: decisions.checkedOn,
          currency: "USD",
          models: named.models,
        },
      });
    }
    const linked = new Set(
      ordered.flatMap((c) => (c.genai && c.litellm.length > 0 ? [c.genai.model.id] : [])),
    );
    for (const model of providers.get(spec.genaiProvider)?.models ?? []) {
      if (linked.has(model.id)) continue;
      report.genaiOnly.push({
        table: spec.id,
        model: model.id,
        versions: [],
        reason: "no LiteLLM entry of this provider matches the record",
      });
    }
  }
  return { tables, report };
}
