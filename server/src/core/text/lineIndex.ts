import type { Position, Range } from 'vscode-languageserver-types';
import { lowerBound } from '../util/lowerBound';

const LINE_BREAK = /\r\n?|\n/g;

/**
 * Maps string offsets to LSP positions. JavaScript strings are UTF-16, so an
 * offset difference on one line is already the UTF-16 column LSP asks for.
 * Line breaks are \r\n, \n or \r, as in LSP.
 */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Breaks are found by native searches: a loop over every character runs
    // interpreted for the first hundreds of files of a load.
    if (text.indexOf('\r') < 0) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    } else {
      LINE_BREAK.lastIndex = 0;
      while (LINE_BREAK.exec(text) !== null) starts.push(LINE_BREAK.lastIndex);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    let end = next;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  lineAt(offset: number): number {
    return Math.max(0, lowerBound(this.lineStarts, start => start <= offset) - 1);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    const character = Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineRange(line: number): Range {
    return this.range(this.lineStarts[line], this.lineEnd(line));
  }
}
