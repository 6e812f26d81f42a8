/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions, the commonest typo), giving up as soon as it must exceed
 * `max`: suggestions scan every role of a library, so most comparisons must
 * end after a few cells.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prevPrev[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[n];
}

/** How far a word may be from a suggestion: one edit for short words, a third of the word for long ones. */
export function suggestionBudget(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 4)));
}

/**
 * The candidates closest to `word` within its budget, best first, ties in
 * name order. Case is ignored, so `Class` suggests `class`.
 */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const max = suggestionBudget(lower);
  const scored: Array<[number, string]> = [];
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = boundedEditDistance(lower, candidate.toLowerCase(), max);
    if (d <= max) scored.push([d, candidate]);
  }
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  return scored.slice(0, limit).map(([, c]) => c);
}
