import type { Dec } from "../money/decimal.js";
import { plus, times } from "../money/exact.js";
import type { Rates } from "../schema/types.js";

/** input × input rate + output × output rate, exact at any length. @internal */
export function windowCost(
  rates: Rates,
  tokens: { readonly input: number; readonly output: number },
): Dec {
  return plus(times(tokens.input, rates.input), times(tokens.output, rates.output));
}
