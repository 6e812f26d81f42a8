import { Char, isSpaceOrTab } from './characters';

/** The patterns of block starts, each tried at a line's first non-blank character. */
export const ATX = /#{1,6}(?:[ \t]+|$)/y;
export const FENCE = /`{3,}(?![^]*`)|~{3,}/y;
export const FENCE_CLOSE = /(?:`{3,}|~{3,})(?=[ \t]*$)/y;
export const SETEXT = /(?:=+|-+)[ \t]*$/y;
export const ORDERED = /(\d{1,9})([.)])/y;

/** A line whose first non-blank character is none of these starts no block: the common case is decided by one lookup. */
const MAYBE_SPECIAL = new Uint8Array(128);
for (const c of '#`~*+_=<>0123456789|:-') MAYBE_SPECIAL[c.charCodeAt(0)] = 1;

export function maybeStartsBlock(code: number): boolean {
  return code < 128 && MAYBE_SPECIAL[code] === 1;
}

/** The length of a sticky pattern's match at `at`, or -1: a test and its lastIndex, as a match array per line would be garbage. */
export function matchLength(re: RegExp, s: string, at: number): number {
  re.lastIndex = at;
  return re.test(s) ? re.lastIndex - at : -1;
}

/**
 * Whether the rest of a line, from its `*`, `_` or `-` at `at`, is a
 * thematic break: three or more of that character, and only spaces and tabs
 * besides. A scan, not a pattern: a regular expression of a repeated group
 * over a line of millions of `*` overflowed the stack.
 */
export function isThematicBreak(line: string, at: number): boolean {
  const marker = line.charCodeAt(at);
  let count = 0;
  for (let i = at; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === marker) count++;
    else if (!isSpaceOrTab(c)) return false;
  }
  return count >= 3;
}

/** The level of the ATX heading whose `#`s start at `at`. */
export function atxLevel(line: string, at: number): number {
  let level = 0;
  while (line.charCodeAt(at + level) === Char.Hash) level++;
  return level;
}

/**
 * A heading's text without its closing sequence of `#`s, when the text is
 * only that or a blank precedes it. Scanned from the end: a pattern for
 * blanks before `#`s rescanned a run of blanks at each blank (quadratic).
 */
export function withoutClosingSequence(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && text.charCodeAt(hashes - 1) === Char.Hash) hashes--;
  if (hashes === end || (hashes > 0 && !isSpaceOrTab(text.charCodeAt(hashes - 1)))) return text;
  while (hashes > 0 && isSpaceOrTab(text.charCodeAt(hashes - 1))) hashes--;
  return text.slice(0, hashes);
}
