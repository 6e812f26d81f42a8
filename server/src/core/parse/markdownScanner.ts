import type { LineIndex } from '../text/lineIndex';
import { parseBlocks } from './markdown/blockParser';
import { decodeText } from './markdown/entities';
import { InlineParser } from './markdown/inlineParser';
import { InlineSource, type Segment } from './markdown/inlineSource';
import { nextIndexOf, RawHtmlScanner } from './markdown/rawHtml';
import { coverageOf, sortByStart, type Span } from './spans';

export interface Heading extends Span {
  level: number;
  line: number;
  text: string;
}

export interface CodeSpan extends Span {
  /** The span's text without its backticks, CommonMark-trimmed, each line break one space. */
  content: string;
  /** Where the content stands in its block's inline text, for codeSpanOffset. */
  source: InlineSource;
  contentIndex: number;
}

/** The text offset of an index into a code span's content (line breaks and container markers between lines skipped). */
export function codeSpanOffset(span: CodeSpan, index: number): number {
  return span.source.offset(span.contentIndex + index);
}

/** Strong emphasis; the span is its content, between the delimiters. */
export interface StrongSpan extends Span {
  marker: '*' | '_';
  /** The content with escapes and character references decoded, when it is plain text (no markup, one line); else undefined. */
  text?: string;
}

export interface LinkSpan extends Span {
  /** The destination with escapes and character references decoded. */
  destination: string;
  destinationStart: number;
  /** The text offset of each character of `destination` (and one past the last), when decoding moved them. */
  destinationOffsets?: number[];
}

/** The text offset of an index into a link's decoded destination. */
export function destinationOffset(link: LinkSpan, index: number): number {
  return link.destinationOffsets ? link.destinationOffsets[index] : link.destinationStart + index;
}

export interface ListItem extends Span {
  /** The line of the item's marker. */
  line: number;
}

/** A role file's body as a CommonMark reader (with GFM tables) builds it. */
export interface ScannedBody {
  /** Headings that stand in the document itself, not in a list or quote: they delimit its sections. */
  headings: Heading[];
  codeSpans: CodeSpan[];
  /** Strong emphasis outside image descriptions. */
  strongs: StrongSpan[];
  /** Inline links (not images, not reference-style links) outside image descriptions. */
  links: LinkSpan[];
  /** Inline images, with their destinations: a skill's files. */
  images: LinkSpan[];
  /** HTML comments, inline or in HTML blocks. */
  comments: Span[];
  /** Fenced and indented code blocks, and HTML blocks: no inline content inside. */
  codeBlocks: Span[];
  /** Items of the lists that stand in the document itself, each to the end of its last non-blank line. */
  listItems: ListItem[];
}

/** A block whose text holds none of these (` * _ [ <) has no markup a reference could come from, nor strong text that hides a plain name. */
const MAYBE_MARKUP = new Uint8Array(128);
for (const c of '`*_[<') MAYBE_MARKUP[c.charCodeAt(0)] = 1;

/** Looked at in the file, only within the segments, so a block with nothing to find costs no joined copy of its lines. */
function mayHoldMarkup(text: string, segments: Segment[]): boolean {
  for (const segment of segments) {
    for (let i = segment.start; i < segment.end; i++) {
      const c = text.charCodeAt(i);
      if (c < 128 && MAYBE_MARKUP[c] === 1) return true;
    }
  }
  return false;
}

/** Code blocks and HTML blocks in one list in text order; most files have only one kind, which needs no sort. */
function inTextOrder(codeBlocks: Span[], htmlBlocks: Span[]): Span[] {
  if (htmlBlocks.length === 0) return codeBlocks;
  if (codeBlocks.length === 0) return htmlBlocks;
  return sortByStart([...codeBlocks, ...htmlBlocks]);
}
/** Characters that a strong's plain-text content may hold: a name, escapes, character references. */
const PLAIN = /^[A-Za-z0-9\-\\&#;]*$/;

export function scanBody(lines: LineIndex, firstLine: number): ScannedBody {
  const text = lines.text;
  const blocks = parseBlocks(lines, firstLine);
  const out: ScannedBody = {
    // Kept with the parsed file: a copy of the exact length, not the parse's list with room to grow.
    headings: blocks.headings.slice(),
    codeSpans: [],
    strongs: [],
    links: [],
    images: [],
    comments: [],
    codeBlocks: inTextOrder(blocks.codeBlocks, blocks.htmlBlocks),
    listItems: blocks.items,
  };
  const inline = new InlineParser(blocks.definitions.size > 0 ? (label: string) => blocks.definitions.has(label) : undefined);
  let html = 0;
  const commentsIn = htmlComments(text);
  for (const segments of blocks.inlines) {
    // Comments of the HTML blocks before this block, so comments stay in text order.
    for (; html < blocks.htmlBlocks.length && blocks.htmlBlocks[html].start < segments[0].start; html++) commentsIn(blocks.htmlBlocks[html], out.comments);
    if (!mayHoldMarkup(text, segments)) continue;
    const source = new InlineSource(text, segments);
    const s = source.text;
    const spans = inline.parse(s);
    for (const code of spans.codes) out.codeSpans.push(codeSpan(text, source, code.start, code.end, code.contentStart, code.contentEnd));
    // Bold and links inside an image's text name nothing: alt text is no reference.
    const inImage = coverageOf(spans.images);
    // Strongs are found as they close, so a nested one comes before the one around it.
    for (const strong of sortByStart(spans.strongs)) {
      if (inImage(strong.start)) continue;
      const start = source.offset(strong.start);
      const end = source.offset(strong.end);
      // Plain text holds no line break, so it is one piece of the file: read from there, the name keeps no block text alive.
      const plain = PLAIN.test(s.slice(strong.start, strong.end));
      out.strongs.push({ start, end, marker: strong.marker === 42 ? '*' : '_', text: plain ? decodeText(text, start, end).value : undefined });
    }
    for (const link of spans.links) if (link.destination && !inImage(link.start)) out.links.push(linkSpan(text, source, link, link.destination));
    for (const image of spans.images) if (image.destination) out.images.push(linkSpan(text, source, image, image.destination));
    for (const comment of spans.comments) out.comments.push({ start: source.offset(comment.start), end: source.offset(comment.end) });
  }
  for (; html < blocks.htmlBlocks.length; html++) commentsIn(blocks.htmlBlocks[html], out.comments);
  return out;
}

/** A link or image in file offsets. A destination holds no line break: it is one piece of the file, decoded from there with file offsets. */
function linkSpan(text: string, source: InlineSource, link: Span, destination: Span): LinkSpan {
  const destinationStart = source.offset(destination.start);
  const decoded = decodeText(text, destinationStart, source.offset(destination.end));
  return {
    start: source.offset(link.start),
    end: source.offset(link.end),
    destination: decoded.value,
    destinationStart,
    destinationOffsets: decoded.offsets,
  };
}

function codeSpan(file: string, source: InlineSource, start: number, end: number, contentStart: number, contentEnd: number): CodeSpan {
  let content = source.text.slice(contentStart, contentEnd);
  // Content on one line is one piece of the file: taken from there, declarations read from it keep no block text alive.
  content = content.indexOf('\n') < 0 ? file.slice(source.offset(contentStart), source.offset(contentEnd)) : content.replace(/\n/g, ' ');
  let contentIndex = contentStart;
  if (content.length >= 2 && content.charCodeAt(0) === 32 && content.charCodeAt(content.length - 1) === 32 && /[^ ]/.test(content)) {
    content = content.slice(1, -1);
    contentIndex++;
  }
  return { start: source.offset(start), end: source.offset(end), content, source, contentIndex };
}

/**
 * The comments of each HTML block: each `<!--` to its end as inline raw HTML
 * reads it (`-->`, or `<!-->`, `<!--->`). Both searches remember their last
 * answer, so many blocks with no comment, or with one left open, do not each
 * search to the end of the text.
 */
function htmlComments(text: string): (block: Span, out: Span[]) => void {
  const openAt = nextIndexOf(text, '<!--');
  const html = new RawHtmlScanner(text);
  return (block, out) => {
    let i = block.start;
    for (;;) {
      const open = openAt(i);
      if (open < 0 || open >= block.end) return;
      const comment = html.scan(open);
      if (comment === undefined || comment.end > block.end) return;
      out.push({ start: open, end: comment.end });
      i = comment.end;
    }
  };
}
