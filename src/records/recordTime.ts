import { PricebookError } from "../errors.js";

/** When a usage happened, as a record gives it: an RFC 3339 text, Unix seconds or nanoseconds. */
export interface RecordTime {
  readonly kind: "iso" | "seconds" | "nanos";
  readonly value: unknown;
}

/** Reads the UTC day (`YYYY-MM-DD`) of record times; its caches belong to one pricer. @internal */
export interface DayReader {
  /**
   * The day of the two most common forms, `2025-06-10` and `2025-06-10T12:00:00Z`, read by
   * character codes with a cache of checked days; undefined for anything else (and any doubt),
   * which {@link DayReader.dayOf} reads.
   */
  quickDay(value: string): string | undefined;
  /** The UTC day of a record's time; `INVALID_RECORD` for anything RFC 3339 refuses. */
  dayOf(at: RecordTime): string;
}

/**
 * The first year read: the tables' own dates (isIsoDate) refuse years 0000–0099, so a record
 * dated then is refused here rather than by the table lookup.
 */
const FIRST_YEAR = 100;
/** Days from 1970-01-01 to 0100-01-01 and to 9999-12-31. */
const FIRST_DAY = -683_003;
const LAST_DAY = 2_932_896;
const SECONDS_PER_DAY = 86_400;
/** 100 years × 13 months × 32 days: a direct-mapped slot per day of a century. */
const DAY_SLOTS = 100 * 13 * 32;

/**
 * A day reader with caches of its own (no module state). Times follow RFC 3339 exactly:
 * `YYYY-MM-DD` alone, or `YYYY-MM-DD` `T` (or `t` or a space) `HH:MM:SS`, an optional
 * fraction, and `Z` or an offset `±HH:MM` (hours 00–23, minutes 00–59). A second of 60 (a
 * leap second) is that minute's. `24:00:00` is refused, as RFC 3339 does (it is ISO 8601's
 * end of day, not an RFC 3339 time); so are days that do not exist (`2025-02-30`), a time
 * without an offset, and any time whose UTC day is outside 0100-01-01 … 9999-12-31 (Unix
 * seconds or nanoseconds included). Nothing is read through `Date`, so no value can throw
 * a `RangeError`.
 *
 * @internal
 */
export function createDayReader(): DayReader {
  const dayTexts: string[] = new Array<string>(DAY_SLOTS).fill("");
  const dayCenturies = new Int8Array(DAY_SLOTS).fill(-1);

  const quickDay = (value: string): string | undefined => {
    const length = value.length;
    if (length === 20) {
      const h1 = digit(value, 11);
      const h2 = digit(value, 12);
      if (
        value.charCodeAt(10) !== 84 || // T
        value.charCodeAt(13) !== 58 || // :
        value.charCodeAt(16) !== 58 ||
        value.charCodeAt(19) !== 90 || // Z
        h1 > 2 ||
        h2 > 9 ||
        h1 * 10 + h2 > 23 ||
        digit(value, 14) > 5 ||
        digit(value, 15) > 9 ||
        digit(value, 17) > 5 ||
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
    const slot = (((y3 * 10 + y4) * 13 + month) << 5) | dayOfMonth;
    const century = y1 * 10 + y2;
    if (dayCenturies[slot] === century) return dayTexts[slot] as string;
    const year = century * 100 + y3 * 10 + y4;
    if (year < FIRST_YEAR || month < 1 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month))
      return undefined;
    const date = value.slice(0, 10);
    dayCenturies[slot] = century;
    dayTexts[slot] = date;
    return date;
  };

  const dayOf = (at: RecordTime): string => {
    const { kind, value } = at;
    if (kind === "iso") {
      if (typeof value === "string") {
        const day = quickDay(value) ?? rfc3339Day(value);
        if (day !== undefined) return day;
      }
      throw new PricebookError(
        "INVALID_RECORD",
        ["record", "at"],
        `at: expected an RFC 3339 date or date-time (2025-06-10, 2025-06-10T12:00:00Z, 2025-06-10T07:00:00-05:00) of a day that exists, years 0100–9999${typeof value === "string" ? "" : `, got a ${kindOf(value)}`}`,
      );
    }
    const days = kind === "seconds" ? secondsDay(value) : nanosDay(value);
    if (days !== undefined) return dayText(days);
    throw new PricebookError(
      "INVALID_RECORD",
      ["record", kind === "seconds" ? "created" : "startTimeUnixNano"],
      `expected a Unix time in ${kind === "seconds" ? "seconds" : "nanoseconds"} (0 or more, a day no later than 9999-12-31)${typeof value === "number" || typeof value === "string" ? "" : `, got a ${kindOf(value)}`}`,
    );
  };

  return { quickDay, dayOf };
}

function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

/** The digit at `at` (0–9), else 10 or more (a non-digit's code minus 48, taken unsigned). */
function digit(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) >>> 0;
}

/** Two digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const a = digit(text, at);
  const b = digit(text, at + 1);
  return a > 9 || b > 9 ? -1 : a * 10 + b;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The UTC day of an RFC 3339 full-date or date-time, or undefined. */
function rfc3339Day(value: string): string | undefined {
  const length = value.length;
  if (length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const hi = twoDigits(value, 0);
  const lo = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return undefined;
  const year = hi * 100 + lo;
  if (year < FIRST_YEAR || day > daysInMonth(year, month)) return undefined;
  if (length === 10) return value.slice(0, 10);
  const separator = value.charCodeAt(10);
  if (separator !== 84 && separator !== 116 && separator !== 32) return undefined; // T t space
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = twoDigits(value, 17);
  if (value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return undefined;
  }
  let i = 19;
  if (value.charCodeAt(i) === 46) {
    // A fraction: one digit or more.
    i += 1;
    const from = i;
    // Bounded by the length: past the end charCodeAt is NaN, which digit() reads as 0.
    while (i < length && digit(value, i) <= 9) i += 1;
    if (i === from) return undefined;
  }
  const zone = value.charCodeAt(i);
  if (zone === 90 || zone === 122) return i + 1 === length ? value.slice(0, 10) : undefined;
  if ((zone !== 43 && zone !== 45) || i + 6 !== length || value.charCodeAt(i + 3) !== 58) {
    return undefined;
  }
  const offsetHours = twoDigits(value, i + 1);
  const offsetMinutes = twoDigits(value, i + 4);
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) {
    return undefined;
  }
  // Local minutes of the day minus the offset: the UTC day is this day, the one before or after.
  const offset = (offsetHours * 60 + offsetMinutes) * (zone === 43 ? 1 : -1);
  const utcMinutes = hour * 60 + minute - offset;
  const shift = utcMinutes < 0 ? -1 : utcMinutes >= 1440 ? 1 : 0;
  if (shift === 0) return value.slice(0, 10);
  const days = daysFromCivil(year, month, day) + shift;
  return days < FIRST_DAY || days > LAST_DAY ? undefined : dayText(days);
}

function secondsDay(value: unknown): number | undefined {
  if (typeof value !== "number" || !(value >= 0)) return undefined;
  const days = Math.floor(value / SECONDS_PER_DAY);
  return days <= LAST_DAY ? days : undefined;
}

function nanosDay(value: unknown): number | undefined {
  if (typeof value === "number") {
    // A number this large is only approximate, which is still the right day.
    if (!(value >= 0)) return undefined;
    const days = Math.floor(value / 1e9 / SECONDS_PER_DAY);
    return days <= LAST_DAY ? days : undefined;
  }
  // OTLP/JSON writes the nanoseconds as a string of digits.
  if (typeof value !== "string" || value.length === 0 || value.length > 30) return undefined;
  for (let i = 0; i < value.length; i++) if (digit(value, i) > 9) return undefined;
  const seconds = value.length > 9 ? Number(value.slice(0, -9)) : 0;
  const days = Math.floor(seconds / SECONDS_PER_DAY);
  return days <= LAST_DAY ? days : undefined;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `YYYY-MM-DD` of a day number in FIRST_DAY … LAST_DAY (H. Hinnant's civil_from_days). */
function dayText(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}
