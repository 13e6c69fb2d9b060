import { assertTable } from "../catalog/assertTable.js";
import type { Pricebook } from "../catalog/createPricebook.js";
import { fastRates } from "../catalog/fastRates.js";
import { pricebookResolve } from "../catalog/pricebookResolve.js";
import { type Resolved, resolveName } from "../catalog/resolveName.js";
import { tableAsOf, todayUtc } from "../catalog/tableAsOf.js";
import { isIsoDate, isRecord } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import { parseScaled } from "../money/scaled.js";
import type { ChargeOptions } from "../pricing/charge.js";
import { chargeUsd } from "../pricing/chargeUsd.js";
import { type NormalUsage, normalizeUsage, type Usage } from "../pricing/normalizeUsage.js";
import { plainLevel } from "../pricing/plainUsage.js";
import { isCount, optionalCount } from "../pricing/tokens.js";
import type { Model, PricingTable, ServiceTierName } from "../schema/types.js";
import { PROVIDER_TABLES } from "./otelAttributes.js";
import {
  type Dimension,
  FLAT_KEYS,
  RECORD_SHAPES,
  type RecordShape,
  readRecord,
  USAGE_KEYS,
  type UsageItem,
} from "./readRecord.js";
import {
  dimensionsError,
  failure,
  jsonError,
  ownDimensions,
  type RecordFailure,
  recordError,
} from "./recordFailure.js";
import { createDayReader } from "./recordTime.js";

/** Options of {@link priceRecords}. */
export interface PriceRecordsOptions {
  /**
   * With a pricebook: the id of the table every record is priced against (its version in
   * force on the record's day), or `"auto"` (the default): the table is found from the model
   * name (and a span's provider) with {@link pricebookResolve}. Not used with a single table.
   */
  readonly table?: string;
  /** Read every record as this shape instead of detecting it per record. */
  readonly shape?: RecordShape;
  /** The day (`YYYY-MM-DD`, UTC) of records that carry no time. Default: today. */
  readonly asOf?: string;
}

/** A usage priced, before any string is made. @internal */
export interface PricedFacts {
  readonly line: number;
  readonly shape: RecordShape;
  readonly model: string;
  readonly day: string;
  readonly table: PricingTable;
  readonly resolved: Resolved;
  readonly used: NormalUsage;
  readonly total: number | bigint;
  readonly scale: number;
  readonly dimensions: Readonly<Record<string, Dimension>>;
}

export type { RecordFailure } from "./recordFailure.js";

/** Where a pricer sends what it priced and what it could not. @internal */
export interface PricerSink {
  priced(facts: PricedFacts): void;
  unpriced(failure: RecordFailure): void;
}

/** Prices one record (an object, or a JSON text) at a line number. @internal */
export type RecordPricer = (record: unknown, line: number, sink: PricerSink) => void;

type Found = { readonly table: PricingTable; readonly resolved: Resolved } | PricebookError;

// Caches are bounded: cleared whole when full, so memory stays flat on any log.
const MAX_NAMES = 10_000;
const MAX_DAYS = 4_096;
const EMPTY: Readonly<Record<string, Dimension>> = Object.freeze({});

/**
 * Builds the per-record pricing function shared by {@link priceRecords} and the `price`
 * command: shape detection, the record's day, the table in force that day, name resolution
 * (cached per table version and name, errors included), and the exact total by the same
 * scaled-integer code as `charge`.
 *
 * @internal
 */
export function createRecordPricer(
  source: Pricebook | PricingTable,
  options: PriceRecordsOptions = {},
  /**
   * The caller keeps no more of a priced row than its totals and these group keys, and reads
   * the facts it is given during the call only (they may be reused for the next row).
   */
  totalsOnly?: { readonly groupBy: readonly string[] },
): RecordPricer {
  if (typeof source !== "object" || source === null) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["source"],
      "expected a pricebook (builtinPricebook, createPricebook) or a compiled pricing table",
    );
  }
  if (typeof options !== "object" || options === null) {
    throw new PricebookError("INVALID_ARGUMENT", ["options"], "expected an options object");
  }
  const { shape, table: tableOption } = options;
  if (shape !== undefined && !RECORD_SHAPES.includes(shape)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["shape"],
      `unknown record shape ${JSON.stringify(shape)}; use one of ${RECORD_SHAPES.join(", ")}`,
    );
  }
  const defaultDay = options.asOf ?? todayUtc();
  if (!isIsoDate(defaultDay)) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["asOf"],
      `asOf: expected a date that exists, YYYY-MM-DD, got ${JSON.stringify(defaultDay)}`,
    );
  }
  const find = finder(source, tableOption);
  const { quickDay, dayOf } = createDayReader();
  // A totals-only caller reads no dimension but its group keys.
  const wanted = totalsOnly === undefined ? undefined : new Set(totalsOnly.groupBy);

  /** The facts of a usage, or the error that makes it unpriced; the sink is called by the caller. */
  const priceItem = (item: UsageItem, line: number): PricedFacts | PricebookError => {
    let error = item.error;
    if (error === null) {
      if (item.model === null) {
        error = new PricebookError(
          "INVALID_RECORD",
          ["record", "model"],
          "the record names no model (expected a non-empty string)",
        );
      } else {
        try {
          const day = item.at === null ? defaultDay : dayOf(item.at);
          const found = find(day, item.provider, item.model);
          // A cached error has no `resolved` (cheaper than instanceof; see priceFlat).
          if ((found as { resolved?: Resolved }).resolved === undefined) throw found;
          const { table, resolved } = found as Exclude<Found, PricebookError>;
          const model = resolved.model;
          // The common case in integers (no service tier, safe rates); anything else — and
          // every error — through chargeUsd, which is charge's figure by contract.
          const fast =
            item.serviceTier !== undefined
              ? undefined
              : item.counts !== null
                ? standardTotal(model, item.counts, false)
                : standardTotal(model, item.usage as Usage, true);
          let total: number | bigint;
          let scale: number;
          let used: NormalUsage;
          if (fast !== undefined) {
            ({ total, scale, used } = fast);
          } else {
            const usage = item.counts === null ? (item.usage as Usage) : usageOf(item.counts);
            const options: ChargeOptions | undefined =
              item.serviceTier === undefined
                ? undefined
                : { serviceTier: item.serviceTier as ServiceTierName };
            // By the model's id: the rates the name resolved to, found by one lookup.
            const usd = parseScaled(chargeUsd(table, model.id, usage, options));
            used = normalizeUsage(usage);
            total = usd.int <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(usd.int) : usd.int;
            scale = usd.scale;
          }
          return pricedFacts(
            line,
            item.shape,
            item.model,
            day,
            table,
            resolved,
            used,
            total,
            scale,
            ownDimensions(item.dimensions),
          );
        } catch (caught) {
          error = recordError(caught);
        }
      }
    }
    return error;
  };

  // When the caller keeps no more of a row than its totals (`price` without --out) and groups
  // by keys a flat record keeps among its dimensions, a plain flat record is priced straight
  // from the parsed object — no item, no copy of its dimensions: the record is its own
  // dimensions object, since only the group keys are read from it, by own property. Anything
  // unusual (and every error) is left to the general path, so the result is the same.
  const direct =
    totalsOnly !== undefined &&
    (shape === undefined || shape === "flat") &&
    totalsOnly.groupBy.every((key) => !FLAT_KEYS.has(key) && key !== "__proto__");
  const scratch = newFastTotal();
  const facts: { -readonly [K in keyof PricedFacts]: PricedFacts[K] } = {
    line: 0,
    shape: "flat",
    model: "",
    day: "",
    table: undefined as unknown as PricingTable,
    resolved: undefined as unknown as Resolved,
    used: scratch.used,
    total: 0,
    scale: 0,
    dimensions: EMPTY,
  };
  /**
   * The facts of a priced usage: a fresh object, or for a totals-only caller (which reads them
   * during the call only) the one reused object.
   */
  const pricedFacts = (
    line: number,
    shape: RecordShape,
    model: string,
    day: string,
    table: PricingTable,
    resolved: Resolved,
    used: NormalUsage,
    total: number | bigint,
    scale: number,
    dimensions: Readonly<Record<string, Dimension>>,
  ): PricedFacts => {
    if (totalsOnly === undefined) {
      return { line, shape, model, day, table, resolved, used, total, scale, dimensions };
    }
    facts.line = line;
    facts.shape = shape;
    facts.model = model;
    facts.day = day;
    facts.table = table;
    facts.resolved = resolved;
    facts.used = used;
    facts.total = total;
    facts.scale = scale;
    facts.dimensions = dimensions;
    return facts;
  };
  const groupKeys = totalsOnly?.groupBy ?? [];
  const priceFlat = (record: Record<string, unknown>, line: number): PricedFacts | undefined => {
    const { input, output, model, at, serviceTier } = record;
    if (record.usage !== undefined || typeof model !== "string" || model === "") return undefined;
    // detectShape's test for a flat record (a forced --shape flat needs none).
    if (
      shape === undefined &&
      typeof input !== "number" &&
      typeof input !== "string" &&
      typeof output !== "number" &&
      typeof output !== "string"
    ) {
      return undefined;
    }
    if (serviceTier !== undefined && serviceTier !== null && serviceTier !== "standard") {
      return undefined;
    }
    // A group key's value nested past the cap is the general path's error to report.
    for (let i = 0; i < groupKeys.length; i++) {
      const value = record[groupKeys[i] as string];
      if (typeof value === "object" && value !== null) return undefined;
    }
    const day =
      at === undefined || at === null
        ? defaultDay
        : typeof at === "string"
          ? quickDay(at)
          : undefined;
    if (day === undefined) return undefined;
    const found = find(day, null, model);
    // A cached error has no `resolved` (cheaper than instanceof, whose cross-build check is a
    // call per row).
    if ((found as { resolved?: Resolved }).resolved === undefined) return undefined;
    const { table, resolved } = found as Exclude<Found, PricebookError>;
    if (standardTotal(resolved.model, record, false, scratch) === undefined) return undefined;
    return pricedFacts(
      line,
      "flat",
      model,
      day,
      table,
      resolved,
      scratch.used,
      scratch.total,
      scratch.scale,
      record as Readonly<Record<string, Dimension>>,
    );
  };

  return (record, line, sink) => {
    let value = record;
    if (typeof record === "string") {
      // Blank lines are skipped (checked without allocating a trimmed copy of every line).
      const first = record.charCodeAt(0);
      if (Number.isNaN(first) || (first <= 32 && record.trim() === "")) return;
      try {
        value = JSON.parse(record);
      } catch (caught) {
        sink.unpriced(failure(line, null, null, jsonError(caught), EMPTY));
        return;
      }
    }
    // Whatever goes wrong inside one record (a reader's error included) makes that record
    // unpriced; only the sink's own errors (a failed write) end the run.
    let items: UsageItem | readonly UsageItem[];
    try {
      if (direct && isRecord(value)) {
        const quick = priceFlat(value, line);
        if (quick !== undefined) {
          sink.priced(quick);
          return;
        }
      }
      items = readRecord(value, shape, wanted);
    } catch (caught) {
      const model = isRecord(value) && typeof value.model === "string" ? value.model : null;
      sink.unpriced(failure(line, null, model, recordError(caught), EMPTY));
      return;
    }
    const one = (item: UsageItem) => {
      // A dimension nested past the cap is neither grouped nor written: the row keeps none.
      const deep = dimensionsError(item.dimensions, wanted);
      const outcome = deep ?? priceItem(item, line);
      // Facts have a `resolved`, an error has none (cheaper than instanceof; see priceFlat).
      if ((outcome as { resolved?: Resolved }).resolved !== undefined) {
        sink.priced(outcome as PricedFacts);
      } else {
        const dimensions = deep === null ? ownDimensions(item.dimensions) : EMPTY;
        const error = outcome as PricebookError;
        sink.unpriced(failure(line, item.shape, item.model, error, dimensions));
      }
    };
    if (!Array.isArray(items)) one(items as UsageItem);
    else for (const item of items) one(item);
  };
}

const MAX = Number.MAX_SAFE_INTEGER;

/** A flat record's counts as a usage object. */
function usageOf(counts: Readonly<Record<string, unknown>>): Usage {
  const usage: Record<string, unknown> = {};
  for (const key of USAGE_KEYS) if (counts[key] !== undefined) usage[key] = counts[key];
  return usage as Usage;
}

/**
 * tokens × rate numerators in safe integers, as priceUsage computes them, for a plain usage at
 * standard (or long-context tier) rates; undefined when anything is unusual, so the general
 * path prices it or says what is wrong. test/records.test.ts pins it to charge().
 */
function standardTotal(
  model: Model,
  usage: Usage | Readonly<Record<string, unknown>>,
  onlyCounts: boolean,
  into: FastTotal = newFastTotal(),
): FastTotal | undefined {
  const u = usage as Record<string, unknown>;
  let input: unknown;
  let output: unknown;
  let cachedInput: number;
  let cacheWrite: number;
  let cacheWrite1h: number;
  let reasoning: number;
  if (onlyCounts) {
    // An adapter's usage: one pass over its keys (the adapters' objects have different
    // shapes, and a named read of each possible key costs more than the keys it has). Only
    // input, output and the four optional counts, each defined; any other key (an audio,
    // image or web-search part, another part) takes the general path.
    cachedInput = 0;
    cacheWrite = 0;
    cacheWrite1h = 0;
    reasoning = 0;
    for (const key in u) {
      const value = u[key];
      if (value === undefined) return undefined;
      switch (key) {
        case "input":
          input = value;
          break;
        case "output":
          output = value;
          break;
        case "cachedInput":
          cachedInput = optionalCount(value);
          break;
        case "cacheWrite":
          cacheWrite = optionalCount(value);
          break;
        case "cacheWrite1h":
          cacheWrite1h = optionalCount(value);
          break;
        case "reasoning":
          reasoning = optionalCount(value);
          break;
        default:
          return undefined;
      }
    }
  } else {
    input = u.input;
    output = u.output;
    cachedInput = optionalCount(u.cachedInput);
    cacheWrite = optionalCount(u.cacheWrite);
    cacheWrite1h = optionalCount(u.cacheWrite1h);
    reasoning = optionalCount(u.reasoning);
    // Audio, image and web-search parts have rates of their own (or none): the general path.
    if (
      (u.audioInput !== undefined && u.audioInput !== 0) ||
      (u.imageInput !== undefined && u.imageInput !== 0) ||
      (u.audioOutput !== undefined && u.audioOutput !== 0) ||
      (u.webSearch !== undefined && u.webSearch !== 0)
    ) {
      return undefined;
    }
  }
  if (!isCount(input) || !isCount(output)) return undefined;
  if (cachedInput < 0 || cacheWrite < 0 || cacheWrite1h < 0 || reasoning < 0) return undefined;
  const uncached = input - cachedInput - cacheWrite - cacheWrite1h;
  if (uncached < 0 || reasoning > output) return undefined;
  // The same level the pricing fast paths choose (src/pricing/plainUsage.ts).
  const level = plainLevel(model, input);
  if (level === undefined) return undefined;
  const rates = fastRates(level);
  if (!rates.safe) return undefined;
  const n = rates.lineNumerators;
  // Every term is non-negative, so a sum within the safe range means every product is too; an
  // unpriced part (rate -1) with tokens makes the sum NaN, which fails the same test.
  const total =
    term(uncached, n[0] as number) +
    term(cachedInput, n[1] as number) +
    term(cacheWrite, n[2] as number) +
    term(cacheWrite1h, n[3] as number) +
    term(output - reasoning, n[4] as number) +
    term(reasoning, n[5] as number);
  if (!(total <= MAX)) return undefined;
  into.total = total;
  into.scale = rates.scale;
  const used = into.used;
  used.input = input;
  used.output = output;
  used.cachedInput = cachedInput;
  used.cacheWrite = cacheWrite;
  used.cacheWrite1h = cacheWrite1h;
  used.reasoning = reasoning;
  return into;
}

/** A plain usage's exact total (tokens × rate numerators at `scale`) and its counts. */
interface FastTotal {
  total: number;
  scale: number;
  readonly used: { -readonly [K in keyof NormalUsage]: NormalUsage[K] };
}

function newFastTotal(): FastTotal {
  return {
    total: 0,
    scale: 0,
    used: {
      input: 0,
      output: 0,
      cachedInput: 0,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 0,
      audioInput: 0,
      imageInput: 0,
      audioOutput: 0,
      webSearch: 0,
      cachedAudioInput: 0,
      cachedImageInput: 0,
      videoInput: 0,
      imageOutput: 0,
      videoOutput: 0,
      serviceTier: null,
      inferenceGeo: null,
      inputParts: null,
      outputParts: null,
    },
  };
}

/** tokens × rate numerator; NaN for tokens of a part the level has no rate for (-1). */
function term(tokens: number, rate: number): number {
  if (tokens === 0) return 0;
  return rate === -1 ? Number.NaN : tokens * rate;
}

/** The table and resolution of a model on a day, cached; errors are cached too. */
function finder(
  source: Pricebook | PricingTable,
  tableOption: string | undefined,
): (day: string, provider: string | null, model: string) => Found {
  if (!Array.isArray((source as Pricebook).tables)) {
    const table = source as PricingTable;
    assertTable(table, ["source"]);
    if (tableOption !== undefined) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        ["table"],
        "the table option chooses a table of a pricebook; with a single table, leave it out",
      );
    }
    const names = new Map<string, Found>();
    return (day, _provider, model) => {
      if (day < table.effectiveFrom) {
        return new PricebookError(
          "NO_TABLE_IN_EFFECT",
          ["at"],
          `${table.id}@${table.version} takes effect on ${table.effectiveFrom}, after the record's day ${day}`,
        );
      }
      return (
        names.get(model) ??
        cache(names, model, () => ({ table, resolved: resolveName(table, model) }))
      );
    };
  }
  const pricebook = source as Pricebook;
  const ids = new Set(pricebook.tables.map((table) => table.id));
  // A name resolves the same on every day with the same table versions in force, so days
  // share one cache per edition (the versions in force), keyed by model name.
  const editions = new Map<string, Map<string, Found>>();
  const namesOfDay = new Map<string, Map<string, Found> | PricebookError>();
  const namesOn = (
    day: string,
    tableIds: readonly string[],
  ): Map<string, Found> | PricebookError => {
    let names = namesOfDay.get(day);
    if (names !== undefined) return names;
    const versions: string[] = [];
    for (const id of tableIds) {
      try {
        const table = tableAsOf(pricebook, id, { asOf: day });
        versions.push(`${table.id}@${table.version}`);
      } catch (error) {
        if (!(error instanceof PricebookError) || error.code !== "NO_TABLE_IN_EFFECT") throw error;
        if (tableIds.length === 1) names = error;
      }
    }
    if (names === undefined) {
      const edition = versions.join("\n");
      names = editions.get(edition);
      if (names === undefined) {
        if (editions.size >= MAX_DAYS) editions.clear();
        names = new Map();
        editions.set(edition, names);
      }
    }
    if (namesOfDay.size >= MAX_DAYS) namesOfDay.clear();
    namesOfDay.set(day, names);
    return names;
  };
  if (tableOption !== undefined && tableOption !== "auto") {
    if (typeof tableOption !== "string" || !ids.has(tableOption.toLowerCase())) {
      tableAsOf(pricebook, tableOption as string); // UNKNOWN_TABLE, with suggestions
    }
    const only = [tableOption.toLowerCase()];
    return (day, _provider, model) => {
      const names = namesOn(day, only);
      if (names instanceof PricebookError) return names;
      return (
        names.get(model) ??
        cache(names, model, () => {
          const table = tableAsOf(pricebook, only[0] as string, { asOf: day });
          return { table, resolved: resolveName(table, model) };
        })
      );
    };
  }
  const all = [...ids];
  // Names a span's provider routes to one table, per edition and table id: no key is built
  // per row (a "table\nmodel" string was a concatenation and a hash on every span).
  const routed = new WeakMap<Map<string, Found>, Map<string, Map<string, Found>>>();
  return (day, provider, model) => {
    const names = namesOn(day, all) as Map<string, Found>;
    const hinted = provider === null ? undefined : PROVIDER_TABLES[provider.toLowerCase()];
    const id = hinted !== undefined && ids.has(hinted) ? hinted : undefined;
    if (id === undefined) {
      return (
        names.get(model) ??
        cache(names, model, () => pricebookResolve(pricebook, model, { asOf: day }))
      );
    }
    let byId = routed.get(names);
    if (byId === undefined) {
      byId = new Map();
      routed.set(names, byId);
    }
    let inTable = byId.get(id);
    if (inTable === undefined) {
      inTable = new Map();
      byId.set(id, inTable);
    }
    return (
      inTable.get(model) ??
      cache(inTable, model, () => {
        const table = tableAsOf(pricebook, id, { asOf: day });
        return { table, resolved: resolveName(table, model) };
      })
    );
  };
}

/** Finds and caches a resolution (or its error); the cache is cleared whole when full. */
function cache(names: Map<string, Found>, key: string, find: () => Found): Found {
  let found: Found;
  try {
    found = find();
  } catch (error) {
    if (!(error instanceof PricebookError)) throw error;
    found = error;
  }
  if (names.size >= MAX_NAMES) names.clear();
  names.set(key, found);
  return found;
}
