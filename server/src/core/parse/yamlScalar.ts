import { LineIndex } from '../text/lineIndex';
import { quotedYamlValue } from './colonValues';
import { parseFrontmatter } from './frontmatter';

/**
 * A name as YAML text that reads back as that same string: plain where the
 * frontmatter reader takes it as written, double-quoted where it would
 * retype it (`123`, `true`, `null`, `2024-01-01`, `~`) or cut it (`a: b`,
 * `x #y`), as a key's value and as an item of a `[…]` list alike. The reader
 * itself is asked, so what is written and what is read never disagree.
 */
export function yamlScalar(name: string): string {
  let text = known.get(name);
  if (text === undefined) {
    // A reading is a tenth of a millisecond, and completion asks for a hundred names per keystroke: the library's names are remembered.
    if (known.size >= MAX_KNOWN) known.clear();
    text = readsBack(`name: ${name}`, name) && readsBack(`name: [${name}]`, [name]) ? name : quotedYamlValue(name);
    known.set(name, text);
  }
  return text;
}

const MAX_KNOWN = 10_000;
const known = new Map<string, string>();

function readsBack(line: string, expected: string | string[]): boolean {
  const value = parseFrontmatter(new LineIndex(`---\n${line}\n---\n`))?.data.get('name');
  return JSON.stringify(value) === JSON.stringify(expected);
}
