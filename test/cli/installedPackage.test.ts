import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { LspTestClient, uriOf } from '../support/lspClient';
import { REPO_ROOT } from '../support/tempLibrary';

/*
 * The CLI as its users get it: `npm pack` of this repository, installed into
 * an empty project with npm, then `npx fleet-roles check` and
 * `fleet-roles server --stdio` from that project. Nothing of the repository's
 * node_modules is in reach of the installed copy.
 */

function npm(args: string[], cwd: string): string {
  // Offline-friendly: the tarball has no dependencies, so the registry is never needed.
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, encoding: 'utf8', timeout: 180000 });
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

describe('the CLI installed from `npm pack` into an empty project', { timeout: 300000 }, () => {
  const work = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-pack-'));
  const project = nodePath.join(work, 'consumer');
  let packed: { filename: string; files: Array<{ path: string }>; size: number };

  before(() => {
    // The build is npm test's first step; packing again would rebuild (prepare) for nothing.
    [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], REPO_ROOT));
    cpSync(nodePath.join(REPO_ROOT, 'roles'), nodePath.join(project, 'roles'), { recursive: true });
    writeFileSync(nodePath.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    npm(['install', '--save-dev', nodePath.join(work, packed.filename)], project);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test("the package holds the CLI's bundle, the schema and the documents, nothing else (not the extension's bundles)", () => {
    assert.deepEqual(packed.files.map(f => f.path).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin/fleet-roles.js',
      'dist/cli.js',
      'dist/configSchema.js',
      'package.json',
      'schemas/fleet-roles.schema.json',
    ]);
  });

  test('installing it brings no other package: the bundles need nothing at run time', () => {
    const installed = readdirSync(nodePath.join(project, 'node_modules')).filter(name => !name.startsWith('.'));
    assert.deepEqual(installed, ['fleet-roles']);
    const manifest = JSON.parse(readFileSync(nodePath.join(project, 'node_modules', 'fleet-roles', 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
  });

  test('npx fleet-roles check: the sample library is clean, a broken reference is an error', () => {
    const npx = (args: string[]) => spawnSync('npx', ['--no-install', 'fleet-roles', ...args], { cwd: project, encoding: 'utf8', timeout: 60000 });
    const clean = npx(['check', 'roles']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.equal(clean.stdout, '22 files checked, 21 roles indexed: 0 errors, 0 warnings.\n');

    const seed = nodePath.join(project, 'roles', 'operations-manager.md');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('**hr-generalist**', '**hr-generalst**'));
    const broken = npx(['check', 'roles', '--format', 'github']);
    assert.equal(broken.status, 1, broken.stdout + broken.stderr);
    assert.match(
      broken.stdout,
      /^::error file=roles\/operations-manager\.md,line=\d+,col=\d+,.*title=fleet-roles unknown-role::Unknown role 'hr-generalst'\. Did you mean 'hr-generalist'\?$/m,
    );
    assert.ok(existsSync(nodePath.join(project, 'node_modules', 'fleet-roles', 'schemas', 'fleet-roles.schema.json')));
  });

  test('npx fleet-roles init: the configuration points at the schema of the installed package', () => {
    const init = spawnSync('npx', ['--no-install', 'fleet-roles', 'init', 'agents', '--format', 'claude-code'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 60000,
    });
    assert.equal(init.status, 0, init.stdout + init.stderr);
    const config = JSON.parse(readFileSync(nodePath.join(project, 'agents', 'fleet-roles.json'), 'utf8')) as { $schema?: string };
    assert.equal(config.$schema, '../node_modules/fleet-roles/schemas/fleet-roles.schema.json');
  });

  test('fleet-roles server --stdio answers initialize and reports diagnostics', async () => {
    const bin = nodePath.join(project, 'node_modules', 'fleet-roles', 'bin', 'fleet-roles.js');
    const { client, result } = await LspTestClient.start([project], [bin, 'server', '--stdio']);
    try {
      assert.equal(result.serverInfo?.name, 'fleet-roles');
      const seed = nodePath.join(project, 'roles', 'operations-manager.md');
      // The seed as the repository has it: the test before this one broke the copy on disk.
      const text = readFileSync(nodePath.join(REPO_ROOT, 'roles', 'operations-manager.md'), 'utf8');
      await client.open(uriOf(seed), text);
      const codes = (await client.diagnostics(uriOf(seed))).map(d => d.code);
      assert.deepEqual(codes, []);
      await client.change(uriOf(seed), text.replace('**business-analyst**', '**nobody-here**'));
      assert.deepEqual(
        (await client.diagnostics(uriOf(seed))).map(d => d.code),
        ['unknown-role'],
      );
    } finally {
      await client.stop();
    }
  });
});
