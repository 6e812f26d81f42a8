import { Char } from './characters';

/** Columns of indentation that make a line indented code (or, in a list item, the item's content). */
export const CODE_INDENT = 4;

/**
 * The line that the block parser is reading and how far it has read it: an
 * offset into the line and the column it stands for, where a tab stops at
 * the next multiple of 4. Container markers are consumed by columns, so a
 * tab may be used up only in part.
 */
export class LineCursor {
  text = '';
  /** Where the line starts in the document. */
  base = 0;
  offset = 0;
  column = 0;
  /** The next non-blank character from the offset (the line's length when none), found by findNextNonspace. */
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  /** Columns from the offset to the next non-blank character. */
  indent = 0;
  indented = false;
  blank = false;
  // The line's first non-blank character and its last tab before it: each container of a deeply nested line
  // asks for the next non-blank character, and a scan of the indentation each time would cost depth squared.
  private lineNonspace = -1;
  private lineLastTab = -1;

  reset(text: string, base: number): void {
    this.text = text;
    this.base = base;
    this.offset = 0;
    this.column = 0;
    this.lineNonspace = -1;
    this.lineLastTab = -1;
    this.blank = false;
  }

  /** The character at the next non-blank (NaN at the line's end). */
  peekNonspace(): number {
    return this.text.charCodeAt(this.nextNonspace);
  }

  findNextNonspace(): void {
    const ln = this.text;
    let i = this.offset;
    let cols = this.column;
    const lineNonspace = this.lineFirstNonspace();
    if (this.offset <= lineNonspace && this.lineLastTab < this.offset) {
      i = lineNonspace;
      cols = this.column + (lineNonspace - this.offset);
    }
    let c = ln.charCodeAt(i);
    while (c === Char.Space || c === Char.Tab) {
      cols = c === Char.Space ? cols + 1 : cols + 4 - (cols % 4);
      c = ln.charCodeAt(++i);
    }
    this.blank = i >= ln.length;
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
    this.indented = this.indent >= CODE_INDENT;
  }

  /** Whether the whole line, container markers included, is blank. */
  isBlankLine(): boolean {
    return this.lineFirstNonspace() >= this.text.length;
  }

  private lineFirstNonspace(): number {
    if (this.lineNonspace < 0) {
      const ln = this.text;
      let first = 0;
      for (let c = ln.charCodeAt(0); c === Char.Space || c === Char.Tab; c = ln.charCodeAt(++first)) if (c === Char.Tab) this.lineLastTab = first;
      this.lineNonspace = first;
    }
    return this.lineNonspace;
  }

  /** Moves on `count` characters, or `count` columns when `columns` is set (a tab may then be left in part). */
  advance(count: number, columns: boolean): void {
    const ln = this.text;
    while (count > 0 && this.offset < ln.length) {
      if (ln.charCodeAt(this.offset) === Char.Tab) {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          const partial = toTab > count;
          const advance = partial ? count : toTab;
          this.column += advance;
          this.offset += partial ? 0 : 1;
          count -= advance;
        } else {
          this.column += toTab;
          this.offset += 1;
          count -= 1;
        }
      } else {
        this.offset += 1;
        this.column += 1;
        count -= 1;
      }
    }
  }

  advanceToNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
  }

  /** A block quote's `>` at the next non-blank, and the one space or tab column after it. */
  skipQuoteMarker(): void {
    this.advanceToNonspace();
    this.advance(1, false);
    const c = this.text.charCodeAt(this.offset);
    if (c === Char.Space || c === Char.Tab) this.advance(1, true);
  }

  /** The rest of the line belongs to the block just started. */
  skipRest(): void {
    this.offset = this.text.length;
  }
}
