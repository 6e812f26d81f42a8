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
  // Suggestions compare one name with every role: the three rows are reused, not allocated per call.
  if (rows[0].length <= n) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(2 * (n + 1));
  let prevPrev = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ai === bj ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && prevPrev[j - 2] + 1 < v) v = prevPrev[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = spare;
  }
  return prev[n];
}

const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

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
