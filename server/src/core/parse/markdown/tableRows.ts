import { isSpaceOrTab } from './characters';
import type { Segment } from './inlineSource';

/**
 * GFM tables as micromark reads them: the number of cells of a head row, of
 * a delimiter row, and the cells of any row. A row's cells are split at each
 * `|` that no backslash escapes, code spans included.
 */

/** Cells of a head row (a line's text from its first non-blank character), or 0 when it cannot head a table. */
export function headCellCount(s: string, from: number, to: number): number {
  let size = 0;
  let breaks = 0;
  let seen = false;
  let i = from;
  if (s.charCodeAt(i) !== 124 /* | */) {
    seen = true;
    breaks = 1;
  }
  while (i < to) {
    const c = s.charCodeAt(i);
    if (isSpaceOrTab(c)) {
      i++;
      continue;
    }
    breaks++;
    if (seen) {
      seen = false;
      size++;
    }
    if (c === 124) {
      seen = true;
      i++;
      continue;
    }
    while (i < to) {
      const d = s.charCodeAt(i);
      if (d === 124 || isSpaceOrTab(d)) break;
      i++;
      if (d === 92 && (s.charCodeAt(i) === 92 || s.charCodeAt(i) === 124) && i < to) i++;
    }
  }
  return breaks > 1 ? size : 0;
}

/** Cells of a delimiter row (`| --- | :-: |`, at most 3 blanks of indent before it), or 0 when it is none. */
export function delimiterCellCount(s: string, from: number, to: number): number {
  let i = from;
  let seen = false;
  let cells = 0;
  let indent = 0;
  while (i < to && isSpaceOrTab(s.charCodeAt(i)) && indent < 3) {
    i++;
    indent++;
  }
  for (;;) {
    let c = s.charCodeAt(i);
    if (c === 124) {
      seen = true;
      i++;
      while (i < to && isSpaceOrTab(s.charCodeAt(i))) i++;
      c = s.charCodeAt(i);
      if (i >= to) return seen ? cells : 0;
    }
    if (c === 58 /* : */) {
      seen = true;
      i++;
    } else if (c !== 45 /* - */) {
      return 0;
    }
    cells++;
    if (s.charCodeAt(i) !== 45) return 0;
    while (s.charCodeAt(i) === 45 && i < to) i++;
    if (s.charCodeAt(i) === 58 && i < to) {
      seen = true;
      i++;
    }
    while (i < to && isSpaceOrTab(s.charCodeAt(i))) i++;
    if (i >= to) return seen ? cells : 0;
    if (s.charCodeAt(i) !== 124) return 0;
  }
}

/** The cells of a row, trimmed, each a piece of the line. */
export function rowCells(s: string, from: number, to: number): Segment[] {
  const cells: Segment[] = [];
  let i = from;
  while (i < to && isSpaceOrTab(s.charCodeAt(i))) i++;
  let end = to;
  while (end > i && isSpaceOrTab(s.charCodeAt(end - 1))) end--;
  if (s.charCodeAt(i) === 124) i++;
  let start = i;
  const push = (a: number, b: number) => {
    while (a < b && isSpaceOrTab(s.charCodeAt(a))) a++;
    while (b > a && isSpaceOrTab(s.charCodeAt(b - 1))) b--;
    cells.push({ start: a, end: b });
  };
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === 124) {
      push(start, i);
      start = i + 1;
    }
    i++;
  }
  if (start < end) push(start, end);
  return cells;
}
