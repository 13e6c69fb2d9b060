import type { RateInput } from "../schema/types.js";
import { dropField, type Entry } from "./entry.js";

/** The usage dimensions beyond text tokens that catalogs price. @internal */
export type Dimension = "audioInput" | "audioOutput" | "imageInput" | "webSearch";

/** One such price as a catalog states it, already an exact decimal. @internal */
export type DimensionPrice =
  | {
      readonly dimension: "audioInput" | "audioOutput" | "imageInput";
      readonly field: string;
      readonly rate: RateInput;
    }
  | {
      readonly dimension: "webSearch";
      readonly field: string;
      readonly perCall?: string;
      readonly perThousand?: string;
    };

/**
 * The model fields for prices of audio, image and web-search usage. The one place that knows
 * whether the table format has these dimensions: until it does, each is reported as left
 * out (so such usage is `UNPRICED_USAGE`, never priced at the text rate).
 *
 * @internal
 */
export function dimensionFields(
  entry: Entry,
  prices: readonly DimensionPrice[],
): Record<string, never> {
  for (const price of prices) {
    dropField(entry, price.field, `the table format has no ${price.dimension} price yet`);
  }
  return {};
}
