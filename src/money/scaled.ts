// Scaled integers: a decimal value as an integer and a scale, value = int ÷ 10^scale. The hot
// paths (charge, quote, sums) compute in these — `number` while every step stays a safe
// integer, `bigint` beyond — and turn them into decimal strings only at the edge. Every result
// equals decimal.js's digit for digit; a property test checks it.

/** 10^0 … 10^15 as exact numbers. */
export const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** "0.", "0.0", "0.00", … : the start of an amount below 1 with n zeros after the point. */
const BELOW_ONE: readonly string[] = Array.from({ length: 16 }, (_, i) => `0.${"0".repeat(i)}`);

/** ".", ".0", ".00", … : the point and n zeros, between the whole and the fraction's digits. */
const POINT_ZEROS: readonly string[] = Array.from({ length: 16 }, (_, i) => `.${"0".repeat(i)}`);

/** 10^n as a bigint. @internal */
export function pow10n(n: number): bigint {
  return 10n ** BigInt(n);
}

/**
 * A scaled integer in plain decimal notation, trailing zeros trimmed: (24000, 8) → "0.00024".
 * `int` is a safe integer (`number`) or a `bigint`; `scale` ≥ 0.
 *
 * @internal
 */
export function formatScaled(int: number | bigint, scale: number): string {
  if (typeof int === "number" && int > 0 && int <= 0x7fffffff && scale < POW10.length) {
    // The hot case: a positive small integer (31 bits: integer arithmetic in V8). Trailing
    // zeros are trimmed in arithmetic and the whole and fractional parts converted separately.
    // Larger numbers are faster converted once and cut as a string, below.
    let value = int | 0;
    let places = scale;
    // In 32-bit integer operations (value < 2^31): truncating division, not a float modulo.
    while (places > 0) {
      const tenth = (value / 10) | 0;
      if (tenth * 10 !== value) break;
      value = tenth;
      places -= 1;
    }
    if (places === 0) return `${value}`;
    const unit = POW10[places] as number;
    // Below 1 (most charges): one conversion and one concatenation, "0.000" + "24".
    if (value < unit) {
      const digits = `${value}`;
      return (BELOW_ONE[places - digits.length] as string) + digits;
    }
    // unit ≤ value < 2^31, so unit fits 32 bits too and the truncated quotient is exact.
    const whole = (value / unit) | 0;
    const fraction = value - whole * unit;
    const digits = `${fraction}`;
    return `${whole}${POINT_ZEROS[places - digits.length] as string}${digits}`;
  }
  if (int === 0 || int === 0n) return "0";
  const negative = int < 0;
  // An integer's digits: a safe integer (< 2^53 < 1e21) or a bigint never prints an exponent.
  let digits = (negative ? -int : int).toString();
  let places = scale;
  let end = digits.length;
  while (places > 0 && digits.charCodeAt(end - 1) === 48) {
    end -= 1;
    places -= 1;
  }
  if (end !== digits.length) digits = digits.slice(0, end);
  const sign = negative ? "-" : "";
  if (places === 0) return sign + digits;
  const point = digits.length - places;
  if (point > 0) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  if (sign === "" && -point < BELOW_ONE.length) return (BELOW_ONE[-point] as string) + digits;
  return `${sign}0.${"0".repeat(-point)}${digits}`;
}

/**
 * A decimal string (`-?digits(.digits)?`, already validated) as a scaled bigint.
 *
 * @internal
 */
export function parseScaled(text: string): { readonly int: bigint; readonly scale: number } {
  const point = text.indexOf(".");
  if (point === -1) return { int: BigInt(text), scale: 0 };
  return {
    int: BigInt(text.slice(0, point) + text.slice(point + 1)),
    scale: text.length - point - 1,
  };
}
