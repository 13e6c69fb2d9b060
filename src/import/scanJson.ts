// One linear pass over a JSON text, before JSON.parse sees it, finding what JSON.parse would
// hide or say badly: the first syntax error (as an offset, never as the text around it), a key
// twice in one object (JSON.parse keeps the last), nesting past a cap (so no later step
// recurses deeply), and numbers no double holds (`1e-400` reads as 0, `1e400` as Infinity).
// Iterative: its memory is one frame per open object or array.

/** A path into the JSON value: keys and indexes, outermost first. @internal */
export type JsonPath = (string | number)[];

/** What {@link scanJson} found; at most one of `syntax`, `duplicate`, `tooDeep`. @internal */
export interface JsonScan {
  /** The offset of the first syntax error, and what was expected there. */
  readonly syntax?: { readonly offset: number; readonly expected: string };
  /** The first key found twice in one object. */
  readonly duplicate?: { readonly offset: number; readonly path: JsonPath };
  /** The first object or array opened past `maxDepth`. */
  readonly tooDeep?: { readonly offset: number; readonly path: JsonPath };
  /** Every number no double holds, with its path and its text. */
  readonly unrepresentable: { path: JsonPath; kind: "underflow" | "overflow"; text: string }[];
}

interface Frame {
  readonly keys: Set<string> | null;
  index: number;
  key: string;
}

// Deterministic (each part can only start where the one before ends), so it cannot backtrack.
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const MANTISSA_NOT_ZERO = /^-?[0-9.]*[1-9]/;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX4 = /[0-9a-fA-F]{4}/y;
/** A run of string characters that need no look: no quote, backslash or control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold them raw.
const PLAIN = /[^"\\\u0000-\u001f]*/y;

/**
 * Scans `text` as JSON (RFC 8259): see {@link JsonScan}.
 *
 * @internal
 */
export function scanJson(text: string, maxDepth: number): JsonScan {
  const stack: Frame[] = [];
  const found: JsonScan["unrepresentable"] = [];
  const path = (): JsonPath => stack.map((f) => (f.keys === null ? f.index : f.key));
  const syntax = (offset: number, expected: string): JsonScan => ({
    syntax: { offset, expected },
    unrepresentable: found,
  });
  let i = 0;
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i += 1;
      else return;
    }
  };
  // The end of the string starting at i (a quote), or -1 where it is malformed (at `i`).
  const stringEnd = (): number => {
    let j = i + 1;
    for (;;) {
      PLAIN.lastIndex = j;
      PLAIN.test(text);
      j = PLAIN.lastIndex;
      if (j >= text.length) return -1;
      const c = text.charCodeAt(j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) return -1 - j;
      if (c === 0x5c) {
        const next = text[j + 1] ?? "";
        if (next === "u") {
          HEX4.lastIndex = j + 2;
          if (!HEX4.test(text)) return -1 - j;
          j += 6;
        } else if (ESCAPES.has(next)) j += 2;
        else return -1 - j;
      } else j += 1;
    }
  };
  // What is due next: a value, a key (after "," in an object), either one or the close (just
  // after "{" or "["), or, after a value, "," or the close.
  let due: "value" | "key" | "keyOrClose" | "valueOrClose" | "after" = "value";
  for (;;) {
    skipSpace();
    const top = stack.at(-1);
    if (due === "after") {
      if (top === undefined) {
        return i < text.length ? syntax(i, "the end of the text") : { unrepresentable: found };
      }
      const close = top.keys === null ? "]" : "}";
      if (text[i] === close) {
        stack.pop();
        i += 1;
        continue;
      }
      if (text[i] !== ",") return syntax(i, `"," or "${close}"`);
      i += 1;
      if (top.keys === null) {
        top.index += 1;
        due = "value";
      } else due = "key";
      continue;
    }
    if ((due === "keyOrClose" && text[i] === "}") || (due === "valueOrClose" && text[i] === "]")) {
      stack.pop();
      i += 1;
      due = "after";
      continue;
    }
    if (due === "key" || due === "keyOrClose") {
      const keys = (top as Frame).keys as Set<string>;
      if (text[i] !== '"') return syntax(i, "a property name in double quotes");
      const end = stringEnd();
      if (end < 0) return syntax(end === -1 ? text.length : -1 - end, "a closed string");
      const raw = text.slice(i + 1, end - 1);
      const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end)) as string) : raw;
      (top as Frame).key = key;
      if (keys.has(key)) return { duplicate: { offset: i, path: path() }, unrepresentable: found };
      keys.add(key);
      i = end;
      skipSpace();
      if (text[i] !== ":") return syntax(i, '":"');
      i += 1;
      due = "value";
      continue;
    }
    const c = text[i];
    if (c === "{" || c === "[") {
      if (stack.length >= maxDepth) {
        return { tooDeep: { offset: i, path: path() }, unrepresentable: found };
      }
      stack.push({ keys: c === "{" ? new Set() : null, index: 0, key: "" });
      i += 1;
      due = c === "{" ? "keyOrClose" : "valueOrClose";
      continue;
    }
    if (c === '"') {
      const end = stringEnd();
      if (end < 0) return syntax(end === -1 ? text.length : -1 - end, "a closed string");
      i = end;
    } else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (match === null) return syntax(i, "a number");
      const token = match[0];
      const value = Number(token);
      if (value === 0 && MANTISSA_NOT_ZERO.test(token.split(/[eE]/)[0] as string)) {
        found.push({ path: path(), kind: "underflow", text: token });
      } else if (!Number.isFinite(value)) {
        found.push({ path: path(), kind: "overflow", text: token });
      }
      i += token.length;
    } else if (text.startsWith("true", i)) i += 4;
    else if (text.startsWith("false", i)) i += 5;
    else if (text.startsWith("null", i)) i += 4;
    else return syntax(i, i >= text.length ? "a value (the text ended)" : "a value");
    due = "after";
  }
}
