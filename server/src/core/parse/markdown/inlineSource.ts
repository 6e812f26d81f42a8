/** A piece of one line of the file that holds inline content. */
export interface Segment {
  start: number;
  end: number;
}

/** The starts of a block of one segment, shared (never written). */
const ONE_SEGMENT: readonly number[] = [0];

/**
 * The inline content of one block (a paragraph, a heading, a table cell) as
 * CommonMark reads it: its lines without container markers or indentation,
 * joined by LF whatever the file's line ends are, and the way back from an
 * index of that text to an offset of the file.
 */
export class InlineSource {
  readonly text: string;
  /** Index in `text` where each segment starts. */
  private readonly starts: readonly number[];

  constructor(file: string, readonly segments: readonly Segment[]) {
    if (segments.length === 1) {
      this.text = file.slice(segments[0].start, segments[0].end);
      this.starts = ONE_SEGMENT;
      return;
    }
    const parts: string[] = [];
    const starts: number[] = [];
    let at = 0;
    for (const s of segments) {
      starts.push(at);
      parts.push(file.slice(s.start, s.end));
      at += s.end - s.start + 1;
    }
    this.starts = starts;
    this.text = parts.join('\n');
  }

  /** The file offset of an index of the text; the LF between two lines stands at the end of the first. */
  offset(index: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    const segment = this.segments[lo];
    return Math.min(segment.start + index - starts[lo], segment.end);
  }
}
