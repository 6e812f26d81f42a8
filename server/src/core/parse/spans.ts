/**
 * The spans a scan of Markdown finds, shared by the scanner and the link
 * parser it calls, so neither file needs the other's types.
 */

/** Offsets into the document text; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface LinkSpan extends Span {
  destination: string;
  destinationStart: number;
}
