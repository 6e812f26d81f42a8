import type { LineIndex } from '../../text/lineIndex';
import type { Span } from '../spans';
import { isSpaceOrTab } from './characters';
import { endsHtmlBlock, htmlBlockStart } from './htmlBlocks';
import type { Segment } from './inlineSource';
import { normalizeLinkLabel, scanDestination, scanLabel, skipWhitespace, TitleScanner } from './linkSyntax';
import { delimiterCellCount, headCellCount, rowCells } from './tableRows';

/** A heading as the document keeps it: its inline content goes to `inlines`, so that this holds no segments alive. */
export interface BlockHeading extends Span {
  level: number;
  line: number;
  /** The heading's text as written, trimmed (a setext heading's lines joined by a space). */
  text: string;
}

export interface BlockItem extends Span {
  line: number;
}

/** The block structure of a document: what holds inline content, and the blocks that hide it. */
export interface BlockDocument {
  /** The inline content of every paragraph, heading and table cell, in order. */
  inlines: Segment[][];
  /** Headings that are children of the document itself (not in a list or quote): they make its sections. */
  headings: BlockHeading[];
  /** Fenced and indented code blocks, from their first line's start to their last line's end. */
  codeBlocks: Span[];
  htmlBlocks: Span[];
  /** Items of the lists that are children of the document, to the end of each item's last non-blank line. */
  items: BlockItem[];
  /** Labels of the link reference definitions, normalized. */
  definitions: Set<string>;
}

const enum Kind { Document, BlockQuote, List, Item, Paragraph, Heading, ThematicBreak, CodeBlock, Html, Table }

interface Block {
  kind: Kind;
  parent?: Block;
  lastChild?: Block;
  open: boolean;
  hasChild: boolean;
  startLine: number;
  lastLine: number;
  lines: Segment[];
  level: number;
  /** How many block quotes and list items hold this block, itself included. */
  containerDepth: number;
  // Lists and items (ordered when the marker is `.` or `)`).
  marker: number;
  markerOffset: number;
  padding: number;
  /** Whether a paragraph's last line was indented 4 columns or more (such a line cannot head a table): only the last line can. */
  lastLineIndented: boolean;
  /** What only code blocks, HTML blocks and tables need: kept apart, so that the many items and paragraphs are smaller. */
  leaf?: LeafDetail;
}

interface LeafDetail {
  fenceChar: number;
  fenceLength: number;
  /** The fence's indentation; -1 for an indented code block. */
  fenceOffset: number;
  htmlKind: number;
  columns: number;
  /**
   * An indented code block whose only non-blank line so far closed a list or
   * quote (and opened none): micromark ends that line's flow with it, so a
   * list may start after it as after any finished block.
   */
  afterContainer: boolean;
}

/** Block quotes and list items nested deeper than this are read as text. */
export const MAX_CONTAINER_DEPTH = 100;

/**
 * Blocks share this until their first line of inline content, which makes
 * them a list of exactly one (an empty list's first push reserves room for
 * 17): most paragraphs have one line. Never written.
 */
const NO_LINES: Segment[] = [];

/**
 * Every field is set here, the links included: a field added later would
 * cost each block a second allocation for it, and V8 another shape.
 */
function newBlock(kind: Kind, line: number): Block {
  const leaf = kind === Kind.CodeBlock || kind === Kind.Html || kind === Kind.Table
    ? { fenceChar: 0, fenceLength: 0, fenceOffset: -1, htmlKind: 0, columns: 0, afterContainer: false }
    : undefined;
  return {
    kind, parent: undefined, lastChild: undefined, open: true, hasChild: false, startLine: line, lastLine: line, lines: NO_LINES,
    level: 0, containerDepth: 0, marker: 0, markerOffset: 0, padding: 0, lastLineIndented: false, leaf,
  };
}

const ATX = /#{1,6}(?:[ \t]+|$)/y;
const FENCE = /`{3,}(?![^]*`)|~{3,}/y;
const FENCE_CLOSE = /(?:`{3,}|~{3,})(?=[ \t]*$)/y;
const SETEXT = /(?:=+|-+)[ \t]*$/y;
const ORDERED = /(\d{1,9})([.)])/y;
/** A line whose first non-blank character is none of these starts no block: the common case is decided by one lookup. */
const MAYBE_SPECIAL = new Uint8Array(128);
for (const c of '#`~*+_=<>0123456789|:-') MAYBE_SPECIAL[c.charCodeAt(0)] = 1;

const CODE_INDENT = 4;

/** The length of a sticky pattern's match at `at`, or -1: a test and its lastIndex, as a match array per line would be garbage. */
function matchLength(re: RegExp, s: string, at: number): number {
  re.lastIndex = at;
  return re.test(s) ? re.lastIndex - at : -1;
}

/**
 * CommonMark's block parsing (the two-phase algorithm of its spec, as
 * commonmark.js implements it) with GFM tables as micromark reads them, over
 * the lines of a document from `firstLine`. Each line is looked at once per
 * open container, so the parse is linear in the text for any nesting that
 * the text's indentation allows.
 */
export function parseBlocks(lines: LineIndex, firstLine: number): BlockDocument {
  const text = lines.text;
  const out: BlockDocument = { inlines: [], headings: [], codeBlocks: [], htmlBlocks: [], items: [], definitions: new Set() };
  const doc = newBlock(Kind.Document, firstLine);
  let tip = doc;
  let oldTip = doc;
  let lastMatched = doc;
  let topItem: Block | undefined;

  let lineNumber = firstLine;
  let ln = '';
  let base = 0;
  let offset = 0;
  let column = 0;
  let nextNonspace = 0;
  let nextNonspaceColumn = 0;
  let indent = 0;
  let indented = false;
  let blank = false;
  let partiallyConsumedTab = false;
  let allClosed = true;
  /**
   * Whether new list items on this line would interrupt a paragraph (or, as
   * micromark has it, an indented code block, blank lines after it included)
   * that every container of the line goes on: they cannot then be empty or
   * be numbered other than `1`, even nested in a container started on the
   * same line.
   */
  let interrupting = false;
  let containerClosed = false;
  let containerStarted = false;

  // The line's first non-blank character and its last tab before it: each container of a deeply nested line
  // asks for the next non-blank character, and a scan of the indentation each time would cost depth squared.
  let lineNonspace = -1;
  let lineLastTab = -1;
  const findNextNonspace = () => {
    let i = offset;
    let cols = column;
    if (lineNonspace < 0) {
      lineNonspace = 0;
      for (let c = ln.charCodeAt(0); c === 32 || c === 9; c = ln.charCodeAt(++lineNonspace)) if (c === 9) lineLastTab = lineNonspace;
    }
    if (offset <= lineNonspace && lineLastTab < offset) {
      i = lineNonspace;
      cols = column + (lineNonspace - offset);
    }
    let c = ln.charCodeAt(i);
    while (c === 32 || c === 9) {
      cols = c === 32 ? cols + 1 : cols + 4 - (cols % 4);
      c = ln.charCodeAt(++i);
    }
    blank = i >= ln.length;
    nextNonspace = i;
    nextNonspaceColumn = cols;
    indent = cols - column;
    indented = indent >= CODE_INDENT;
  };

  const advanceOffset = (count: number, columns: boolean) => {
    while (count > 0 && offset < ln.length) {
      if (ln.charCodeAt(offset) === 9) {
        const toTab = 4 - (column % 4);
        if (columns) {
          partiallyConsumedTab = toTab > count;
          const advance = toTab > count ? count : toTab;
          column += advance;
          offset += partiallyConsumedTab ? 0 : 1;
          count -= advance;
        } else {
          partiallyConsumedTab = false;
          column += toTab;
          offset += 1;
          count -= 1;
        }
      } else {
        partiallyConsumedTab = false;
        offset += 1;
        column += 1;
        count -= 1;
      }
    }
  };

  const advanceNextNonspace = () => {
    offset = nextNonspace;
    column = nextNonspaceColumn;
    partiallyConsumedTab = false;
  };

  const canContain = (parent: Kind, child: Kind) =>
    parent === Kind.Document || parent === Kind.BlockQuote || parent === Kind.Item ? child !== Kind.Item : parent === Kind.List && child === Kind.Item;

  const addChild = (kind: Kind): Block => {
    while (!canContain(tip.kind, kind)) finalize(tip);
    const block = newBlock(kind, lineNumber);
    block.parent = tip;
    block.containerDepth = tip.containerDepth;
    if (kind === Kind.BlockQuote || kind === Kind.Item) {
      containerStarted = true;
      block.containerDepth++;
    }
    tip.lastChild = block;
    tip.hasChild = true;
    tip = block;
    return block;
  };

  const addLine = () => {
    const segment = { start: base + offset, end: base + ln.length };
    if (tip.lines === NO_LINES) tip.lines = [segment];
    else tip.lines.push(segment);
    tip.lastLineIndented = indented;
    tip.lastLine = lineNumber;
  };

  const lineStart = (line: number) => lines.lineStarts[line] + (line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);

  const finalize = (block: Block) => {
    block.open = false;
    if (block.kind === Kind.BlockQuote || block.kind === Kind.List || block.kind === Kind.Item) containerClosed = true;
    switch (block.kind) {
      case Kind.Paragraph: {
        const used = resolveDefinitions(text, block.lines, out.definitions);
        const rest = used === 0 ? block.lines : block.lines.slice(used);
        if (rest.length > 0) out.inlines.push(trimEnd(text, rest));
        break;
      }
      case Kind.Heading: {
        const content = trimEnd(text, block.lines);
        out.inlines.push(content);
        if (block.parent === doc) {
          out.headings.push({
            level: block.level, line: block.startLine, start: lineStart(block.startLine), end: lines.lineEnd(block.lastLine),
            text: content.length === 1 ? text.slice(content[0].start, content[0].end).trim() : content.map(s => text.slice(s.start, s.end).trim()).join(' ').trim(),
          });
        }
        break;
      }
      case Kind.CodeBlock:
      case Kind.Html:
        (block.kind === Kind.Html ? out.htmlBlocks : out.codeBlocks).push({ start: lineStart(block.startLine), end: lines.lineEnd(block.lastLine) });
        break;
      case Kind.Item:
        if (block === topItem) out.items.push({ line: block.startLine, start: lineStart(block.startLine), end: lines.lineEnd(block.lastLine) });
        break;
    }
    tip = block.parent ?? doc;
  };

  const closeUnmatchedBlocks = () => {
    if (!allClosed) {
      while (oldTip !== lastMatched) {
        const parent = oldTip.parent!;
        finalize(oldTip);
        oldTip = parent;
      }
      allClosed = true;
    }
  };

  /** 0: matched, 1: not matched, 2: the line is used up (a closing fence). */
  const continues = (block: Block): number => {
    switch (block.kind) {
      case Kind.Document:
      case Kind.List:
        return 0;
      case Kind.BlockQuote:
        if (!indented && ln.charCodeAt(nextNonspace) === 62 /* > */) {
          advanceNextNonspace();
          advanceOffset(1, false);
          if (isSpaceOrTab(ln.charCodeAt(offset))) advanceOffset(1, true);
          return 0;
        }
        return 1;
      case Kind.Item:
        if (blank) {
          if (!block.hasChild) return 1;
          advanceNextNonspace();
        } else if (indent >= block.markerOffset + block.padding) {
          advanceOffset(block.markerOffset + block.padding, true);
        } else {
          return 1;
        }
        return 0;
      case Kind.CodeBlock:
        const code = block.leaf!;
        if (code.fenceOffset >= 0) {
          const close = indent <= 3 && ln.charCodeAt(nextNonspace) === code.fenceChar ? matchLength(FENCE_CLOSE, ln, nextNonspace) : -1;
          if (close >= code.fenceLength) {
            block.lastLine = lineNumber;
            finalize(block);
            return 2;
          }
          let i = code.fenceOffset;
          while (i > 0 && isSpaceOrTab(ln.charCodeAt(offset))) {
            advanceOffset(1, true);
            i--;
          }
          return 0;
        }
        if (indent >= CODE_INDENT) advanceOffset(CODE_INDENT, true);
        else if (blank) advanceNextNonspace();
        else return 1;
        return 0;
      case Kind.Html:
        return blank && (block.leaf!.htmlKind === 6 || block.leaf!.htmlKind === 7) ? 1 : 0;
      case Kind.Paragraph:
      case Kind.Table:
        return blank ? 1 : 0;
      default:
        return 1;
    }
  };

  const parseListMarker = (): { marker: number; padding: number; markerOffset: number } | undefined => {
    if (indent >= 4) return undefined;
    const first = ln.charCodeAt(nextNonspace);
    let marker: number;
    let markerLength = 1;
    if (first === 42 || first === 43 || first === 45) {
      marker = first;
    } else {
      markerLength = first >= 48 && first <= 57 ? matchLength(ORDERED, ln, nextNonspace) : -1;
      // Only `1` (one digit and the delimiter) may interrupt.
      if (markerLength < 0 || (interrupting && !(markerLength === 2 && first === 49))) return undefined;
      marker = ln.charCodeAt(nextNonspace + markerLength - 1);
    }
    const after = ln.charCodeAt(nextNonspace + markerLength);
    if (!(Number.isNaN(after) || after === 9 || after === 32)) return undefined;
    if (interrupting && !/[^ \t]/.test(ln.slice(nextNonspace + markerLength))) return undefined;
    const markerOffset = indent;
    advanceNextNonspace();
    advanceOffset(markerLength, true);
    const spacesStartColumn = column;
    const spacesStartOffset = offset;
    let c: number;
    do {
      advanceOffset(1, true);
      c = ln.charCodeAt(offset);
    } while (column - spacesStartColumn < 5 && isSpaceOrTab(c));
    const blankItem = offset >= ln.length;
    const spacesAfterMarker = column - spacesStartColumn;
    let padding: number;
    if (spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem) {
      padding = markerLength + 1;
      column = spacesStartColumn;
      offset = spacesStartOffset;
      if (isSpaceOrTab(ln.charCodeAt(offset))) advanceOffset(1, true);
    } else {
      padding = markerLength + spacesAfterMarker;
    }
    return { marker, padding, markerOffset };
  };

  /** Block starts, in CommonMark's order: 0 none, 1 a container (look for more), 2 a leaf. */
  const blockStart = (container: Block): number => {
    const c = ln.charCodeAt(nextNonspace);
    // Past MAX_CONTAINER_DEPTH, a quote or list marker is text: each level is
    // a block kept until the end, and a few megabytes of '>' would otherwise
    // hold millions of them (CommonMark sets no bound; markdown-it's maxNesting
    // is the same kind of cut).
    const deeper = container.containerDepth < MAX_CONTAINER_DEPTH;
    if (!indented) {
      if (c === 62 /* > */ && deeper) {
        advanceNextNonspace();
        advanceOffset(1, false);
        if (isSpaceOrTab(ln.charCodeAt(offset))) advanceOffset(1, true);
        closeUnmatchedBlocks();
        addChild(Kind.BlockQuote);
        return 1;
      }
      let length: number;
      if (c === 35 /* # */ && (length = matchLength(ATX, ln, nextNonspace)) >= 0) {
        let level = 0;
        while (ln.charCodeAt(nextNonspace + level) === 35) level++;
        advanceNextNonspace();
        advanceOffset(length, false);
        closeUnmatchedBlocks();
        const heading = addChild(Kind.Heading);
        heading.level = level;
        const content = withoutClosingSequence(ln.slice(offset));
        heading.lines = [{ start: base + offset, end: base + offset + content.length }];
        advanceOffset(ln.length - offset, false);
        return 2;
      }
      if ((c === 96 || c === 126) && (length = matchLength(FENCE, ln, nextNonspace)) >= 0) {
        closeUnmatchedBlocks();
        const fence = addChild(Kind.CodeBlock).leaf!;
        fence.fenceChar = c;
        fence.fenceLength = length;
        fence.fenceOffset = indent;
        advanceNextNonspace();
        advanceOffset(length, false);
        return 2;
      }
      if (c === 60 /* < */) {
        const kind = htmlBlockStart(ln, nextNonspace, container.kind !== Kind.Paragraph);
        if (kind === 7 && !allClosed && tip.kind === Kind.Paragraph) {
          // micromark lets a lazy line start an HTML block that cannot interrupt a paragraph, in the paragraph's container.
          finalize(tip);
          addChild(Kind.Html).leaf!.htmlKind = kind;
          allClosed = true;
          return 2;
        }
        if (kind > 0) {
          closeUnmatchedBlocks();
          addChild(Kind.Html).leaf!.htmlKind = kind;
          return 2;
        }
      }
      if ((c === 61 || c === 45) && container.kind === Kind.Paragraph && matchLength(SETEXT, ln, nextNonspace) >= 0) {
        closeUnmatchedBlocks();
        const used = resolveDefinitions(text, container.lines, out.definitions);
        container.lines = container.lines.slice(used);
        if (container.lines.length > 0) {
          container.kind = Kind.Heading;
          container.startLine = lines.lineAt(container.lines[0].start);
          container.level = c === 61 ? 1 : 2;
          container.lastLine = lineNumber;
          advanceOffset(ln.length - offset, false);
          return 2;
        }
      }
      if ((c === 42 || c === 95 || c === 45) && isThematicBreak(ln, nextNonspace)) {
        closeUnmatchedBlocks();
        addChild(Kind.ThematicBreak);
        advanceOffset(ln.length - offset, false);
        return 2;
      }
    }
    if ((!indented || container.kind === Kind.List) && deeper) {
      const data = parseListMarker();
      if (data) {
        closeUnmatchedBlocks();
        // The same marker is the same kind of list (a bullet character, or an ordered list's `.` or `)`).
        if (tip.kind !== Kind.List || container.marker !== data.marker) addChild(Kind.List).marker = data.marker;
        const item = addChild(Kind.Item);
        item.marker = data.marker;
        item.padding = data.padding;
        item.markerOffset = data.markerOffset;
        if (item.parent!.parent === doc) topItem = item;
        return 1;
      }
    }
    if (!indented && container.kind === Kind.Paragraph && (c === 124 || c === 45 || c === 58)) {
      const columns = delimiterCellCount(ln, nextNonspace, ln.length);
      const head = container.lines[container.lines.length - 1];
      const headIndented = container.lastLineIndented;
      if (columns > 0 && !headIndented && headCellCount(text, head.start, head.end) === columns) {
        closeUnmatchedBlocks();
        container.lines.pop();
        const paragraph = container;
        paragraph.lastLine = lineNumber - 1;
        finalize(paragraph);
        // micromark ends the paragraph before the head row, then reads that line afresh: an HTML block may take it.
        if (htmlBlockStart(text.slice(head.start, head.end), 0, true) === 7) {
          const html = addChild(Kind.Html);
          html.leaf!.htmlKind = 7;
          html.startLine = lineNumber - 1;
          return 2;
        }
        const table = addChild(Kind.Table);
        table.startLine = lineNumber - 1;
        table.leaf!.columns = columns;
        addRow(head.start, head.end);
        advanceOffset(ln.length - offset, false);
        table.lastLine = lineNumber;
        return 2;
      }
    }
    if (indented && tip.kind !== Kind.Paragraph && !blank) {
      advanceOffset(CODE_INDENT, true);
      closeUnmatchedBlocks();
      addChild(Kind.CodeBlock).leaf!.afterContainer = containerClosed && !containerStarted;
      return 2;
    }
    return 0;
  };

  const addRow = (start: number, end: number) => {
    const cells = rowCells(text, start, end);
    for (let i = 0; i < cells.length && i < tip.leaf!.columns; i++) out.inlines.push([cells[i]]);
  };

  for (; lineNumber < lines.lineCount; lineNumber++) {
    base = lineStart(lineNumber);
    ln = text.slice(base, lines.lineEnd(lineNumber));
    offset = 0;
    column = 0;
    lineNonspace = -1;
    lineLastTab = -1;
    blank = false;
    containerClosed = false;
    containerStarted = false;
    partiallyConsumedTab = false;

    let container = doc;
    oldTip = tip;
    let fenceClosed = false;
    for (let child = container.lastChild; child && child.open; child = container.lastChild) {
      container = child;
      findNextNonspace();
      const result = continues(container);
      if (result === 2) {
        fenceClosed = true;
        break;
      }
      if (result === 1) {
        container = container.parent!;
        break;
      }
    }
    if (fenceClosed) {
      noteTopItem();
      continue;
    }
    allClosed = container === oldTip;
    lastMatched = container;
    const leafLeft = container === tip.parent && tip.kind !== Kind.BlockQuote && tip.kind !== Kind.List && tip.kind !== Kind.Item;
    interrupting = (container === tip || leafLeft) && (tip.kind === Kind.Paragraph || (tip.kind === Kind.CodeBlock && tip.leaf!.fenceOffset < 0 && !tip.leaf!.afterContainer));

    let matchedLeaf = container.kind !== Kind.Paragraph && container.kind !== Kind.Table && acceptsLines(container.kind);
    while (!matchedLeaf) {
      findNextNonspace();
      const first = ln.charCodeAt(nextNonspace);
      if (!indented && !(first < 128 && MAYBE_SPECIAL[first] === 1)) {
        advanceNextNonspace();
        break;
      }
      const started = blockStart(container);
      if (started === 0) {
        advanceNextNonspace();
        break;
      }
      container = tip;
      if (started === 2) matchedLeaf = true;
    }

    if (!allClosed && !blank && tip.kind === Kind.Paragraph) {
      addLine();
    } else {
      closeUnmatchedBlocks();
      if (tip.kind === Kind.Table && !blank) {
        addRow(base + offset, base + ln.length);
        tip.lastLine = lineNumber;
      } else if (acceptsLines(container.kind)) {
        if (container.kind === Kind.Paragraph || container.kind === Kind.Heading || container.kind === Kind.Table) {
          if (!blank) addLine();
        } else {
          // An indented code block does not end with the blank lines after it.
          const leaf = container.leaf!;
          if (!blank || container.kind === Kind.Html || leaf.fenceOffset >= 0) container.lastLine = lineNumber;
          if (!blank && container.lastLine > container.startLine) leaf.afterContainer = false;
          if (container.kind === Kind.Html && endsHtmlBlock(leaf.htmlKind, ln.slice(offset))) finalize(container);
        }
      } else if (offset < ln.length && !blank) {
        addChild(Kind.Paragraph);
        advanceNextNonspace();
        addLine();
      }
    }
    noteTopItem();
  }
  while (tip !== doc) finalize(tip);
  return out;

  function noteTopItem(): void {
    if (topItem?.open && !blank) topItem.lastLine = lineNumber;
  }
}

/**
 * Whether the rest of a line, from its `*`, `_` or `-` at `at`, is a
 * thematic break: three or more of that character, and only spaces and tabs
 * besides. A scan, not a pattern: a regular expression of a repeated group
 * over a line of millions of `*` overflowed the stack.
 */
function isThematicBreak(line: string, at: number): boolean {
  const marker = line.charCodeAt(at);
  let count = 0;
  for (let i = at; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === marker) count++;
    else if (c !== 32 && c !== 9) return false;
  }
  return count >= 3;
}

function acceptsLines(kind: Kind): boolean {
  return kind === Kind.Paragraph || kind === Kind.CodeBlock || kind === Kind.Html || kind === Kind.Table;
}

/**
 * A heading's text without its closing sequence of `#`s, when the text is
 * only that or a blank precedes it. Scanned from the end: a pattern for
 * blanks before `#`s rescanned a run of blanks at each blank (quadratic).
 */
function withoutClosingSequence(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && text.charCodeAt(hashes - 1) === 35 /* # */) hashes--;
  if (hashes === end || (hashes > 0 && !isSpaceOrTab(text.charCodeAt(hashes - 1)))) return text;
  while (hashes > 0 && isSpaceOrTab(text.charCodeAt(hashes - 1))) hashes--;
  return text.slice(0, hashes);
}

/** A paragraph's content ends before its last line's trailing blanks. */
function trimEnd(text: string, segments: Segment[]): Segment[] {
  const last = segments[segments.length - 1];
  let end = last.end;
  while (end > last.start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return end === last.end ? segments : [...segments.slice(0, -1), { start: last.start, end }];
}

/**
 * The link reference definitions at the start of a paragraph: each one's
 * label is added to `definitions` (the first of a label counts), and the
 * number of lines they take is returned.
 */
function resolveDefinitions(text: string, segments: Segment[], definitions: Set<string>): number {
  if (segments.length === 0 || text.charCodeAt(segments[0].start) !== 91 /* [ */) return 0;
  const content = segments.map(s => text.slice(s.start, s.end)).join('\n');
  const titles = new TitleScanner(content);
  let at = 0;
  let used = 0;
  while (at < content.length && content.charCodeAt(at) === 91) {
    const end = definitionEnd(content, at, titles, definitions);
    if (end < 0) break;
    for (let i = at; i < end; i++) if (content.charCodeAt(i) === 10) used++;
    at = end;
    if (at >= content.length) return segments.length;
    used++;
    at++;
  }
  return used;
}

/** The end (the line break or the text's end) of the definition at `at`, or -1. */
function definitionEnd(s: string, at: number, titles: TitleScanner, definitions?: Set<string>): number {
  const labelEnd = scanLabel(s, at);
  if (labelEnd < 0 || s.charCodeAt(labelEnd) !== 58 /* : */) return -1;
  const destination = scanDestination(s, skipWhitespace(s, labelEnd + 1), Infinity);
  if (!destination) return -1;
  let end = -1;
  const afterDestination = destination.next;
  const c = s.charCodeAt(afterDestination);
  if (c === 32 || c === 9 || c === 10) {
    const titleEnd = titles.scan(skipWhitespace(s, afterDestination));
    if (titleEnd >= 0) end = lineEndAfterBlanks(s, titleEnd);
  }
  if (end < 0) end = lineEndAfterBlanks(s, afterDestination);
  if (end < 0) return -1;
  definitions?.add(normalizeLinkLabel(s.slice(at + 1, labelEnd - 1)));
  return end;
}

function lineEndAfterBlanks(s: string, at: number): number {
  let i = at;
  while (isSpaceOrTab(s.charCodeAt(i))) i++;
  return i >= s.length || s.charCodeAt(i) === 10 ? i : -1;
}
