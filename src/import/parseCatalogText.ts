import { PricebookError } from "../errors.js";
import { type JsonPath, scanJson } from "./scanJson.js";
import { unrepresentable } from "./unrepresentable.js";

/**
 * The most characters a catalog's JSON text may hold: 64 Mi, forty times LiteLLM's 1.6 MB
 * map. The CLI applies the same cap to a file's bytes and to what a `.gz` inflates to.
 */
export const MAX_CATALOG_CHARS = 64 * 1024 * 1024;

/**
 * How deep objects and arrays may nest in a catalog: real ones nest at most 10 deep
 * (genai-prices: providers › models › prices › tiers, and match rules one `or` deep).
 */
export const MAX_CATALOG_DEPTH = 64;

/**
 * A catalog's JSON text as a value for the importers, refusing what JSON.parse would let
 * through or say badly: a key twice in one object (JSON.parse would silently keep the last,
 * publishing `gpt-4o` at whatever price came second), nesting deeper than
 * {@link MAX_CATALOG_DEPTH}, text longer than {@link MAX_CATALOG_CHARS}. A syntax error is
 * reported by line and column only: no error quotes the text, which may hold anything. A
 * number no double holds (`1e-400`, `1e400`) is kept as a marker the importers report, never
 * as the 0 or Infinity JSON.parse would make of it.
 *
 * @throws PricebookError `INVALID_CATALOG` (not JSON, duplicate key, too deep) or
 *   `LIMIT_EXCEEDED` (too long), each with the path of the offending place.
 *
 * @internal
 */
export function parseCatalogText(text: string): unknown {
  if (text.length > MAX_CATALOG_CHARS) {
    throw new PricebookError(
      "LIMIT_EXCEEDED",
      [],
      `the catalog is ${text.length} characters long, over the limit of ${MAX_CATALOG_CHARS}`,
    );
  }
  const scan = scanJson(text, MAX_CATALOG_DEPTH);
  if (scan.syntax !== undefined) {
    throw new PricebookError(
      "INVALID_CATALOG",
      [],
      `the catalog is not valid JSON: expected ${scan.syntax.expected} at ${where(text, scan.syntax.offset)}`,
    );
  }
  if (scan.duplicate !== undefined) {
    const { path, offset } = scan.duplicate;
    throw new PricebookError(
      "INVALID_CATALOG",
      path,
      `the catalog has a key twice in one object, at ${shown(path)} (${where(text, offset)}); JSON readers disagree on which one counts, so the catalog is refused: remove one`,
    );
  }
  if (scan.tooDeep !== undefined) {
    const { path, offset } = scan.tooDeep;
    throw new PricebookError(
      "INVALID_CATALOG",
      path,
      `the catalog nests objects and arrays more than ${MAX_CATALOG_DEPTH} deep, at ${where(text, offset)}; no catalog format nests that deep`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The scan accepts exactly JSON, so this is not expected; the message still quotes nothing.
    throw new PricebookError("INVALID_CATALOG", [], "the catalog is not valid JSON");
  }
  for (const { path, kind, text: number } of scan.unrepresentable) {
    replaceAt(value, path, unrepresentable(kind, number));
  }
  return value;
}

/** `line 3, column 14`, counted in characters from 1. */
function where(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/** A path as `a.b[2].c`, keys cut at 60 characters and JSON-quoted where not plain. */
export function shown(path: JsonPath): string {
  if (path.length === 0) return "the top level";
  return path
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      const key = part.length > 60 ? `${part.slice(0, 60)}…` : part;
      const plain = /^[A-Za-z0-9_.:@/-]+$/.test(key) ? key : JSON.stringify(key);
      return index === 0 ? plain : `.${plain}`;
    })
    .join("");
}

function replaceAt(root: unknown, path: JsonPath, marker: unknown): void {
  if (path.length === 0) return;
  let parent = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = marker;
}
