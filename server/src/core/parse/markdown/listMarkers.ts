import { ORDERED, matchLength } from './blockSyntax';
import { Char, isSpaceOrTab } from './characters';
import type { LineCursor } from './lineCursor';

export interface ListMarker {
  /** The bullet character, or an ordered list's `.` or `)`: the same marker is the same kind of list. */
  marker: number;
  /** Columns from the marker's start to the item's content. */
  padding: number;
  /** The marker's indentation, in columns. */
  markerOffset: number;
}

/**
 * The list marker at the line's next non-blank character, which the cursor
 * then moves past with the spaces that belong to it; undefined, the cursor
 * unmoved, when there is none. An item that interrupts a paragraph can be
 * neither empty nor numbered other than `1`.
 */
export function parseListMarker(line: LineCursor, interrupting: boolean): ListMarker | undefined {
  if (line.indent >= 4) return undefined;
  const ln = line.text;
  const at = line.nextNonspace;
  const first = ln.charCodeAt(at);
  let marker: number;
  let markerLength = 1;
  if (first === Char.Asterisk || first === Char.Plus || first === Char.Hyphen) {
    marker = first;
  } else {
    markerLength = first >= Char.Digit0 && first <= Char.Digit9 ? matchLength(ORDERED, ln, at) : -1;
    // Only `1` (one digit and the delimiter) may interrupt.
    if (markerLength < 0 || (interrupting && !(markerLength === 2 && first === Char.Digit1))) return undefined;
    marker = ln.charCodeAt(at + markerLength - 1);
  }
  const after = ln.charCodeAt(at + markerLength);
  if (!(Number.isNaN(after) || isSpaceOrTab(after))) return undefined;
  if (interrupting && !/[^ \t]/.test(ln.slice(at + markerLength))) return undefined;
  const markerOffset = line.indent;
  line.advanceToNonspace();
  line.advance(markerLength, true);
  return { marker, padding: markerLength + spacesAfterMarker(line), markerOffset };
}

/**
 * Consumes the spaces after a list marker that belong to it, and returns
 * their columns: all of them up to 4, or just one when there are 5 or more
 * (the content is then indented code) or the item starts blank.
 */
function spacesAfterMarker(line: LineCursor): number {
  const startColumn = line.column;
  const startOffset = line.offset;
  do line.advance(1, true);
  while (line.column - startColumn < 5 && isSpaceOrTab(line.text.charCodeAt(line.offset)));
  const blankItem = line.offset >= line.text.length;
  const spaces = line.column - startColumn;
  if (spaces >= 1 && spaces < 5 && !blankItem) return spaces;
  line.column = startColumn;
  line.offset = startOffset;
  if (isSpaceOrTab(line.text.charCodeAt(line.offset))) line.advance(1, true);
  return 1;
}
