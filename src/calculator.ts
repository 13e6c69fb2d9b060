// `llm-pricebook/calculator`: the <llm-pricebook-calculator> custom element for docs sites. It
// prices with the engine (no built-in table, no zod). Importing it registers the element where
// there is a DOM, and does nothing elsewhere (Node, server renders): the one side effect of the
// package, listed in package.json's "sideEffects".

import { defineCalculator } from "./calculator/defineCalculator.js";

export {
  type CalculatorEntries,
  type CalculatorFigures,
  calculatorFigures,
} from "./calculator/calculatorFigures.js";
export {
  CALCULATOR_TAG,
  defineCalculator,
  type PricebookCalculatorElement,
} from "./calculator/defineCalculator.js";
export { compileTable } from "./catalog/compileTable.js";
export type * from "./schema/types.js";

defineCalculator();
