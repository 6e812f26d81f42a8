import type { Span } from '../spans';
import type { Segment } from './inlineSource';

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

export const enum Kind {
  Document,
  BlockQuote,
  List,
  Item,
  Paragraph,
  Heading,
  ThematicBreak,
  CodeBlock,
  Html,
  Table,
}

/** An open or finished block of the tree the parser builds; only the last child of each block can still be open. */
export interface Block {
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

export interface LeafDetail {
  fenceChar: number;
  fenceLength: number;
  /** The fence's indentation; -1 for an indented code block. */
  fenceOffset: number;
  htmlKind: number;
  columns: number;
}

/**
 * Blocks share this until their first line of inline content, which makes
 * them a list of exactly one (an empty list's first push reserves room for
 * 17): most paragraphs have one line. Never written.
 */
export const NO_LINES: Segment[] = [];

/**
 * Every field is set here, the links included: a field added later would
 * cost each block a second allocation for it, and V8 another shape.
 */
export function newBlock(kind: Kind, line: number): Block {
  const leaf =
    kind === Kind.CodeBlock || kind === Kind.Html || kind === Kind.Table
      ? { fenceChar: 0, fenceLength: 0, fenceOffset: -1, htmlKind: 0, columns: 0 }
      : undefined;
  return {
    kind,
    parent: undefined,
    lastChild: undefined,
    open: true,
    hasChild: false,
    startLine: line,
    lastLine: line,
    lines: NO_LINES,
    level: 0,
    containerDepth: 0,
    marker: 0,
    markerOffset: 0,
    padding: 0,
    lastLineIndented: false,
    leaf,
  };
}

export function canContain(parent: Kind, child: Kind): boolean {
  return parent === Kind.Document || parent === Kind.BlockQuote || parent === Kind.Item ? child !== Kind.Item : parent === Kind.List && child === Kind.Item;
}

export function acceptsLines(kind: Kind): boolean {
  return kind === Kind.Paragraph || kind === Kind.CodeBlock || kind === Kind.Html || kind === Kind.Table;
}
