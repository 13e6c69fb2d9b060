import { pricebookError } from "../errors.js";
import type { Dec } from "../money/decimal.js";
import { divide, divideToInteger, minus, plus, times } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { type DecimalInput, toDecimal } from "../money/toDecimal.js";
import type { CreditRoundingInput } from "../schema/types.js";

/**
 * Rounds credits by a named policy: `none` (unchanged), `up` to a whole step (default step 1:
 * 5.9375 → 6; step 0.5: 5.9375 → 6, 5.2 → 5.5), or `half-even` to a step (5.9375 → 6,
 * 2.5 → 2). Rounding of credits is never implicit: a table names its policy, and the default
 * (up to a whole credit) is stated in its compiled form.
 *
 * @example
 * roundCredits("5.9375", { policy: "up", step: "0.5" });
 * //=> "6"
 */
export function roundCredits(credits: DecimalInput, policy: CreditRoundingInput): string {
  const value = toDecimal(credits, ["credits"]);
  if (value.isNegative()) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["credits"],
      `expected credits of 0 or more, got ${formatDecimal(value)}`,
    );
  }
  return formatDecimal(roundCreditsDecimal(value, policy));
}

/**
 * `value` (÷ `divisor`, when given: credits from USD at a unit price) rounded by the policy.
 * The quotient is never formed before rounding, so rounding is exact at any length.
 *
 * @internal
 */
export function roundCreditsDecimal(
  value: Dec,
  policy: CreditRoundingInput,
  divisor?: Dec | string,
): Dec {
  const kind = policy?.policy;
  if (kind === "none") return divisor === undefined ? value : divide(value, divisor);
  if (kind !== "up" && kind !== "half-even") {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["policy"],
      'unknown credit rounding policy; use "none", "up" or "half-even"',
    );
  }
  const step = toDecimal(
    ("step" in policy ? policy.step : undefined) ?? "1",
    ["policy", "step"],
    "INVALID_ARGUMENT",
  );
  if (step.lte(0)) {
    throw pricebookError("INVALID_ARGUMENT", ["policy", "step"], "a rounding step must be above 0");
  }
  return times(stepsOf(value, divisor === undefined ? step : times(divisor, step), kind), step);
}

/**
 * How many whole steps `value` (≥ 0) rounds to, exactly at any length: the integer quotient
 * and the remainder decide, never a rounded quotient (which could round a long value down
 * and make "up" return less than its input).
 */
function stepsOf(value: Dec, step: Dec, kind: "up" | "half-even"): Dec {
  // `step` here is the step in units of `value` (the credit step × the unit price, if any).
  const whole = divideToInteger(value, step);
  const rest = minus(value, times(whole, step));
  if (rest.isZero()) return whole;
  if (kind === "up") return plus(whole, 1);
  const twice = times(rest, 2);
  const odd = whole.toFixed().charCodeAt(whole.toFixed().length - 1) % 2 === 1;
  const away = twice.gt(step) || (twice.eq(step) && odd);
  return away ? plus(whole, 1) : whole;
}
