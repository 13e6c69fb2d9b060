import type { LiteralKind } from "./matchRule.js";

// Which literal rules (equals, starts_with, ends_with, contains) match a name, found in one
// pass over the name whatever the number of rules: an Aho–Corasick automaton over the rule
// values, with a start and an end mark around each name so the same automaton answers
// `equals` (^v$), `starts_with` (^v), `ends_with` (v$) and `contains` (v). Each rule carries
// the index of the model it belongs to; a lookup gives the lowest index that matches.

const BEGIN = -1;
const END = -2;

/** Finds the first model (lowest index) whose literal rules match a name. @internal */
export interface LiteralIndex {
  /** The lowest model index with a literal rule matching `name`, or Infinity. */
  readonly first: (name: string) => number;
}

/**
 * An index over `rules`, each a literal test and the index of the model it belongs to.
 * Building it and each lookup take time linear in the rules' and the name's length.
 *
 * @internal
 */
export function literalIndex(
  rules: readonly { readonly kind: LiteralKind; readonly value: string; readonly model: number }[],
): LiteralIndex {
  // Node 0 is the root. Edges in one map keyed by node and symbol, not a map per node.
  const edges = new Map<number, number>();
  const own: number[] = [Number.POSITIVE_INFINITY];
  const edge = (node: number, symbol: number) => node * 65_540 + symbol + 2;
  const step = (node: number, symbol: number): number | undefined => edges.get(edge(node, symbol));
  for (const rule of rules) {
    let node = 0;
    const symbols = marked(rule.kind, rule.value);
    for (const symbol of symbols) {
      let next = step(node, symbol);
      if (next === undefined) {
        next = own.length;
        own.push(Number.POSITIVE_INFINITY);
        edges.set(edge(node, symbol), next);
      }
      node = next;
    }
    own[node] = Math.min(own[node] as number, rule.model);
  }
  // Breadth first: each node's failure link (the longest proper suffix of its path that is
  // also a path), and `best`, the lowest model of any rule ending at it or along its links.
  const fail = new Int32Array(own.length);
  const best = Float64Array.from(own);
  const children = new Map<number, [number, number][]>();
  for (const [key, child] of edges) {
    const parent = Math.floor(key / 65_540);
    const symbol = (key % 65_540) - 2;
    const list = children.get(parent) ?? [];
    list.push([symbol, child]);
    children.set(parent, list);
  }
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    for (const [symbol, child] of children.get(node) ?? []) {
      if (node !== 0) {
        let link = fail[node] as number;
        while (link !== 0 && step(link, symbol) === undefined) link = fail[link] as number;
        const target = step(link, symbol);
        fail[child] = target === undefined || target === child ? 0 : target;
      }
      best[child] = Math.min(best[child] as number, best[fail[child] as number] as number);
      queue.push(child);
    }
  }
  return {
    first: (name) => {
      let node = 0;
      let found = best[0] as number;
      for (const symbol of marked("equals", name)) {
        while (node !== 0 && step(node, symbol) === undefined) node = fail[node] as number;
        node = step(node, symbol) ?? 0;
        found = Math.min(found, best[node] as number);
      }
      return found;
    },
  };
}

/** The symbols of a value with the marks its kind needs: UTF-16 code units, BEGIN, END. */
function marked(kind: LiteralKind, value: string): number[] {
  const symbols: number[] = [];
  if (kind === "equals" || kind === "prefix") symbols.push(BEGIN);
  for (let k = 0; k < value.length; k++) symbols.push(value.charCodeAt(k));
  if (kind === "equals" || kind === "suffix") symbols.push(END);
  return symbols;
}
