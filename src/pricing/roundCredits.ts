import Decimal from "decimal.js";
import { pricebookError } from "../errors.js";
import type { Dec } from "../money/decimal.js";
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

/** @internal */
export function roundCreditsDecimal(value: Dec, policy: CreditRoundingInput): Dec {
  const kind = policy?.policy;
  if (kind === "none") return value;
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
  const steps = value
    .div(step)
    .toDecimalPlaces(0, kind === "up" ? Decimal.ROUND_CEIL : Decimal.ROUND_HALF_EVEN);
  return steps.times(step);
}
