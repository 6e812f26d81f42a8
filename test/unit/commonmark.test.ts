/**
 * How role files are read as Markdown: each construct that once decided
 * wrongly whether something is a reference, a section or a bullet (issue 14),
 * read here as CommonMark with GFM tables reads it. The differential test
 * (test/robustness/commonmark.test.ts) compares the same reading with an
 * independent parser on generated files.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CONTAINER_DEPTH } from '../../server/src/core/parse/markdown/blockParser';
import { parseRole } from '../../server/src/core/parse/roleFile';

const PATH = '/ws/roles/x-role.md';

/** Each reference as [name, kind, the text its range covers]. */
function refs(body: string): Array<[string, string, string]> {
  const text = `# X role\n\n${body}\n`;
  return parseRole(PATH, text).references.map(r => [r.name, r.kind, text.slice(r.start, r.end)]);
}

const names = (body: string) => refs(body).map(r => r[0]);

/** The Boundaries section's references and bullets (each bullet's text). */
function boundaries(body: string): { names: string[]; bullets: string[] } {
  const text = `# X role\n\n${body}\n`;
  const role = parseRole(PATH, text);
  return { names: role.references.filter(r => r.inCheckedPlace).map(r => r.name), bullets: role.sectionBullets.map(b => text.slice(b.start, b.end)) };
}

describe('fenced code ends with its container', () => {
  test('a fence opened in a list item closes with the item', () => {
    assert.deepEqual(names('- Example:\n  ```\n  **qa-lead**\n- **ops-lead**'), ['ops-lead']);
  });
  test('a fence opened in a block quote closes with the quote', () => {
    assert.deepEqual(names('> ```\n> **qa-lead**\n\n**ops-lead**'), ['ops-lead']);
  });
  test('a fence line inside a list item opens a fence', () => {
    assert.deepEqual(names('- Example:\n\n  ```md\n  **qa-lead**\n  ```\n- **ops-lead**'), ['ops-lead']);
  });
  test('a fence inside a quote inside an item', () => {
    assert.deepEqual(names('- > ```\n  > **qa-lead**\n- **ops-lead**'), ['ops-lead']);
  });
});

describe('HTML blocks and comments', () => {
  test('<details> opens an HTML block: its lines are raw HTML, not a list', () => {
    const read = boundaries('## Boundaries\n\n<details>\n<summary>More</summary>\n- **ops-lead**\n</details>');
    assert.deepEqual(read, { names: [], bullets: [] });
  });
  test('Markdown after a blank line inside <details> is Markdown again', () => {
    assert.deepEqual(boundaries('## Boundaries\n\n<details>\n\n- **ops-lead**\n\n</details>').bullets, ['- **ops-lead**']);
  });
  test('a line that starts with a comment is an HTML block', () => {
    assert.deepEqual(names('<!-- draft --> **qa-lead**\n\n**ops-lead**'), ['ops-lead']);
  });
  test('a comment spanning blank lines hides what is inside it', () => {
    assert.deepEqual(names('<!--\n\n**qa-lead**\n\n-->\n**ops-lead**'), ['ops-lead']);
  });
  test('an unclosed <!-- inside a paragraph is text: it hides nothing', () => {
    assert.deepEqual(names('text <!-- **ops-lead**\n\nmore **qa-lead**'), ['ops-lead', 'qa-lead']);
  });
  test('<!--> and <!---> are whole comments', () => {
    assert.deepEqual(names('text <!--> **ops-lead** and <!---> **qa-lead**'), ['ops-lead', 'qa-lead']);
  });
  test('a heading inside a comment does not end the section', () => {
    assert.deepEqual(boundaries('## Boundaries\n\n- **ops-lead**\n\n<!--\n## Persona\n-->\n\n- **qa-lead**').names, ['ops-lead', 'qa-lead']);
  });
  test('a lazy line that opens an HTML block of type 7 goes on the paragraph: the quote or item goes on', () => {
    // Type 7 cannot interrupt a paragraph, nor can it on a line that may be a lazy one (commonmark.js, issue 21).
    assert.deepEqual(names('> a\n<span>\n> **ops-lead**'), ['ops-lead']);
    assert.deepEqual(names('> a\n<a href="x">\n> **ops-lead**'), ['ops-lead']);
    assert.deepEqual(names('- a\n<span>\n  **ops-lead**'), ['ops-lead']);
  });
  test('a lazy line that opens an HTML block of type 6 ends the quote', () => {
    assert.deepEqual(names('> a\n<div>\n> **ops-lead**'), []);
  });
  test('a fence inside a comment opens no code block', () => {
    assert.deepEqual(names('<!--\n```\n-->\n**ops-lead**'), ['ops-lead']);
  });
  test('bold inside an attribute is part of the tag', () => {
    assert.deepEqual(names('<abbr title="**qa-lead**">QA</abbr> and **ops-lead**'), ['ops-lead']);
  });
  test('a disable directive in an HTML block is still a comment', () => {
    const text = '# X role\n\n<!-- fleet-roles-disable -->\n';
    assert.deepEqual(
      parseRole(PATH, text).comments.map(c => text.slice(c.start, c.end)),
      ['<!-- fleet-roles-disable -->'],
    );
  });
});

describe('setext headings', () => {
  test('an underlined Boundaries is the section', () => {
    assert.deepEqual(boundaries('Boundaries\n----------\n\n- **ops-lead**'), { names: ['ops-lead'], bullets: ['- **ops-lead**'] });
  });
  test('an underlined line ends the section', () => {
    assert.deepEqual(boundaries('## Boundaries\n\n- **ops-lead**\n\nThe lanes:\n---\n\n- **qa-lead**').names, ['ops-lead']);
  });
  test('an underlined title is the title', () => {
    const role = parseRole(PATH, 'X role\n======\n\n## Mandate\n');
    assert.equal(role.title?.text, 'X role');
    assert.equal(role.title?.line, 0);
  });
  test('headings inside a list item or a quote delimit no section', () => {
    const role = parseRole(PATH, '# X role\n\n- ## Boundaries\n\n> ## Persona\n');
    assert.deepEqual(role.sections, []);
  });
});

describe('emphasis as CommonMark pairs it', () => {
  test('flanking: in **Owner:**ops-lead** the run after the colon only opens, so ops-lead is the strong span', () => {
    assert.deepEqual(refs('**Owner:**ops-lead**'), [['ops-lead', 'bold', 'ops-lead']]);
  });
  test('the rule of 3: **ops-lead****qa-lead** is one strong span around both names, so no reference', () => {
    assert.deepEqual(names('**ops-lead****qa-lead**'), []);
  });
  test('the rule of 3 counts a run as written, not what pairing has left of it', () => {
    // The leading run of 4 keeps 2 after its first pair: 2 + 2 would pass the rule, 4 + 2 does not (commonmark.js).
    assert.deepEqual(names('****ops-lead**\n漢**qa-lead**'), ['ops-lead', 'qa-lead']);
  });
  test('the rule of 3: *a**ops-lead** pairs the inner run', () => {
    assert.deepEqual(names('*a**ops-lead**'), ['ops-lead']);
  });
  test('***ops-lead*** is strong inside emphasis', () => {
    assert.deepEqual(refs('***ops-lead***'), [['ops-lead', 'bold', 'ops-lead']]);
  });
  test('unpaired or space-flanked delimiters make no reference', () => {
    assert.deepEqual(names('**ops-lead* and ** qa-lead** and **hr-lead **'), []);
  });
  test('__ops-lead__ is strong emphasis but no reference', () => {
    assert.deepEqual(names('__ops-lead__'), []);
  });
  test('a name inside other words is still strong when both runs flank it', () => {
    assert.deepEqual(names("the **ops-lead**'s lane, x**qa-lead**y"), ['ops-lead', 'qa-lead']);
  });
});

describe('links as CommonMark reads them', () => {
  test('text that only looks like a link is none: a space in the destination, an unclosed title', () => {
    assert.deepEqual(names('[x](./ops-lead.md see) and [y](./qa-lead.md "title)'), []);
  });
  test('a link inside link text is the link; the outer brackets are text', () => {
    assert.deepEqual(refs('[a [b](./ops-lead.md)](./qa-lead.md)'), [['ops-lead', 'link', 'ops-lead']]);
  });
  test('[note](see **ops-lead**) is no link, so the bold is a reference', () => {
    assert.deepEqual(refs('[note](see **ops-lead**)'), [['ops-lead', 'bold', 'ops-lead']]);
  });
  test('a destination after a line break', () => {
    assert.deepEqual(refs('[x](\n./ops-lead.md)'), [['ops-lead', 'link', 'ops-lead']]);
  });
  test('network paths and root-relative paths leave the library', () => {
    assert.deepEqual(names('[x](//host/ops-lead.md) [y](/roles/qa-lead.md) [z](https://h/hr-lead.md)'), []);
  });
  test('autolinks are read whole; <./x.md> is text', () => {
    assert.deepEqual(names('<https://x/**ops-lead**> <./qa-lead.md>'), []);
  });
  test('a code span in the link text keeps the link', () => {
    assert.deepEqual(names('[`code`](./ops-lead.md) [a `]` b](./qa-lead.md)'), ['ops-lead', 'qa-lead']);
  });
  test('escapes and character references are decoded; the range covers the name as written', () => {
    assert.deepEqual(refs('**ops\\-lead** [x](qa&#45;lead.md) [y](hr&#x2D;lead.md)'), [
      ['ops-lead', 'bold', 'ops\\-lead'],
      ['qa-lead', 'link', 'qa&#45;lead'],
      ['hr-lead', 'link', 'hr&#x2D;lead'],
    ]);
  });
  test('a named reference can make a scheme: https&colon; is absolute', () => {
    assert.deepEqual(names('[x](https&colon;//h/ops-lead.md)'), []);
  });
  test('an escaped ! makes a link, not an image', () => {
    assert.deepEqual(names('\\![x](./ops-lead.md)'), ['ops-lead']);
  });
  test('bold in an image description is no reference, nor is the image', () => {
    assert.deepEqual(names('![**ops-lead**](./qa-lead.md)'), []);
  });
  test('reference-style links and link reference definitions are not references', () => {
    assert.deepEqual(names('[x][ref] and [ref]\n\n[ref]: ./ops-lead.md "title"'), []);
  });
  test('a title in parentheses holds no unescaped (: the link is none, the definition text', () => {
    assert.deepEqual(names('[x](./ops-lead.md (a(b)) [y](./qa-lead.md (a\\(b))'), ['qa-lead']);
    const role = parseRole(PATH, '# X role\n\n[ref]: ./ops-lead.md (a(b)\n===\n');
    assert.deepEqual(
      role.headings.map(h => h.text),
      ['X role', '[ref]: ./ops-lead.md (a(b)'],
    );
  });
  test('a definition is no paragraph: a setext underline after it is text', () => {
    const role = parseRole(PATH, '# X role\n\n[ref]: ./ops-lead.md\n===\n');
    assert.deepEqual(
      role.headings.map(h => h.text),
      ['X role'],
    );
  });
});

describe('code', () => {
  test('a code span cannot cross a table cell', () => {
    assert.deepEqual(names('| `a | **ops-lead** | b` |\n| - | - | - |'), ['ops-lead']);
  });
  test('a code span cannot cross the end of a quote', () => {
    assert.deepEqual(names('> `a\n\n**ops-lead** b`'), ['ops-lead']);
  });
  test('a code span crosses lines inside one quote', () => {
    assert.deepEqual(names('> `a\n> **ops-lead**` b'), []);
  });
  test("indented code hides references; a list item's continuation is no code", () => {
    assert.deepEqual(names('    **qa-lead**\n\n- item\n\n    **ops-lead**'), ['ops-lead']);
  });
  test('declarations in a code span that crosses a quote line keep exact places', () => {
    const text = '# X role\n\n> (`class:\r\n> x-role`)\n';
    const d = parseRole(PATH, text).inlineDeclarations[0];
    assert.equal(text.slice(d.valueStart, d.valueEnd), 'x-role');
    assert.equal(text.slice(d.keyStart, d.keyEnd), 'class');
  });
});

describe('lists', () => {
  test('an ordered item numbered other than 1 cannot interrupt a paragraph', () => {
    assert.deepEqual(boundaries('## Boundaries\n\nSome text\n2. **ops-lead**'), { names: ['ops-lead'], bullets: [] });
  });
  test('after indented code, any item may start, empty or numbered otherwise', () => {
    assert.deepEqual(boundaries('## Boundaries\n\n    **qa-lead**\n2. **ops-lead**\n-').bullets, ['2. **ops-lead**', '-']);
  });
  test("a line of the item that holds only a marker is the item's", () => {
    assert.deepEqual(boundaries('## Boundaries\n\n- **ops-lead**\n\n  >').bullets, ['- **ops-lead**\n\n  >']);
  });
  test('an item numbered 1 can', () => {
    assert.deepEqual(boundaries('## Boundaries\n\nSome text\n1. **ops-lead**').bullets, ['1. **ops-lead**']);
  });
  test('a bullet runs over its continuation lines, nested items and lazy lines', () => {
    assert.deepEqual(boundaries('## Boundaries\n\n- **ops-lead**\n  more\n  - nested\nlazy\n\n- **qa-lead**').bullets, [
      '- **ops-lead**\n  more\n  - nested\nlazy',
      '- **qa-lead**',
    ]);
  });
});

describe('GFM tables', () => {
  test("cells past the head row's count are ignored", () => {
    assert.deepEqual(names('| a | b |\n| - | - |\n| **ops-lead** | **qa-lead** | **hr-lead** |'), ['ops-lead', 'qa-lead']);
  });
  test('a table interrupts a paragraph at its head row', () => {
    assert.deepEqual(names('text\n| **ops-lead** |\n| :-: |\n| **qa-lead** | **hr-lead** |'), ['ops-lead', 'qa-lead']);
  });
  // The rules of the GFM specification's tables section, one case each (its own examples need an HTML renderer).
  test('a head row with another number of cells than the delimiter row makes no table', () => {
    assert.deepEqual(names('| a | b |\n| - |\n| **ops-lead** | **qa-lead** | **hr-lead** |'), ['ops-lead', 'qa-lead', 'hr-lead']);
  });
  test('a blank line ends the table: the row after it is a paragraph', () => {
    assert.deepEqual(names('| a |\n| - |\n| b | **qa-lead** |\n\n| **ops-lead** | **hr-lead** |'), ['ops-lead', 'hr-lead']);
  });
  test('a line without a pipe goes on the table as a row, so no underline after it makes a heading', () => {
    assert.deepEqual(
      parseRole(PATH, '# X role\n\n| a |\n| - |\nb\n===\n').headings.map(h => h.text),
      ['X role'],
    );
  });
  test('another block ends the table', () => {
    assert.deepEqual(names('| a |\n| - |\n> b | **ops-lead**'), ['ops-lead']);
  });
  test('an escaped pipe splits no cell', () => {
    assert.deepEqual(names('| a | b |\n| - | - |\n| x \\| y | **ops-lead** | **qa-lead** |'), ['ops-lead']);
  });
});

describe('positions stay exact', () => {
  test('CRLF, CR, tabs, emoji and CJK', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['# X role', '', '- 😀\t**ops-lead** 漢字', '  [x](./qa-lead.md)', '> `a', '> b` **hr-lead**'].join(eol);
      const role = parseRole(PATH, text);
      assert.deepEqual(
        role.references.map(r => [r.name, text.slice(r.start, r.end)]),
        [
          ['ops-lead', 'ops-lead'],
          ['qa-lead', 'qa-lead'],
          ['hr-lead', 'hr-lead'],
        ],
        JSON.stringify(eol),
      );
      assert.deepEqual(
        role.references.map(r => role.lines.positionAt(r.start)),
        [
          { line: 2, character: 7 },
          { line: 3, character: 8 },
          { line: 5, character: 7 },
        ],
      );
    }
  });
});

describe('nesting has a bound', () => {
  const quoted = (depth: number) => `${'>'.repeat(depth)} \`\`\`\n${'>'.repeat(depth)} **qa-lead**`;
  test(`${MAX_CONTAINER_DEPTH} nested quotes are quotes: a fence inside them hides what it holds`, () => {
    assert.deepEqual(names(quoted(MAX_CONTAINER_DEPTH)), []);
  });
  test('past the bound a quote marker is text, and so is the fence after it', () => {
    assert.deepEqual(names(quoted(MAX_CONTAINER_DEPTH + 1)), ['qa-lead']);
  });
  test('list items count toward the bound as quotes do', () => {
    const items = (depth: number) => `${'- '.repeat(depth)}\`\`\`\n${'  '.repeat(depth)}**qa-lead**`;
    assert.deepEqual(names(items(MAX_CONTAINER_DEPTH)), []);
    assert.deepEqual(names(items(MAX_CONTAINER_DEPTH + 1)), ['qa-lead']);
  });
});
