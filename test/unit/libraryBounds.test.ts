import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DirectoryEntry, RoleFileSystem } from '../../server/src/core';
import { parseConfigText } from '../../server/src/core/config/configFile';
import { discoverLayout, WALK_LIMITS } from '../../server/src/core/library/discovery';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const CONFIG = '/ws/lib/fleet-roles.json';

/** A file system that records every path it is asked about. */
class WatchedFileSystem extends MemoryFileSystem {
  readonly asked = new Set<string>();
  override async readDirectory(dir: string): Promise<DirectoryEntry[]> {
    this.asked.add(dir);
    return super.readDirectory(dir);
  }
  override async readFile(path: string): Promise<string> {
    this.asked.add(path);
    return super.readFile(path);
  }
}

/** An endless tree: every folder holds `width` folders and one role file; nothing is stored. */
function endlessTree(width: number): RoleFileSystem & { listed: number } {
  const fs = {
    listed: 0,
    async readDirectory(): Promise<DirectoryEntry[]> {
      fs.listed++;
      return [{ name: 'a-role.md', type: 'file' as const }, ...Array.from({ length: width }, (_, i) => ({ name: `d${i}`, type: 'directory' as const }))];
    },
    async readFile(): Promise<string> {
      return '# A role\n';
    },
    async stat(): Promise<'directory'> {
      return 'directory';
    },
  };
  return fs;
}

describe('a library stays inside its own folder', () => {
  test("a role folder or an index outside the configuration's folder is an invalid-config at the value", () => {
    const text = '{\n  "roleFolders": ["roles", "/", "../../../../etc", "/proc", "./sub/../.."],\n  "index": "../LIBRARY.md"\n}\n';
    const result = parseConfigText(CONFIG, text);
    assert.equal(result.ok, false);
    const problems = result.ok ? [] : result.problems;
    const at = problems.map(p => text.split('\n')[p.range.start.line].slice(p.range.start.character, p.range.end.character));
    assert.deepEqual(at, ['"/"', '"../../../../etc"', '"/proc"', '"./sub/../.."', '"../LIBRARY.md"']);
    assert.match(problems[1].message, /^Invalid configuration: 'roleFolders\.2' \('\.\.\/\.\.\/\.\.\/\.\.\/etc'\) leads outside the configuration's folder/);
    assert.match(problems[4].message, /'index'/);
  });

  test('folders inside it, however written, are fine', () => {
    const result = parseConfigText(CONFIG, '{ "roleFolders": [".", "roles", "./a/../b", "/ws/lib/team"], "index": "docs/LIBRARY.md" }');
    assert.equal(result.ok, true, JSON.stringify(result));
  });

  test('a folder outside is never read: the library goes on with its own folder', async () => {
    const fs = new WatchedFileSystem({
      [CONFIG]: '{ "roleFolders": ["../secrets"] }',
      '/ws/lib/roles/a-role.md': '# A\n',
      '/ws/secrets/b-role.md': '# B\n',
    });
    const layout = await discoverLayout(fs, ['/ws/lib']);
    assert.deepEqual([...layout.files.keys()], ['/ws/lib/roles/a-role.md']);
    assert.ok(![...fs.asked].some(p => p.startsWith('/ws/secrets')), [...fs.asked].join());
    assert.equal(layout.libraries[0].problems.length, 1);
  });

  test('in an untrusted workspace nothing outside the roots is read: no configuration above, no extra folder elsewhere', async () => {
    const fs = new WatchedFileSystem({
      '/ws/fleet-roles.json': '{ "roleFolders": ["elsewhere"] }',
      '/ws/elsewhere/c-role.md': '# C\n',
      '/ws/lib/roles/a-role.md': '# A\n\n`class: a-role`\n',
      '/other/roles/b-role.md': '# B\n',
    });
    const layout = await discoverLayout(fs, ['/ws/lib'], { extraRoleFolders: ['/other/roles'], withinRootsOnly: true });
    assert.deepEqual([...layout.files.keys()], ['/ws/lib/roles/a-role.md']);
    assert.deepEqual(
      [...fs.asked].filter(p => !p.startsWith('/ws/lib')),
      [],
    );
    const trusted = await discoverLayout(fs, ['/ws/lib']);
    assert.ok(trusted.files.has('/ws/elsewhere/c-role.md'), 'trusted, the configuration above applies');
  });
});

describe('the walk of a library is bounded', () => {
  test(`by depth: folders more than ${WALK_LIMITS.depth} levels down are not searched, and the layout says so`, async () => {
    const fs = endlessTree(1);
    const layout = await discoverLayout(fs, ['/deep']);
    assert.equal(fs.listed, WALK_LIMITS.depth + 1);
    assert.equal(layout.walkLimits.length, 1);
    assert.match(layout.walkLimits[0], /^Folders nested more than 32 levels deep \(the first: \/deep(\/d0){33}\) were not searched/);
  });

  test(`by size: the walk stops after ${WALK_LIMITS.entries} files and folders, and the layout says so`, async () => {
    const fs = endlessTree(30);
    const layout = await discoverLayout(fs, ['/wide']);
    assert.ok(layout.files.size <= WALK_LIMITS.entries);
    assert.ok(fs.listed <= WALK_LIMITS.entries, `${fs.listed} folders listed`);
    assert.deepEqual(
      layout.walkLimits.filter(l => !l.startsWith('Folders nested')).map(l => l.replace(/in \/wide[^:]*/, 'in …')),
      [
        "The search for role files stopped after 200,000 files and folders, in …: a role library is smaller; point the workspace or roleFolders at the library's own folder.",
      ],
    );
  });
});
