// A result's exact amount as a scaled integer, kept with it so that summing many results
// (sumAmounts over a million charges) need not parse a million strings. It is stamped on the
// plain result object as private class fields — the "constructor returns another object"
// idiom — so it is no property at all: invisible to JSON, Object.keys, Reflect.ownKeys,
// spread, structuredClone and deep equality, impossible to forge or inherit, and as cheap to
// read as a property. The result stays a plain, frozen object (its prototype is
// Object.prototype); the classes below are a stamping device, not a value type. Measured
// (issue #15): a non-enumerable symbol property cost ~165 ns per charge to define, a WeakMap
// ~1 µs in garbage collection; this costs ~5 ns.

/** Hands `target` to the subclass as its `this`, so the subclass's fields land on it. */
class Target {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the stamping idiom described above
    return target;
  }
}

class ExactStamp extends Target {
  readonly #int: number;
  readonly #scale: number;

  constructor(target: object, int: number, scale: number) {
    super(target);
    this.#int = int;
    this.#scale = scale;
  }

  static int(value: object): number | undefined {
    return #int in value ? (value as ExactStamp).#int : undefined;
  }

  static scale(value: object): number {
    return (value as ExactStamp).#scale;
  }

  /** See {@link sumStamped}: here, where the fields are read without a call per element. */
  static sumRun(list: readonly unknown[], scale: number): number {
    let total = 0;
    let index = 0;
    for (; index < list.length; index++) {
      const value = list[index];
      if (typeof value !== "object" || value === null || !(#int in value)) break;
      const stamped = value as ExactStamp;
      if (stamped.#scale !== scale) break;
      const sum = total + stamped.#int;
      if (sum > Number.MAX_SAFE_INTEGER) break;
      total = sum;
    }
    STAMPED_RUN.total = total;
    STAMPED_RUN.end = index;
    return total;
  }
}

/** Where {@link sumStamped} leaves its result: the sum, and the index it stopped at. @internal */
export const STAMPED_RUN = { total: 0, end: 0 };

/**
 * Sums the longest run of `list`, from its start, of stamped results at `scale` whose running
 * sum stays a safe integer (results are never negative): the sum of a million charges in one
 * tight loop. The sum and the index of the first element not summed are left in
 * {@link STAMPED_RUN}.
 *
 * @internal
 */
export function sumStamped(list: readonly unknown[], scale: number): void {
  ExactStamp.sumRun(list, scale);
}

/**
 * Stamps a not-yet-frozen result with its exact amount, `int ÷ 10^scale` (which must equal its
 * `usd`), and returns it. Amounts that are not safe integers are left to be read from `usd`.
 *
 * @internal
 */
export function withExactUsd<T extends { readonly usd: string }>(
  result: T,
  int: number | bigint,
  scale: number,
): T {
  if (typeof int === "number") new ExactStamp(result, int, scale);
  return result;
}

/** A stamped result's scaled integer, or undefined for anything else. @internal */
export function exactInt(value: object): number | undefined {
  return ExactStamp.int(value);
}

/** The scale of a result {@link exactInt} gave an integer for. @internal */
export function exactScale(value: object): number {
  return ExactStamp.scale(value);
}
