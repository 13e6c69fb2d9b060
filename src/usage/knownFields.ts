import { isRecord } from "../catalog/validate.js";
import { type ErrorPath, pricebookError } from "../errors.js";

/**
 * The fields of a usage object a reader knows, as a tree: a key maps to `true` (a leaf the
 * reader prices, counts inside another count, or knows to be free or informational), to the
 * spec of a nested object, or to `[spec]` for a list of such objects.
 *
 * @internal
 */
export type FieldSpec = { readonly [key: string]: true | FieldSpec | readonly [FieldSpec] };

/** Deeper than this, a usage object is refused rather than walked. */
const MAX_DEPTH = 16;

/**
 * Refuses a usage object holding a number the reader does not know: a numeric field (or an
 * object or list holding one) whose key is not in `spec` is `UNRECOGNIZED_USAGE` with its path,
 * so a billable count a provider adds is never silently left out. Text, booleans, nulls and
 * zeros outside the spec pass: none of them can add to a price.
 *
 * @throws PricebookError `UNRECOGNIZED_USAGE` with the field's path; `INVALID_USAGE` when nested
 *   deeper than 16 levels
 * @internal
 */
export function assertKnownFields(
  value: unknown,
  spec: FieldSpec | readonly FieldSpec[],
  path: ErrorPath,
): void {
  // The walk allocates nothing while every field is known (the log reader calls it per
  // record); the path of an unknown field is built on the way out.
  const unknown = walk(value, spec, 0, path);
  if (unknown !== null) {
    throw pricebookError(
      "UNRECOGNIZED_USAGE",
      [...path, ...unknown.reverse()],
      "a usage field this reader does not know; it may be billed, so the usage is not priced rather than priced without it (name the shape with --shape / the shape option if another reader knows it)",
    );
  }
}

/** The entry for `key`: of the spec, or of the first of several specs that has it. */
function entry(spec: FieldSpec | readonly FieldSpec[], key: string) {
  if (!Array.isArray(spec)) return Object.hasOwn(spec, key) ? (spec as FieldSpec)[key] : undefined;
  for (let i = 0; i < spec.length; i++) {
    const one = spec[i] as FieldSpec;
    if (Object.hasOwn(one, key)) return one[key];
  }
  return undefined;
}

/** The reversed path of the first unknown number under `value`, or null. */
function walk(
  value: unknown,
  spec: FieldSpec | readonly FieldSpec[],
  depth: number,
  path: ErrorPath,
): (string | number)[] | null {
  if (!isRecord(value)) return null;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const child = value[key];
    const known = entry(spec, key);
    let found: (string | number)[] | null = null;
    if (known === undefined) {
      found = firstNumber(child, depth + 1, path);
    } else if (known !== true) {
      if (depth + 1 > MAX_DEPTH) tooDeep(path);
      if (Array.isArray(known)) {
        if (Array.isArray(child)) {
          for (let i = 0; i < child.length && found === null; i++) {
            found = walk(child[i], known[0], depth + 2, path);
            if (found !== null) found.push(i);
          }
        }
      } else {
        found = walk(child, known as FieldSpec, depth + 1, path);
      }
    }
    if (found !== null) {
      found.push(key);
      return found;
    }
  }
  return null;
}

/** The reversed path of the first non-zero number inside `value`, or null. */
function firstNumber(value: unknown, depth: number, path: ErrorPath): (string | number)[] | null {
  // A zero cannot add to a price, whatever it counts: providers add fields at 0 long before
  // they bill for them, and refusing those would refuse every body.
  if (typeof value === "number") return value === 0 ? null : [];
  if (typeof value === "bigint") return value === 0n ? null : [];
  if (typeof value === "string") return NUMERIC.test(value) && !ZERO.test(value) ? [] : null;
  if (typeof value !== "object" || value === null) return null;
  if (depth > MAX_DEPTH) tooDeep(path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNumber(value[i], depth + 1, path);
      if (found !== null) {
        found.push(i);
        return found;
      }
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const found = firstNumber((value as Record<string, unknown>)[key], depth + 1, path);
    if (found !== null) {
      found.push(key);
      return found;
    }
  }
  return null;
}

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;
const ZERO = /^\s*-?0+(\.0+)?\s*$/;

function tooDeep(path: ErrorPath): never {
  throw pricebookError("INVALID_USAGE", path, `usage nested deeper than ${MAX_DEPTH} levels`);
}
