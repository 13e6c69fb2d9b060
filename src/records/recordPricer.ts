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

/** A record that could not be priced. @internal */
export interface RecordFailure {
  readonly line: number;
  readonly shape: RecordShape | null;
  readonly model: string | null;
  readonly error: PricebookError;
  readonly dimensions: Readonly<Record<string, Dimension>>;
}

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

  const priceItem = (item: UsageItem, line: number, sink: PricerSink) => {
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
          sink.priced(
            pricedFacts(
              line,
              item.shape,
              item.model,
              day,
              table,
              resolved,
              used,
              total,
              scale,
              item.dimensions,
            ),
          );
          return;
        } catch (caught) {
          if (!(caught instanceof PricebookError)) throw caught;
          error = caught;
        }
      }
    }
    sink.unpriced({
      line,
      shape: item.shape,
      model: item.model,
      error,
      dimensions: item.dimensions,
    });
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
  // A totals-only caller reads no dimension but its group keys.
  const wanted = totalsOnly === undefined ? undefined : new Set(totalsOnly.groupBy);
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
  const priceFlat = (record: Record<string, unknown>, line: number, sink: PricerSink): boolean => {
    const { input, output, model, at, serviceTier } = record;
    if (record.usage !== undefined || typeof model !== "string" || model === "") return false;
    // detectShape's test for a flat record (a forced --shape flat needs none).
    if (
      shape === undefined &&
      typeof input !== "number" &&
      typeof input !== "string" &&
      typeof output !== "number" &&
      typeof output !== "string"
    ) {
      return false;
    }
    if (serviceTier !== undefined && serviceTier !== null && serviceTier !== "standard") {
      return false;
    }
    const day =
      at === undefined || at === null
        ? defaultDay
        : typeof at === "string"
          ? quickDay(at)
          : undefined;
    if (day === undefined) return false;
    const found = find(day, null, model);
    // A cached error has no `resolved` (cheaper than instanceof, whose cross-build check is a
    // call per row).
    if ((found as { resolved?: Resolved }).resolved === undefined) return false;
    const { table, resolved } = found as Exclude<Found, PricebookError>;
    if (standardTotal(resolved.model, record, false, scratch) === undefined) return false;
    sink.priced(
      pricedFacts(
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
      ),
    );
    return true;
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
        sink.unpriced({
          line,
          shape: null,
          model: null,
          error: new PricebookError(
            "INVALID_RECORD",
            ["record"],
            `not valid JSON (${(caught as Error).message.slice(0, 120)})`,
          ),
          dimensions: EMPTY,
        });
        return;
      }
    }
    if (direct && isRecord(value) && priceFlat(value, line, sink)) return;
    const items = readRecord(value, shape, wanted);
    if (!Array.isArray(items)) priceItem(items as UsageItem, line, sink);
    else for (const item of items) priceItem(item, line, sink);
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

const DAY_MS = 86_400_000;
// Unix day number → YYYY-MM-DD, for seconds and nanosecond timestamps.
const epochDays = new Map<number, string>();

function epochDay(days: number): string {
  let text = epochDays.get(days);
  if (text === undefined) {
    text = new Date(days * DAY_MS).toISOString().slice(0, 10);
    if (epochDays.size >= MAX_DAYS) epochDays.clear();
    epochDays.set(days, text);
  }
  return text;
}

const UTC_TIME = /^.{10}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?Z$/;
// Day texts already checked, so the calendar check runs once per day, not once per row.
const validDays = new Map<string, boolean>();

function validDay(date: string): boolean {
  let valid = validDays.get(date);
  if (valid === undefined) {
    valid = isIsoDate(date);
    if (validDays.size >= MAX_DAYS) validDays.clear();
    validDays.set(date, valid);
  }
  return valid;
}

// Checked day texts in a direct-mapped cache (see quickDay): no Map, no slice and no string
// hash per row, and the same string each time after. 100 years × 13 × 32 slots.
const DAY_SLOTS = 100 * 13 * 32;
const dayTexts: string[] = new Array<string>(DAY_SLOTS).fill("");
const dayCenturies = new Int8Array(DAY_SLOTS).fill(-1);

/** The digit at `at` (0–9), else 10 or more (a non-digit's code minus 48, taken unsigned). */
function digit(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) >>> 0;
}

/**
 * The day of the two most common forms, `2025-06-10` and `2025-06-10T12:00:00Z`, read by
 * character codes in small-integer arithmetic; undefined for anything else (and any doubt),
 * which the general path reads.
 */
function quickDay(value: string): string | undefined {
  const length = value.length;
  if (length === 20) {
    // HH:MM:SSZ, as UTC_TIME accepts it at this length.
    const h1 = digit(value, 11);
    const h2 = digit(value, 12);
    const m1 = digit(value, 14);
    const s1 = digit(value, 17);
    if (
      value.charCodeAt(10) !== 84 || // T
      value.charCodeAt(13) !== 58 || // :
      value.charCodeAt(16) !== 58 ||
      value.charCodeAt(19) !== 90 || // Z
      h1 > 2 ||
      h2 > 9 ||
      h1 * 10 + h2 > 23 ||
      m1 > 5 ||
      digit(value, 15) > 9 ||
      s1 > 5 ||
      digit(value, 18) > 9
    ) {
      return undefined;
    }
  } else if (length !== 10) {
    return undefined;
  }
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined; // -
  const y1 = digit(value, 0);
  const y2 = digit(value, 1);
  const y3 = digit(value, 2);
  const y4 = digit(value, 3);
  const mo1 = digit(value, 5);
  const mo2 = digit(value, 6);
  const d1 = digit(value, 8);
  const d2 = digit(value, 9);
  if (y1 > 9 || y2 > 9 || y3 > 9 || y4 > 9 || mo1 > 9 || mo2 > 9 || d1 > 9 || d2 > 9) {
    return undefined;
  }
  const month = mo1 * 10 + mo2;
  const dayOfMonth = d1 * 10 + d2;
  if (month > 12 || dayOfMonth > 31) return undefined;
  // A direct-mapped cache of checked days, by year in the century, month and day; the century
  // is compared before its text is used.
  const slot = (((y3 * 10 + y4) * 13 + month) << 5) | dayOfMonth;
  const century = y1 * 10 + y2;
  if (dayCenturies[slot] === century) return dayTexts[slot] as string;
  const date = value.slice(0, 10);
  if (!isIsoDate(date)) return undefined;
  dayCenturies[slot] = century;
  dayTexts[slot] = date;
  return date;
}

function badAt(value: unknown): PricebookError {
  return new PricebookError(
    "INVALID_RECORD",
    ["record", "at"],
    `at: expected an ISO 8601 date or time (2025-06-10, 2025-06-10T12:00:00Z), got ${JSON.stringify(value)?.slice(0, 60)}`,
  );
}

/** The UTC day of a record's time. */
function dayOf(at: NonNullable<UsageItem["at"]>): string {
  const { kind, value } = at;
  if (kind === "iso") {
    if (typeof value === "string") {
      const quick = quickDay(value);
      if (quick !== undefined) return quick;
      const date = value.slice(0, 10);
      if (!validDay(date)) throw badAt(value);
      if (value.length === 10) return date;
      const separator = value.charCodeAt(10);
      // The common form, 2025-06-10T12:00:00(.123)Z, without a Date.
      if (separator === 84 && UTC_TIME.test(value)) return date;
      if (separator === 84 || separator === 32) {
        const last = value.charCodeAt(value.length - 1);
        const zone = last === 90 || last === 122 || /[+-]\d\d:?\d\d$/.test(value.slice(11));
        const ms = Date.parse(`${date}T${value.slice(11)}${zone ? "" : "Z"}`);
        // Times without a zone are read as UTC.
        if (!Number.isNaN(ms))
          return last === 90 || last === 122 ? date : epochDay(Math.floor(ms / DAY_MS));
      }
    }
    throw new PricebookError(
      "INVALID_RECORD",
      ["record", "at"],
      `at: expected an ISO 8601 date or time (2025-06-10, 2025-06-10T12:00:00Z), got ${JSON.stringify(value)?.slice(0, 60)}`,
    );
  }
  if (kind === "seconds") {
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
      return epochDay(Math.floor(value / 86_400));
    }
  } else {
    // OTLP/JSON writes the nanoseconds as a string; a number this large is only approximate,
    // which is still the right day.
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
      return epochDay(Math.floor(value / 1e9 / 86_400));
    }
    const digits = value;
    if (typeof digits === "string" && /^\d{1,20}$/.test(digits)) {
      const seconds = digits.length > 9 ? Number(digits.slice(0, -9)) : 0;
      return epochDay(Math.floor(seconds / 86_400));
    }
  }
  throw new PricebookError(
    "INVALID_RECORD",
    ["record", kind === "seconds" ? "created" : "startTimeUnixNano"],
    `expected a Unix time in ${kind === "seconds" ? "seconds" : "nanoseconds"}, got ${JSON.stringify(value)?.slice(0, 60)}`,
  );
}
