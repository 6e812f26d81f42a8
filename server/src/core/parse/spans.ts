/** Offsets into the document text; `end` is exclusive: shared by the Markdown parser and what reads its results. */
export interface Span {
  start: number;
  end: number;
}
