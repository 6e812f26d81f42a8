import type { ListItem } from './markdownScanner';
import { firstStartingAt } from './spans';

/** A bullet where references stand (a reference section, a labelled list): a list item of the document itself, its marker line to its last non-blank line, nested items and continuations included. */
export type ReferenceBullet = ListItem;

/** The bullets of a range (a section's content, a labelled list): the items of the lists that stand in the document itself. */
export function collectBullets(items: readonly ListItem[], range: { contentStart: number; contentEnd: number }): ReferenceBullet[] {
  // Items come in text order: binary searches find the range's, so many labelled lists do not each filter every item.
  // (A list of the exact length, as it is kept with the parsed file.)
  return items.slice(firstStartingAt(items, range.contentStart), firstStartingAt(items, range.contentEnd));
}
