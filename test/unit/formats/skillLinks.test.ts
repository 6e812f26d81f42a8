import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, positionAt, rangeOf, single } from '../helpers';
import { agentText } from './agentText';

const SKILL = '/ws/.agents/skills/pdf-tools';
const PATH = `${SKILL}/SKILL.md`;

/** A skill whose body is these lines, beside these files of its folder (relative paths). */
async function skillWith(body: string[], files: string[] = []) {
  const text = agentText(['name: pdf-tools', 'description: Extracts tables from PDF files.'], body);
  const lib = await checkLibrary({ [PATH]: text, ...Object.fromEntries(files.map(f => [`${SKILL}/${f}`, 'x'])) });
  return { lib, text, diagnostics: lib.diagnostics(PATH) };
}

describe("agent-skills: a skill's links name its own files", () => {
  test('links and images to files and folders of the skill are fine, with a fragment or a query, or percent-encoded', async () => {
    const { diagnostics } = await skillWith(
      [
        'Read [forms](references/forms.md), [the part](./references/forms.md#filling), [it again](references/forms.md?raw=1).',
        '![chart](assets/chart%20one.png) and the [scripts](scripts/) folder; [this file](SKILL.md).',
      ],
      ['references/forms.md', 'assets/chart one.png', 'scripts/run.py'],
    );
    assert.deepEqual(codes(diagnostics), []);
  });

  test('a link or image to a file that is not there is broken-link, at its destination', async () => {
    const { diagnostics, text } = await skillWith(['See [forms](references/forms.md) and ![chart](assets/chart.png).'], ['references/other.md']);
    assert.deepEqual(codes(diagnostics), ['broken-link', 'broken-link']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'references/forms.md'));
    assert.equal(diagnostics[1].message, "There is no 'assets/chart.png' in the skill's folder.");
  });

  test('file names are compared with their case, and the file that differs by case is named', async () => {
    const { diagnostics } = await skillWith(['See [forms](references/Forms.md).'], ['references/forms.md']);
    assert.match(single(diagnostics, 'broken-link').message, /Did you mean 'references\/forms\.md'\?/);
  });

  test("a link out of the skill's folder is link-leaves-skill, even to a file that is there", async () => {
    const text = agentText(
      ['name: pdf-tools', 'description: Extracts tables.'],
      ['Follow [the style](../../style.md) and [x](references/../../other/SKILL.md).'],
    );
    const lib = await checkLibrary({ [PATH]: text, '/ws/.agents/style.md': '# Style\n' });
    assert.deepEqual(codes(lib.diagnostics(PATH)), ['link-leaves-skill', 'link-leaves-skill']);
  });

  test('URLs, absolute paths, fragments, placeholders, reference-style links and paths in prose or code blocks are not looked at', async () => {
    const { diagnostics } = await skillWith([
      '[web](https://example.com/x.md) [mail](mailto:a@b.c) [abs](/etc/x.md) [top](#usage) [tmpl]({{base}}/x.md) [glob](refs/*.md)',
      '[ref][forms] and scripts/missing.py in prose.',
      '',
      '[forms]: references/missing.md',
      '',
      '```',
      '[x](references/missing.md)',
      '```',
    ]);
    assert.deepEqual(codes(diagnostics), []);
  });

  test('a code span that is a path into scripts/, references/ or assets/ is read as a link', async () => {
    const { diagnostics, text } = await skillWith(
      ['Run `scripts/run.py`, read `./references/forms.md`; see `references/api.md` and `assets/logo.png`.'],
      ['scripts/run.py', 'references/forms.md', 'assets/Logo.png'],
    );
    assert.deepEqual(codes(diagnostics), ['broken-link', 'broken-link']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'references/api.md'));
    assert.equal(diagnostics[0].message, "There is no 'references/api.md' in the skill's folder.");
    assert.match(diagnostics[1].message, /Did you mean 'assets\/Logo\.png'\? File names are compared with their case\./);
  });

  test('a code span that may be an example, a command, a glob or another folder is not read as a path', async () => {
    const { diagnostics } = await skillWith([
      '`references/<topic>.md` `references/{topic}.md` `references/{{topic}}.md` `scripts/$NAME.py` `assets/*.png`',
      '`assets/a?.png` `assets/[ab].png` `scripts/run.py --out x` `scripts/run.py:12` `references/api.md#auth`',
      '`references/` `references/...` `references/a\\b.md` `docs/missing.md` `missing.md` `src/scripts/x.py`',
    ]);
    assert.deepEqual(codes(diagnostics), []);
  });

  test("a code span that is a link's text is the link's, checked once at the destination", async () => {
    const { diagnostics, text } = await skillWith(
      ['See [`references/forms.md`](references/forms.md) and [`references/api.md`](references/api.md).'],
      ['references/api.md'],
    );
    assert.deepEqual(codes(diagnostics), ['broken-link']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'references/forms.md', 1));
  });

  test('a code span naming a folder below a skill folder is checked, and the message keeps its slash', async () => {
    const { diagnostics } = await skillWith(
      ['Templates in `assets/letters/`, examples in `assets/forms/`; see [cases](references/case/).'],
      ['assets/forms/a.md'],
    );
    assert.deepEqual(
      diagnostics.map(d => d.message),
      ["There is no 'assets/letters/' in the skill's folder.", "There is no 'references/case/' in the skill's folder."],
    );
  });

  test('a code span that the text calls an example, or a path from another root, is not read as a path', async () => {
    const { diagnostics } = await skillWith([
      '- **Examples**: `references/finance.md` for schemas, `assets/logo.png` for brands',
      '- A helper, e.g. `scripts/rotate.py`',
      '',
      'For instance, a skill may keep',
      'its schema in `references/schema.md`.',
      '',
      'Example: when building a `pdf-editor` skill, the analysis shows:',
      '',
      '1. Rotating a PDF takes the same code each time',
      '2. A `scripts/rotate_pdf.py` script would help',
      '',
      'Confirm the repository root contains `scripts/compose.mjs`.',
      '',
      'Not `../common/x.md`, `references/../x.md` nor `.github/x.yml` either.',
    ]);
    assert.deepEqual(codes(diagnostics), []);
  });

  test("the example words count only in the path's own paragraph, item or list lead-in", async () => {
    const { diagnostics } = await skillWith([
      'Example: a skill with a form.',
      '',
      'Read `references/forms.md`.',
      '',
      '## Files',
      '',
      '- `assets/template.md`: examples of letters',
      '- `scripts/check.py`: checks the form',
    ]);
    assert.deepEqual(codes(diagnostics), ['broken-link', 'broken-link', 'broken-link']);
  });

  test("a path whose first folder is a near miss of one of the skill's gets a did-you-mean, when the file is there", async () => {
    const { diagnostics } = await skillWith(
      ['See [forms](reference/forms.md), `script/run.py`, [other](reference/other.md); `reference/other.md` names no file near.'],
      ['references/forms.md', 'scripts/run.py'],
    );
    assert.deepEqual(
      diagnostics.map(d => d.message),
      [
        "There is no 'reference/forms.md' in the skill's folder. Did you mean 'references/forms.md'?",
        "There is no 'script/run.py' in the skill's folder. Did you mean 'scripts/run.py'?",
        "There is no 'reference/other.md' in the skill's folder.",
      ],
    );
  });

  test('a file that comes or goes on disk changes the answer, without a reload', async () => {
    const { lib } = await skillWith(['See [forms](references/forms.md).']);
    assert.deepEqual(codes(lib.diagnostics(PATH)), ['broken-link']);
    lib.fs.files.set(`${SKILL}/references/forms.md`, '# Forms\n');
    const came = await lib.service.filesChanged([{ path: `${SKILL}/references/forms.md`, deleted: false }]);
    assert.ok(came.affected.has(PATH));
    assert.deepEqual(codes(lib.diagnostics(PATH)), []);
    lib.fs.files.delete(`${SKILL}/references/forms.md`);
    await lib.service.filesChanged([{ path: `${SKILL}/references`, deleted: true }]);
    assert.deepEqual(codes(lib.diagnostics(PATH)), ['broken-link']);
    lib.fs.files.set(`${SKILL}/references/forms.md`, '# Forms\n');
    await lib.service.filesChanged([{ path: `${SKILL}/references`, deleted: false }]);
    assert.deepEqual(codes(lib.diagnostics(PATH)), []);
  });

  test("another format's links are not looked at", async () => {
    const text = agentText(['name: planner', 'description: Plans.'], ['See [forms](references/forms.md).']);
    const lib = await checkLibrary({ '/ws/.claude/agents/planner.md': text });
    assert.deepEqual(codes(lib.diagnostics('/ws/.claude/agents/planner.md')), []);
  });
});

describe("agent-skills: completion of a link's path", () => {
  test("in a skill's link, the skill's files and folders, those that start with what is typed first; SKILL.md itself is left out", async () => {
    const { lib, text } = await skillWith(['See [forms](ref).'], ['references/forms.md', 'scripts/run.py']);
    const list = lib.service.getCompletions(PATH, positionAt(text, '](ref', 5));
    assert.deepEqual(
      list.items.map(i => [i.label, i.kind]),
      [
        ['references', 19],
        ['references/forms.md', 17],
        ['scripts', 19],
        ['scripts/run.py', 17],
      ],
    );
    assert.deepEqual(list.items[1].textEdit, { range: rangeOf(text, 'ref'), newText: 'references/forms.md' });
  });
});
