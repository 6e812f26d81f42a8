import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { DOCUMENT_SELECTOR } from '../../client/src/documentSelector';
import { REPO_ROOT } from '../support/tempLibrary';

/**
 * The extension's workspaceContains activation events, matched as VS Code
 * matches them: a glob against the paths relative to a workspace folder
 * (`**` spans zero or more folders). The extension-host suite checks the
 * sample library opened as `code roles/` in the real VS Code; this checks the
 * shapes it cannot open at once.
 */
const manifest = JSON.parse(readFileSync(nodePath.join(REPO_ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };
const globs = manifest.activationEvents.filter(e => e.startsWith('workspaceContains:')).map(e => e.slice('workspaceContains:'.length));
/** The globs that fire on a workspace of these files: each case names its own, so none passes through another file. */
const firing = (files: string[]) => globs.filter(g => files.some(f => picomatch(g, { dot: true })(f)));

/** Workspaces that activate the extension, and the one glob that does it in each. */
const ACTIVATING: ReadonlyArray<[what: string, files: string[], glob: string]> = [
  ['the repository root, with a roles folder inside', ['README.md', 'roles/qa-engineer.md'], '**/roles/*.md'],
  ['the role folder itself, with no fleet-roles.json anywhere', ['qa-engineer.md', 'LIBRARY.md'], 'LIBRARY.md'],
  ['a roles folder with its index deeper down', ['README.md', 'team/roles/emea/LIBRARY.md', 'team/roles/emea/sales-lead.md'], '**/roles/**/LIBRARY.md'],
  ['a folder with a fleet-roles.json and its own role folders', ['fleet-roles.json', 'team/qa-engineer.md'], '**/fleet-roles.json'],
  ['a repository with Claude Code subagents', ['README.md', '.claude/agents/planner.md', '.claude/commands/deploy.md'], '.claude/agents/*.md'],
  ['a repository with Copilot custom agents', ['README.md', '.github/agents/planner.agent.md', '.github/workflows/ci.yml'], '.github/agents/*.agent.md'],
  ...['.agents', '.claude', '.github', '.opencode'].map((folder): [string, string[], string] => [
    `a repository with skills in ${folder}/skills`,
    ['README.md', `${folder}/skills/pdf-tools/SKILL.md`, `${folder}/skills/pdf-tools/references/forms.md`],
    '{.agents,.claude,.github,.opencode}/skills/*/SKILL.md',
  ]),
];

describe('activation events', () => {
  for (const [what, files, glob] of ACTIVATING) test(what, () => assert.deepEqual(firing(files), [glob]));
  test('every workspaceContains glob of the manifest has its case above', () => {
    assert.ok(globs.length > 0);
    assert.deepEqual([...globs].sort(), [...new Set(ACTIVATING.map(([, , glob]) => glob))].sort());
  });
  test('an Ansible repository, Markdown in roles/<name>/ and a README at the top, does not activate it', () => {
    assert.deepEqual(firing(['README.md', 'site.yml', 'roles/web/tasks/main.yml', 'roles/web/docs/usage.md', 'roles/web/README.md', 'roles/db/README.md']), []);
  });
  test('a folder of notes does not activate it', () => assert.deepEqual(firing(['README.md', 'docs/guide.md']), []));
  test("a skill's other Markdown, with no SKILL.md, does not activate it", () => assert.deepEqual(firing(['.claude/skills/pdf-tools/forms.md']), []));
  test('a role file opened on its own starts it through the Markdown language', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
  });
});

describe("the client's document selector", () => {
  /** Whether a file on disk with this language is sent to the server, as VS Code matches a document filter. */
  const sent = (path: string, language: string) =>
    DOCUMENT_SELECTOR.some(
      f => (f.language === undefined || f.language === language) && (f.pattern === undefined || picomatch(f.pattern, { dot: true })(path)),
    );

  test('Markdown files, whatever their name, and fleet-roles.json', () => {
    assert.ok(sent('roles/qa-engineer.md', 'markdown'));
    assert.ok(sent('fleet-roles.json', 'json'));
    assert.equal(sent('package.json', 'json'), false);
  });

  test('.mdc files (Cursor rules), which VS Code opens as plain text, and no other plain text', () => {
    assert.ok(sent('.cursor/rules/testing.mdc', 'plaintext'));
    assert.equal(sent('notes.txt', 'plaintext'), false);
  });

  test('a Cursor rules library, which names its format in fleet-roles.json, activates the extension', () => {
    assert.deepEqual(firing(['fleet-roles.json', '.cursor/rules/testing.mdc']), ['**/fleet-roles.json']);
  });
});
