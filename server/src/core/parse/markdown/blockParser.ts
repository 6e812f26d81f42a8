import type { LineIndex } from '../../text/lineIndex';
import { acceptsLines, type Block, type BlockDocument, Kind } from './blocks';
import { ATX, atxLevel, FENCE, FENCE_CLOSE, isThematicBreak, matchLength, maybeStartsBlock, SETEXT, withoutClosingSequence } from './blockSyntax';
import { BlockTree } from './blockTree';
import { Char, isSpaceOrTab } from './characters';
import { endsHtmlBlock, htmlBlockStart } from './htmlBlocks';
import { CODE_INDENT } from './lineCursor';
import { resolveDefinitions } from './linkDefinitions';
import { parseListMarker } from './listMarkers';
import { delimiterCellCount, headCellCount } from './tableRows';

/** Block quotes and list items nested deeper than this are read as text. */
export const MAX_CONTAINER_DEPTH = 100;

/** Whether an open block goes on on the current line. */
const enum Continuation {
  Matched,
  NotMatched,
  /** The line closed a fence: nothing else is read on it. */
  LineUsed,
}

/** What a block start at the current position opened. */
const enum Start {
  None,
  /** A block quote or list item: more blocks may start after its marker. */
  Container,
  /** A leaf block: the rest of the line is its content. */
  Leaf,
}

/**
 * CommonMark's block parsing (the two-phase algorithm of its spec, as
 * commonmark.js implements it) with GFM tables as micromark reads them, over
 * the lines of a document from `firstLine`. Each line is looked at once per
 * open container, so the parse is linear in the text for any nesting that
 * the text's indentation allows.
 */
export function parseBlocks(lines: LineIndex, firstLine: number): BlockDocument {
  return new BlockParser(lines, firstLine).parse();
}

/** One document's parse: each line goes on the open blocks it continues, then opens blocks of its own. */
class BlockParser extends BlockTree {
  parse(): BlockDocument {
    for (; this.lineNumber < this.lines.lineCount; this.lineNumber++) this.readLine();
    while (this.tip !== this.doc) this.finalize(this.tip);
    return this.out;
  }

  private readLine(): void {
    const base = this.lineStart(this.lineNumber);
    this.line.reset(this.text.slice(base, this.lines.lineEnd(this.lineNumber)), base);
    this.oldTip = this.tip;
    const matched = this.matchContainers();
    if (matched) {
      this.allClosed = matched === this.oldTip;
      this.lastMatched = matched;
      this.addContent(this.openNewBlocks(matched));
    }
    // A line of the item's that holds only markers (an empty nested item, a quote's `>`) is still the item's.
    if (this.topItem?.open && !this.line.isBlankLine()) this.topItem.lastLine = this.lineNumber;
  }

  /** The deepest open block that the line goes on, its markers consumed; undefined when a closing fence used the line. */
  private matchContainers(): Block | undefined {
    let container = this.doc;
    for (let child = container.lastChild; child && child.open; child = container.lastChild) {
      container = child;
      this.line.findNextNonspace();
      const result = this.continues(container);
      if (result === Continuation.LineUsed) return undefined;
      if (result === Continuation.NotMatched) return container.parent!;
    }
    return container;
  }

  private continues(block: Block): Continuation {
    switch (block.kind) {
      case Kind.Document:
      case Kind.List:
        return Continuation.Matched;
      case Kind.BlockQuote:
        return this.continueBlockQuote();
      case Kind.Item:
        return this.continueItem(block);
      case Kind.CodeBlock:
        return block.leaf!.fenceOffset >= 0 ? this.continueFence(block) : this.continueIndentedCode();
      case Kind.Html:
        return this.line.blank && (block.leaf!.htmlKind === 6 || block.leaf!.htmlKind === 7) ? Continuation.NotMatched : Continuation.Matched;
      case Kind.Paragraph:
      case Kind.Table:
        return this.line.blank ? Continuation.NotMatched : Continuation.Matched;
      default:
        return Continuation.NotMatched;
    }
  }

  private continueBlockQuote(): Continuation {
    const line = this.line;
    if (line.indented || line.peekNonspace() !== Char.GreaterThan) return Continuation.NotMatched;
    line.skipQuoteMarker();
    return Continuation.Matched;
  }

  private continueItem(item: Block): Continuation {
    const line = this.line;
    if (line.blank) {
      if (!item.hasChild) return Continuation.NotMatched;
      line.advanceToNonspace();
    } else if (line.indent >= item.markerOffset + item.padding) {
      line.advance(item.markerOffset + item.padding, true);
    } else {
      return Continuation.NotMatched;
    }
    return Continuation.Matched;
  }

  private continueFence(block: Block): Continuation {
    const line = this.line;
    const fence = block.leaf!;
    const close = line.indent <= 3 && line.peekNonspace() === fence.fenceChar ? matchLength(FENCE_CLOSE, line.text, line.nextNonspace) : -1;
    if (close >= fence.fenceLength) {
      block.lastLine = this.lineNumber;
      this.finalize(block);
      return Continuation.LineUsed;
    }
    // The fence's indentation is taken off each of its lines, as far as they have it.
    for (let i = fence.fenceOffset; i > 0 && isSpaceOrTab(line.text.charCodeAt(line.offset)); i--) line.advance(1, true);
    return Continuation.Matched;
  }

  private continueIndentedCode(): Continuation {
    const line = this.line;
    if (line.indent >= CODE_INDENT) line.advance(CODE_INDENT, true);
    else if (line.blank) line.advanceToNonspace();
    else return Continuation.NotMatched;
    return Continuation.Matched;
  }

  /** Opens the blocks that start on the line after its matched containers; returns the block that takes the line's content. */
  private openNewBlocks(matched: Block): Block {
    const line = this.line;
    let container = matched;
    let matchedLeaf = container.kind !== Kind.Paragraph && container.kind !== Kind.Table && acceptsLines(container.kind);
    while (!matchedLeaf) {
      line.findNextNonspace();
      const started = line.indented || maybeStartsBlock(line.peekNonspace()) ? this.blockStart(container) : Start.None;
      if (started === Start.None) {
        line.advanceToNonspace();
        break;
      }
      container = this.tip;
      matchedLeaf = started === Start.Leaf;
    }
    return container;
  }

  /** The block starts, in CommonMark's order. */
  private blockStart(container: Block): Start {
    const line = this.line;
    const c = line.peekNonspace();
    // Past MAX_CONTAINER_DEPTH, a quote or list marker is text: each level is
    // a block kept until the end, and a few megabytes of '>' would otherwise
    // hold millions of them (CommonMark sets no bound; markdown-it's maxNesting
    // is the same kind of cut).
    const deeper = container.containerDepth < MAX_CONTAINER_DEPTH;
    if (!line.indented) {
      const started = this.unindentedStart(container, c, deeper);
      if (started !== Start.None) return started;
    }
    if ((!line.indented || container.kind === Kind.List) && deeper && this.startListItem(container)) return Start.Container;
    if (!line.indented && container.kind === Kind.Paragraph && (c === Char.Pipe || c === Char.Hyphen || c === Char.Colon)) {
      const started = this.startTable(container);
      if (started !== Start.None) return started;
    }
    if (line.indented && this.tip.kind !== Kind.Paragraph && !line.blank) return this.startIndentedCode();
    return Start.None;
  }

  /** The starts that a line indented less than code may make, by their first character. */
  private unindentedStart(container: Block, c: number, deeper: boolean): Start {
    switch (c) {
      case Char.GreaterThan:
        return deeper ? this.startBlockQuote() : Start.None;
      case Char.Hash:
        return this.startAtxHeading();
      case Char.Backtick:
      case Char.Tilde:
        return this.startFence(c);
      case Char.LessThan:
        return this.startHtmlBlock(container);
      case Char.Equals:
        return this.startSetextHeading(container, c);
      case Char.Hyphen: {
        const started = this.startSetextHeading(container, c);
        return started !== Start.None ? started : this.startThematicBreak();
      }
      case Char.Asterisk:
      case Char.Underscore:
        return this.startThematicBreak();
      default:
        return Start.None;
    }
  }

  private startBlockQuote(): Start {
    this.line.skipQuoteMarker();
    this.closeUnmatchedBlocks();
    this.addChild(Kind.BlockQuote);
    return Start.Container;
  }

  private startAtxHeading(): Start {
    const line = this.line;
    const length = matchLength(ATX, line.text, line.nextNonspace);
    if (length < 0) return Start.None;
    const level = atxLevel(line.text, line.nextNonspace);
    line.advanceToNonspace();
    line.advance(length, false);
    this.closeUnmatchedBlocks();
    const heading = this.addChild(Kind.Heading);
    heading.level = level;
    const content = withoutClosingSequence(line.text.slice(line.offset));
    heading.lines = [{ start: line.base + line.offset, end: line.base + line.offset + content.length }];
    line.skipRest();
    return Start.Leaf;
  }

  private startFence(c: number): Start {
    const line = this.line;
    const length = matchLength(FENCE, line.text, line.nextNonspace);
    if (length < 0) return Start.None;
    this.closeUnmatchedBlocks();
    const fence = this.addChild(Kind.CodeBlock).leaf!;
    fence.fenceChar = c;
    fence.fenceLength = length;
    fence.fenceOffset = line.indent;
    line.advanceToNonspace();
    line.advance(length, false);
    return Start.Leaf;
  }

  private startHtmlBlock(container: Block): Start {
    // A line that may be a lazy paragraph line cannot start a block of type 7 either (commonmark.js; micromark lets it).
    const mayBeLazy = !this.allClosed && this.tip.kind === Kind.Paragraph;
    const kind = htmlBlockStart(this.line.text, this.line.nextNonspace, container.kind !== Kind.Paragraph && !mayBeLazy);
    if (kind === 0) return Start.None;
    this.closeUnmatchedBlocks();
    this.addChild(Kind.Html).leaf!.htmlKind = kind;
    return Start.Leaf;
  }

  /** A setext underline turns the paragraph it follows into a heading, unless the paragraph was only link reference definitions. */
  private startSetextHeading(paragraph: Block, c: number): Start {
    if (paragraph.kind !== Kind.Paragraph || matchLength(SETEXT, this.line.text, this.line.nextNonspace) < 0) return Start.None;
    this.closeUnmatchedBlocks();
    const used = resolveDefinitions(this.text, paragraph.lines, this.out.definitions);
    paragraph.lines = paragraph.lines.slice(used);
    if (paragraph.lines.length === 0) return Start.None;
    paragraph.kind = Kind.Heading;
    paragraph.startLine = this.lines.lineAt(paragraph.lines[0].start);
    paragraph.level = c === Char.Equals ? 1 : 2;
    paragraph.lastLine = this.lineNumber;
    this.line.skipRest();
    return Start.Leaf;
  }

  private startThematicBreak(): Start {
    if (!isThematicBreak(this.line.text, this.line.nextNonspace)) return Start.None;
    this.closeUnmatchedBlocks();
    this.addChild(Kind.ThematicBreak);
    this.line.skipRest();
    return Start.Leaf;
  }

  private startListItem(container: Block): boolean {
    const data = parseListMarker(this.line, container.kind === Kind.Paragraph);
    if (!data) return false;
    this.closeUnmatchedBlocks();
    if (this.tip.kind !== Kind.List || container.marker !== data.marker) this.addChild(Kind.List).marker = data.marker;
    const item = this.addChild(Kind.Item);
    item.marker = data.marker;
    item.padding = data.padding;
    item.markerOffset = data.markerOffset;
    if (item.parent!.parent === this.doc) this.topItem = item;
    return true;
  }

  /** A delimiter row under a paragraph's last line, with as many cells as it: that line heads a table. */
  private startTable(paragraph: Block): Start {
    const line = this.line;
    const columns = delimiterCellCount(line.text, line.nextNonspace, line.text.length);
    const head = paragraph.lines[paragraph.lines.length - 1];
    if (columns <= 0 || paragraph.lastLineIndented || headCellCount(this.text, head.start, head.end) !== columns) return Start.None;
    this.closeUnmatchedBlocks();
    paragraph.lines.pop();
    paragraph.lastLine = this.lineNumber - 1;
    this.finalize(paragraph);
    // micromark ends the paragraph before the head row, then reads that line afresh: an HTML block may take it.
    if (htmlBlockStart(this.text.slice(head.start, head.end), 0, true) === 7) {
      const html = this.addChild(Kind.Html);
      html.leaf!.htmlKind = 7;
      html.startLine = this.lineNumber - 1;
      return Start.Leaf;
    }
    const table = this.addChild(Kind.Table);
    table.startLine = this.lineNumber - 1;
    table.leaf!.columns = columns;
    this.addRow(head.start, head.end);
    line.skipRest();
    table.lastLine = this.lineNumber;
    return Start.Leaf;
  }

  private startIndentedCode(): Start {
    this.line.advance(CODE_INDENT, true);
    this.closeUnmatchedBlocks();
    this.addChild(Kind.CodeBlock);
    return Start.Leaf;
  }

  /** What is left of the line after its block starts: a lazy paragraph line, a leaf's line, or a new paragraph. */
  private addContent(container: Block): void {
    const line = this.line;
    if (!this.allClosed && !line.blank && this.tip.kind === Kind.Paragraph) {
      this.addLine();
      return;
    }
    this.closeUnmatchedBlocks();
    if (this.tip.kind === Kind.Table && !line.blank) {
      this.addRow(line.base + line.offset, line.base + line.text.length);
      this.tip.lastLine = this.lineNumber;
    } else if (container.kind === Kind.Paragraph || container.kind === Kind.Table) {
      if (!line.blank) this.addLine();
    } else if (container.kind === Kind.CodeBlock || container.kind === Kind.Html) {
      this.addRawLine(container);
    } else if (line.offset < line.text.length && !line.blank) {
      this.addChild(Kind.Paragraph);
      line.advanceToNonspace();
      this.addLine();
    }
  }

  /** A line of a code or HTML block: only where the block ends matters. */
  private addRawLine(block: Block): void {
    const line = this.line;
    const leaf = block.leaf!;
    // An indented code block does not end with the blank lines after it.
    if (!line.blank || block.kind === Kind.Html || leaf.fenceOffset >= 0) block.lastLine = this.lineNumber;
    if (block.kind === Kind.Html && endsHtmlBlock(leaf.htmlKind, line.text.slice(line.offset))) this.finalize(block);
  }
}
