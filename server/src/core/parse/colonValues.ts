import type { LineIndex } from '../text/lineIndex';
import type { Frontmatter, FrontmatterKey } from './frontmatter';

/**
 * Top-level keys whose unquoted value holds `: `, which YAML reads as the
 * start of another mapping (`description: Use it when: the tests fail`):
 * the commonest way a hand-written frontmatter stops being YAML. Quoting
 * the value keeps its meaning.
 */
export function unquotedColonValues(lines: LineIndex, frontmatter: Frontmatter): FrontmatterKey[] {
  return frontmatter.keys.filter(k => {
    // Most values hold no colon at all: looked for before any slice is made.
    const colon = lines.text.indexOf(':', k.valueStart);
    if (colon < 0 || colon >= k.valueEnd) return false;
    const value = lines.text.slice(k.valueStart, k.valueEnd);
    return lines.lineAt(k.valueStart) === lines.lineAt(k.keyStart) && /^[^'"[{|>&*!%@`#-]/.test(value) && /:[ \t]/.test(value);
  });
}

/** The value written as a YAML double-quoted string: the same text, with `\` and `"` escaped. */
export function quotedYamlValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
