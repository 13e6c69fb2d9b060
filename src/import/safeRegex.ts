// A catalog's `regex` match rule is untrusted: JavaScript's RegExp backtracks, so `^(a|aa)+$`
// takes exponential time on a long name. This compiles the subset of regex syntax real
// catalogs use to a Thompson NFA and runs it as a Pike VM: time linear in the name times the
// program, whatever the pattern. Anything outside the subset (backreferences, lookaround, \b,
// \u escapes, …) is not compiled: the caller reports the rule and never evaluates it.
//
// Subset, with RegExp's meaning (no flags, UTF-16 code units): literals, `.`, `\d \D \w \W
// \s \S`, `\t \n \r \f \v`, a backslash before punctuation, classes `[a-z0-9_.]` and `[^…]`,
// groups `( )` and `(?: )`, `|`, `^`, `$`, and `* + ?` `{n}` `{n,}` `{n,m}` (n, m ≤ 100),
// each optionally lazy (`*?`: the same matches for a yes/no test).

import { type CharSet, type Node, parse, Unsupported } from "./regexSyntax.js";

type Inst =
  | { op: "char"; set: CharSet; next: number }
  | { op: "split"; a: number; b: number }
  | { op: "jmp"; next: number }
  | { op: "bol"; next: number }
  | { op: "eol"; next: number }
  | { op: "match" };

/** The longest pattern compiled, and the largest program (after `{n,m}` is unrolled). */
const MAX_PATTERN = 1000;
const MAX_PROGRAM = 4000;

/** A compiled pattern: `test(name)` in time linear in the name. @internal */
export interface SafeRegex {
  /** The cost of one test on a name of `length` characters, in VM steps (for a work budget). */
  readonly cost: (length: number) => number;
  readonly test: (name: string) => boolean;
  /**
   * A literal every matching name has (`^gpt-5\.6-` → starts with `gpt-5.6-`), for an index
   * to skip the test where it cannot match; undefined when the pattern has none.
   */
  readonly literal:
    | { readonly kind: "prefix" | "suffix" | "contains"; readonly value: string }
    | undefined;
}

/**
 * `pattern` compiled for linear-time tests, or the reason it is outside the subset.
 *
 * @internal
 */
export function compileSafeRegex(pattern: string): SafeRegex | { readonly unsupported: string } {
  if (pattern.length > MAX_PATTERN) {
    return { unsupported: `longer than ${MAX_PATTERN} characters` };
  }
  let node: Node;
  try {
    node = parse(pattern);
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.reason };
    throw error;
  }
  const program: Inst[] = [];
  try {
    emit(node, program);
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.reason };
    throw error;
  }
  program.push({ op: "match" });
  return {
    cost: (length) => (length + 1) * program.length,
    test: (name) => run(program, name),
    literal: requiredLiteral(node),
  };
}

/**
 * A literal any match must hold, from the pattern's top-level sequence: the characters right
 * after `^` (a prefix), those right before `$` (a suffix), else the longest run of single
 * characters (a substring).
 */
function requiredLiteral(node: Node): SafeRegex["literal"] {
  const items = node.t === "cat" ? node.items : [node];
  const code = (item: Node | undefined): number | undefined => {
    if (item?.t !== "char" || item.set.negated || item.set.ranges.length !== 1) return undefined;
    const [lo, hi] = item.set.ranges[0] as readonly [number, number];
    return lo === hi ? lo : undefined;
  };
  const run = (from: number, direction: 1 | -1): string => {
    const codes: number[] = [];
    for (let k = from; code(items[k]) !== undefined; k += direction) {
      codes.push(code(items[k]) as number);
    }
    return String.fromCharCode(...(direction === 1 ? codes : codes.reverse()));
  };
  if (items[0]?.t === "bol") {
    const value = run(1, 1);
    if (value !== "") return { kind: "prefix", value };
  }
  if (items.at(-1)?.t === "eol") {
    const value = run(items.length - 2, -1);
    if (value !== "") return { kind: "suffix", value };
  }
  let longest = "";
  for (let k = 0; k < items.length; k++) {
    if (code(items[k - 1]) !== undefined) continue;
    const value = run(k, 1);
    if (value.length > longest.length) longest = value;
  }
  return longest === "" ? undefined : { kind: "contains", value: longest };
}

function emit(node: Node, program: Inst[]): void {
  if (program.length > MAX_PROGRAM) throw new Unsupported("too large once repeats are unrolled");
  switch (node.t) {
    case "char":
      program.push({ op: "char", set: node.set, next: program.length + 1 });
      return;
    case "bol":
    case "eol":
      program.push({ op: node.t, next: program.length + 1 });
      return;
    case "cat":
      for (const item of node.items) emit(item, program);
      return;
    case "alt": {
      const jumps: Inst[] = [];
      node.items.forEach((item, index) => {
        if (index === node.items.length - 1) {
          emit(item, program);
          return;
        }
        const split = { op: "split" as const, a: program.length + 1, b: 0 };
        program.push(split);
        emit(item, program);
        const jump = { op: "jmp" as const, next: 0 };
        program.push(jump);
        jumps.push(jump);
        split.b = program.length;
      });
      for (const jump of jumps) (jump as { next: number }).next = program.length;
      return;
    }
    case "rep": {
      for (let k = 0; k < node.min; k++) emit(node.item, program);
      if (node.max === -1) {
        const split = { op: "split" as const, a: program.length + 1, b: 0 };
        const loop = program.length;
        program.push(split);
        emit(node.item, program);
        program.push({ op: "jmp", next: loop });
        split.b = program.length;
        return;
      }
      const splits: { b: number }[] = [];
      for (let k = node.min; k < node.max; k++) {
        const split = { op: "split" as const, a: program.length + 1, b: 0 };
        program.push(split);
        splits.push(split);
        emit(node.item, program);
      }
      for (const split of splits) split.b = program.length;
      return;
    }
  }
}

function inSet(set: CharSet, code: number): boolean {
  let hit = false;
  for (const [lo, hi] of set.ranges) {
    if (code >= lo && code <= hi) {
      hit = true;
      break;
    }
  }
  return hit !== set.negated;
}

/** The Pike VM: every thread advances one character at a time, each state held at most once. */
function run(program: readonly Inst[], name: string): boolean {
  let current: number[] = [];
  let next: number[] = [];
  // The position at which each instruction was last added, so no state is added twice.
  const seen = new Int32Array(program.length).fill(-1);
  const add = (list: number[], start: number, at: number): boolean => {
    const pending = [start];
    while (pending.length > 0) {
      const pc = pending.pop() as number;
      if (seen[pc] === at) continue;
      seen[pc] = at;
      const inst = program[pc] as Inst;
      if (inst.op === "match") return true;
      if (inst.op === "jmp") pending.push(inst.next);
      else if (inst.op === "split") pending.push(inst.b, inst.a);
      else if (inst.op === "bol") {
        if (at === 0) pending.push(inst.next);
      } else if (inst.op === "eol") {
        if (at === name.length) pending.push(inst.next);
      } else list.push(pc);
    }
    return false;
  };
  for (let at = 0; at <= name.length; at++) {
    // Unanchored: a new thread starts at every position, as RegExp.test searches.
    if (add(current, 0, at)) return true;
    if (at === name.length) break;
    const code = name.charCodeAt(at);
    for (const pc of current) {
      const inst = program[pc] as Extract<Inst, { op: "char" }>;
      if (inSet(inst.set, code) && add(next, inst.next, at + 1)) return true;
    }
    [current, next] = [next, []];
  }
  return false;
}
