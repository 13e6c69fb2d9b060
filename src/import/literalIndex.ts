import type { LiteralKind } from "./matchRule.js";

// Which literal rules (equals, starts_with, ends_with, contains) match a name, found in one
// pass over the name whatever the number of rules: an Aho–Corasick automaton over the rule
// values, with a start and an end mark around each name so the same automaton answers
// `equals` (^v$), `starts_with` (^v), `ends_with` (v$) and `contains` (v). Each rule carries
// the index of the model it belongs to; a lookup gives the lowest index that matches.

const BEGIN = -1;
const END = -2;

/** Finds the models whose literal rules match a name. @internal */
export interface LiteralIndex {
  /** The lowest model index with a literal rule matching `name`, or Infinity. */
  readonly first: (name: string) => number;
  /** Calls `visit` for each model with a rule matching `name` (a model may come more than once). */
  readonly each: (name: string, visit: (model: number) => void) => void;
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
  // Symbols renumbered densely (0, 1, …) so an edge's key, node × alphabet + symbol, stays a
  // small integer; edges live in one map, not a map per node.
  const alphabet = new Map<number, number>();
  const symbols = rules.map((rule) =>
    marked(rule.kind, rule.value).map((symbol) => {
      let dense = alphabet.get(symbol);
      if (dense === undefined) {
        dense = alphabet.size;
        alphabet.set(symbol, dense);
      }
      return dense;
    }),
  );
  const width = Math.max(alphabet.size, 1);
  const edges = new Map<number, number>();
  const step = (node: number, symbol: number): number | undefined =>
    edges.get(node * width + symbol);
  // Per node: the lowest model of a rule ending there, its parent, the symbol into it, depth.
  const own: number[] = [Number.POSITIVE_INFINITY];
  const lists = new Map<number, number[]>();
  const parent: number[] = [0];
  const into: number[] = [0];
  const depth: number[] = [0];
  rules.forEach((rule, k) => {
    let node = 0;
    for (const symbol of symbols[k] as number[]) {
      let next = step(node, symbol);
      if (next === undefined) {
        next = own.length;
        own.push(Number.POSITIVE_INFINITY);
        parent.push(node);
        into.push(symbol);
        depth.push((depth[node] as number) + 1);
        edges.set(node * width + symbol, next);
      }
      node = next;
    }
    own[node] = Math.min(own[node] as number, rule.model);
    const list = lists.get(node) ?? [];
    list.push(rule.model);
    lists.set(node, list);
  });
  // Shallowest first: each node's failure link (the node of the longest proper suffix of its
  // path that is also a path), and `best`, the lowest model of any rule ending at it or along
  // its links.
  const order = [...own.keys()].sort((a, b) => (depth[a] as number) - (depth[b] as number));
  const fail = new Int32Array(own.length);
  const best = Float64Array.from(own);
  // The next node along the failure links (the root aside) where rules end, or -1.
  const output = new Int32Array(own.length).fill(-1);
  for (const node of order) {
    if (node === 0) continue;
    const symbol = into[node] as number;
    const from = parent[node] as number;
    if (from !== 0) {
      let link = fail[from] as number;
      while (link !== 0 && step(link, symbol) === undefined) link = fail[link] as number;
      fail[node] = step(link, symbol) ?? 0;
    }
    const link = fail[node] as number;
    best[node] = Math.min(best[node] as number, best[link] as number);
    if (link !== 0) output[node] = lists.has(link) ? link : (output[link] as number);
  }
  const walk = (name: string, atNode: (node: number) => void) => {
    let node = 0;
    for (const raw of marked("equals", name)) {
      const symbol = alphabet.get(raw);
      if (symbol === undefined) {
        node = 0;
        continue;
      }
      while (node !== 0 && step(node, symbol) === undefined) node = fail[node] as number;
      node = step(node, symbol) ?? 0;
      atNode(node);
    }
  };
  return {
    first: (name) => {
      let found = best[0] as number;
      walk(name, (node) => {
        found = Math.min(found, best[node] as number);
      });
      return found;
    },
    each: (name, visit) => {
      for (const model of lists.get(0) ?? []) visit(model);
      walk(name, (node) => {
        for (
          let at = lists.has(node) ? node : (output[node] as number);
          at > 0;
          at = output[at] as number
        ) {
          for (const model of lists.get(at) as number[]) visit(model);
        }
      });
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
