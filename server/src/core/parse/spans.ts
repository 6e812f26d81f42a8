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
