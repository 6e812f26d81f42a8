/**
 * A trie of sorted strings in flat arrays, nodes in depth-first order: a
 * walk goes node by node and skips a whole subtree with one jump, with no
 * object per node (ten thousand role names make about ninety thousand nodes).
 */
export class NameTrie {
  /** The character (UTF-16 unit) that leads from the parent to each node. */
  readonly chars: Uint16Array;
  /** Each node's depth: the length of the prefix it stands for (1 and up). */
  readonly depths: Int32Array;
  /** The node after each node's subtree: where a walk goes when it skips the subtree. */
  readonly ends: Int32Array;
  /** The index (into the sorted strings) of the string that ends at each node, or -1. */
  readonly terminals: Int32Array;
  readonly size: number;
  /** Whether the empty string is one of the strings: it has no node. */
  readonly hasEmpty: boolean;
  /** The length of the longest string: the deepest node. */
  readonly longest: number;

  constructor(sorted: readonly string[]) {
    let capacity = 0;
    let longest = 0;
    sorted.forEach((s, i) => {
      capacity += s.length - (i > 0 ? sharedPrefix(sorted[i - 1], s) : 0);
      longest = Math.max(longest, s.length);
    });
    this.longest = longest;
    this.chars = new Uint16Array(capacity);
    this.depths = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.terminals = new Int32Array(capacity).fill(-1);
    this.hasEmpty = sorted[0] === '';
    // open[d - 1]: the node of depth d on the path to the current string.
    const open: number[] = [];
    let size = 0;
    let previous = '';
    sorted.forEach((s, index) => {
      const shared = sharedPrefix(previous, s);
      while (open.length > shared) this.ends[open.pop()!] = size;
      for (let d = shared + 1; d <= s.length; d++) {
        this.chars[size] = s.charCodeAt(d - 1);
        this.depths[size] = d;
        open.push(size++);
      }
      if (s.length > 0) this.terminals[open[s.length - 1]] = index;
      previous = s;
    });
    while (open.length > 0) this.ends[open.pop()!] = size;
    this.size = size;
  }
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
