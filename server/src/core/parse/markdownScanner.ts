import type { LineIndex } from '../text/lineIndex';
import { BlockLinks } from './blockLinks';
import type { LinkSpan, Span } from './spans';

export interface Heading extends Span {
  level: number;
  line: number;
  text: string;
}

export interface CodeSpan extends Span {
  /** The span's text without its backticks, CommonMark-trimmed, each line break (CR, LF or CRLF) one space. */
  content: string;
  contentStart: number;
  /** Indices into `content` of the spaces that stand for a CRLF, two characters of the text each. */
  crlfs: number[];
}

/** The text offset of an index into a code span's content. */
export function codeSpanOffset(span: CodeSpan, index: number): number {
  let offset = span.contentStart + index;
  for (const at of span.crlfs) if (at < index) offset++;
  return offset;
}

export interface ListItem {
  line: number;
  /** Offset of the item's marker line. */
  start: number;
  indent: number;
  contentColumn: number;
}

export interface ScannedBody {
  headings: Heading[];
  codeSpans: CodeSpan[];
  /** Bold spans; the span is the text between the delimiters. */
  bolds: Span[];
  links: LinkSpan[];
  comments: Span[];
  /** Fenced code blocks, fences included (an unclosed one runs to the end). */
  fences: Span[];
  listItems: ListItem[];
  /** Lines that are blank, in order, for list-item extents. */
  blankLines: Set<number>;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;

function columnOf(prefix: string): number {
  let col = 0;
  for (const ch of prefix) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/**
 * A careful, linear scanner for the parts of Markdown that role files use:
 * ATX headings, fenced code, list items, and inline code spans, bold, links
 * and HTML comments. It is not a full CommonMark parser; it is exact where a
 * role file's meaning is decided (code hides references, bold must pair).
 */
export function scanBody(lines: LineIndex, firstLine: number): ScannedBody {
  const out: ScannedBody = {
    headings: [], codeSpans: [], bolds: [], links: [], comments: [], fences: [], listItems: [], blankLines: new Set(),
  };
  const text = lines.text;
  const commentCloses = commentCloser(text);
  let fence: { char: string; length: number; start: number } | undefined;
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockStart >= 0) scanInline(text, blockStart, blockEnd, out, commentCloses);
    blockStart = -1;
  };

  for (let line = firstLine; line < lines.lineCount; line++) {
    // A BOM is not text: a title right after it is still the first line's title.
    const start = lines.lineStarts[line] + (line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const end = lines.lineEnd(line);
    const lineText = text.slice(start, end);

    if (fence) {
      const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(lineText);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) {
        out.fences.push({ start: fence.start, end });
        fence = undefined;
      }
      continue;
    }
    if (lineText.trim() === '') {
      out.blankLines.add(line);
      flush();
      continue;
    }
    const fenceOpen = FENCE_OPEN.exec(lineText);
    if (fenceOpen && !(fenceOpen[1][0] === '`' && fenceOpen[2].includes('`'))) {
      flush();
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length, start };
      continue;
    }
    const heading = ATX_HEADING.exec(lineText);
    if (heading) {
      flush();
      const content = (heading[2] ?? '').replace(/(^|[ \t]+)#+$/, '').trim();
      out.headings.push({ level: heading[1].length, line, start, end, text: content });
      scanInline(text, start, end, out, commentCloses);
      continue;
    }
    if (THEMATIC_BREAK.test(lineText)) {
      flush();
      continue;
    }
    const marker = LIST_MARKER.exec(lineText);
    if (marker) {
      flush();
      const indent = columnOf(marker[1]);
      out.listItems.push({ line, start, indent, contentColumn: columnOf(marker[1] + marker[2] + marker[3]) });
    }
    if (blockStart < 0) blockStart = start;
    blockEnd = end;
  }
  flush();
  if (fence) out.fences.push({ start: fence.start, end: text.length });
  return out;
}

interface Delimiter {
  start: number;
  length: number;
  canOpen: boolean;
  canClose: boolean;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || Number.isNaN(code);
}

/**
 * Where the next `-->` at or after an offset starts (-1: none), remembering
 * the last answer: a comment left open in each of many blocks would otherwise
 * search to the end of the text once per block.
 */
function commentCloser(text: string): (from: number) => number {
  let searchedFrom = Infinity;
  let found = -1;
  return from => {
    if (from < searchedFrom || (found >= 0 && from > found)) {
      searchedFrom = from;
      found = text.indexOf('-->', from);
    }
    return found;
  };
}

/** Scans one block (a paragraph, list item or heading) for inline spans. */
function scanInline(text: string, start: number, end: number, out: ScannedBody, commentCloses: (from: number) => number): void {
  const delimiters: Delimiter[] = [];
  let links: BlockLinks | undefined;
  // A backtick run with no closer of its length stays without one further on.
  // Made on first use, like the jumps below: most blocks have neither, and a block is a line or a paragraph.
  let closerlessLengths: Set<number> | undefined;
  // A link's closing ']' → the end of its destination, which is not scanned.
  let jumps: Map<number, number> | undefined;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    // Only a ']' can be a link's closing bracket: the map is not asked at every character.
    const jump = c === 93 /* ] */ ? jumps?.get(i) : undefined;
    if (jump !== undefined) {
      i = jump;
      continue;
    }
    if (c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (c === 96 /* ` */) {
      const n = runLength(text, i, end, 96);
      const close = closerlessLengths?.has(n) ? -1 : findBacktickCloser(text, i + n, end, n);
      if (close < 0) {
        (closerlessLengths ??= new Set()).add(n);
        i += n;
        continue;
      }
      out.codeSpans.push(codeSpan(text, i, close, n));
      i = close + n;
      continue;
    }
    if (c === 42 /* * */) {
      const n = runLength(text, i, end, 42);
      if (n >= 2) {
        const before = i > start ? text.charCodeAt(i - 1) : NaN;
        const after = i + n < end ? text.charCodeAt(i + n) : NaN;
        delimiters.push({ start: i, length: n, canOpen: !isSpace(after), canClose: !isSpace(before) });
      }
      i += n;
      continue;
    }
    if (c === 60 /* < */ && text.startsWith('<!--', i)) {
      const close = commentCloses(i + 4);
      const stop = close < 0 || close + 3 > end ? end : close + 3;
      out.comments.push({ start: i, end: stop });
      i = stop;
      continue;
    }
    if (c === 91 /* [ */ && text.charCodeAt(i - 1) !== 33 /* ! */) {
      links ??= new BlockLinks(text, start, end);
      const link = links.parse(i);
      if (link) {
        out.links.push(link.span);
        (jumps ??= new Map()).set(link.closeBracket, link.span.end);
      }
    }
    i++;
  }
  pairBold(delimiters, out.bolds);
}

/** The code span from the backtick run at `open` to the run at `close`, both `n` long. */
function codeSpan(text: string, open: number, close: number, n: number): CodeSpan {
  let contentStart = open + n;
  let crlfs: number[] = [];
  // A line break is one space, as CommonMark has it; a CRLF's space is remembered so offsets stay offsets into the text.
  let content = text.slice(contentStart, close).replace(/\r\n|[\r\n]/g, (lineBreak: string, at: number) => {
    if (lineBreak.length === 2) crlfs.push(at - crlfs.length);
    return ' ';
  });
  if (content.length >= 2 && content[0] === ' ' && content[content.length - 1] === ' ' && content.trim() !== '') {
    contentStart += crlfs[0] === 0 ? 2 : 1;
    content = content.slice(1, -1);
    crlfs = crlfs.filter(at => at > 0 && at <= content.length).map(at => at - 1);
  }
  return { start: open, end: close + n, content, contentStart, crlfs };
}

function runLength(text: string, at: number, end: number, code: number): number {
  let j = at;
  while (j < end && text.charCodeAt(j) === code) j++;
  return j - at;
}

function findBacktickCloser(text: string, from: number, end: number, n: number): number {
  let j = from;
  while (j < end) {
    const k = text.indexOf('`', j);
    if (k < 0 || k >= end) return -1;
    const len = runLength(text, k, end, 96);
    if (len === n) return k;
    j = k + len;
  }
  return -1;
}

function pairBold(delimiters: Delimiter[], bolds: Span[]): void {
  let opener: Delimiter | undefined;
  for (const d of delimiters) {
    if (opener && d.canClose) {
      bolds.push({ start: opener.start + opener.length, end: d.start });
      opener = undefined;
    } else if (d.canOpen) {
      opener = d;
    }
  }
}
