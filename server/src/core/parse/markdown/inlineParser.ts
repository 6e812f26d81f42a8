import { CharClass, classify, isAsciiPunctuation } from './characters';
import { normalizeLinkLabel, scanLabel, scanResource, TitleScanner } from './linkSyntax';
import { RawHtmlScanner } from './rawHtml';

/** Ranges are indices of the block's inline text. */
export interface Range {
  start: number;
  end: number;
}

export interface StrongRange extends Range {
  /** `*` (42) or `_` (95). */
  marker: number;
}

export interface InlineLink extends Range {
  /** The destination's text inside any `<…>`; absent for `[x]()`. */
  destination?: Range;
}

export interface CodeRange extends Range {
  contentStart: number;
  contentEnd: number;
}

/** What one block's inline content holds, as CommonMark reads it. */
export interface InlineSpans {
  /** The content of each strong emphasis, between its delimiters. */
  strongs: StrongRange[];
  /** Inline links `[text](destination)`; reference-style links are not listed. */
  links: InlineLink[];
  /** Images, from `![` to their end: nothing inside their text is a reference. An inline image has its destination. */
  images: InlineLink[];
  codes: CodeRange[];
  comments: Range[];
}

interface Delimiter {
  marker: number;
  /** The run's length as written: the rule of 3 counts it, however many delimiters are left. */
  length: number;
  /** The run's delimiters not used yet: an opener gives up its last ones, a closer its first ones. */
  start: number;
  end: number;
  canOpen: boolean;
  canClose: boolean;
  previous?: Delimiter;
  next?: Delimiter;
}

interface Bracket {
  /** Index of the `[` (of `![` for an image). */
  at: number;
  image: boolean;
  active: boolean;
  previous?: Bracket;
  /** The top of the delimiter stack when the bracket opened: emphasis inside the link text stops there. */
  delimiter?: Delimiter;
}

/** Characters where something other than text may start. */
const SPECIAL = /[\\`*_[\]!<]/g;

/** The kinds of closer that processEmphasis keeps a bottom for: 2 markers × (opener too or not) × length mod 3. */
const CLOSER_KINDS = 12;

/**
 * Parses blocks' inline content (lines joined by LF) with the algorithm
 * of the CommonMark spec's appendix: a delimiter stack for emphasis with the
 * rule of 3 and a bottom per kind of closer, a bracket stack for links and
 * images, code spans, autolinks, raw HTML and escapes, each tried where
 * micromark tries it. Every scan ahead is bounded or remembered, so the
 * parse is linear in the text.
 *
 * One parser reads every block of a document, one after the other: its steps
 * are methods rather than closures, and its result lists are emptied and
 * filled again, so a block costs no parser, no result and no lists of its
 * own (a document has many small blocks). A block's result is read before
 * the next block is parsed.
 */
export class InlineParser {
  readonly out: InlineSpans = { strongs: [], links: [], images: [], codes: [], comments: [] };
  private s = '';
  private delimiters: Delimiter | undefined;
  private brackets: Bracket | undefined;
  private backticks: Map<number, { starts: number[]; next: number }> | undefined;
  private html: RawHtmlScanner | undefined;
  private titles: TitleScanner | undefined;
  /** processEmphasis's bottom per kind of closer, made at the first closer of the document. */
  private openersBottom: Array<Delimiter | undefined> | undefined;

  constructor(private readonly isDefined?: (label: string) => boolean) {}

  /** The spans of one block's inline text; valid until the next call. */
  parse(s: string): InlineSpans {
    this.s = s;
    this.delimiters = undefined;
    this.brackets = undefined;
    this.backticks = undefined;
    this.html = undefined;
    this.titles = undefined;
    const out = this.out;
    out.strongs.length = 0;
    out.links.length = 0;
    out.images.length = 0;
    out.codes.length = 0;
    out.comments.length = 0;
    let pos = 0;
    while (pos < s.length) {
      SPECIAL.lastIndex = pos;
      if (!SPECIAL.test(s)) break;
      pos = SPECIAL.lastIndex - 1;
      const c = s.charCodeAt(pos);
      switch (c) {
        case 92: // \
          pos += isAsciiPunctuation(s.charCodeAt(pos + 1)) ? 2 : 1;
          break;
        case 96: // `
          pos = this.codeSpan(pos);
          break;
        case 42: // *
        case 95: // _
          pos = this.delimiterRun(pos, c);
          break;
        case 91: // [
          this.brackets = { at: pos, image: false, active: true, previous: this.brackets, delimiter: this.delimiters };
          pos++;
          break;
        case 33: // !
          if (s.charCodeAt(pos + 1) === 91) {
            this.brackets = { at: pos, image: true, active: true, previous: this.brackets, delimiter: this.delimiters };
            pos += 2;
          } else {
            pos++;
          }
          break;
        case 93: // ]
          pos = this.closeBracket(pos);
          break;
        default: {
          // <
          const raw = (this.html ??= new RawHtmlScanner(s)).scan(pos);
          if (raw?.comment) this.out.comments.push({ start: pos, end: raw.end });
          pos = raw ? raw.end : pos + 1;
        }
      }
    }
    this.processEmphasis(undefined);
    return this.out;
  }

  /** Pushes a run of `*` or `_` on the delimiter stack when it may open or close; returns the index after the run. */
  private delimiterRun(pos: number, c: number): number {
    const s = this.s;
    let end = pos;
    while (s.charCodeAt(end) === c) end++;
    const before = classify(pos > 0 ? s.charCodeAt(pos - 1) : NaN);
    const after = classify(end < s.length ? s.charCodeAt(end) : NaN);
    const left = after !== CharClass.Whitespace && (after !== CharClass.Punctuation || before !== CharClass.Other);
    const right = before !== CharClass.Whitespace && (before !== CharClass.Punctuation || after !== CharClass.Other);
    const canOpen = c === 42 ? left : left && (!right || before === CharClass.Punctuation);
    const canClose = c === 42 ? right : right && (!left || after === CharClass.Punctuation);
    if (canOpen || canClose) {
      const d: Delimiter = { marker: c, length: end - pos, start: pos, end, canOpen, canClose, previous: this.delimiters };
      if (this.delimiters) this.delimiters.next = d;
      this.delimiters = d;
    }
    return end;
  }

  private removeDelimiter(d: Delimiter): void {
    if (d.previous) d.previous.next = d.next;
    if (d.next) d.next.previous = d.previous;
    else this.delimiters = d.previous;
  }

  private processEmphasis(bottom: Delimiter | undefined): void {
    // Per marker and kind of closer (can it open too? its length, mod 3): at and below this, no opener was found.
    // Undefined (as at the start) is the bottom itself: the search stops there anyway.
    const openersBottom = (this.openersBottom ??= new Array<Delimiter | undefined>(CLOSER_KINDS));
    openersBottom.fill(undefined);
    let closer = this.delimiters;
    while (closer && closer.previous !== bottom) closer = closer.previous;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const closerLength = closer.length;
      const key = (closer.marker === 42 ? 0 : 6) + (closer.canOpen ? 3 : 0) + (closerLength % 3);
      const floor = openersBottom[key] ?? bottom;
      let opener = closer.previous;
      let found = false;
      while (opener && opener !== bottom && opener !== floor) {
        // The rule of 3, on the lengths of both runs as written (commonmark.js; micromark counts what is left of them).
        const oddMatch = (closer.canOpen || opener.canClose) && closerLength % 3 !== 0 && (opener.length + closerLength) % 3 === 0;
        if (opener.marker === closer.marker && opener.canOpen && !oddMatch) {
          found = true;
          break;
        }
        opener = opener.previous;
      }
      const oldCloser = closer;
      if (found && opener) {
        const use = closer.end - closer.start >= 2 && opener.end - opener.start >= 2 ? 2 : 1;
        if (use === 2) this.out.strongs.push({ start: opener.end, end: closer.start, marker: closer.marker });
        opener.end -= use;
        closer.start += use;
        // Delimiters between the pair can no longer pair with anything outside it.
        opener.next = closer;
        closer.previous = opener;
        if (opener.end === opener.start) this.removeDelimiter(opener);
        if (closer.end === closer.start) {
          const next = closer.next;
          this.removeDelimiter(closer);
          closer = next;
        }
      } else {
        openersBottom[key] = oldCloser.previous;
        closer = oldCloser.next;
        if (!oldCloser.canOpen) this.removeDelimiter(oldCloser);
      }
    }
    while (this.delimiters && this.delimiters !== bottom) this.removeDelimiter(this.delimiters);
  }

  private closeBracket(at: number): number {
    const s = this.s;
    const isDefined = this.isDefined;
    const opener = this.brackets;
    if (!opener) return at + 1;
    if (!opener.active) {
      this.brackets = opener.previous;
      return at + 1;
    }
    const textStart = opener.at + (opener.image ? 2 : 1);
    // Without definitions in the document no label is defined: most documents, and no label to fold.
    const defined = isDefined !== undefined && isDefined(normalizeLinkLabel(s.slice(textStart, at)));
    let end = -1;
    let destination: InlineLink['destination'];
    let inline = false;
    const after = s.charCodeAt(at + 1);
    if (after === 40 /* ( */) {
      const resource = scanResource(s, at + 1, (this.titles ??= new TitleScanner(s)));
      if (resource) {
        end = resource.end;
        inline = true;
        if (resource.destination) destination = { start: resource.destination.start, end: resource.destination.end };
      } else if (defined) {
        end = at + 1;
      }
    } else if (after === 91 /* [ */) {
      const labelEnd = scanLabel(s, at + 1);
      if (labelEnd > 0 && isDefined?.(normalizeLinkLabel(s.slice(at + 2, labelEnd - 1)))) end = labelEnd;
      else if (defined && s.charCodeAt(at + 2) === 93) end = at + 3;
    } else if (defined) {
      end = at + 1;
    }
    this.brackets = opener.previous;
    if (end < 0) return at + 1;
    this.processEmphasis(opener.delimiter);
    if (opener.image) {
      this.out.images.push({ start: opener.at, end, destination: inline ? destination : undefined });
    } else {
      if (inline) this.out.links.push({ start: opener.at, end, destination });
      // Links may not contain links: the brackets before this one can no longer open one.
      for (let b = this.brackets; b; b = b.previous) if (!b.image) b.active = false;
    }
    return end;
  }

  private codeSpan(at: number): number {
    const s = this.s;
    let n = at;
    while (s.charCodeAt(n) === 96) n++;
    const length = n - at;
    const runs = (this.backticks ??= backtickRuns(s)).get(length);
    if (runs) {
      while (runs.next < runs.starts.length && runs.starts[runs.next] < n) runs.next++;
      if (runs.next < runs.starts.length) {
        const close = runs.starts[runs.next];
        this.out.codes.push({ start: at, end: close + length, contentStart: n, contentEnd: close });
        return close + length;
      }
    }
    return n;
  }
}

/** Where each run of backticks starts, by its length: a code span closes at the next run of its opener's length. */
function backtickRuns(s: string): Map<number, { starts: number[]; next: number }> {
  const runs = new Map<number, { starts: number[]; next: number }>();
  for (let i = s.indexOf('`'); i >= 0; i = s.indexOf('`', i)) {
    let j = i;
    while (s.charCodeAt(j) === 96) j++;
    const length = j - i;
    let entry = runs.get(length);
    if (!entry) runs.set(length, (entry = { starts: [], next: 0 }));
    entry.starts.push(i);
    i = j;
  }
  return runs;
}
