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
const activates = (files: string[]) => files.some(f => globs.some(g => picomatch(g, { dot: true })(f)));

describe('activation events', () => {
  test('the repository root, with a roles folder inside', () => assert.ok(activates(['README.md', 'roles/qa-engineer.md'])));
  test('the role folder itself, with no fleet-roles.json anywhere', () => assert.ok(activates(['qa-engineer.md', 'LIBRARY.md'])));
  test('a roles folder with its index deeper down', () => assert.ok(activates(['README.md', 'team/roles/emea/LIBRARY.md', 'team/roles/emea/sales-lead.md'])));
  test('a folder with a fleet-roles.json and its own role folders', () => assert.ok(activates(['fleet-roles.json', 'team/qa-engineer.md'])));
  test('an Ansible repository, Markdown in roles/<name>/ and a README at the top, does not activate it', () => {
    assert.equal(activates(['README.md', 'site.yml', 'roles/web/tasks/main.yml', 'roles/web/docs/usage.md', 'roles/web/README.md', 'roles/db/README.md']), false);
  });
  test('a folder of notes does not activate it', () => assert.equal(activates(['README.md', 'docs/guide.md']), false));
  test('a role file opened on its own starts it through the Markdown language', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
  });
});

describe("the client's document selector", () => {
  /** Whether a file on disk with this language is sent to the server, as VS Code matches a document filter. */
  const sent = (path: string, language: string) =>
    DOCUMENT_SELECTOR.some(f => (f.language === undefined || f.language === language) && (f.pattern === undefined || picomatch(f.pattern, { dot: true })(path)));

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
    assert.ok(activates(['fleet-roles.json', '.cursor/rules/testing.mdc']));
  });
});
