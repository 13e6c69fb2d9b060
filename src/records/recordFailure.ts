import { PricebookError } from "../errors.js";
import type { Dimension, RecordShape } from "./readRecord.js";

/**
 * The deepest a dimension value may nest (objects and arrays) and still be grouped or written:
 * deeper values make their record unpriced (`LIMIT_EXCEEDED`), so no reader, key or writer
 * recurses past it.
 */
export const MAX_DIMENSION_DEPTH = 64;

/** A record that could not be priced. @internal */
export interface RecordFailure {
  readonly line: number;
  readonly shape: RecordShape | null;
  readonly model: string | null;
  readonly error: PricebookError;
  readonly dimensions: Readonly<Record<string, Dimension>>;
}

/** A record that could not be priced, as a pricer's sink takes it. @internal */
export function failure(
  line: number,
  shape: RecordShape | null,
  model: string | null,
  error: PricebookError,
  dimensions: Readonly<Record<string, Dimension>>,
): RecordFailure {
  return { line, shape, model, error, dimensions };
}

/**
 * A line that is not JSON: where it stops being JSON, never what it holds (JSON.parse's own
 * message quotes the line's first characters, which may be a secret).
 *
 * @internal
 */
export function jsonError(caught: unknown): PricebookError {
  const message = caught instanceof Error ? caught.message : "";
  const at = /at position (\d+)/.exec(message);
  const where = at === null ? "" : ` (at character ${Number(at[1]) + 1})`;
  return new PricebookError("INVALID_RECORD", ["record"], `not valid JSON${where}`);
}

/**
 * Any error met while reading or pricing one record, as that record's error: a PricebookError
 * as it is; a stack overflow (a structure nested too deeply for a reader) as `LIMIT_EXCEEDED`;
 * anything else (a `RangeError` from a date, a reader's `TypeError`) as `INVALID_RECORD`, by
 * its kind only. One record's failure never ends the run.
 *
 * @internal
 */
export function recordError(caught: unknown): PricebookError {
  if (caught instanceof PricebookError) return caught;
  if (caught instanceof RangeError && /call stack/i.test(caught.message)) {
    return new PricebookError(
      "LIMIT_EXCEEDED",
      ["record"],
      "the record is nested too deeply to read",
    );
  }
  const kind = caught instanceof Error ? caught.name : typeof caught;
  return new PricebookError(
    "INVALID_RECORD",
    ["record"],
    `the record could not be read (${kind}); check its fields against the documented shapes`,
  );
}

/**
 * `LIMIT_EXCEEDED` when a dimension (only the `wanted` ones, when given) nests deeper than
 * {@link MAX_DIMENSION_DEPTH}; else null. Linear in the values' size, without recursion.
 *
 * @internal
 */
export function dimensionsError(
  dimensions: Readonly<Record<string, Dimension>>,
  wanted: ReadonlySet<string> | undefined,
): PricebookError | null {
  if (wanted === undefined) {
    for (const key of Object.keys(dimensions)) {
      const error = valueError(key, dimensions[key]);
      if (error !== null) return error;
    }
  } else {
    for (const key of wanted) {
      if (!Object.hasOwn(dimensions, key)) continue;
      const error = valueError(key, dimensions[key]);
      if (error !== null) return error;
    }
  }
  return null;
}

function valueError(key: string, value: unknown): PricebookError | null {
  if (typeof value !== "object" || value === null) return null;
  if (depthOf(value, MAX_DIMENSION_DEPTH) <= MAX_DIMENSION_DEPTH) return null;
  return new PricebookError(
    "LIMIT_EXCEEDED",
    ["record", key],
    `a dimension is nested deeper than ${MAX_DIMENSION_DEPTH} levels; flatten it or leave it out`,
  );
}

/**
 * How deep a JSON value nests (a primitive 0, `[]` or `{}` 1), or `max + 1` as soon as it is
 * known to be deeper than `max`. Iterative: any depth is measured without recursion.
 *
 * @internal
 */
export function depthOf(value: unknown, max: number): number {
  if (typeof value !== "object" || value === null) return 0;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  let deepest = 0;
  while (stack.length > 0) {
    const node = stack.pop() as object;
    const depth = depths.pop() as number;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > max) return max + 1;
    }
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (typeof child === "object" && child !== null) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return deepest;
}

/**
 * A record's dimensions with every key its own: a reader that assigned a record's `__proto__`
 * key set the object's prototype instead; that value is put back as an own `__proto__`
 * property of a copy without a prototype, so it is data, shown and grouped like any other.
 *
 * @internal
 */
export function ownDimensions(
  dimensions: Readonly<Record<string, Dimension>>,
): Readonly<Record<string, Dimension>> {
  const proto = Object.getPrototypeOf(dimensions);
  if (proto === Object.prototype || proto === null) return dimensions;
  const own: Record<string, Dimension> = Object.create(null);
  Object.defineProperty(own, "__proto__", {
    value: proto,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  for (const key of Object.keys(dimensions)) own[key] = dimensions[key] as Dimension;
  return own;
}
