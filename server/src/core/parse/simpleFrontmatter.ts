/**
 * `key: value` on one line, the value a plain scalar: what nearly every role
 * file's frontmatter holds (`name: reviewer`, `description: Reviews a change,
 * then reports.`, `tools: Read, Grep`). A value that YAML could read as
 * anything but a string, or as more than this line, does not match: its
 * first character is an indicator (`-?:,[]{}#&*!|>'"%@` and the backquote)
 * or one a number, a null or `.inf` starts with, or it holds `: ` or ` #`,
 * or ends with `:`.
 */
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*): +([^\s\-?:,[\]{}#&*!|>'"%@`0-9+.~][^\t]*?) *$/;
const NOT_PLAIN_TEXT = /: | #|:$/;
/** Keys and values the core schema reads as a boolean or null, in any case: left to the parser, but the usual `true` and `false`. */
const SPECIAL = /^(?:true|false|null)$/i;

/**
 * Reads frontmatter made only of such lines (and empty lines) without the
 * YAML parser, which costs more than the rest of a role file's parse.
 * Returns undefined for anything else, and the YAML parser reads it. For
 * what it accepts the answer is the parser's, value for value: the value is
 * the line's text, a string in YAML's core schema, but `true` and `false`
 * (booleans); a repeated key (an error) and `__proto__` are left to the
 * parser. Nothing here can run code: there are no tags.
 */
export function parseSimpleFrontmatter(lines: readonly string[]): Map<string, unknown> | undefined {
  const data = new Map<string, unknown>();
  for (const line of lines) {
    if (line === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m) return undefined;
    const [, key, value] = m;
    if (NOT_PLAIN_TEXT.test(value) || SPECIAL.test(key) || key === '__proto__' || data.has(key)) return undefined;
    if (SPECIAL.test(value) && value !== 'true' && value !== 'false') return undefined;
    data.set(key, value === 'true' ? true : value === 'false' ? false : value);
  }
  return data;
}
