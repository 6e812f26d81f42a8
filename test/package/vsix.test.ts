import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { REPO_ROOT } from '../support/tempLibrary';

/*
 * The extension as it is published: plain `vsce package` (no flags that
 * relax its checks), then the listing read back out of the .vsix, with what
 * the Marketplace and Open VSX require of it. The UI test installs this
 * same file (FLEET_ROLES_VSIX).
 */

// Alone, a folder of its own: a fixed name in the shared temporary folder clashes between users and clones.
const ownFolder = process.env.FLEET_ROLES_VSIX ? undefined : mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-vsix-'));
const VSIX = process.env.FLEET_ROLES_VSIX ?? nodePath.join(ownFolder!, 'fleet-roles.vsix');
const manifest = JSON.parse(readFileSync(nodePath.join(REPO_ROOT, 'package.json'), 'utf8'));
const IMAGES_BASE = `${manifest.repository.url.replace(/\.git$/, '')}/raw/HEAD/`;

function unzip(args: string[]): string {
  const result = spawnSync('unzip', args, { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}
const entry = (name: string) => Buffer.from(unzip(['-p', VSIX, name]), 'latin1');

describe('the .vsix from plain `vsce package`', { timeout: 300000 }, () => {
  before(() => {
    const vsce = spawnSync(nodePath.join(REPO_ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--out', VSIX], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.equal(vsce.status, 0, vsce.stdout + vsce.stderr);
    assert.doesNotMatch(vsce.stdout + vsce.stderr, /WARNING/, 'vsce warned');
  });
  after(() => {
    if (ownFolder) rmSync(ownFolder, { recursive: true, force: true });
  });

  test("holds the extension's bundles, the grammar, the schema, the icon and the documents, nothing else (not the CLI)", () => {
    const files = unzip(['-Z1', VSIX]).trim().split('\n').sort();
    assert.deepEqual(
      files,
      [
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/LICENSE.txt',
        'extension/changelog.md',
        'extension/dist/client.js',
        'extension/dist/configSchema.js',
        'extension/dist/server.js',
        'extension/images/icon.png',
        'extension/package.json',
        'extension/readme.md',
        'extension/schemas/fleet-roles.schema.json',
        'extension/syntaxes/fleet-roles.injection.tmLanguage.json',
      ].sort(),
    );
  });

  test('the listing: description, categories, tags, license, icon, repository', () => {
    const xml = entry('extension.vsixmanifest').toString('utf8');
    assert.match(xml, new RegExp(`<Description xml:space="preserve">${manifest.description}</Description>`));
    assert.match(xml, /<Categories>Programming Languages,Linters,Visualization<\/Categories>/);
    for (const keyword of manifest.keywords) assert.match(xml, new RegExp(`<Tags>[^<]*\\b${keyword}\\b`));
    assert.match(xml, /<License>extension\/LICENSE.txt<\/License>/);
    assert.match(xml, /<Icon>extension\/images\/icon.png<\/Icon>/);
    assert.match(xml, /Links.Source" Value="https:\/\/github.com\/fleet-roles\/fleet-roles.git"/);
    assert.match(entry('extension/LICENSE.txt').toString('utf8'), /^MIT License/);
    assert.match(entry('extension/changelog.md').toString('utf8'), new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'));
  });

  test('the icon is a PNG of at least 128×128, as the Marketplace asks', () => {
    const png = entry('extension/images/icon.png');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`);
  });

  test("the README's images are absolute links to files of the repository, so the extension page shows them", () => {
    const readme = entry('extension/readme.md').toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(m => m[1]);
    assert.ok(images.length >= 1, images.join('\n'));
    for (const url of images) {
      assert.ok(url.startsWith(IMAGES_BASE), `${url} is not under ${IMAGES_BASE}`);
      assert.ok(existsSync(nodePath.join(REPO_ROOT, url.slice(IMAGES_BASE.length))), `${url}: no such file in the repository`);
    }
  });

  // vsce makes every relative link absolute, even one inside a code span (`[x](destination)` became a link to
  // …/blob/HEAD/destination): on the extension page each such URL must name a file of the repository.
  test('no link of the README or the CHANGELOG is rewritten into a URL that names no file of the repository', () => {
    const base = manifest.repository.url.replace(/\.git$/, '');
    for (const page of ['extension/readme.md', 'extension/changelog.md']) {
      const text = entry(page).toString('utf8');
      const urls = [...text.matchAll(new RegExp(base.replace(/[.]/g, '\\.') + '/(?:blob|raw)/HEAD/([^)\\s#`?]*)', 'g'))];
      assert.ok(page.endsWith('changelog.md') || urls.length > 0, `${page}: no link to the repository at all`);
      for (const [url, file] of urls) {
        assert.ok(file !== '' && existsSync(nodePath.join(REPO_ROOT, decodeURIComponent(file))), `${page}: ${url} names no file of the repository`);
      }
    }
  });

  test('Open VSX takes the same file: a license, a lower-case name, a namespace, a semver version, an engine', () => {
    const pkg = JSON.parse(entry('extension/package.json').toString('utf8'));
    assert.match(pkg.name, /^[a-z0-9][a-z0-9-]*$/);
    assert.match(pkg.publisher, /^[a-z0-9][a-z0-9-]*$/);
    assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
    assert.equal(pkg.license, 'MIT');
    assert.ok(pkg.engines.vscode);
    assert.equal(pkg.dependencies, undefined, 'the bundles need no node_modules');
  });
});
