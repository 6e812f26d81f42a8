import type { Span } from './spans';

/**
 * Which of a sorted list of disjoint spans holds an offset, for offsets asked
 * in increasing order. The cursor only moves forward, so a pass over a file's
 * references costs references plus spans, not their product (125,000 bullets
 * each naming a role would otherwise take minutes).
 */
export function spanCursor(spans: readonly Span[]): (offset: number) => number | undefined {
  let i = 0;
  return offset => {
    while (i < spans.length && spans[i].end <= offset) i++;
    return i < spans.length && spans[i].start <= offset ? i : undefined;
  };
}
