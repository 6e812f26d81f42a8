/** Character classes of CommonMark, on UTF-16 code units as micromark reads them (NaN: the start or end of the text). */

export const TAB = 9;
export const LF = 10;
export const SPACE = 32;

/** The characters that open or make blocks, by name: a `const enum`, so each use compiles to its number. */
export const enum Char {
  Tab = 9,
  Space = 32,
  Hash = 35,
  Asterisk = 42,
  Plus = 43,
  Hyphen = 45,
  Digit0 = 48,
  Digit1 = 49,
  Digit9 = 57,
  Colon = 58,
  LessThan = 60,
  Equals = 61,
  GreaterThan = 62,
  LeftBracket = 91,
  Underscore = 95,
  Backtick = 96,
  Pipe = 124,
  Tilde = 126,
  ByteOrderMark = 0xfeff,
}

export function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Where the spaces and tabs that end `text` begin: its length when none do. A loop, never a pattern, so a long run stays linear. */
export function trailingBlanksStart(text: string): number {
  let end = text.length;
  while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Space, tab or line break: what ends a bare link destination or separates a title. */
export function isLineEndingOrSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === 13;
}

export function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

export function isAsciiControl(code: number): boolean {
  return code < 32 || code === 127;
}

export function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

export const enum CharClass {
  Other,
  Whitespace,
  Punctuation,
}

/** Whitespace, punctuation or other, for the flanking rules of emphasis. */
export function classify(code: number): CharClass {
  if (Number.isNaN(code) || code === SPACE || code === TAB || code === LF || code === 13) return CharClass.Whitespace;
  if (code < 128) return isAsciiPunctuation(code) ? CharClass.Punctuation : CharClass.Other;
  const ch = String.fromCharCode(code);
  if (UNICODE_WHITESPACE.test(ch)) return CharClass.Whitespace;
  return UNICODE_PUNCTUATION.test(ch) ? CharClass.Punctuation : CharClass.Other;
}
