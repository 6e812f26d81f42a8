/** Where a frontmatter's keys and problems stand: what the line scan and the YAML parser both give. */

export interface FrontmatterKey {
  key: string;
  /** Offsets of the key and of its value text on the key's line (value may be empty). */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface FrontmatterProblem {
  message: string;
  start: number;
  end: number;
}
