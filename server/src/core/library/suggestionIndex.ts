import { boundedEditDistance, suggestionBudget } from '../util/editDistance';
import { NameTrie } from '../util/nameTrie';

/**
 * How many suggestions a word keeps in the cache: the most any caller asks
 * for (a quick fix offers 3) plus one, so that leaving out the asking role's
 * own name still leaves enough.
 */
const KEPT = 4;

/** How many names may come or go before the trie is built again; until then they are compared one by one. */
const REBUILD_AFTER = 64;

/**
 * Did-you-mean over a library's role names without comparing the word with
 * every name. The answers are exactly `closestMatches` over the names (the
 * same distance, budget, case folding and order): the lower-cased names are
 * walked as a trie, so names that share a prefix share the rows of the
 * edit-distance table for it, and a prefix already beyond the budget skips
 * every name that starts with it. Answers are cached per word until a name
 * comes or goes. The trie is not built again for each name that comes or
 * goes (a delete would pay for the whole library): names gone are skipped,
 * names come are compared one by one, until enough have changed.
 */
export class SuggestionIndex {
  /** Lower-cased name → the names that fold to it (nearly always one). */
  private readonly originals = new Map<string, string[]>();
  private readonly cache = new Map<string, string[]>();
  /** The trie of the lower-cased names when it was built, and those names in order. */
  private built: { trie: NameTrie; keys: readonly string[] } | undefined;
  /** Lower-cased names come since the trie was built. */
  private readonly added = new Set<string>();
  /** Lower-cased names of the trie gone since it was built. */
  private readonly gone = new Set<string>();

  add(name: string): void {
    const lower = name.toLowerCase();
    const names = this.originals.get(lower);
    if (names?.includes(name)) return;
    if (names) names.push(name);
    else {
      this.originals.set(lower, [name]);
      if (this.built && !this.gone.delete(lower)) this.added.add(lower);
    }
    this.cache.clear();
  }

  remove(name: string): void {
    const lower = name.toLowerCase();
    const names = this.originals.get(lower);
    const at = names?.indexOf(name) ?? -1;
    if (!names || at < 0) return;
    names.splice(at, 1);
    if (names.length === 0) {
      this.originals.delete(lower);
      if (this.built && !this.added.delete(lower)) this.gone.add(lower);
    }
    this.cache.clear();
  }

  /**
   * The names closest to `word` within its budget, best first, ties in name
   * order, leaving out `exclude`: what `closestMatches(word, names minus
   * exclude, limit)` answers. `limit` is at most 3.
   */
  closest(word: string, limit: number, exclude?: string): string[] {
    let kept = this.cache.get(word);
    if (!kept) this.cache.set(word, (kept = this.search(word)));
    const out: string[] = [];
    for (const name of kept) {
      if (out.length === limit) break;
      if (name !== exclude) out.push(name);
    }
    return out;
  }

  private current(): { trie: NameTrie; keys: readonly string[] } {
    if (!this.built || this.added.size + this.gone.size > REBUILD_AFTER) {
      const keys = [...this.originals.keys()].sort();
      this.built = { trie: new NameTrie(keys), keys };
      this.added.clear();
      this.gone.clear();
    }
    return this.built;
  }

  private search(word: string): string[] {
    const lower = word.toLowerCase();
    const max = suggestionBudget(lower);
    const { trie, keys } = this.current();
    const scored: Array<[number, string]> = [];
    const consider = (distance: number, key: string) => {
      if (distance > max || this.gone.has(key)) return;
      for (const name of this.originals.get(key)!) if (name !== word) scored.push([distance, name]);
    };
    if (trie.hasEmpty) consider(lower.length, '');
    const table = new PrefixDistances(lower, max, trie.longest);
    const { chars, depths, ends, terminals } = trie;
    // The characters of the prefix the walk stands on, for transpositions.
    const path = new Uint16Array(trie.longest + 1);
    for (let node = 0; node < trie.size; ) {
      const depth = depths[node];
      path[depth] = chars[node];
      if (table.fill(depth, chars[node], depth > 1 ? path[depth - 1] : -1) > max) {
        node = ends[node];
        continue;
      }
      if (terminals[node] >= 0) consider(table.distance(depth), keys[terminals[node]]);
      node++;
    }
    for (const key of this.added) consider(boundedEditDistance(lower, key, max), key);
    scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
    return scored.slice(0, KEPT).map(([, name]) => name);
  }
}

/**
 * The optimal-string-alignment table of `word` against the prefixes of a
 * trie walk, a row per depth: the rows above a node are its prefix's.
 * Only cells within `max` of the diagonal are filled; the others are over
 * the budget anyway and read as `max + 1`, which leaves every value within
 * the budget exact. A row's minimum never decreases with depth (a
 * transposition from two rows up costs no less than the row between), which
 * is what lets the walk skip a subtree once a row is over the budget.
 */
class PrefixDistances {
  /** Row `d` holds cells 0…n and one sentinel past the band, at `d * width`. */
  private readonly cells: Int32Array;
  private readonly width: number;
  private readonly over: number;
  /** The word's UTF-16 units: the inner loop reads them for every cell. */
  private readonly codes: Uint16Array;

  constructor(
    word: string,
    private readonly max: number,
    longest: number,
  ) {
    const n = word.length;
    this.width = n + 2;
    this.over = max + 1;
    // No row deeper than this can be within the budget, so the walk never fills one.
    const rows = Math.min(longest, n + max + 1) + 1;
    if (scratch.length < rows * this.width) scratch = new Int32Array(rows * this.width * 2);
    // Reused between searches: only band cells and the sentinels around them are ever read, and each row writes those.
    this.cells = scratch;
    if (codes.length < n) codes = new Uint16Array(n * 2);
    this.codes = codes;
    for (let j = 0; j < n; j++) codes[j] = word.charCodeAt(j);
    const top = Math.min(n, max);
    for (let j = 0; j <= top; j++) this.cells[j] = j;
    this.cells[top + 1] = this.over;
  }

  /** Fills the row of depth `depth`, whose last character is `c` after `before`; returns the row's minimum. */
  fill(depth: number, c: number, before: number): number {
    const { codes, max, over, cells, width } = this;
    const n = width - 2;
    const cur = depth * width;
    const prev = cur - width;
    const prevPrev = prev - width;
    const lo = Math.max(1, depth - max);
    const hi = Math.min(n, depth + max);
    cells[cur] = depth;
    if (lo > 1) cells[cur + lo - 1] = over;
    let min = depth;
    for (let j = lo; j <= hi; j++) {
      const wj = codes[j - 1];
      let v = cells[prev + j - 1] + (c === wj ? 0 : 1);
      if (cells[prev + j] + 1 < v) v = cells[prev + j] + 1;
      if (cells[cur + j - 1] + 1 < v) v = cells[cur + j - 1] + 1;
      if (depth > 1 && j > 1 && c === codes[j - 2] && before === wj && cells[prevPrev + j - 2] + 1 < v) v = cells[prevPrev + j - 2] + 1;
      cells[cur + j] = v;
      if (v < min) min = v;
    }
    if (hi + 1 < width) cells[cur + hi + 1] = over;
    return min;
  }

  /** The distance from the whole word to the prefix of depth `depth` once its row is filled, or `max + 1` when over the budget. */
  distance(depth: number): number {
    const n = this.width - 2;
    return Math.abs(depth - n) > this.max ? this.over : this.cells[depth * this.width + n];
  }
}

let scratch = new Int32Array(4096);
let codes = new Uint16Array(64);
