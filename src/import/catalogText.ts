import { duplicateKeys } from "../catalog/duplicateKeys.js";
import { PricebookError } from "../errors.js";

/**
 * Parses a catalog's JSON text, strictly: a duplicated key (JSON.parse keeps the last, which
 * would let a catalog publish a model twice) and a number that JSON.parse would turn into 0 or
 * Infinity (`1e-400`, `1e400`) are `INVALID_CATALOG` with their place; a syntax error says
 * where it is, never what the file holds (a catalog may carry a secret).
 *
 * @throws PricebookError `INVALID_CATALOG`
 * @internal
 */
export function parseCatalogText(text: string, name = "the catalog"): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PricebookError("INVALID_CATALOG", [], `${name} is not JSON: ${where(text, error)}`);
  }
  const duplicates = duplicateKeys(text);
  if (duplicates.length > 0) {
    const [first] = duplicates;
    throw new PricebookError(
      "INVALID_CATALOG",
      first?.path ?? [],
      `${name} has ${duplicates.length} duplicated key(s) (JSON keeps only the last): ${duplicates
        .slice(0, 5)
        .map((issue) => issue.path.join("."))
        .join(", ")}`,
      { issues: duplicates.map((issue) => ({ ...issue, code: "INVALID_CATALOG" as const })) },
    );
  }
  const lost = lostNumber(text);
  if (lost !== null) {
    throw new PricebookError(
      "INVALID_CATALOG",
      [],
      `${name} has a number JSON cannot hold (${lost.what}) at line ${lost.line}, column ${lost.column}: it would be read as ${lost.what === "too small" ? "0" : "Infinity"}`,
    );
  }
  return data;
}

/** The first number literal with an exponent that a double turns into 0 or Infinity. */
function lostNumber(
  text: string,
): { what: "too small" | "too large"; line: number; column: number } | null {
  // Only numbers with an exponent can leave a double's range within a sane length; strings are
  // skipped so a model name such as "1e-400" is not taken for a number.
  const literal = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?(\d+(?:\.\d+)?)[eE][-+]?\d+/g;
  for (let match = literal.exec(text); match !== null; match = literal.exec(text)) {
    if (match[1] === undefined) continue;
    const value = Number(match[0]);
    const zero = value === 0 && /[1-9]/.test(match[1]);
    if (!zero && Number.isFinite(value)) continue;
    const before = text.slice(0, match.index);
    const line = before.split("\n").length;
    return {
      what: zero ? "too small" : "too large",
      line,
      column: match.index - before.lastIndexOf("\n"),
    };
  }
  return null;
}

/** Where JSON.parse stopped, from its message's position; never the text it quotes. */
function where(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/end of (JSON )?input|unterminated/i.test(message)) return "it ends too soon";
  const match = /position (\d+)/.exec(message);
  if (match === null) return "a character where JSON does not allow one";
  const position = Number(match[1]);
  const before = text.slice(0, position);
  return `a character where JSON does not allow one, at line ${before.split("\n").length}, column ${position - before.lastIndexOf("\n")}`;
}
