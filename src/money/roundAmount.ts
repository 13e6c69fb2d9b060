import { pricebookError } from "../errors.js";
import {
  ROUND_CEIL,
  ROUND_DOWN,
  ROUND_FLOOR,
  ROUND_HALF_DOWN,
  ROUND_HALF_EVEN,
  ROUND_HALF_UP,
  ROUND_UP,
  type Rounding,
} from "./decimal.js";
import { formatDecimal } from "./formatDecimal.js";
import { type DecimalInput, toDecimal } from "./toDecimal.js";

/**
 * How to round: `half-even` (banker's), `half-up` (away from zero on a tie), `half-down`,
 * `up` (away from zero), `down` (towards zero), `ceil` (towards +∞), `floor` (towards −∞).
 */
export type RoundingMode = "half-even" | "half-up" | "half-down" | "up" | "down" | "ceil" | "floor";

/** The rounding modes, in a stable order. */
export const ROUNDING_MODES: readonly RoundingMode[] = /* @__PURE__ */ Object.freeze([
  "half-even",
  "half-up",
  "half-down",
  "up",
  "down",
  "ceil",
  "floor",
]);

const DECIMAL_MODE: Readonly<Record<RoundingMode, Rounding>> = {
  "half-even": ROUND_HALF_EVEN,
  "half-up": ROUND_HALF_UP,
  "half-down": ROUND_HALF_DOWN,
  up: ROUND_UP,
  down: ROUND_DOWN,
  ceil: ROUND_CEIL,
  floor: ROUND_FLOOR,
};

/** Options of {@link roundAmount}. */
export interface RoundAmountOptions {
  /** Decimal places to keep, an integer from 0 to 100 (2 for cents, 6 for micro-dollars). */
  readonly scale: number;
  /** The rounding mode; there is no default, so every rounding is a decision. */
  readonly mode: RoundingMode;
}

/**
 * Rounds an amount to `scale` decimal places in the caller's mode. The only place the
 * library rounds money is where a caller asks for it, here or through an option that names
 * a scale and a mode. The result keeps exactly `scale` places (`"0.10"`).
 *
 * @example
 * roundAmount("0.0125", { scale: 2, mode: "half-even" });
 * //=> "0.01"
 */
export function roundAmount(amount: DecimalInput, options: RoundAmountOptions): string {
  const value = toDecimal(amount, ["amount"]);
  const { scale, mode } = options ?? ({} as RoundAmountOptions);
  if (
    typeof scale !== "number" ||
    !Number.isInteger(scale) ||
    scale < 0 ||
    scale > 100 ||
    Object.is(scale, -0)
  ) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["scale"],
      `expected an integer from 0 to 100, got ${String(scale)}`,
    );
  }
  return formatDecimal(value.toDecimalPlaces(scale, roundingOf(mode)), scale);
}

/** @internal the rounding constant for a mode, or INVALID_ARGUMENT. */
export function roundingOf(mode: unknown, path: readonly (string | number)[] = ["mode"]) {
  if (typeof mode !== "string" || !Object.hasOwn(DECIMAL_MODE, mode)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      path,
      `unknown rounding mode ${JSON.stringify(mode)}; use one of ${ROUNDING_MODES.join(", ")}`,
    );
  }
  return DECIMAL_MODE[mode as RoundingMode];
}
