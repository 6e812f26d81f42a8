import type { ListItem } from './markdownScanner';

/** A list item of the document itself: its marker line to its last non-blank line, nested items and continuations included. */
export interface BoundaryBullet {
  line: number;
  start: number;
  end: number;
}

/** The bullets of a range (a section's content, a labelled list): the items of the lists that stand in the document itself. */
export function collectBullets(items: readonly ListItem[], range: { contentStart: number; contentEnd: number }): BoundaryBullet[] {
  return items
    .filter(item => item.start >= range.contentStart && item.start < range.contentEnd)
    .map(item => ({ line: item.line, start: item.start, end: item.end }));
}
