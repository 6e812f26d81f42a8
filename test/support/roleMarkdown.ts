/**
 * Generated role files for the differential test: a title, then blocks of
 * every construct that has decided, at some time, whether a reference is one
 * (fences in containers, HTML blocks and comments, setext headings, emphasis
 * pairing, link edge cases, escapes and character references, code spans
 * across block boundaries, ordered items after a paragraph, link reference
 * definitions, GFM tables with excess cells, images), nested in list items
 * and block quotes, with tabs, emoji and CJK, and LF, CRLF or CR line ends.
 */
import fc from 'fast-check';

const NAMES = ['ops-lead', 'qa-lead', 'hr-generalist', 'x', 'a1-b2'];

const name = fc.constantFrom(...NAMES);

/** Whole blocks, each a template over a role name; `\n` is replaced by the file's line ends. */
const BLOCKS: Array<(n: string) => string> = [
  n => `## Boundaries\n\n- **Does NOT x** — that is the **${n}**'s lane.`,
  () => '## Mandate',
  () => '## Persona',
  () => '### Sub',
  () => '# Other title #',
  () => 'Boundaries\n----------',
  () => 'The lanes:\n---',
  () => 'Title\n===',
  () => '---',
  () => '***',
  () => '* * *',
  n => `- **${n}** does x`,
  n => `* [x](./${n}.md)`,
  n => `1. **${n}**\n2. the **${n}**`,
  n => `Some text\n2. **${n}** is no item`,
  n => `Some text\n1. **${n}** is an item`,
  n => `Some text\n-\n**${n}**`,
  n => `- Example:\n  \`\`\`\n- **${n}**`,
  n => `- Example:\n\n  \`\`\`md\n  **${n}**\n  \`\`\`\n- **${n}**`,
  n => `> \`\`\`\n> **${n}**\n**${n}**`,
  n => `\`\`\`\n**${n}**\n\`\`\``,
  n => `~~~~\n**${n}**\n~~~\n**${n}**\n~~~~`,
  n => `\`\`\`\n**${n}**`,
  n => `    **${n}** in indented code`,
  n => `- item\n\n      **${n}** in code in an item`,
  n => `<details>\n<summary>More</summary>\n- **${n}**\n</details>`,
  n => `<details>\n\n- **${n}**\n\n</details>`,
  n => `<!-- draft --> **${n}**`,
  n => `<!--\n\n**${n}**\n\n-->\n**${n}**`,
  n => `text <!-- **${n}**\n\nmore **${n}**`,
  n => `text <!--> **${n}**`,
  n => `text <!---> **${n}** -->`,
  () => `<!--\n## Boundaries\n-->`,
  n => `<!--\n\`\`\`\n-->\n**${n}**`,
  n => `<abbr title="**${n}**">x</abbr> and **${n}**`,
  n => `<span>\n**${n}**`,
  n => `text\n<span>\n**${n}**`,
  n => `<div>**${n}**</div>\n**${n}**\n\n**${n}**`,
  n => `<script>\n**${n}**\n\n</script> **${n}**`,
  n => `<?php **${n}** ?>\n**${n}**`,
  n => `<!DOCTYPE **${n}**>\n**${n}**`,
  n => `<![CDATA[\n**${n}**\n]]>`,
  n => `**Owner:**${n}**`,
  n => `**${n}****${n}**`,
  n => `***${n}***`,
  n => `**${n}**'s and __${n}__ and *${n}*`,
  n => `** ${n}** and **${n} ** and a**${n}**b`,
  n => `_**${n}**_ and **${n}* and *${n}**`,
  n => `***a** ${n}* and **a *${n}* b**`,
  n => `**${n}\n${n}**`,
  n => `[x](./${n}.md) and [x](./${n}.md see)`,
  n => `[x](./${n}.md "title) and [y](./${n}.md "t")`,
  n => `[a [b](./${n}.md)](./qa-lead.md)`,
  n => `[note](see **${n}**)`,
  n => `[x](\n./${n}.md)`,
  n => `[x](//host/${n}.md) [x](/roles/${n}.md) [x](https://h/${n}.md)`,
  n => `<./${n}.md> <https://x/${n}.md> <a@b.c>`,
  n => `[\`code\`](./${n}.md) [a \`]\` b](./${n}.md)`,
  n => `[x](<./${n} x.md>) [x](<./${n}.md>) [x](./${n}.md#frag) [x](../d/${n}.md?q=1)`,
  n => `![**${n}**](./${n}.md) and ![a [b](./${n}.md)](c.png)`,
  n => `\\![x](./${n}.md) and \\[x](./${n}.md)`,
  n => `[x][ref] and [ref]\n\n[ref]: ./${n}.md "title"`,
  n => `[${n}]\n\n[${n}]: ./${n}.md`,
  n => `[ref]:\n./${n}.md\n**${n}**`,
  n => `[ref]: <./${n}.md> 'x'\n[ref2]: y\n**${n}**`,
  n => `[ref]: ./${n}.md\n===`,
  n => `[x](${n.replace('-', '&#45;')}.md) [x](${n.replace('-', '\\-')}.md) [x](https&colon;//h/${n}.md)`,
  n => `**${n.replace('-', '\\-')}** and **${n.replace('-', '&#45;')}** and **${n.replace('-', '&hyphen;')}**`,
  n => `\`**${n}**\` and \`\`a\`**${n}**\`\``,
  n => `\`a\n**${n}** b\``,
  n => `> \`a\n> **${n}**\` b`,
  n => `> a\n**${n}** lazy`,
  n => `| a | b |\n| - | - |\n| **${n}** | **${n}** | **${n}** |`,
  n => `| \`a | b\` | **${n}** |\n| --- | --- |\n| x | y |`,
  n => `a | b\n--|--\n**${n}** | [x](./${n}.md)\nno pipe **${n}**\n- **${n}**`,
  n => `text\n| a |\n| :-: |\n| **${n}** |`,
  n => `| a |\n| - |\n| b |\n\n**${n}**`,
  n => `- | a |\n  | - |\n  | **${n}** |`,
  n => `\t**${n}**\tand\t**${n}**`,
  n => `😀 **${n}** 漢字**${n}**漢字 😀**${n}**`,
  n => `*\t**${n}**`,
  n => `Paragraph with **${n}** and [x](./${n}.md),\ncontinued **${n}**.`,
  n => `# **${n}**`,
];

export interface RoleFileOptions {
  /** GFM tables (commonmark.js reads none). */
  tables: boolean;
  /**
   * Lines that may open an HTML block of type 7 (`<span>`): on a lazy line
   * micromark departs from the specification there, and ends a quote.
   */
  typeSevenHtml: boolean;
  /**
   * Lines made from nothing (else only the written blocks). In them micromark
   * departs from the specification: it applies the rule of 3 to what is left
   * of a delimiter run, not to the run as written, and pairs `****a**` and
   * `\\**a****b**` otherwise than commonmark.js.
   */
  soups: boolean;
  /**
   * Tabs inside the lines made from nothing (else only in their indentation).
   * commonmark.js takes no tab for the blanks around a link's destination
   * and title, where the specification does.
   */
  inlineTabs: boolean;
}

/** Inline pieces for lines made from nothing: what emphasis, links and code spans are made of. */
const PIECES = [
  '**',
  '*',
  '_',
  '__',
  '`',
  '``',
  '[',
  ']',
  '](',
  '(',
  ')',
  '<',
  '>',
  '!',
  '\\',
  ' ',
  ' ',
  'x',
  '.md',
  './',
  '&#45;',
  '&amp;',
  '<!--',
  '-->',
  '|',
  '"',
  "'",
  '😀',
  '漢',
  '\t',
  ':',
];

/** How a line may start: container markers, indentation and the openers of every kind of block. */
const LINE_STARTS = [
  '',
  '',
  '> ',
  '>',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '  ',
  '   ',
  '    ',
  '\t',
  ' \t',
  '# ',
  '## ',
  '```',
  '~~~',
  '<div>',
  '<span>',
  '<!--',
  '-->',
  '| ',
  '---',
  '===',
  '[a]: ',
  '[a]:',
  '-',
  '1.',
];

/** A role file: a title, then blocks separated by zero to two blank lines, with one style of line end. */
export function roleFiles(options: RoleFileOptions): fc.Arbitrary<{ text: string; lineEnd: LineEnd }> {
  // Without tables, no pipe at all: a line of `-` and `|` under any other line makes one. Without type 7, no lone
  // `<` either: before a name or an `x` and a `>`, it makes a tag of that type.
  const allowed = (s: string) => (options.tables || !s.includes('|')) && (options.typeSevenHtml || (s !== '<' && !s.includes('<span>')));
  const blocks = BLOCKS.filter(b => allowed(b('x')));
  const pieces = PIECES.filter(p => allowed(p) && (options.inlineTabs || p !== '\t'));
  const soup: fc.Arbitrary<string> = fc
    .array(
      fc.oneof(
        fc.constantFrom(...pieces),
        name,
        name.map(n => `**${n}**`),
        name.map(n => `[x](./${n}.md)`),
      ),
      { minLength: 1, maxLength: 14 },
    )
    .map(parts => parts.join(''));
  const lineSoup: fc.Arbitrary<string> = fc
    .array(fc.tuple(fc.array(fc.constantFrom(...LINE_STARTS.filter(allowed)), { maxLength: 3 }), fc.oneof(soup, fc.constant(''))), {
      minLength: 1,
      maxLength: 6,
    })
    .map(lines => lines.map(([starts, rest]) => starts.join('') + rest).join('\n'));
  const written = fc.tuple(fc.integer({ min: 0, max: blocks.length - 1 }), name).map(([i, n]) => blocks[i](n));
  const block: fc.Arbitrary<string> = options.soups
    ? fc.oneof({ arbitrary: written, weight: 5 }, { arbitrary: soup, weight: 2 }, { arbitrary: lineSoup, weight: 2 })
    : written;
  return fc
    .record({
      blocks: fc.array(fc.tuple(nested(block), fc.constantFrom('\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 12 }),
      lineEnd: fc.constantFrom<LineEnd>('\n', '\r\n', '\r', 'mixed'),
      seed: fc.integer(),
    })
    .map(({ blocks, lineEnd, seed }) => {
      // micromark takes a line right after a table that ended with its list item or quote for another row of it, and
      // refuses it as a lazy one: no table stands right after another that way (GitHub and the spec start a new table).
      const lf = `# Generated role\n\n${blocks.map(([b, sep]) => b + (b.includes('|') ? '\n\n' : sep)).join('')}`;
      let n = seed >>> 0;
      const text = lineEnd === 'mixed' ? lf.replace(/\n/g, () => ['\n', '\r\n', '\r'][(n = (n * 1103515245 + 12345) >>> 0) % 3]) : lf.replace(/\n/g, lineEnd);
      return { text, lineEnd };
    });
}

/** A block, maybe inside a list item or a block quote (nested up to three deep). */
function nested(block: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(block, fc.array(fc.constantFrom('- ', '* ', '1. ', '> ', '>', '  ', '   - '), { maxLength: 3 })).map(([text, wraps]) => {
    let out = text;
    for (const wrap of wraps) {
      const lines = out.split('\n');
      const rest = wrap.startsWith('>') ? wrap : ' '.repeat(wrap.length);
      out = lines.map((line, i) => (i === 0 ? wrap : rest) + line).join('\n');
    }
    return out;
  });
}

export type LineEnd = '\n' | '\r\n' | '\r' | 'mixed';
