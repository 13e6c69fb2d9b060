// The parser of the regex subset safeRegex compiles (see there): a pattern to a tree, or an
// Unsupported naming the first construct outside the subset.

/** A character test: inclusive code-unit ranges, negated or not. @internal */
export interface CharSet {
  readonly ranges: readonly (readonly [number, number])[];
  readonly negated: boolean;
}

/** A parsed pattern. @internal */
export type Node =
  | { readonly t: "char"; readonly set: CharSet }
  | { readonly t: "bol" }
  | { readonly t: "eol" }
  | { readonly t: "cat"; readonly items: readonly Node[] }
  | { readonly t: "alt"; readonly items: readonly Node[] }
  | { readonly t: "rep"; readonly item: Node; readonly min: number; readonly max: number };

const MAX_REPEAT = 100;

const DIGIT: CharSet["ranges"] = [[0x30, 0x39]];
const WORD: CharSet["ranges"] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
// RegExp's \s: WhiteSpace and LineTerminator.
const SPACE: CharSet["ranges"] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const LINE_END: CharSet = {
  ranges: [
    [0x0a, 0x0a],
    [0x0d, 0x0d],
    [0x2028, 0x2029],
  ],
  negated: true,
};
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
const CLASS_ESCAPES: Readonly<Record<string, CharSet>> = {
  d: { ranges: DIGIT, negated: false },
  D: { ranges: DIGIT, negated: true },
  w: { ranges: WORD, negated: false },
  W: { ranges: WORD, negated: true },
  s: { ranges: SPACE, negated: false },
  S: { ranges: SPACE, negated: true },
};

/** Thrown for anything outside the subset; safeRegex turns it into a reason. @internal */
export class Unsupported {
  constructor(readonly reason: string) {}
}

/** `pattern` as a tree. @throws Unsupported @internal */
export function parse(pattern: string): Node {
  let i = 0;
  const fail = (what: string): never => {
    throw new Unsupported(`${what} at character ${i + 1}`);
  };
  const alternation = (): Node => {
    const items = [concatenation()];
    while (pattern[i] === "|") {
      i += 1;
      items.push(concatenation());
    }
    return items.length === 1 ? (items[0] as Node) : { t: "alt", items };
  };
  const concatenation = (): Node => {
    const items: Node[] = [];
    while (i < pattern.length && pattern[i] !== "|" && pattern[i] !== ")") {
      items.push(quantified(atom()));
    }
    return { t: "cat", items };
  };
  const atom = (): Node => {
    const c = pattern[i] as string;
    i += 1;
    if (c === "^") return { t: "bol" };
    if (c === "$") return { t: "eol" };
    if (c === ".") return { t: "char", set: LINE_END };
    if (c === "[") return { t: "char", set: charClass() };
    if (c === "\\") return { t: "char", set: escaped(false) };
    if (c === "(") {
      if (pattern.startsWith("?:", i)) i += 2;
      else if (pattern[i] === "?") fail("a lookaround or named group");
      const inner = alternation();
      if (pattern[i] !== ")") fail("an unclosed group");
      i += 1;
      return inner;
    }
    if ("*+?{}])".includes(c)) fail(`a bare "${c}"`);
    return { t: "char", set: single(c.charCodeAt(0)) };
  };
  const quantified = (item: Node): Node => {
    let min: number;
    let max: number;
    const c = pattern[i];
    if (c === "*" || c === "+" || c === "?") {
      i += 1;
      [min, max] = c === "*" ? [0, -1] : c === "+" ? [1, -1] : [0, 1];
    } else if (c === "{") {
      const bounds = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(pattern.slice(i, i + 10));
      if (bounds === null) return fail('a "{" that is not a repeat count');
      i += bounds[0].length;
      min = Number(bounds[1]);
      max = bounds[2] === undefined ? min : bounds[3] === "" ? -1 : Number(bounds[3]);
      if (min > MAX_REPEAT || max > MAX_REPEAT || (max !== -1 && max < min)) {
        fail(`a repeat count above ${MAX_REPEAT} or out of order`);
      }
    } else return item;
    if (item.t === "bol" || item.t === "eol") fail("a repeated anchor");
    if (pattern[i] === "?") i += 1;
    const after = pattern[i];
    if (after !== undefined && "*+?{".includes(after)) fail("a repeated repeat");
    return { t: "rep", item, min, max };
  };
  const escaped = (inClass: boolean): CharSet => {
    const c = pattern[i];
    i += 1;
    if (c === undefined) return fail("a trailing backslash");
    const known = CLASS_ESCAPES[c];
    if (known !== undefined) return known;
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) return single(control);
    if (inClass && c === "b") return single(8);
    if (/[A-Za-z0-9_]/.test(c)) return fail(`the escape \\${c}`);
    return single(c.charCodeAt(0));
  };
  const classChar = (): CharSet => {
    const c = pattern[i] as string;
    i += 1;
    if (c === "\\") return escaped(true);
    if (c === "[") fail('a "[" inside a class');
    return single(c.charCodeAt(0));
  };
  const charClass = (): CharSet => {
    const negated = pattern[i] === "^";
    if (negated) i += 1;
    if (pattern[i] === "]") fail("an empty class");
    const ranges: [number, number][] = [];
    while (pattern[i] !== "]") {
      if (i >= pattern.length) fail("an unclosed class");
      const from = classChar();
      if (pattern[i] === "-" && pattern[i + 1] !== "]" && i + 1 < pattern.length) {
        i += 1;
        const to = classChar();
        const [lo, hi] = [one(from), one(to)];
        if (lo === undefined || hi === undefined || lo > hi) fail("a bad range");
        ranges.push([lo as number, hi as number]);
      } else if (from.negated) fail("a negated escape inside a class");
      else ranges.push(...(from.ranges as [number, number][]));
    }
    i += 1;
    return { ranges, negated };
  };
  const node = alternation();
  if (i < pattern.length) fail('an unmatched ")"');
  return node;
}

function single(code: number): CharSet {
  return { ranges: [[code, code]], negated: false };
}

function one(set: CharSet): number | undefined {
  const [range] = set.ranges;
  return !set.negated && set.ranges.length === 1 && range?.[0] === range?.[1]
    ? range?.[0]
    : undefined;
}
