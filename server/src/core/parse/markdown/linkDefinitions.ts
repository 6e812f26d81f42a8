import { Char, isSpaceOrTab, LF } from './characters';
import type { Segment } from './inlineSource';
import { normalizeLinkLabel, scanDestination, scanLabel, skipWhitespace, TitleScanner } from './linkSyntax';

/**
 * The link reference definitions at the start of a paragraph: each one's
 * label is added to `definitions` (the first of a label counts), and the
 * number of lines they take is returned.
 */
export function resolveDefinitions(text: string, segments: Segment[], definitions: Set<string>): number {
  if (segments.length === 0 || text.charCodeAt(segments[0].start) !== Char.LeftBracket) return 0;
  const content = segments.map(s => text.slice(s.start, s.end)).join('\n');
  const titles = new TitleScanner(content);
  let at = 0;
  let used = 0;
  while (at < content.length && content.charCodeAt(at) === Char.LeftBracket) {
    const end = definitionEnd(content, at, titles, definitions);
    if (end < 0) break;
    for (let i = at; i < end; i++) if (content.charCodeAt(i) === LF) used++;
    at = end;
    if (at >= content.length) return segments.length;
    used++;
    at++;
  }
  return used;
}

/** The end (the line break or the text's end) of the definition at `at`, or -1. */
function definitionEnd(s: string, at: number, titles: TitleScanner, definitions: Set<string>): number {
  const labelEnd = scanLabel(s, at);
  if (labelEnd < 0 || s.charCodeAt(labelEnd) !== Char.Colon) return -1;
  const destination = scanDestination(s, skipWhitespace(s, labelEnd + 1), Infinity);
  if (!destination) return -1;
  let end = -1;
  const afterDestination = destination.next;
  const c = s.charCodeAt(afterDestination);
  if (isSpaceOrTab(c) || c === LF) {
    const titleEnd = titles.scan(skipWhitespace(s, afterDestination));
    if (titleEnd >= 0) end = lineEndAfterBlanks(s, titleEnd);
  }
  if (end < 0) end = lineEndAfterBlanks(s, afterDestination);
  if (end < 0) return -1;
  definitions.add(normalizeLinkLabel(s.slice(at + 1, labelEnd - 1)));
  return end;
}

function lineEndAfterBlanks(s: string, at: number): number {
  let i = at;
  while (isSpaceOrTab(s.charCodeAt(i))) i++;
  return i >= s.length || s.charCodeAt(i) === LF ? i : -1;
}
