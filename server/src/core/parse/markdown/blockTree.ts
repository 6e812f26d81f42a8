import type { LineIndex } from '../../text/lineIndex';
import { type Block, type BlockDocument, canContain, Kind, newBlock, NO_LINES } from './blocks';
import { Char, isSpaceOrTab } from './characters';
import type { Segment } from './inlineSource';
import { LineCursor } from './lineCursor';
import { resolveDefinitions } from './linkDefinitions';
import { rowCells } from './tableRows';

/**
 * The tree of blocks that a parse builds, and what each block gives the
 * document when it closes: the block parser reads lines into it.
 */
export class BlockTree {
  protected readonly text: string;
  protected readonly out: BlockDocument = { inlines: [], headings: [], codeBlocks: [], htmlBlocks: [], items: [], definitions: new Set() };
  protected readonly doc: Block;
  protected readonly line = new LineCursor();
  protected lineNumber: number;
  /** The deepest open block. */
  protected tip: Block;
  /** The tip when the line began. */
  protected oldTip: Block;
  /** The deepest open block that the line continues. */
  protected lastMatched: Block;
  protected allClosed = true;
  /** The item being read of a list that is a child of the document. */
  protected topItem: Block | undefined;

  constructor(
    protected readonly lines: LineIndex,
    firstLine: number,
  ) {
    this.text = lines.text;
    this.lineNumber = firstLine;
    this.doc = this.tip = this.oldTip = this.lastMatched = newBlock(Kind.Document, firstLine);
  }

  protected addLine(): void {
    const line = this.line;
    const tip = this.tip;
    const segment = { start: line.base + line.offset, end: line.base + line.text.length };
    if (tip.lines === NO_LINES) tip.lines = [segment];
    else tip.lines.push(segment);
    tip.lastLineIndented = line.indented;
    tip.lastLine = this.lineNumber;
  }

  protected addRow(start: number, end: number): void {
    const cells = rowCells(this.text, start, end);
    for (let i = 0; i < cells.length && i < this.tip.leaf!.columns; i++) this.out.inlines.push([cells[i]]);
  }

  protected addChild(kind: Kind): Block {
    while (!canContain(this.tip.kind, kind)) this.finalize(this.tip);
    const parent = this.tip;
    const block = newBlock(kind, this.lineNumber);
    block.parent = parent;
    block.containerDepth = parent.containerDepth;
    if (kind === Kind.BlockQuote || kind === Kind.Item) block.containerDepth++;
    parent.lastChild = block;
    parent.hasChild = true;
    this.tip = block;
    return block;
  }

  /** Closes the blocks that the line did not continue, once it is known not to be a lazy paragraph line. */
  protected closeUnmatchedBlocks(): void {
    if (this.allClosed) return;
    while (this.oldTip !== this.lastMatched) {
      const parent = this.oldTip.parent!;
      this.finalize(this.oldTip);
      this.oldTip = parent;
    }
    this.allClosed = true;
  }

  /** Closes a block, and gives the document what it holds. */
  protected finalize(block: Block): void {
    block.open = false;
    switch (block.kind) {
      case Kind.Paragraph:
        this.finalizeParagraph(block);
        break;
      case Kind.Heading:
        this.finalizeHeading(block);
        break;
      case Kind.CodeBlock:
      case Kind.Html:
        (block.kind === Kind.Html ? this.out.htmlBlocks : this.out.codeBlocks).push({
          start: this.lineStart(block.startLine),
          end: this.lines.lineEnd(block.lastLine),
        });
        break;
      case Kind.Item:
        if (block === this.topItem)
          this.out.items.push({ line: block.startLine, start: this.lineStart(block.startLine), end: this.lines.lineEnd(block.lastLine) });
        break;
    }
    this.tip = block.parent ?? this.doc;
  }

  protected finalizeParagraph(paragraph: Block): void {
    const used = resolveDefinitions(this.text, paragraph.lines, this.out.definitions);
    const rest = used === 0 ? paragraph.lines : paragraph.lines.slice(used);
    if (rest.length > 0) this.out.inlines.push(trimEnd(this.text, rest));
  }

  protected finalizeHeading(heading: Block): void {
    const text = this.text;
    const content = trimEnd(text, heading.lines);
    this.out.inlines.push(content);
    if (heading.parent !== this.doc) return;
    this.out.headings.push({
      level: heading.level,
      line: heading.startLine,
      start: this.lineStart(heading.startLine),
      end: this.lines.lineEnd(heading.lastLine),
      text:
        content.length === 1
          ? text.slice(content[0].start, content[0].end).trim()
          : content
              .map(s => text.slice(s.start, s.end).trim())
              .join(' ')
              .trim(),
    });
  }

  protected lineStart(line: number): number {
    return this.lines.lineStarts[line] + (line === 0 && this.text.charCodeAt(0) === Char.ByteOrderMark ? 1 : 0);
  }
}

/** A paragraph's content ends before its last line's trailing blanks. */
function trimEnd(text: string, segments: Segment[]): Segment[] {
  const last = segments[segments.length - 1];
  let end = last.end;
  while (end > last.start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return end === last.end ? segments : [...segments.slice(0, -1), { start: last.start, end }];
}
