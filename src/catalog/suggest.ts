/** Edit distance (insertions, deletions, substitutions) between two short strings. @internal */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Up to `limit` candidates near `name`, nearest first. @internal */
export function suggest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { candidate: string; distance: number; skew: number; order: number }[] = [];
  let order = 0;
  for (const candidate of candidates) {
    const prefix = candidate.startsWith(name) || name.startsWith(candidate);
    const skew = Math.abs(candidate.length - name.length);
    const bound = Math.max(2, Math.floor(candidate.length / 3));
    // The distance is at least the length difference, and exactly that for a prefix: so a name
    // far longer than every candidate (a 1 MB id against hundreds of models) costs no
    // quadratic work, and the result is the same.
    if (prefix || skew <= bound) {
      const distance = prefix ? skew : editDistance(name, candidate);
      if (prefix || distance <= bound) scored.push({ candidate, distance, skew, order });
    }
    order += 1;
  }
  // Nearest first; among equals, the one of the same length (a typo rather than a cut).
  scored.sort((x, y) => x.distance - y.distance || x.skew - y.skew || x.order - y.order);
  return scored.slice(0, limit).map((entry) => entry.candidate);
}
