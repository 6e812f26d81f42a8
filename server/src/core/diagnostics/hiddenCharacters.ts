import { coverageOf } from '../parse/spans';
import type { Check } from './checkContext';

/**
 * Characters that show nothing, or reorder what is shown: a reviewer does not
 * see what the agent reads. Tag characters (U+E0000–U+E007F) spell hidden
 * ASCII, but inside a flag's emoji sequence.
 */
const HIDDEN = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]+/gu;
/** The same characters, one is enough: the test every clean file passes through. */
const ANY_HIDDEN = new RegExp(HIDDEN.source, 'u');

const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space',
};

function nameOf(code: number): string {
  return NAMES[code] ?? 'tag character';
}

/** A file with more is garbage, or an attack: the first ones say enough. */
const MAX_REPORTED = 100;

function isBidi(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c;
}

/**
 * Each run of invisible or bidirectional control characters, but a
 * byte-order mark at the very start, and those meant to be there: the
 * joiners and tags of an emoji sequence (`👨‍💻`, a flag's tags), a joiner
 * between letters of a script that writes with it (Devanagari, Arabic), and
 * an invisible character put before a fence inside a code block, which keeps
 * the example's fence from closing the block (removing it breaks the example).
 */
export const checkHiddenCharacters: Check = context => {
  const text = context.role.lines.text;
  if (!ANY_HIDDEN.test(text)) return;
  const inCode = coverageOf(context.role.codeBlocks);
  let reported = 0;
  for (const m of text.matchAll(HIDDEN)) {
    const runEnd = m.index! + m[0].length;
    if (guardsFence(text, m.index!, runEnd, inCode)) continue;
    let start = -1;
    for (let at = m.index!; at <= runEnd; at += at < runEnd && text.codePointAt(at)! > 0xffff ? 2 : 1) {
      const meant = at < runEnd && ((at === 0 && text.charCodeAt(0) === 0xfeff) || isMeant(text, at, m.index!, runEnd));
      if (at < runEnd && !meant) {
        if (start < 0) start = at;
        continue;
      }
      if (start < 0) continue;
      if (reported++ === MAX_REPORTED) return;
      report(context, text, start, at);
      start = -1;
    }
  }
};

function report(context: Parameters<Check>[0], text: string, start: number, end: number): void {
  const codes = [...new Set([...text.slice(start, end)].map(c => c.codePointAt(0)!))];
  const named = codes.map(c => `U+${c.toString(16).toUpperCase().padStart(4, '0')} (${nameOf(c)})`).join(', ');
  const what = codes.some(isBidi)
    ? `Bidirectional control character ${named}: it can make the text show in another order than the agent reads it.`
    : `Invisible character ${named}: it hides text from a reviewer, not from the agent that reads the file.`;
  context.report('hidden-character', start, end, `${what} Remove it unless it is meant.`);
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** What may stand between an emoji and the joiner after it: a variation selector, a skin tone. */
const EMOJI_MODIFIER = /[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/u;
/** Scripts whose writing uses the zero-width joiner and non-joiner between letters. */
const JOINING_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]/u;
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

/** The code point that ends just before `at`. */
function before(text: string, at: number): { code: number; at: number } | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return { code: text.codePointAt(start)!, at: start };
}

function isMeant(text: string, at: number, runStart: number, runEnd: number): boolean {
  const code = text.codePointAt(at)!;
  if (code === 0x200d || code === 0x200c) {
    let previous = before(text, at);
    while (previous && EMOJI_MODIFIER.test(String.fromCodePoint(previous.code))) previous = before(text, previous.at);
    const next = text.codePointAt(at + 1);
    if (previous === undefined || next === undefined) return false;
    const [p, n] = [String.fromCodePoint(previous.code), String.fromCodePoint(next)];
    if (code === 0x200d && PICTOGRAPHIC.test(p) && PICTOGRAPHIC.test(n)) return true;
    return JOINING_SCRIPT.test(p) && JOINING_SCRIPT.test(n);
  }
  if (code >= 0xe0000 && code <= 0xe007f) {
    // A flag: the black flag, tags that spell a region, the cancel tag; all of it.
    const flag = before(text, runStart);
    const last = before(text, runEnd);
    return flag?.code === BLACK_FLAG && last?.code === CANCEL_TAG;
  }
  return false;
}

/** Invisible characters alone before a fence on a line of a code block: they keep an example's fence from closing the block. */
function guardsFence(text: string, start: number, end: number, inCode: (offset: number) => boolean): boolean {
  if (!inCode(start)) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, start)) && /^(?:`{3,}|~{3,})/.test(text.slice(end, end + 3));
}
