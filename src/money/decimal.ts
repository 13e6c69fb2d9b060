// The library's own exact decimal: a bigint coefficient and a power-of-ten exponent. It
// replaces a decimal.js clone so that importing the engine costs no third-party module
// (issue #15: the engine must import in at most 1.25× the time decimal.js alone takes), and it
// keeps decimal.js's results digit for digit: the operations the library uses, with the
// clone's settings (precision 100, rounding half-even, plain notation at any exponent).
// `test/decimal.test.ts` checks every operation against decimal.js with random operands.

/** Rounding modes, numbered as decimal.js numbers them. @internal */
export const ROUND_UP = 0;
/** Towards zero. @internal */
export const ROUND_DOWN = 1;
/** Towards +∞. @internal */
export const ROUND_CEIL = 2;
/** Towards −∞. @internal */
export const ROUND_FLOOR = 3;
/** To nearest, a tie away from zero. @internal */
export const ROUND_HALF_UP = 4;
/** To nearest, a tie towards zero. @internal */
export const ROUND_HALF_DOWN = 5;
/** To nearest, a tie to even (banker's). @internal */
export const ROUND_HALF_EVEN = 6;

/** One of the seven rounding modes. @internal */
export type Rounding = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** What a decimal may be made from: a decimal, a decimal string or a finite number. @internal */
export type DecValue = Dec | string | number;

/** The significant digits `plus`, `minus`, `times`, `div` and `pow` round to (decimal.js's precision). */
const PRECISION = 100;

/** A decimal string as decimal.js reads it: sign, digits, fraction, exponent (`"1.5e-7"`). */
const TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

const POWERS: bigint[] = [];

/** 10^n as a bigint (n ≥ 0), the first 64 cached. */
function pow10(n: number): bigint {
  if (n < 64) {
    let power = POWERS[n];
    if (power === undefined) {
      power = 10n ** BigInt(n);
      POWERS[n] = power;
    }
    return power;
  }
  return 10n ** BigInt(n);
}

/** The number of decimal digits of a positive bigint. */
function digitsOf(n: bigint): number {
  return n.toString().length;
}

/**
 * An exact decimal, `c × 10^e`: immutable, of any length. The methods that decimal.js rounds
 * to its precision (`plus`, `minus`, `times`, `div`, `pow`) round to 100 significant digits,
 * half-even, as the clone this replaces did; `src/money/exact.ts` has the exact forms. Zero
 * has no sign.
 *
 * @internal
 */
export class Dec {
  /** The coefficient. */
  readonly c: bigint;
  /** The exponent: the value is `c × 10^e`. */
  readonly e: number;

  /**
   * A decimal from a decimal string (an exponent is allowed: `"1.5e-7"`), a finite number
   * (through its shortest round-trip form), another decimal, or a coefficient and exponent.
   */
  constructor(value: DecValue | bigint, e = 0) {
    if (typeof value === "bigint") {
      this.c = value;
      this.e = value === 0n ? 0 : e;
      return;
    }
    if (typeof value === "object") {
      this.c = value.c;
      this.e = value.e;
      return;
    }
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new Error(`[Dec] not a finite number: ${value}`);
    }
    const text = typeof value === "number" ? String(value) : value;
    const parts = TEXT.exec(text);
    if (parts === null) throw new Error(`[Dec] not a decimal: ${JSON.stringify(text)}`);
    const fraction = parts[3] ?? "";
    const int = BigInt(parts[2] + fraction);
    this.c = parts[1] === "-" ? -int : int;
    this.e = int === 0n ? 0 : Number(parts[4] ?? 0) - fraction.length;
  }

  /** The larger of decimals (the first of equals). */
  static max(...values: DecValue[]): Dec {
    let best = toDec(values[0] as DecValue);
    for (let i = 1; i < values.length; i++) {
      const value = toDec(values[i] as DecValue);
      if (compare(value, best) > 0) best = value;
    }
    return best;
  }

  /** this + y, rounded to 100 significant digits. */
  plus(y: DecValue): Dec {
    return roundToPrecision(add(this, toDec(y)), PRECISION);
  }

  /** this − y, rounded to 100 significant digits. */
  minus(y: DecValue): Dec {
    return roundToPrecision(add(this, negate(toDec(y))), PRECISION);
  }

  /** this × y, rounded to 100 significant digits. */
  times(y: DecValue): Dec {
    return roundToPrecision(multiply(this, toDec(y)), PRECISION);
  }

  /** this ÷ y (y ≠ 0), rounded half-even to 100 significant digits. */
  div(y: DecValue): Dec {
    return quotient(this, toDec(y), PRECISION);
  }

  /** this^n for an integer n, rounded to 100 significant digits. */
  pow(n: number): Dec {
    if (!Number.isInteger(n)) throw new Error(`[Dec] only integer powers, got ${n}`);
    const power = new Dec(this.c ** BigInt(Math.abs(n)), this.e * Math.abs(n));
    return n >= 0 ? roundToPrecision(power, PRECISION) : quotient(ONE, power, PRECISION);
  }

  /** The least integer not below this. */
  ceil(): Dec {
    return roundAt(this, 0, ROUND_CEIL);
  }

  /** Rounded to `places` decimal places (half-even unless a mode is given). */
  toDecimalPlaces(places: number, mode: Rounding = ROUND_HALF_EVEN): Dec {
    return roundAt(this, -places, mode);
  }

  /** -1, 0 or 1 as this is below, equal to or above y. */
  cmp(y: DecValue): number {
    return compare(this, toDec(y));
  }

  eq(y: DecValue): boolean {
    return compare(this, toDec(y)) === 0;
  }

  gt(y: DecValue): boolean {
    return compare(this, toDec(y)) > 0;
  }

  gte(y: DecValue): boolean {
    return compare(this, toDec(y)) >= 0;
  }

  lt(y: DecValue): boolean {
    return compare(this, toDec(y)) < 0;
  }

  lte(y: DecValue): boolean {
    return compare(this, toDec(y)) <= 0;
  }

  isZero(): boolean {
    return this.c === 0n;
  }

  isNegative(): boolean {
    return this.c < 0n;
  }

  isInteger(): boolean {
    return this.e >= 0 || this.c % pow10(-this.e) === 0n;
  }

  /** The number of significant digits, trailing zeros not counted (1 for zero). */
  sd(): number {
    return this.c === 0n ? 1 : trimZeros(magnitude(this.c).toString()).length;
  }

  /** The nearest JS number: for display and layout only, never for an amount. */
  toNumber(): number {
    return Number(`${this.c}e${this.e}`);
  }

  /**
   * Plain notation (never an exponent): all digits, trailing zeros trimmed; or, given
   * `places`, rounded half-even to that many decimal places and padded to them. A negative
   * value that rounds to zero keeps its sign (`"-0.00"`), as decimal.js's does.
   */
  toFixed(places?: number): string {
    const sign = this.c < 0n ? "-" : "";
    if (places === undefined) {
      if (this.c === 0n) return "0";
      let digits = magnitude(this.c).toString();
      let e = this.e;
      const trimmed = trimZeros(digits);
      e += digits.length - trimmed.length;
      digits = trimmed;
      if (e >= 0) return sign + digits + "0".repeat(e);
      const point = digits.length + e;
      return point > 0
        ? `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
        : `${sign}0.${"0".repeat(-point)}${digits}`;
    }
    const rounded = roundAt(this, -places, ROUND_HALF_EVEN);
    const digits = (magnitude(rounded.c) * pow10(rounded.e + places)).toString();
    if (places === 0) return sign + digits;
    const padded = digits.padStart(places + 1, "0");
    const point = padded.length - places;
    return `${sign}${padded.slice(0, point)}.${padded.slice(point)}`;
  }

  /** Plain notation, as {@link Dec.toFixed} with no argument. */
  toString(): string {
    return this.toFixed();
  }

  valueOf(): string {
    return this.toFixed();
  }

  toJSON(): string {
    return this.toFixed();
  }
}

/** Zero, shared: decimals are immutable. @internal */
export const ZERO: Dec = /* @__PURE__ */ new Dec(0n);

const ONE: Dec = /* @__PURE__ */ new Dec(1n);

/** A value as a decimal (itself, if it is one). @internal */
export function toDec(value: DecValue): Dec {
  return typeof value === "object" ? value : new Dec(value);
}

function magnitude(c: bigint): bigint {
  return c < 0n ? -c : c;
}

function trimZeros(digits: string): string {
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end -= 1;
  return end === digits.length ? digits : digits.slice(0, end);
}

function negate(x: Dec): Dec {
  return new Dec(-x.c, x.e);
}

/** x + y, exact. @internal */
export function add(x: Dec, y: Dec): Dec {
  if (y.c === 0n) return x;
  if (x.c === 0n) return y;
  if (x.e === y.e) return new Dec(x.c + y.c, x.e);
  return x.e > y.e
    ? new Dec(x.c * pow10(x.e - y.e) + y.c, y.e)
    : new Dec(x.c + y.c * pow10(y.e - x.e), x.e);
}

/** x − y, exact. @internal */
export function subtract(x: Dec, y: Dec): Dec {
  return add(x, negate(y));
}

/** x × y, exact. @internal */
export function multiply(x: Dec, y: Dec): Dec {
  return new Dec(x.c * y.c, x.e + y.e);
}

/** -1, 0 or 1 as x is below, equal to or above y. @internal */
export function compare(x: Dec, y: Dec): number {
  const difference =
    x.e === y.e
      ? x.c - y.c
      : x.e > y.e
        ? x.c * pow10(x.e - y.e) - y.c
        : x.c - y.c * pow10(y.e - x.e);
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

/**
 * Whether a magnitude whose dropped part is `rest ÷ unit` (0 < rest < unit) rounds away from
 * zero: `kept` is the part kept, `negative` the value's sign.
 */
function roundsAway(
  kept: bigint,
  rest: bigint,
  unit: bigint,
  negative: boolean,
  mode: Rounding,
): boolean {
  if (mode === ROUND_UP) return true;
  if (mode === ROUND_DOWN) return false;
  if (mode === ROUND_CEIL) return !negative;
  if (mode === ROUND_FLOOR) return negative;
  const twice = rest * 2n;
  if (twice !== unit) return twice > unit;
  return mode === ROUND_HALF_UP || (mode === ROUND_HALF_EVEN && (kept & 1n) === 1n);
}

/** x rounded to a multiple of 10^e in the given mode. @internal */
export function roundAt(x: Dec, e: number, mode: Rounding): Dec {
  if (x.e >= e) return x;
  const unit = pow10(e - x.e);
  const negative = x.c < 0n;
  const m = negative ? -x.c : x.c;
  let kept = m / unit;
  const rest = m % unit;
  if (rest !== 0n && roundsAway(kept, rest, unit, negative, mode)) kept += 1n;
  return new Dec(negative ? -kept : kept, e);
}

/** x rounded half-even to `precision` significant digits. */
function roundToPrecision(x: Dec, precision: number): Dec {
  const m = magnitude(x.c);
  if (m < pow10(precision)) return x;
  return roundAt(x, x.e + digitsOf(m) - precision, ROUND_HALF_EVEN);
}

/**
 * x ÷ y (y ≠ 0) correctly rounded half-even to `precision` significant digits: exact when the
 * quotient has no more digits. Long division in bigints: the dividend is scaled so the integer
 * quotient has `precision` or `precision` + 1 digits, and the remainder decides the rounding.
 *
 * @internal
 */
export function quotient(x: Dec, y: Dec, precision: number): Dec {
  if (y.c === 0n) throw new Error("[Dec] division by zero");
  if (x.c === 0n) return ZERO;
  const negative = x.c < 0n !== y.c < 0n;
  const a = magnitude(x.c);
  let divisor = magnitude(y.c);
  // a × 10^k ÷ divisor lies in (10^(precision−1), 10^(precision+1)).
  const k = precision - digitsOf(a) + digitsOf(divisor);
  let dividend = a;
  if (k >= 0) dividend = a * pow10(k);
  else divisor *= pow10(-k);
  let kept = dividend / divisor;
  let rest = dividend % divisor;
  let e = x.e - y.e - k;
  if (kept >= pow10(precision)) {
    // One digit too many: it joins the remainder.
    rest += (kept % 10n) * divisor;
    divisor *= 10n;
    kept /= 10n;
    e += 1;
  }
  if (rest !== 0n && roundsAway(kept, rest, divisor, negative, ROUND_HALF_EVEN)) kept += 1n;
  return new Dec(negative ? -kept : kept, e);
}
