/**
 * A cloned repository whose links lead out of it (issue 23, item 7): a role
 * folder, a role file, a configuration or a folder below a role folder that
 * is a symbolic link to elsewhere on the machine. Nothing there is read,
 * checked or quoted; a link that stays inside is followed as before.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { makeTree, runCli } from '../support/runCli';
import { roleText } from '../unit/helpers';
import { assertNoStackTrace } from './support';

/** A role file whose every word would show in a message if it were checked: an unknown role named after the secret. */
const secretRole = (secret: string) => `---
class: ${secret}
domain: operations
persistent_persona: false
---
# ${secret}

## Boundaries

- **${secret}-elsewhere** does it.
`;

const SECRET = 'outside-secret';

/** An outside folder with a role file, another repository's configuration, and a workspace beside it. */
function machine(workspace: Record<string, string>) {
  const tree = makeTree({
    [`outside/roles/${SECRET}.md`]: secretRole(SECRET),
    'outside/fleet-roles.json': JSON.stringify({ roleFolders: ['roles'], domains: ['outside-domain'] }),
    ...Object.fromEntries(Object.entries(workspace).map(([rel, text]) => [`ws/${rel}`, text])),
  });
  const at = (rel: string) => nodePath.join(tree.dir, rel);
  return { tree, at, check: () => runCli(['check', '.', '--format', 'json'], at('ws')) };
}

function assertNothingOutside(output: string, what: string): void {
  assertNoStackTrace(output, what);
  assert.ok(!output.includes(SECRET), `${what}: the outside file was read and quoted:\n${output}`);
  assert.ok(!output.includes('outside-domain'), `${what}: the outside configuration was adopted:\n${output}`);
}

const fleetRole = (name: string) => roleText(name, { boundaries: [`- **Does NOT hire** — that is the **${name}**'s lane.`] });

describe('links out of the workspace are not followed', () => {
  const disposals: Array<() => void> = [];
  after(() => disposals.forEach(d => d()));

  test("roleFolders names a link out ('escape -> outside'): its files are not read, and the folder is said to lead outside", () => {
    const m = machine({ 'fleet-roles.json': JSON.stringify({ roleFolders: ['escape'] }) });
    disposals.push(m.tree.dispose);
    symlinkSync(m.at('outside/roles'), m.at('ws/escape'));
    const result = m.check();
    assertNothingOutside(result.stdout + result.stderr, 'roleFolders link');
    assert.match(result.stderr, /cannot read 'escape' \(it leads outside the workspace through a symbolic link/);
  });

  test('a link to a whole other tree: no configuration there is adopted, none of its roles is checked', () => {
    const m = machine({ 'fleet-roles.json': JSON.stringify({ roleFolders: ['all'] }), 'roles/alpha.md': fleetRole('alpha') });
    disposals.push(m.tree.dispose);
    symlinkSync(m.at('outside'), m.at('ws/all'));
    const result = m.check();
    assertNothingOutside(result.stdout + result.stderr, 'tree link');
  });

  test('a role file that is a link out is reported unreadable, not read', () => {
    const m = machine({ 'roles/alpha.md': fleetRole('alpha') });
    disposals.push(m.tree.dispose);
    symlinkSync(m.at(`outside/roles/${SECRET}.md`), m.at('ws/roles/leak.md'));
    const result = m.check();
    assertNothingOutside(result.stdout, 'file link');
    const leak = JSON.parse(result.stdout).files.find((f: { path: string }) => f.path === 'roles/leak.md');
    assert.deepEqual(
      leak.diagnostics.map((d: { code: string; message: string }) => [d.code, d.message]),
      [['unreadable-file', 'The file cannot be read (it leads outside the workspace through a symbolic link, and is not read).']],
    );
  });

  test("a configuration that is a link to another repository's is not adopted", () => {
    const m = machine({ 'roles/alpha.md': fleetRole('alpha') });
    disposals.push(m.tree.dispose);
    symlinkSync(m.at('outside/fleet-roles.json'), m.at('ws/fleet-roles.json'));
    const result = m.check();
    assertNothingOutside(result.stdout + result.stderr, 'config link');
    assert.match(result.stderr, /configuration file cannot be read \(it leads outside the workspace/);
  });

  test('links that stay inside the workspace are still followed', () => {
    const m = machine({ 'fleet-roles.json': JSON.stringify({ roleFolders: ['alias'] }), 'real/alpha.md': fleetRole('alpha') });
    disposals.push(m.tree.dispose);
    symlinkSync('real', m.at('ws/alias'));
    mkdirSync(m.at('ws/real/more'));
    writeFileSync(m.at('ws/real/more/beta.md'), fleetRole('beta'));
    symlinkSync('more/beta.md', m.at('ws/real/gamma.md'));
    const result = m.check();
    assert.equal(result.status, 1, result.stderr);
    const files = JSON.parse(result.stdout).files.map((f: { path: string }) => f.path);
    assert.deepEqual(files, ['alias/alpha.md', 'alias/gamma.md', 'alias/more/beta.md']);
  });
});
