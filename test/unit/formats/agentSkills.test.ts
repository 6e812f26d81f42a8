import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, positionAt, rangeOf, single } from '../helpers';
import { agentText } from './agentText';

const SKILLS = '/ws/.agents/skills';
const CLAUDE = '/ws/.claude/skills';

/** A skill's SKILL.md: its name, a description, and more frontmatter lines. */
function skill(name: string, extra: string[] = [], body?: string[]): string {
  return agentText([`name: ${name}`, 'description: Extracts tables from PDF files; use it for PDFs.', ...extra], body);
}

/** The diagnostics' codes of one skill, alone in `.agents/skills` (or the folder given). */
async function skillCodes(folder: string, text: string, root = SKILLS): Promise<string[]> {
  const lib = await checkLibrary({ [`${root}/${folder}/SKILL.md`]: text });
  return codes(lib.diagnostics(`${root}/${folder}/SKILL.md`));
}

describe('agent-skills: a folder per skill, found with no configuration', () => {
  test('a clean skill in each folder the tools read checks clean and is indexed by its folder', async () => {
    for (const root of ['/ws/.agents/skills', '/ws/.github/skills', '/ws/.opencode/skills', CLAUDE]) {
      const lib = await checkLibrary({ [`${root}/pdf-tools/SKILL.md`]: skill('pdf-tools') });
      assert.deepEqual(codes(lib.diagnostics(`${root}/pdf-tools/SKILL.md`)), [], root);
      assert.deepEqual(lib.service.getDocumentSymbols(`${root}/pdf-tools/SKILL.md`).length > 0, true, root);
    }
  });

  test("only SKILL.md is a role: the skill's other Markdown is not checked", async () => {
    const lib = await checkLibrary({
      [`${SKILLS}/pdf-tools/SKILL.md`]: skill('pdf-tools'),
      [`${SKILLS}/pdf-tools/references/forms.md`]: '---\nname: Not A Skill\n---\n# Forms\n',
      [`${SKILLS}/pdf-tools/REFERENCE.md`]: '# Reference\n',
    });
    assert.equal(lib.service.getDiagnostics(`${SKILLS}/pdf-tools/references/forms.md`), undefined);
    assert.equal(lib.service.getDiagnostics(`${SKILLS}/pdf-tools/REFERENCE.md`), undefined);
  });

  test('a SKILL.md in the skills folder itself is no skill', async () => {
    const lib = await checkLibrary({ [`${SKILLS}/SKILL.md`]: skill('whatever'), [`${SKILLS}/ok/SKILL.md`]: skill('ok') });
    assert.equal(lib.service.getDiagnostics(`${SKILLS}/SKILL.md`), undefined);
  });
});

describe("agent-skills: the specification's rules", () => {
  test("a name that is not its folder's is name-filename-mismatch, naming the folder", async () => {
    const text = skill('pdf-tool');
    const lib = await checkLibrary({ [`${SKILLS}/pdf-tools/SKILL.md`]: text });
    const d = single(lib.diagnostics(`${SKILLS}/pdf-tools/SKILL.md`), 'name-filename-mismatch');
    assert.deepEqual(d.range, rangeOf(text, 'pdf-tool'));
    assert.match(d.message, /folder name 'pdf-tools'/);
  });

  test("the quick fixes: the name made the folder's, or the folder renamed", async () => {
    const text = skill('pdf-tool');
    const path = `${SKILLS}/pdf-tools/SKILL.md`;
    const lib = await checkLibrary({ [path]: text });
    const d = single(lib.diagnostics(path), 'name-filename-mismatch');
    const actions = await lib.service.getCodeActions(path, d.range);
    const titles = actions.map(a => a.title);
    assert.ok(titles.includes("Change the name to 'pdf-tools'"), titles.join(' | '));
    const move = actions.find(a => a.title === 'Rename the folder to pdf-tool');
    assert.deepEqual(move?.edit?.documentChanges, [{ kind: 'rename', oldUri: `file://${SKILLS}/pdf-tools`, newUri: `file://${SKILLS}/pdf-tool` }]);
  });

  for (const bad of ['PDF-Tools', '-pdf', 'pdf-', 'pdf--tools', 'pdf_tools', 'pdf tools']) {
    test(`the name '${bad}' is invalid-value`, async () => {
      assert.deepEqual(await skillCodes('x', skill(JSON.stringify(bad))), ['invalid-value']);
    });
  }

  test('digits may open a name; 64 characters are the most', async () => {
    assert.deepEqual(await skillCodes('1password', skill('1password')), []);
    const longest = `a${'-b'.repeat(31)}a`;
    assert.equal(longest.length, 64);
    assert.deepEqual(await skillCodes(longest, skill(longest)), []);
    const tooLong = `${longest}b`;
    const text = skill(tooLong);
    const lib = await checkLibrary({ [`${SKILLS}/${tooLong}/SKILL.md`]: text });
    const d = single(lib.diagnostics(`${SKILLS}/${tooLong}/SKILL.md`), 'invalid-value');
    assert.match(d.message, /65 characters long: it may hold at most 64/);
  });

  test('name and description are required; a description is not empty', async () => {
    assert.deepEqual(await skillCodes('x', agentText(['description: Does x.'])), ['missing-key']);
    assert.deepEqual(await skillCodes('x', agentText(['name: x'])), ['missing-key']);
    assert.deepEqual(await skillCodes('x', agentText(['name: x', 'description: ""'])), ['invalid-value']);
  });

  test('a description holds at most 1024 characters, counted as characters, not UTF-16 units', async () => {
    assert.deepEqual(await skillCodes('x', agentText(['name: x', `description: ${'a'.repeat(1024)}`])), []);
    assert.deepEqual(await skillCodes('x', agentText(['name: x', `description: ${'😀'.repeat(1024)}`])), []);
    assert.deepEqual(await skillCodes('x', agentText(['name: x', `description: ${'a'.repeat(1025)}`])), ['invalid-value']);
  });

  test('compatibility holds 1 to 500 characters', async () => {
    assert.deepEqual(await skillCodes('x', skill('x', [`compatibility: ${'a'.repeat(500)}`])), []);
    assert.deepEqual(await skillCodes('x', skill('x', [`compatibility: ${'a'.repeat(501)}`])), ['invalid-value']);
    assert.deepEqual(await skillCodes('x', skill('x', ['compatibility: ""'])), ['invalid-value']);
  });

  test('metadata is a map of names to text: a number is named, and a list is no map', async () => {
    assert.deepEqual(await skillCodes('x', skill('x', ['metadata:', '  author: example-org', '  version: "1.0"'])), []);
    const text = skill('x', ['metadata:', '  author: example-org', '  version: 1.0']);
    const lib = await checkLibrary({ [`${SKILLS}/x/SKILL.md`]: text });
    const d = single(lib.diagnostics(`${SKILLS}/x/SKILL.md`), 'invalid-value');
    assert.match(d.message, /'version' is a number: every value of metadata is text; quote it\./);
    assert.deepEqual(await skillCodes('x', skill('x', ['metadata: [a, b]'])), ['invalid-value']);
    assert.deepEqual(await skillCodes('x', skill('x', ['metadata: text'])), ['invalid-value']);
  });

  test('a metadata value that is a list or a map is told how to write it as text', async () => {
    const list = skill('x', ['metadata:', '  tags: [pdf, tables]']);
    const lib = await checkLibrary({ [`${SKILLS}/x/SKILL.md`]: list });
    assert.match(
      single(lib.diagnostics(`${SKILLS}/x/SKILL.md`), 'invalid-value').message,
      /'tags' is a list: .*join the items into one quoted text \(`tags: "a, b"`\)\./,
    );
    const map = skill('x', ['metadata:', '  owner:', '    team: docs']);
    const other = await checkLibrary({ [`${SKILLS}/x/SKILL.md`]: map });
    assert.match(
      single(other.diagnostics(`${SKILLS}/x/SKILL.md`), 'invalid-value').message,
      /'owner' is a map: .*give each of its entries a key of its own \(`owner-team: text`\) or quote the whole as one text\./,
    );
  });

  test('license and allowed-tools, in either form, are valid', async () => {
    assert.deepEqual(await skillCodes('x', skill('x', ['license: Apache-2.0', 'allowed-tools: Bash(git:*) Read'])), []);
    assert.deepEqual(await skillCodes('x', skill('x', ['allowed-tools: [Read, Grep]'])), []);
  });

  test("a near miss of a key is unknown-key; another tool's key is quiet outside .claude", async () => {
    assert.deepEqual(await skillCodes('x', skill('x', ['licence: MIT'])), ['unknown-key']);
    assert.deepEqual(await skillCodes('x', skill('x', ['model: sonnet', 'disable-model-invocation: true', 'version: 1.0.0'])), []);
  });

  test('two skills of one name are duplicate-name', async () => {
    const lib = await checkLibrary({ [`${SKILLS}/x/SKILL.md`]: skill('x'), [`${SKILLS}/y/SKILL.md`]: skill('x') });
    assert.deepEqual(codes(lib.diagnostics(`${SKILLS}/y/SKILL.md`)).sort(), ['duplicate-name', 'name-filename-mismatch']);
  });
});

describe("claude-skills: Claude Code's own keys in .claude/skills", () => {
  test('name and description may be left out: the folder names the skill', async () => {
    assert.deepEqual(await skillCodes('x', agentText(['argument-hint: "[file]"']), CLAUDE), []);
  });

  test("Claude Code's keys are valid there, and their values checked", async () => {
    const keys = [
      'when_to_use: For PDFs.',
      'argument-hint: "[issue-number]"',
      'disable-model-invocation: true',
      'user-invocable: false',
      'model: sonnet',
      'effort: high',
      'context: fork',
      'agent: Explore',
      'paths: "src/**/*.ts"',
      'shell: bash',
    ];
    assert.deepEqual(await skillCodes('x', skill('x', keys), CLAUDE), []);
    assert.deepEqual(await skillCodes('x', skill('x', ['model: sonet']), CLAUDE), ['unknown-value']);
    assert.deepEqual(await skillCodes('x', skill('x', ['user-invocable: "no"']), CLAUDE), ['invalid-value']);
    assert.deepEqual(await skillCodes('x', skill('x', ['disable-model-invokation: true']), CLAUDE), ['unknown-key']);
  });

  test("the specification's rules hold there too", async () => {
    assert.deepEqual(await skillCodes('x', skill('X'), CLAUDE), ['invalid-value']);
    assert.deepEqual(await skillCodes('y', skill('x'), CLAUDE), ['name-filename-mismatch']);
  });
});

describe('agent-skills: rename and New Skill', () => {
  test('renaming a skill edits its name: and moves its whole folder', async () => {
    const text = skill('pdf-tools');
    const lib = await checkLibrary({ [`${SKILLS}/pdf-tools/SKILL.md`]: text, [`${SKILLS}/pdf-tools/references/forms.md`]: '# Forms\n' });
    const edit = await lib.service.rename(`${SKILLS}/pdf-tools/SKILL.md`, positionAt(text, 'pdf-tools'), 'pdf-kit');
    assert.ok(!('error' in edit), JSON.stringify(edit));
    const changes = edit.documentChanges!;
    assert.deepEqual(
      changes.filter(c => 'kind' in c),
      [{ kind: 'rename', oldUri: `file://${SKILLS}/pdf-tools`, newUri: `file://${SKILLS}/pdf-kit` }],
    );
    const edits = changes.flatMap(c => ('edits' in c ? c.edits.map(e => ('newText' in e ? e.newText : '')) : []));
    assert.deepEqual(edits, ['pdf-kit']);
  });

  test('New Skill writes a folder with its SKILL.md, which checks clean', async () => {
    const lib = await checkLibrary({ [`${SKILLS}/pdf-tools/SKILL.md`]: skill('pdf-tools') });
    const plan = await lib.service.planNewRole('csv-tools', `${SKILLS}/pdf-tools/SKILL.md`);
    assert.ok(!('error' in plan), JSON.stringify(plan));
    assert.equal(plan.path, `${SKILLS}/csv-tools/SKILL.md`);
    assert.deepEqual(await skillCodes('csv-tools', plan.text), []);
  });
});

describe('agent-skills: a SKILL.md moved in the explorer', () => {
  test('renaming SKILL.md to another name renames no skill: no edit follows', async () => {
    const path = `${SKILLS}/pdf-tools/SKILL.md`;
    const lib = await checkLibrary({ [path]: skill('pdf-tools'), [`${SKILLS}/csv-tools/SKILL.md`]: skill('csv-tools') });
    assert.equal(await lib.service.willRenameFiles([{ from: path, to: `${SKILLS}/pdf-tools/other.md` }]), undefined);
  });
});

describe('agent-skills: the folder appears after the load', () => {
  test('a first skill created in a new .claude/skills folder makes a library', async () => {
    const lib = await checkLibrary({ '/ws/README.md': '# project' });
    assert.equal(lib.workspace.libraries.length, 0);
    lib.fs.files.set(`${CLAUDE}/pdf-tools/SKILL.md`, skill('pdf-tool'));
    await lib.service.filesChanged([{ path: `${CLAUDE}/pdf-tools/SKILL.md`, deleted: false }]);
    assert.equal(lib.workspace.libraries[0]?.format.name, 'claude-skills');
    assert.deepEqual(codes(lib.diagnostics(`${CLAUDE}/pdf-tools/SKILL.md`)), ['name-filename-mismatch']);
  });
});
