import { lowerBound } from '../util/lowerBound';

/** Offsets into the document text; `end` is exclusive: shared by the Markdown parser and what reads its results. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Sorts spans by start in place. Spans mostly come already in order, and
 * V8's sort allocates a work copy even then: a look first costs nothing.
 */
export function sortByStart<T extends Span>(spans: T[]): T[] {
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].start) return spans.sort((a, b) => a.start - b.start);
  }
  return spans;
}

const nowhere = (): boolean => false;

/**
 * Whether an offset lies in any of the spans, answered by binary search over
 * their union. Spans may nest or overlap (bold around a code span, a link
 * around bold), which a search over their starts alone would get wrong; and a
 * `some` over every span for each offset made a long agent file quadratic
 * (20,000 list items: 171 s).
 */
export function coverageOf(spans: readonly Span[]): (offset: number) => boolean {
  // Asked per block of a document (the images of each paragraph), nearly always of none: no tables, no closure.
  if (spans.length === 0) return nowhere;
  const starts: number[] = [];
  const ends: number[] = [];
  // Most span lists come in text order already: copied and sorted only when not.
  let ordered = spans;
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].start) {
      ordered = [...spans].sort((a, b) => a.start - b.start);
      break;
    }
  }
  for (const span of ordered) {
    if (span.end <= span.start) continue;
    const last = ends.length - 1;
    if (last >= 0 && span.start <= ends[last]) ends[last] = Math.max(ends[last], span.end);
    else {
      starts.push(span.start);
      ends.push(span.end);
    }
  }
  return offset => {
    const at = lowerBound(starts, start => start <= offset) - 1;
    return at >= 0 && offset < ends[at];
  };
}

/** The index of the first span that starts at or after an offset (spans sorted by start), by binary search. */
export function firstStartingAt(spans: readonly Span[], offset: number): number {
  return lowerBound(spans, span => span.start < offset);
}

/** Which of a sorted list of disjoint spans holds an offset, for offsets in any order (spanCursor is for offsets in order). */
export function spanIndexAt(spans: readonly Span[], offset: number): number | undefined {
  const at = firstStartingAt(spans, offset + 1) - 1;
  return at >= 0 && offset < spans[at].end ? at : undefined;
}
