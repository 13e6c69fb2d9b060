/**
 * Names longer than this are never compared letter by letter: a hostile name (a megabyte of
 * text) or a hostile table (a 10,000-character id) costs a prefix check, not a quadratic
 * comparison. Every real model id is far shorter.
 */
export const MAX_COMPARED_LENGTH = 256;

/** At most this many candidates are looked at: one table's ids and aliases, never more. */
export const MAX_CANDIDATES = 10_000;

/**
 * Cells of edit-distance tables one call may fill, over all candidates: far above what any
 * real table needs (a few hundred ids of a few dozen characters), and a bound on the work of
 * thousands of long ids. Once spent, the remaining candidates are only checked for a prefix.
 */
export const MAX_COMPARED_CELLS = 2_000_000;

/**
 * Edit distance (insertions, deletions, substitutions) between two strings, or `limit + 1`
 * once it is certain to exceed `limit`. Only the diagonal band of width 2 × limit + 1 is
 * computed, and a row whose every cell is over the limit ends the work: O(length × limit).
 * `scratch` (two rows of at least `b.length + 1` cells) saves allocating them per call.
 *
 * @internal
 */
export function editDistance(
  a: string,
  b: string,
  limit = Math.max(a.length, b.length),
  scratch: readonly [Int32Array, Int32Array] = [
    new Int32Array(b.length + 1),
    new Int32Array(b.length + 1),
  ],
): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  // previous[j] = distance of a[0..i) and b[0..j); a cell just outside the band holds `over`.
  let [previous, current] = scratch;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 ? (i <= limit ? i : over) : over;
    if (to < b.length) current[to + 1] = over;
    let best = current[from - 1] as number;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitute = (previous[j - 1] as number) + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = (previous[j] as number) + 1;
      const insert = (current[j - 1] as number) + 1;
      const value = Math.min(substitute, remove, insert, over);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] as number, over);
}

/**
 * Up to `limit` candidates near `name`, nearest first: within max(2, a third of the
 * candidate's length) edits, or one a prefix of the other. The work is bounded whatever the
 * input: a candidate whose length alone rules it out is skipped, the edit distance is banded
 * and stops early, names over {@link MAX_COMPARED_LENGTH} characters are only checked for a
 * prefix, at most {@link MAX_CANDIDATES} candidates are looked at, and at most
 * {@link MAX_COMPARED_CELLS} cells are computed in all.
 *
 * @internal
 */
export function suggest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { candidate: string; distance: number; skew: number; order: number }[] = [];
  let order = 0;
  let cells = MAX_COMPARED_CELLS;
  const scratch: [Int32Array, Int32Array] = [
    new Int32Array(MAX_COMPARED_LENGTH + 2),
    new Int32Array(MAX_COMPARED_LENGTH + 2),
  ];
  for (const candidate of candidates) {
    if (order >= MAX_CANDIDATES) break;
    const skew = Math.abs(candidate.length - name.length);
    // One a prefix of the other: the edit distance is exactly the difference in length.
    const prefix =
      candidate.length <= name.length ? name.startsWith(candidate) : candidate.startsWith(name);
    if (prefix) {
      scored.push({ candidate, distance: skew, skew, order });
    } else if (name.length <= MAX_COMPARED_LENGTH && candidate.length <= MAX_COMPARED_LENGTH) {
      const allowed = Math.max(2, Math.floor(candidate.length / 3));
      const cost = name.length * (2 * allowed + 1);
      if (skew <= allowed && cost <= cells) {
        cells -= cost;
        const distance = editDistance(name, candidate, allowed, scratch);
        if (distance <= allowed) scored.push({ candidate, distance, skew, order });
      }
    }
    order += 1;
  }
  // Nearest first; among equals, the one of the same length (a typo rather than a cut).
  scored.sort((x, y) => x.distance - y.distance || x.skew - y.skew || x.order - y.order);
  return scored.slice(0, limit).map((entry) => entry.candidate);
}
