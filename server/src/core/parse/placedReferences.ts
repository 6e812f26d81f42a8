import type { LineIndex } from '../text/lineIndex';
import { lowerBound } from '../util/lowerBound';
import { isSlug } from '../util/slug';
import { collectBullets, type ReferenceBullet } from './bullets';
import type { Frontmatter } from './frontmatter';
import { frontmatterItems } from './frontmatterItems';
import { toolRuleReferences } from './toolRuleReferences';
import { codeSpanOffset, type ScannedBody } from './markdownScanner';
import { labelLineKey, type ParseRules } from './parseRules';
import { plainNameStrength } from './plainNameStrength';
import { coverageOf, firstStartingAt, type Span } from './spans';

/** Where references stand in the body: a reference section's content, or a labelled list; with its bullets. */
export interface ReferencePlace extends Span {
  bullets: ReferenceBullet[];
  /** A reference section, whose every bullet should name a role; else a labelled list. */
  isSection: boolean;
}

export interface PlacedReference {
  name: string;
  kind: 'code' | 'plain' | 'key';
  start: number;
  end: number;
  /** A plain name that may be prose (see plainNameStrength): a reference when a role has that name, else prose. */
  weak?: boolean;
  /** A weak name where a name stands ("- architet on the design"): reported when it is a near miss of exactly one role. */
  spelling?: boolean;
}

/** A plain kebab-case name; one of two words or more is a name, a single word may be prose. */
const PLAIN_NAME = /(?<![\w./@#:-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w/@-]|\.[a-z0-9])/g;

/** The format's reference sections and its labelled lists, in text order. */
export function referencePlaces(
  lines: LineIndex,
  body: ScannedBody,
  sections: ReadonlyArray<{ contentStart: number; contentEnd: number }>,
  rules: ParseRules,
): ReferencePlace[] {
  const places: ReferencePlace[] = sections.map(s => ({ start: s.contentStart, end: s.contentEnd, bullets: [], isSection: true }));
  if (rules.referenceLabels.size > 0) {
    const inCode = coverageOf(body.codeBlocks);
    const inItem = coverageOf(body.listItems);
    for (let line = 0; line < lines.lineCount; line++) {
      const text = lines.lineText(line);
      if (!text.includes(':') && !/^\s{0,3}#/.test(text)) continue;
      const start = lines.lineStarts[line];
      if (!rules.referenceLabels.has(labelLineKey(text)) || inCode(start) || inItem(start)) continue;
      const end = listEnd(lines, body.listItems, line);
      if (end !== undefined) places.push({ start: lines.lineEnd(line), end, bullets: [], isSection: false });
    }
    places.sort((a, b) => a.start - b.start);
  }
  for (const place of places) place.bullets = collectBullets(body.listItems, { contentStart: place.start, contentEnd: place.end });
  return places;
}

/** Anything but blanks and line breaks (the characters `trim` drops). */
const NON_BLANK = /\S/g;

/**
 * The end of the list right after a label line (blank lines between allowed, nothing else), or undefined when none follows.
 * The first item after the label is found by binary search, and the gap before an item is read only up to its first
 * non-blank character: each item is then looked at by the label right before it alone.
 */
function listEnd(lines: LineIndex, items: ScannedBody['listItems'], labelLine: number): number | undefined {
  let end: number | undefined;
  let from = lines.lineEnd(labelLine);
  for (let i = firstStartingAt(items, from); i < items.length; i++) {
    NON_BLANK.lastIndex = from;
    const nonBlank = NON_BLANK.exec(lines.text);
    if (nonBlank !== null && nonBlank.index < items[i].start) break;
    end = items[i].end;
    from = items[i].end;
  }
  return end;
}

/** The references written in the format's other forms: code spans and plain names in the places, and the values of reference keys. */
export function placedReferences(
  lines: LineIndex,
  body: ScannedBody,
  frontmatter: Frontmatter | undefined,
  places: readonly ReferencePlace[],
  rules: ParseRules,
): PlacedReference[] {
  const out: PlacedReference[] = [];
  const inPlace = coverageOf(places);
  const inComment = coverageOf(body.comments);
  if (rules.referenceForms.includes('code')) {
    for (const span of body.codeSpans) {
      if (!inPlace(span.start) || !isSlug(span.content) || inComment(span.start)) continue;
      const start = codeSpanOffset(span, 0);
      out.push({ name: span.content, kind: 'code', start, end: start + span.content.length });
    }
  }
  if (rules.referenceForms.includes('plain')) {
    // Names inside code, bold or links are those forms' business, or none.
    const hidden = coverageOf([...body.codeSpans, ...body.strongs, ...body.links, ...body.comments]);
    // The other forms' references, by where they end: a plain name joined to one ("**a** and b") is placed as it is.
    const marked = [
      ...body.strongs.filter(s => s.marker === '*' && s.text !== undefined && isSlug(s.text)),
      ...body.codeSpans.filter(s => isSlug(s.content)),
      ...body.links,
    ]
      .map(s => s.end)
      .sort((a, b) => a - b);
    for (const place of places) {
      for (const bullet of place.bullets) {
        const text = lines.text.slice(bullet.start, bullet.end);
        let previous = bullet.start;
        for (const m of text.matchAll(PLAIN_NAME)) {
          const start = bullet.start + m.index!;
          if (hidden(start)) continue;
          previous = Math.max(previous, lastBefore(marked, start, bullet.start));
          const next = /^[ \t]+([A-Za-z]+)/.exec(text.slice(m.index! + m[0].length))?.[1];
          const sincePrevious = previous > bullet.start ? lines.text.slice(previous, start) : undefined;
          const strength = plainNameStrength(m[0], text.slice(0, m.index!), sincePrevious, next);
          if (strength !== 'weak') previous = start + m[0].length;
          out.push({
            name: m[0],
            kind: 'plain',
            start,
            end: start + m[0].length,
            weak: strength === 'strong' ? undefined : true,
            spelling: strength === 'spelling' || undefined,
          });
        }
      }
    }
  }
  for (const key of rules.referenceKeys) {
    // `agents: ['*']` allows every agent: a wildcard, not a name.
    for (const item of frontmatterItems(lines, frontmatter, key))
      if (item.value !== '*') out.push({ name: item.value, kind: 'key', start: item.start, end: item.end });
  }
  // A loop, not a spread: a tools key may hold more rules than a call takes arguments.
  if (rules.toolRules) for (const reference of toolRuleReferences(lines, frontmatter, rules.toolRules)) out.push(reference);
  return out;
}

/** The last of the sorted offsets before `offset` and past `floor`, else `floor`. */
function lastBefore(sorted: readonly number[], offset: number, floor: number): number {
  const after = lowerBound(sorted, end => end <= offset);
  return after > 0 && sorted[after - 1] > floor ? sorted[after - 1] : floor;
}
