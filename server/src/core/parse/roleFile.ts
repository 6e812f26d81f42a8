import { LineIndex } from '../text/lineIndex';
import { isDocumentName, isSlug, stemOf } from '../util/slug';
import { parseFrontmatter, type Frontmatter } from './frontmatter';
import { codeSpanOffset, destinationOffset, scanBody, type Heading, type ListItem } from './markdownScanner';
import { sortByStart, type Span } from './spans';
import { spanCursor } from './spanCursor';

export const DECLARATION_KEYS = ['class', 'domain', 'persistent_persona'] as const;
export type DeclarationKey = (typeof DECLARATION_KEYS)[number];

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
  slug: string;
  kind: 'bold' | 'link';
  /** Offsets of the role name itself (inside the asterisks, or the file name in the link). */
  start: number;
  end: number;
  /** Whether the reference stands in the Boundaries section, where every name must exist. */
  inBoundaries: boolean;
  /** Index into `boundaries` when the reference stands in a Boundaries bullet. */
  bullet?: number;
}

export interface BoundaryBullet {
  line: number;
  start: number;
  end: number;
}

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
  boundaries: BoundaryBullet[];
  /** HTML comments, for the directives that silence diagnostics. */
  comments: Span[];
  /** Code blocks (fenced and indented) and HTML blocks: no reference, and no completion, inside. */
  codeBlocks: Span[];
}

const INLINE_DECLARATION = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/;

export function parseRole(path: string, text: string): ParsedRole {
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
  const boundariesSection = sections.find(s => s.name.toLowerCase() === 'boundaries');
  const boundaries = boundariesSection ? collectBullets(body.listItems, boundariesSection) : [];

  const references: RoleReference[] = [];
  const inBoundaries = (offset: number) =>
    boundariesSection !== undefined && offset >= boundariesSection.contentStart && offset < boundariesSection.contentEnd;
  // Strong spans and links each come in text order, as do bullets: a cursor per pass.
  let bulletAt = spanCursor(boundaries);
  for (const strong of body.strongs) {
    // Bold is `**name**`: `__name__` is strong emphasis too, but not a reference.
    if (strong.marker !== '*' || strong.text === undefined || !isSlug(strong.text)) continue;
    references.push({ slug: strong.text, kind: 'bold', start: strong.start, end: strong.end, inBoundaries: inBoundaries(strong.start), bullet: bulletAt(strong.start) });
  }
  bulletAt = spanCursor(boundaries);
  for (const link of body.links) {
    const target = roleLinkTarget(link.destination);
    if (!target) continue;
    references.push({
      slug: target.slug, kind: 'link', start: destinationOffset(link, target.nameOffset), end: destinationOffset(link, target.nameOffset + target.nameLength),
      inBoundaries: inBoundaries(link.start), bullet: bulletAt(link.start),
    });
  }
  sortByStart(references);

  const inlineDeclarations: Declaration[] = [];
  for (const span of body.codeSpans) {
    if (span.start >= leadEnd) break;
    const m = INLINE_DECLARATION.exec(span.content);
    if (!m) continue;
    const valueIndex = span.content.trimEnd().length - m[2].length;
    inlineDeclarations.push({
      key: m[1], value: inlineValue(m[1], m[2]), raw: m[2], form: 'inline',
      keyStart: codeSpanOffset(span, 0), keyEnd: codeSpanOffset(span, m[1].length),
      valueStart: codeSpanOffset(span, valueIndex), valueEnd: codeSpanOffset(span, valueIndex + m[2].length),
    });
  }

  const stem = stemOf(path);
  return {
    path, stem, isDocument: isDocumentName(stem), lines, frontmatter,
    title: firstH1, firstContentLine, headings: body.headings, sections, inlineDeclarations, references, boundaries,
    comments: body.comments, codeBlocks: body.codeBlocks,
  };
}

/** Inline values are text; only the persistence flag's bare true/false read as booleans. */
function inlineValue(key: string, raw: string): unknown {
  if (key === 'persistent_persona') {
    if (raw === 'true') return true;
    if (raw === 'false') return false;
  }
  return raw;
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

/** The section's bullets: the items of the lists that stand in the document itself, nested items and continuation lines included. */
function collectBullets(items: ListItem[], section: Section): BoundaryBullet[] {
  return items
    .filter(item => item.start >= section.contentStart && item.start < section.contentEnd)
    .map(item => ({ line: item.line, start: item.start, end: item.end }));
}

/**
 * A link reaches a role when its destination is a relative path to a
 * kebab-case `.md` file; the file name is the role's name. The destination
 * is read decoded (escapes, character references), and the name's place is
 * mapped back to the text.
 */
function roleLinkTarget(destination: string): { slug: string; nameOffset: number; nameLength: number } | undefined {
  // A scheme (`https:`), a root-relative path (`/roles/x.md`) or a network path (`//host/x.md`) leaves the library.
  if (/^[a-z][a-z0-9+.-]*:/i.test(destination) || destination.startsWith('/')) return undefined;
  const pathPart = destination.replace(/[?#].*$/, '');
  if (!pathPart.toLowerCase().endsWith('.md')) return undefined;
  const nameOffset = pathPart.lastIndexOf('/') + 1;
  let slug: string;
  try {
    slug = decodeURIComponent(pathPart.slice(nameOffset, -3));
  } catch {
    return undefined;
  }
  if (!isSlug(slug)) return undefined;
  return { slug, nameOffset, nameLength: pathPart.length - 3 - nameOffset };
}
