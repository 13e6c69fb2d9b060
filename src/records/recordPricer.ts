import type { Pricebook } from "../catalog/createPricebook.js";
import { pricebookResolve } from "../catalog/pricebookResolve.js";
import { type Resolved, resolveName } from "../catalog/resolveName.js";
import { tableAsOf, todayUtc } from "../catalog/tableAsOf.js";
import { isIsoDate } from "../catalog/validate.js";
import { PricebookError } from "../errors.js";
import type { ChargeOptions } from "../pricing/charge.js";
import type { NormalUsage } from "../pricing/normalizeUsage.js";
import { priceUsage } from "../pricing/priceUsage.js";
import type { PricingTable, ServiceTierName } from "../schema/types.js";
import { PROVIDER_TABLES } from "./otelAttributes.js";
import {
  type Dimension,
  RECORD_SHAPES,
  type RecordShape,
  readRecord,
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
          if (found instanceof PricebookError) throw found;
          const { table, resolved } = found;
          const tier: ChargeOptions | undefined =
            item.serviceTier === undefined
              ? undefined
              : { serviceTier: item.serviceTier as ServiceTierName };
          // By the model's id: the same rates the name resolved to, found by one lookup.
          const priced = priceUsage(table, resolved.model.id, item.usage as never, tier);
          sink.priced({
            line,
            shape: item.shape,
            model: item.model,
            day,
            table,
            resolved,
            used: priced.used,
            total: priced.total,
            scale: priced.fast.scale,
            dimensions: item.dimensions,
          });
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

  return (record, line, sink) => {
    let value = record;
    if (typeof record === "string") {
      if (record.trim() === "") return;
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
    readRecord(value, shape, (item) => priceItem(item, line, sink));
  };
}

/** The table and resolution of a model on a day, cached; errors are cached too. */
function finder(
  source: Pricebook | PricingTable,
  tableOption: string | undefined,
): (day: string, provider: string | null, model: string) => Found {
  if (!Array.isArray((source as Pricebook).tables)) {
    const table = source as PricingTable;
    resolveName(table, table.id); // checks it is a compiled table (INVALID_ARGUMENT if not)
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
      return cachedName(names, model, () => ({ table, resolved: resolveName(table, model) }));
    };
  }
  const pricebook = source as Pricebook;
  const ids = new Set(pricebook.tables.map((table) => table.id));
  const days = new Map<string, Map<string, Found>>();
  const namesOn = (day: string) => {
    let names = days.get(day);
    if (names === undefined) {
      if (days.size >= MAX_DAYS) days.clear();
      names = new Map();
      days.set(day, names);
    }
    return names;
  };
  if (tableOption !== undefined && tableOption !== "auto") {
    if (typeof tableOption !== "string" || !ids.has(tableOption.toLowerCase())) {
      tableAsOf(pricebook, tableOption as string); // UNKNOWN_TABLE, with suggestions
    }
    const id = tableOption.toLowerCase();
    const tables = new Map<string, PricingTable | PricebookError>();
    return (day, _provider, model) =>
      cachedName(namesOn(day), model, () => {
        let table = tables.get(day);
        if (table === undefined) {
          try {
            table = tableAsOf(pricebook, id, { asOf: day });
          } catch (error) {
            if (!(error instanceof PricebookError)) throw error;
            table = error;
          }
          if (tables.size >= MAX_DAYS) tables.clear();
          tables.set(day, table);
        }
        if (table instanceof PricebookError) throw table;
        return { table, resolved: resolveName(table, model) };
      });
  }
  return (day, provider, model) => {
    const hinted = provider === null ? undefined : PROVIDER_TABLES[provider.toLowerCase()];
    const id = hinted !== undefined && ids.has(hinted) ? hinted : undefined;
    return cachedName(namesOn(day), id === undefined ? model : `${id}\n${model}`, () => {
      if (id === undefined) return pricebookResolve(pricebook, model, { asOf: day });
      const table = tableAsOf(pricebook, id, { asOf: day });
      return { table, resolved: resolveName(table, model) };
    });
  };
}

function cachedName(names: Map<string, Found>, key: string, find: () => Found): Found {
  let found = names.get(key);
  if (found !== undefined) return found;
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

/** The UTC day of a record's time. */
function dayOf(at: NonNullable<UsageItem["at"]>): string {
  const { kind, value } = at;
  if (kind === "iso") {
    if (typeof value === "string") {
      const date = value.slice(0, 10);
      if (value.length === 10 && isIsoDate(date)) return date;
      const separator = value.charCodeAt(10);
      if (value.length > 10 && (separator === 84 || separator === 32) && isIsoDate(date)) {
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
    const digits = typeof value === "number" && Number.isSafeInteger(value) ? `${value}` : value;
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
