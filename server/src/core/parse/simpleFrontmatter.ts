/**
 * `key: value` on one line, the value a plain scalar or nothing (null, as
 * every line here stands at the first column): what nearly every role
 * file's frontmatter holds (`name: reviewer`, `description: Reviews a change,
 * then reports.`, `tools: Read, Grep`). A value that YAML could read as
 * anything but a string, or as more than this line, does not match: its
 * first character is an indicator (`-?:,[]{}#&*!|>'"%@` and the backquote)
 * or one a number, a null or `.inf` starts with, or it holds `: ` or ` #`,
 * or ends with `:`.
 */
// The value is taken to the line's end and its trailing blanks cut in code: a lazy value before ` *$` rescanned a run of blanks at each blank (quadratic).
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +([^\s\-?:,[\]{}#&*!|>'"%@`0-9+.~][^\t]*)| *)$/;
const NOT_PLAIN_TEXT = /: | #|:$/;
/** Keys and values the core schema reads as a boolean or null, in any case: left to the parser, but the usual `true` and `false`. */
const SPECIAL = /^(?:true|false|null)$/i;

/**
 * Reads frontmatter made only of such lines (and empty lines) without the
 * YAML parser, which costs more than the rest of a role file's parse.
 * Returns undefined for anything else, and the YAML parser reads it. For
 * what it accepts the answer is the parser's, value for value: the value is
 * the line's text, a string in YAML's core schema, but `true` and `false`
 * (booleans); `__proto__` is left to the parser. A key repeated in such
 * lines is the error the parser would report, and is said without it: the
 * line of the first repeat (a megabyte of `k: v` lines costs the parser
 * seconds). Nothing here can run code: there are no tags.
 */
export function parseSimpleFrontmatter(lines: readonly string[]): Map<string, unknown> | { repeated: number } | undefined {
  const data = new Map<string, unknown>();
  let repeated: number | undefined;
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m) return undefined;
    const [, key, untrimmed] = m as Array<string | undefined> as [string, string, string | undefined];
    const value = untrimmed === undefined ? undefined : withoutTrailingBlanks(untrimmed);
    if ((value !== undefined && NOT_PLAIN_TEXT.test(value)) || SPECIAL.test(key) || key === '__proto__') return undefined;
    if (data.has(key)) repeated ??= index;
    if (value === undefined) {
      data.set(key, null);
      continue;
    }
    if (SPECIAL.test(value) && value !== 'true' && value !== 'false') return undefined;
    data.set(key, value === 'true' ? true : value === 'false' ? false : value);
  }
  return repeated === undefined ? data : { repeated };
}

/** The text without the spaces that end it: YAML's plain scalar leaves them out. */
function withoutTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(0, end);
}
