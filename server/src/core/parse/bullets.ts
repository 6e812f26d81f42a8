import type { ListItem } from './markdownScanner';
import { firstStartingAt } from './spans';

/** A list item of the document itself: its marker line to its last non-blank line, nested items and continuations included. */
export interface BoundaryBullet {
  line: number;
  start: number;
  end: number;
}

/** The bullets of a range (a section's content, a labelled list): the items of the lists that stand in the document itself. */
export function collectBullets(items: readonly ListItem[], range: { contentStart: number; contentEnd: number }): BoundaryBullet[] {
  // Items come in text order: a binary search finds the range's first, so many labelled lists do not each filter every item.
  const bullets: BoundaryBullet[] = [];
  for (let i = firstStartingAt(items, range.contentStart); i < items.length && items[i].start < range.contentEnd; i++) {
    const item = items[i];
    bullets.push({ line: item.line, start: item.start, end: item.end });
  }
  return bullets;
}
