import { Dec } from "../money/decimal.js";
import type { Rates } from "../schema/types.js";

/** input × input rate + output × output rate, exact. @internal */
export function windowCost(
  rates: Rates,
  tokens: { readonly input: number; readonly output: number },
): Dec {
  return new Dec(tokens.input).times(rates.input).plus(new Dec(tokens.output).times(rates.output));
}
