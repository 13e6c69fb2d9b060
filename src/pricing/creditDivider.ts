import { divide } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { formatScaled, POW10, parseScaled, pow10n } from "../money/scaled.js";

/**
 * Division by a credit's unit price, compiled once per price. For a price u ÷ 10^k whose
 * numerator has no prime factors but 2 and 5 (0.0032 = 32 ÷ 10^4), every quotient terminates:
 * x ÷ price = x × c ÷ 10^(e − k), where 10^e = c × u. So dividing is one integer multiply.
 * Any other price divides in the exact decimal (`divide`: at least 100 significant digits).
 *
 * @internal
 */
export interface Divider {
  readonly exact: boolean;
  readonly c: number;
  readonly cBig: bigint;
  /** e − k: added to the dividend's scale. */
  readonly shift: number;
  readonly unitPrice: string;
}

const dividers = new Map<string, Divider>();

/** @internal */
export function dividerOf(unitPrice: string): Divider {
  const cached = dividers.get(unitPrice);
  if (cached !== undefined) return cached;
  const { int, scale } = parseScaled(unitPrice);
  let rest = int;
  let twos = 0;
  let fives = 0;
  while (rest > 0n && rest % 2n === 0n) {
    rest /= 2n;
    twos += 1;
  }
  while (rest > 0n && rest % 5n === 0n) {
    rest /= 5n;
    fives += 1;
  }
  const e = Math.max(twos, fives);
  const cBig = rest === 1n ? pow10n(e) / int : 0n;
  const divider = {
    exact: rest === 1n,
    c: Number(cBig),
    cBig,
    shift: e - scale,
    unitPrice,
  };
  dividers.set(unitPrice, divider);
  return divider;
}

/** (int ÷ 10^scale) ÷ unitPrice as a plain decimal string, exact when it terminates. @internal */
export function divideByUnitPrice(int: number | bigint, scale: number, unitPrice: string): string {
  return divideBy(dividerOf(unitPrice), int, scale);
}

/** {@link divideByUnitPrice} with the divider already looked up. @internal */
export function divideBy(divider: Divider, int: number | bigint, scale: number): string {
  if (!divider.exact) return formatDecimal(divide(formatScaled(int, scale), divider.unitPrice));
  let newScale = scale + divider.shift;
  if (typeof int === "number" && divider.c <= Number.MAX_SAFE_INTEGER) {
    let product = int * divider.c;
    if (newScale < 0 && -newScale < POW10.length) {
      product *= POW10[-newScale] as number;
      newScale = 0;
    }
    if (product <= Number.MAX_SAFE_INTEGER && newScale >= 0) return formatScaled(product, newScale);
  }
  let big = BigInt(int) * divider.cBig;
  newScale = scale + divider.shift;
  if (newScale < 0) {
    big *= pow10n(-newScale);
    newScale = 0;
  }
  return formatScaled(big, newScale);
}
