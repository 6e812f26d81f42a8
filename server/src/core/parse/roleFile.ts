import { LineIndex } from '../text/lineIndex';
import { basename, dirname } from '../util/paths';
import { isSlug, stemOf } from '../util/slug';
import type { ReferenceBullet } from './bullets';
import { parseFrontmatter, type Frontmatter } from './frontmatter';
import { codeSpanOffset, destinationOffset, scanBody, type CodeSpan, type Heading, type LinkSpan } from './markdownScanner';
import { FLEET_PARSE_RULES, type ParseRules } from './parseRules';
import { bodyReferences } from './bodyReferences';
import { trailingBlanksStart } from './markdown/characters';
import { placedReferences, referencePlaces } from './placedReferences';
import { coverageOf, sortByStart, spanIndexAt, type Span } from './spans';
import { spanCursor } from './spanCursor';

/** One written declaration of a key: its value and where the value stands. */
export interface Declaration {
  key: string;
  value: unknown;
  /** The value as written, for messages. */
  raw: string;
  form: 'frontmatter' | 'inline';
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface RoleReference {
  name: string;
  /** Bold and links count anywhere; code spans and plain names where references stand; `key` is a frontmatter value. */
  kind: 'bold' | 'link' | 'code' | 'plain' | 'key';
  /** Offsets of the role name itself (inside the asterisks, or the file name in the link). */
  start: number;
  end: number;
  /**
   * Whether the reference stands where references are checked, so every
   * name must exist: the fleet's Boundaries, or the format's other
   * sections, labelled lists and frontmatter keys.
   */
  inCheckedPlace: boolean;
  /** A plain name that may be prose: a reference when a role has that name, else prose (no diagnostic, no hover). */
  weak?: boolean;
  /** A weak name where a name stands: reported when it is a near miss of exactly one role. */
  spelling?: boolean;
  /** Index into `sectionBullets` when the reference stands in a bullet of a reference section (the fleet's Boundaries). */
  bullet?: number;
  /** A name found in the body's prose (see bodyReferences): its own name there is no self-reference. */
  inBody?: boolean;
  /** The roster, labelled list or agents column the name stands in: it must name a role when another name of the group does. */
  group?: number;
}

export type { ReferenceBullet } from './bullets';

export interface Section {
  name: string;
  heading: Heading;
  /** Offset range of the section's content, up to the next heading of level 1 or 2. */
  contentStart: number;
  contentEnd: number;
}

export interface ParsedRole {
  path: string;
  stem: string;
  /** An upper-case document such as LIBRARY.md: read for references, not checked. */
  isDocument: boolean;
  lines: LineIndex;
  frontmatter?: Frontmatter;
  title?: Heading;
  /** The first non-blank line of the body, for "missing-title". */
  firstContentLine: number;
  headings: Heading[];
  sections: Section[];
  /** Every `key: value` code span before the first `##` heading. */
  inlineDeclarations: Declaration[];
  references: RoleReference[];
  /** The bullets of the reference sections (the fleet's Boundaries): each should name a role. */
  sectionBullets: ReferenceBullet[];
  /** Where references stand in the body: the format's reference sections and labelled lists. */
  referencePlaces: Span[];
  /** HTML comments, for the directives that silence diagnostics. */
  comments: Span[];
  /** Code blocks (fenced and indented) and HTML blocks: no reference, and no completion, inside. */
  codeBlocks: Span[];
  /** Where a folder is the role (a skill): the body's inline links and images, in text order, which name the folder's files. */
  fileLinks?: LinkSpan[];
  /** Where a folder is the role: the body's code spans, in text order, some of which name the folder's files (`references/api.md`). */
  fileCodeSpans?: CodeSpan[];
}

// The value's trailing blanks are cut in code: a lazy value before `[ \t]*$` would rescan a run of blanks at each of its characters.
const INLINE_DECLARATION = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$/;

export function parseRole(path: string, text: string, rules: ParseRules = FLEET_PARSE_RULES): ParsedRole {
  const lines = new LineIndex(text);
  const frontmatter = parseFrontmatter(lines);
  const bodyLine = frontmatter?.bodyLine ?? 0;
  const body = scanBody(lines, bodyLine);

  let firstContentLine = bodyLine;
  while (firstContentLine < lines.lineCount && lines.lineText(firstContentLine).trim() === '') firstContentLine++;
  if (firstContentLine >= lines.lineCount) firstContentLine = Math.min(bodyLine, lines.lineCount - 1);

  const firstH1 = body.headings.find(h => h.level === 1);
  const firstSectionHeading = body.headings.find(h => h.level >= 2);
  const leadEnd = firstSectionHeading ? firstSectionHeading.start : text.length;

  const sections = collectSections(body.headings, text.length);
  const referenceSections = rules.referenceSections.size === 0 ? [] : sections.filter(s => rules.referenceSections.has(s.name.toLowerCase()));
  const places = referencePlaces(lines, body, referenceSections, rules);
  const sectionBullets = places.filter(p => p.isSection).flatMap(p => p.bullets);

  const references: RoleReference[] = [];
  // Places may overlap (a labelled list inside a reference section): asked of their union.
  const inPlace = coverageOf(places);
  // Strong spans and links each come in text order, as do bullets: a cursor per pass.
  let bulletAt = spanCursor(sectionBullets);
  for (const strong of body.strongs) {
    // Bold is `**name**`: `__name__` is strong emphasis too, but not a reference.
    if (strong.marker !== '*' || strong.text === undefined || !isSlug(strong.text)) continue;
    references.push({
      name: strong.text,
      kind: 'bold',
      start: strong.start,
      end: strong.end,
      inCheckedPlace: inPlace(strong.start),
      bullet: bulletAt(strong.start),
    });
  }
  bulletAt = spanCursor(sectionBullets);
  // A skill's links name its own files (`references/forms.md`), never another skill by its file.
  for (const link of rules.roleFile === undefined ? body.links : []) {
    const target = roleLinkTarget(link.destination, rules.extension);
    if (!target) continue;
    references.push({
      name: target.name,
      kind: 'link',
      start: destinationOffset(link, target.nameOffset),
      end: destinationOffset(link, target.nameOffset + target.nameLength),
      inCheckedPlace: inPlace(link.start),
      bullet: bulletAt(link.start),
    });
  }
  const placed =
    places.length > 0 || rules.referenceKeys.length > 0 || rules.toolRules !== undefined ? placedReferences(lines, body, frontmatter, places, rules) : [];
  // The fleet's format places no other forms: nothing to look for, and no table of the bold and links to make.
  if (placed.length > 0) {
    const taken = coverageOf(references);
    // Placed references never overlap one another (plain names skip code spans, keys stand in the
    // frontmatter) except the same name found again where two places share a bullet: the same start.
    const placedAt = new Set<number>();
    for (const ref of placed) {
      if (taken(ref.start) || placedAt.has(ref.start)) continue;
      placedAt.add(ref.start);
      // Field by field: a spread of placed references (of two shapes) took V8's slow path, 7 µs a reference.
      references.push({
        name: ref.name,
        kind: ref.kind,
        start: ref.start,
        end: ref.end,
        weak: ref.weak,
        spelling: ref.spelling,
        inCheckedPlace: true,
        bullet: ref.kind === 'key' ? undefined : spanIndexAt(sectionBullets, ref.start),
      });
    }
  }
  if (rules.referenceForms.includes('body')) addBodyReferences(references, bodyReferences(lines, body, bodyLine));
  sortByStart(references);

  const inlineDeclarations: Declaration[] = [];
  for (const span of body.codeSpans) {
    if (span.start >= leadEnd) break;
    const m = INLINE_DECLARATION.exec(span.content);
    if (!m) continue;
    const value = m[2].slice(0, trailingBlanksStart(m[2]));
    const valueIndex = span.content.trimEnd().length - value.length;
    inlineDeclarations.push({
      key: m[1],
      value,
      raw: value,
      form: 'inline',
      keyStart: codeSpanOffset(span, 0),
      keyEnd: codeSpanOffset(span, m[1].length),
      valueStart: codeSpanOffset(span, valueIndex),
      valueEnd: codeSpanOffset(span, valueIndex + value.length),
    });
  }

  const stem = roleStem(path, rules);
  return {
    path,
    stem,
    isDocument: rules.isDocument(stem, path),
    lines,
    frontmatter,
    title: firstH1,
    firstContentLine,
    headings: body.headings,
    sections,
    inlineDeclarations,
    references,
    sectionBullets,
    referencePlaces: places,
    comments: body.comments,
    codeBlocks: body.codeBlocks,
    fileLinks: rules.roleFile === undefined ? undefined : sortByStart([...body.links, ...body.images]),
    fileCodeSpans: rules.roleFile === undefined ? undefined : body.codeSpans,
  };
}

/**
 * Names found in the body, where no other form placed them. Bold found
 * anywhere is a reference already, but checked only where names stand:
 * a bold name the body places (a roster, a delegation) is checked so.
 */
function addBodyReferences(references: RoleReference[], found: ReturnType<typeof bodyReferences>): void {
  const at = new Map<number, RoleReference>();
  for (const ref of references) at.set(ref.start, ref);
  for (const ref of found) {
    const weak = ref.strong ? undefined : true;
    const existing = at.get(ref.start);
    if (existing) {
      if (existing.kind === 'bold' && !existing.inCheckedPlace)
        Object.assign(existing, { inCheckedPlace: true, inBody: true, weak, spelling: weak, group: ref.group });
      continue;
    }
    references.push({
      name: ref.name,
      kind: ref.kind,
      start: ref.start,
      end: ref.end,
      inCheckedPlace: true,
      inBody: true,
      weak,
      spelling: weak && ref.marked ? true : undefined,
      group: ref.group,
    });
  }
}

/** Each `##` section runs to the next heading of level 1 or 2: walked from the end, each heading is looked at once. */
function collectSections(headings: Heading[], textLength: number): Section[] {
  const sections: Section[] = [];
  let end = textLength;
  for (let i = headings.length - 1; i >= 0; i--) {
    const heading = headings[i];
    if (heading.level > 2) continue;
    if (heading.level === 2) sections.push({ name: heading.text, heading, contentStart: heading.end, contentEnd: end });
    end = heading.start;
  }
  return sections.reverse();
}

/**
 * A link reaches a role when its destination is a relative path to a
 * kebab-case `.md` file; the file name (less the format's extension) is the role's name. The destination
 * is read decoded (escapes, character references), and the name's place is
 * mapped back to the text.
 */
function roleLinkTarget(destination: string, extension: string): { name: string; nameOffset: number; nameLength: number } | undefined {
  // A scheme (`https:`), a root-relative path (`/roles/x.md`) or a network path (`//host/x.md`) leaves the library.
  if (/^[a-z][a-z0-9+.-]*:/i.test(destination) || destination.startsWith('/')) return undefined;
  const pathPart = destination.replace(/[?#].*$/, '');
  const lower = pathPart.toLowerCase();
  if (!lower.endsWith('.md')) return undefined;
  // A format's longer extension ('.agent.md') is part of no role's name.
  const cut = lower.endsWith(extension.toLowerCase()) ? extension.length : 3;
  const nameOffset = pathPart.lastIndexOf('/') + 1;
  let name: string;
  try {
    name = decodeURIComponent(pathPart.slice(nameOffset, -cut));
  } catch {
    return undefined;
  }
  if (!isSlug(name)) return undefined;
  return { name, nameOffset, nameLength: pathPart.length - cut - nameOffset };
}

/** The name a role's file gives it: the file's, or, where every role file has one name (a skill's `SKILL.md`), its folder's. */
export function roleStem(path: string, rules: Pick<ParseRules, 'roleFile' | 'extension'>): string {
  return rules.roleFile === undefined ? stemOf(path, rules.extension) : basename(dirname(path));
}
