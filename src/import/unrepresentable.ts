// A number a catalog's JSON text holds that no JSON float can: `1e-400` (JSON.parse reads 0)
// or `1e400` (Infinity). parseCatalogText puts one of these where the number was, so the
// importer reports the price instead of reading a silent 0.

const MARK: unique symbol = Symbol("llm-pricebook.unrepresentable");

/** A catalog number no double can hold, in place of what JSON.parse made of it. @internal */
export interface Unrepresentable {
  readonly [MARK]: true;
  /** `underflow`: not 0, yet below every double; `overflow`: beyond the largest one. */
  readonly kind: "underflow" | "overflow";
  /** The number as the text wrote it (cut at 40 characters). */
  readonly text: string;
}

/** @internal */
export function unrepresentable(kind: Unrepresentable["kind"], text: string): Unrepresentable {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return Object.freeze({ [MARK]: true as const, kind, text: shown });
}

/** True for a value made by {@link unrepresentable}. @internal */
export function isUnrepresentable(value: unknown): value is Unrepresentable {
  return typeof value === "object" && value !== null && MARK in value;
}
