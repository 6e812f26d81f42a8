import { isAsciiControl, isLineEndingOrSpace } from './characters';

/** Longest link label, in characters (line breaks not counted), as CommonMark allows. */
const LABEL_MAX = 999;
/** Nesting of parentheses a link's bare destination may hold, as micromark allows. */
export const RESOURCE_PAREN_MAX = 32;

/** The label `[…]` at `at`: the index just past its `]`, or -1. */
export function scanLabel(s: string, at: number): number {
  let size = 0;
  let seen = false;
  for (let i = at + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 91 /* [ */) return -1;
    if (c === 93 /* ] */) return seen ? i + 1 : -1;
    if (c === 10) continue;
    if (++size > LABEL_MAX) return -1;
    if (c !== 32 && c !== 9) seen = true;
    if (c === 92 /* \ */) {
      const next = s.charCodeAt(i + 1);
      if (next === 91 || next === 93 || next === 92) {
        i++;
        if (++size > LABEL_MAX) return -1;
      }
    }
  }
  return -1;
}

/** A label as definitions and references are matched: whitespace collapsed, case folded. */
export function normalizeLinkLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

export interface Destination {
  /** The destination's text, inside any `<…>`. */
  start: number;
  end: number;
  /** Just past the destination. */
  next: number;
}

/** A link destination at `at`, `<…>` or bare with at most `parenMax` nested parentheses. */
export function scanDestination(s: string, at: number, parenMax: number): Destination | undefined {
  let c = s.charCodeAt(at);
  if (c === 60 /* < */) {
    for (let i = at + 1; i < s.length; i++) {
      c = s.charCodeAt(i);
      if (c === 62 /* > */) return { start: at + 1, end: i, next: i + 1 };
      if (c === 60 || c === 10) return undefined;
      if (c === 92) {
        const next = s.charCodeAt(i + 1);
        if (next === 60 || next === 62 || next === 92) i++;
      }
    }
    return undefined;
  }
  if (Number.isNaN(c) || c === 32 || c === 41 /* ) */ || isAsciiControl(c)) return undefined;
  let balance = 0;
  let i = at;
  for (;;) {
    c = s.charCodeAt(i);
    if (balance === 0 && (Number.isNaN(c) || c === 41 || isLineEndingOrSpace(c))) return { start: at, end: i, next: i };
    if (c === 40 /* ( */ && balance < parenMax) {
      balance++;
      i++;
      continue;
    }
    if (c === 41) {
      balance--;
      i++;
      continue;
    }
    if (Number.isNaN(c) || c === 32 || c === 40 || isAsciiControl(c)) return undefined;
    i++;
    if (c === 92) {
      const next = s.charCodeAt(i);
      if (next === 40 || next === 41 || next === 92) i++;
    }
  }
}

/**
 * Finds where link titles end in one text. A title left open is searched to
 * the end of the text, so the last answer for each closing character is kept:
 * searches start just past an opening quote, never inside a run of
 * backslashes, so a later search meets the same escapes and the same closer.
 */
export class TitleScanner {
  /** Made at the first title: a block's links mostly have none, and the scanner is made for the first link. */
  private last: Map<number, { from: number; close: number; end: number }> | undefined;

  constructor(private readonly s: string) {}

  /** The title at `at` (`"…"`, `'…'` or `(…)`): the index just past it, or -1. */
  scan(at: number): number {
    const s = this.s;
    const open = s.charCodeAt(at);
    if (open !== 34 && open !== 39 && open !== 40) return -1;
    const close = open === 40 ? 41 : open;
    const from = at + 1;
    // A scan from `from` ends where the last one from before it ended, if that is at or after `from`.
    const last = this.last?.get(close);
    if (last && from >= last.from && from <= last.end) return last.close < 0 ? -1 : last.close + 1;
    let found = -1;
    let end = s.length;
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === close) {
        found = end = i;
        break;
      }
      // A `(` in a title in parentheses must be escaped (CommonMark 0.31; micromark takes it).
      if (c === 40 && open === 40) {
        end = i;
        break;
      }
      if (c === 92) {
        const next = s.charCodeAt(i + 1);
        if (next === close || next === open || next === 92) i++;
      }
    }
    (this.last ??= new Map()).set(close, { from, close: found, end });
    return found < 0 ? -1 : found + 1;
  }
}

/** The index of the first character at or after `at` that is no space, tab or line break. */
export function skipWhitespace(s: string, at: number): number {
  let i = at;
  while (i < s.length && isLineEndingOrSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The inline link's `(destination "title")` at `at` (its `(`): the destination, if any, and the index past `)`. */
export function scanResource(s: string, at: number, titles: TitleScanner): { destination?: Destination; end: number } | undefined {
  let i = skipWhitespace(s, at + 1);
  if (s.charCodeAt(i) === 41) return { end: i + 1 };
  const destination = scanDestination(s, i, RESOURCE_PAREN_MAX);
  if (!destination) return undefined;
  i = destination.next;
  if (isLineEndingOrSpace(s.charCodeAt(i))) {
    i = skipWhitespace(s, i);
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39 || c === 40) {
      i = titles.scan(i);
      if (i < 0) return undefined;
      i = skipWhitespace(s, i);
    }
  }
  return s.charCodeAt(i) === 41 ? { destination, end: i + 1 } : undefined;
}
