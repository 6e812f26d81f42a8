/** `key: value`, both plain lower-case words: what nearly every role file's frontmatter holds. */
const SIMPLE_LINE = /^([a-z_][a-z0-9_]*): +([a-z][a-z0-9-]*) *$/;

/**
 * Reads frontmatter made only of `key: word` lines (and empty lines) without
 * the YAML parser, which costs more than the rest of a role file's parse.
 * Returns undefined for anything else, and the YAML parser reads it. For what
 * it accepts the answer is the parser's, value for value: a lower-case word
 * is a string in YAML's core schema except `true` and `false` (booleans) and
 * `null`, which is left to the parser, as are a key `null` (the parser's
 * key is then ''), a repeated key (an error) and `__proto__`; a lower-case
 * key is the same string as a key (upper-case `True` would become `true`). Nothing here can run code: there are no tags.
 */
export function parseSimpleFrontmatter(lines: readonly string[]): Map<string, unknown> | undefined {
  const data = new Map<string, unknown>();
  for (const line of lines) {
    if (line === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m) return undefined;
    const [, key, word] = m;
    if (word === 'null' || key === 'null' || key === '__proto__' || data.has(key)) return undefined;
    data.set(key, word === 'true' ? true : word === 'false' ? false : word);
  }
  return data;
}
