/**
 * An untrusted workspace with a hostile configuration, through the server
 * (issue 23, item 7, and docs/vscode.md's "What is read"): `roleFolders` names a
 * link out of the workspace, a role file is such a link, and the settings'
 * `configFile` points outside, by its text or through a link. Nothing outside
 * is read: no file there is checked, no configuration there adopted, and no
 * word of them reaches a diagnostic or a message.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { LspTestClient, uriOf } from '../support/lspClient';
import { roleText } from '../unit/helpers';
import { makeTree } from '../support/runCli';

const SECRET = 'outside-secret';

const fleetRole = (name: string, refersTo: string) => roleText(name, { boundaries: [`- **Does NOT hire** — that is the **${refersTo}**'s lane.`] });

/** The machine: `outside/` with a role library and a configuration of its own, and a hostile workspace `ws/` beside it. */
function machine() {
  const tree = makeTree({
    [`outside/roles/${SECRET}.md`]: fleetRole(SECRET, `${SECRET}-elsewhere`),
    'outside/fleet-roles.json': JSON.stringify({ roleFolders: ['roles'], domains: ['outside-domain'] }),
    'ws/fleet-roles.json': JSON.stringify({ roleFolders: ['roles', 'escape'] }),
    'ws/roles/alpha.md': fleetRole('alpha', 'beta'),
    'ws/roles/beta.md': fleetRole('beta', 'alpha'),
  });
  const at = (rel: string) => nodePath.join(tree.dir, rel);
  symlinkSync(at('outside/roles'), at('ws/escape'));
  symlinkSync(at(`outside/roles/${SECRET}.md`), at('ws/roles/leak.md'));
  mkdirSync(at('ws/settings'));
  symlinkSync(at('outside/fleet-roles.json'), at('ws/settings/fleet-roles.json'));
  writeFileSync(at('ws/README.md'), '# A workspace\n');
  return { tree, at };
}

describe('an untrusted workspace with a hostile configuration, through the server', () => {
  const m = machine();
  after(() => m.tree.dispose());

  for (const [what, configFile] of [
    ['configFile outside the workspace', m.at('outside/fleet-roles.json')],
    ['configFile inside by its text, a link out', m.at('ws/settings/fleet-roles.json')],
    ['no configFile', undefined],
  ] as const) {
    test(`${what}: nothing outside is read or shown`, async () => {
      const { client } = await LspTestClient.start([m.at('ws')], { initializationOptions: { trusted: false, configFile } });
      try {
        const diagnostics = await client.allDiagnostics();
        const shown = JSON.stringify([...diagnostics]) + JSON.stringify(client.messages) + client.stderr;
        assert.ok(!shown.includes(SECRET), `${what}: the outside role was read:\n${shown}`);
        assert.ok(!shown.includes('outside-domain'), `${what}: the outside configuration was adopted:\n${shown}`);
        for (const uri of diagnostics.keys()) assert.ok(uri.startsWith(uriOf(m.at('ws'))), `${what}: ${uri} is checked`);
        if (configFile === m.at('ws/settings/fleet-roles.json')) {
          // The configuration named defines the library alone: it is refused, saying why.
          assert.match(shown, /configuration file cannot be read \(it leads outside the workspace through a symbolic link/);
          return;
        }
        // Otherwise the workspace's own library is checked as it is: its roles clean, the link out an unreadable file.
        assert.deepEqual(diagnostics.get(uriOf(m.at('ws/roles/alpha.md'))), []);
        const leak = diagnostics.get(uriOf(m.at('ws/roles/leak.md'))) ?? [];
        assert.deepEqual(
          leak.map(d => [d.code, d.message]),
          [['unreadable-file', 'The file cannot be read (it leads outside the workspace through a symbolic link, and is not read).']],
        );
      } finally {
        await client.stop();
      }
    });
  }
});
