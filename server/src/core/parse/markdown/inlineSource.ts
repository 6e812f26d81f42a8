import { lowerBound } from '../../util/lowerBound';

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

  constructor(
    file: string,
    readonly segments: readonly Segment[],
  ) {
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
    const at = Math.max(0, lowerBound(this.starts, start => start <= index) - 1);
    const segment = this.segments[at];
    return Math.min(segment.start + index - this.starts[at], segment.end);
  }
}
