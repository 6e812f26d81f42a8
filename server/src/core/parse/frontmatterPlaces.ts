/** Where a frontmatter's keys and problems stand: what the line scan and the YAML parser both give. */

export interface FrontmatterKey {
  key: string;
  /** Offsets of the key and of its value text on the key's line (value may be empty). */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** Why a frontmatter was not read, and where: the checks word it. */
export type FrontmatterProblem = { start: number; end: number } & (
  | { kind: 'unclosed' }
  /** A block in another language (`---toml`): never parsed. */
  | { kind: 'not-yaml'; language: string }
  | { kind: 'indented' }
  | { kind: 'not-a-mapping' }
  | { kind: 'repeated-key'; key: string }
  /** More than `limitKiB`: not read at all. */
  | { kind: 'too-large'; limitKiB: number }
  /** Aliases that expand to more than `limit` nodes (an alias bomb). */
  | { kind: 'alias-expansion'; limit: number }
  /** The YAML parser's own reason, in its words. */
  | { kind: 'invalid-yaml'; reason: string }
);
