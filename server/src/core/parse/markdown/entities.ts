import { decodeHTMLStrict } from 'entities';
import { isAsciiAlphanumeric, isAsciiPunctuation } from './characters';

/**
 * The character reference at `at` (`&amp;`, `&#45;`, `&#x2D;`): its text and
 * where it ends, or undefined when the `&` starts none (it is then a literal `&`).
 */
export function characterReferenceAt(text: string, at: number, end: number): { value: string; end: number } | undefined {
  let i = at + 1;
  if (text.charCodeAt(i) === 35 /* # */) {
    i++;
    const hex = text.charCodeAt(i) === 120 || text.charCodeAt(i) === 88;
    if (hex) i++;
    const digitsStart = i;
    const max = hex ? 6 : 7;
    while (i < end && i - digitsStart < max && isDigit(text.charCodeAt(i), hex)) i++;
    if (i === digitsStart || text.charCodeAt(i) !== 59 /* ; */) return undefined;
    const code = parseInt(text.slice(digitsStart, i), hex ? 16 : 10);
    return { value: numericValue(code), end: i + 1 };
  }
  const nameStart = i;
  while (i < end && i - nameStart < 31 && isAsciiAlphanumeric(text.charCodeAt(i))) i++;
  if (i === nameStart || text.charCodeAt(i) !== 59) return undefined;
  const reference = text.slice(at, i + 1);
  const value = decodeHTMLStrict(reference);
  return value === reference ? undefined : { value, end: i + 1 };
}

function isDigit(code: number, hex: boolean): boolean {
  return (code >= 48 && code <= 57) || (hex && ((code >= 65 && code <= 70) || (code >= 97 && code <= 102)));
}

function numericValue(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/**
 * Text as Markdown reads it where escapes and character references count
 * (link destinations, plain text): each decoded character with the offset
 * of the text it came from, so a name found in the decoded text has a place
 * in the file.
 */
export function decodeText(text: string, start: number, end: number): { value: string; offsets?: number[] } {
  const raw = text.slice(start, end);
  // Searched in the slice: a search of the whole text from `start` would cost the rest of the text per call.
  if (raw.indexOf('\\') < 0 && raw.indexOf('&') < 0) return { value: raw };
  let value = '';
  const offsets: number[] = [];
  const push = (s: string, from: number) => {
    for (let k = 0; k < s.length; k++) offsets.push(from);
    value += s;
  };
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 92 && i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1))) {
      push(text[i + 1], i);
      i += 2;
      continue;
    }
    if (c === 38) {
      const reference = characterReferenceAt(text, i, end);
      if (reference) {
        push(reference.value, i);
        i = reference.end;
        continue;
      }
    }
    push(text[i], i);
    i++;
  }
  offsets.push(end);
  return { value, offsets };
}
