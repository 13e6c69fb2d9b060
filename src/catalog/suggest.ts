/**
 * Names longer than this are never compared letter by letter: a hostile name (a megabyte of
 * text) or a hostile table (a 10,000-character id) costs a prefix check, not a quadratic
 * comparison. Every real model id is far shorter.
 */
export const MAX_COMPARED_LENGTH = 256;

/** At most this many candidates are looked at: one table's ids and aliases, never more. */
export const MAX_CANDIDATES = 10_000;

/**
 * Edit distance (insertions, deletions, substitutions) between two strings, or `limit + 1`
 * once it is certain to exceed `limit`. Only the diagonal band of width 2 × limit + 1 is
 * computed, and a row whose every cell is over the limit ends the work: O(length × limit).
 *
 * @internal
 */
export function editDistance(a: string, b: string, limit = Math.max(a.length, b.length)): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  // previous[j] = distance of a[0..i) and b[0..j); cells outside the band hold `over`.
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current.fill(over);
    current[0] = i <= limit ? i : over;
    let best = current[0] as number;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
        over,
      );
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
 * prefix, and at most {@link MAX_CANDIDATES} candidates are looked at.
 *
 * @internal
 */
export function suggest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { candidate: string; distance: number; skew: number; order: number }[] = [];
  let order = 0;
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
      if (skew <= allowed) {
        const distance = editDistance(name, candidate, allowed);
        if (distance <= allowed) scored.push({ candidate, distance, skew, order });
      }
    }
    order += 1;
  }
  // Nearest first; among equals, the one of the same length (a typo rather than a cut).
  scored.sort((x, y) => x.distance - y.distance || x.skew - y.skew || x.order - y.order);
  return scored.slice(0, limit).map((entry) => entry.candidate);
}
