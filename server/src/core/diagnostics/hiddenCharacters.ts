import type { Check } from './checkContext';

/** Characters that show nothing, or reorder what is shown: a reviewer does not see what the agent reads. */
const HIDDEN = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]+/g;
/** The same characters, one is enough: the test every clean file passes through. */
const ANY_HIDDEN = new RegExp(HIDDEN.source);

const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen', 0x061c: 'Arabic letter mark', 0x180e: 'Mongolian vowel separator',
  0x200b: 'zero width space', 0x200c: 'zero width non-joiner', 0x200d: 'zero width joiner', 0x200e: 'left-to-right mark', 0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting', 0x202d: 'left-to-right override', 0x202e: 'right-to-left override',
  0x2060: 'word joiner', 0x2061: 'function application', 0x2062: 'invisible times', 0x2063: 'invisible separator', 0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate', 0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate', 0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space',
};

/** A file with more is garbage, or an attack: the first ones say enough. */
const MAX_REPORTED = 100;

function isBidi(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c;
}

/** Each run of invisible or bidirectional control characters, but a byte-order mark at the very start. */
export const checkHiddenCharacters: Check = context => {
  const text = context.role.lines.text;
  if (!ANY_HIDDEN.test(text)) return;
  let reported = 0;
  for (const m of text.matchAll(HIDDEN)) {
    let start = m.index!;
    if (start === 0 && text.charCodeAt(0) === 0xfeff) start++;
    const end = m.index! + m[0].length;
    if (start >= end) continue;
    if (reported++ === MAX_REPORTED) break;
    const codes = [...new Set([...text.slice(start, end)].map(c => c.charCodeAt(0)))];
    const named = codes.map(c => `U+${c.toString(16).toUpperCase().padStart(4, '0')} (${NAMES[c]})`).join(', ');
    const what = codes.some(isBidi)
      ? `Bidirectional control character ${named}: it can make the text show in another order than the agent reads it.`
      : `Invisible character ${named}: it hides text from a reviewer, not from the agent that reads the file.`;
    context.report('hidden-character', start, end, `${what} Remove it unless it is meant.`);
  }
};
