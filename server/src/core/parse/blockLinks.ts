import type { LinkSpan } from './spans';

/** Link text and destinations longer than this are not looked for: a link is a line or two. */
const MAX_LINK_SCAN = 2000;

/**
 * Parses `[text](destination "title")` from any `[` of one block (a
 * paragraph, list item or heading), in constant or logarithmic time. A scan
 * from each `[` would cost up to MAX_LINK_SCAN characters, so a line of a
 * million `[` would take seconds; instead one pass over the block finds what
 * every such scan would: the `]` that closes each `[` and the `)` that closes
 * each `(` (backslash escapes skipped, as the scan skips them), and where the
 * other characters that end a link stand.
 *
 * The pass and a scan agree on escapes: a scan starts just after a `[`, `(`,
 * space or tab, which no backslash escapes, and a block's inline scanner
 * enters every run of backslashes at its start, as the pass does.
 */
export class BlockLinks {
  /** Offset of each matched `[` or `(` → offset of the `]` or `)` that closes it. */
  private readonly closers = new Map<number, number>();
  /** Offsets of every `)` and `>`, escaped or not: the link's end and an `<…>` destination's are found by plain search. */
  private readonly parens: number[] = [];
  private readonly angles: number[] = [];
  /** Offsets of the unescaped spaces, tabs and line breaks: they end a bare destination. */
  private readonly spaces: number[] = [];

  constructor(private readonly text: string, start: number, private readonly end: number) {
    const brackets: number[] = [];
    const opens: number[] = [];
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) {
        if (++i < end) this.noteRaw(text.charCodeAt(i), i);
      } else if (c === 91 /* [ */) {
        brackets.push(i);
      } else if (c === 93 /* ] */) {
        if (brackets.length > 0) this.closers.set(brackets.pop()!, i);
      } else if (c === 40 /* ( */) {
        opens.push(i);
      } else if (c === 41 /* ) */) {
        if (opens.length > 0) this.closers.set(opens.pop()!, i);
        this.parens.push(i);
      } else if (c === 32 || c === 9 || c === 10 || c === 13) {
        this.spaces.push(i);
      } else {
        this.noteRaw(c, i);
      }
    }
  }

  /** The link that starts at the `[` at `open`, and the offset of its `]`. */
  parse(open: number): { span: LinkSpan; closeBracket: number } | undefined {
    const text = this.text;
    const limit = Math.min(this.end, open + MAX_LINK_SCAN);
    const closeBracket = this.closers.get(open);
    if (closeBracket === undefined || closeBracket >= limit || text.charCodeAt(closeBracket + 1) !== 40 /* ( */) return undefined;
    let k = closeBracket + 2;
    // Runs of blanks after different links' `(` never overlap: this stays linear.
    while (k < limit && (text[k] === ' ' || text[k] === '\t')) k++;
    let destStart = k;
    let destEnd: number;
    if (text[k] === '<') {
      destStart = k + 1;
      destEnd = firstAtOrAfter(this.angles, destStart);
      if (destEnd >= limit) return undefined;
      k = destEnd + 1;
    } else {
      // A bare destination ends at a blank, or at the `)` that balances its own `(`.
      destEnd = Math.min(this.closers.get(closeBracket + 1) ?? limit, firstAtOrAfter(this.spaces, k), limit);
      k = destEnd;
    }
    const close = firstAtOrAfter(this.parens, k);
    if (close >= limit) return undefined;
    return {
      span: { start: open, end: close + 1, destination: text.slice(destStart, destEnd), destinationStart: destStart },
      closeBracket,
    };
  }

  private noteRaw(c: number, at: number): void {
    if (c === 41 /* ) */) this.parens.push(at);
    else if (c === 62 /* > */) this.angles.push(at);
  }
}

/** The first offset of a sorted list at or after `from`, or Infinity. */
function firstAtOrAfter(offsets: readonly number[], from: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length ? offsets[lo] : Infinity;
}
