import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverLayout } from '../../server/src/core/library/discovery';
import { declaresFleetRole } from '../../server/src/core/library/libraryEvidence';
import { MemoryFileSystem } from '../support/memoryFileSystem';

/*
 * A folder named `roles` is a role library only with evidence of one: an
 * index, a role file that declares a key of the format, a fleet-roles.json,
 * or an agent format's own folder. Other projects name folders `roles` too.
 */

/** An Ansible repository: roles/<name>/tasks, docs and a README per role, Markdown everywhere. */
const ANSIBLE = {
  '/ws/README.md': '# Playbooks\n',
  '/ws/site.yml': '- hosts: all\n  roles: [web, db]\n',
  '/ws/roles/web/tasks/main.yml': '- name: install nginx\n  apt: { name: nginx }\n',
  '/ws/roles/web/docs/usage.md': '# Usage\n\nSet `port: 8080` in the vars.\n\n## Variables\n\n- **port**: the port.\n',
  '/ws/roles/web/README.md': '---\ngalaxy_info: web\n---\n# web\n\nInstalls nginx.\n',
  '/ws/roles/db/README.md': '# db\n\nRole Variables\n--------------\n',
  '/ws/roles/db/defaults/main.yml': 'db_port: 5432\n',
};

async function librariesOf(files: Record<string, string>, options = {}) {
  const layout = await discoverLayout(new MemoryFileSystem(files), ['/ws'], options);
  return { roots: layout.libraries.map(l => l.root), folders: layout.libraries.flatMap(l => l.roleFolders), files: [...layout.files.keys()] };
}

describe('a role library is found only where there is evidence of one', () => {
  test('an Ansible repository, roles/<name>/ with tasks, docs and READMEs, is no library', async () => {
    assert.deepEqual(await librariesOf(ANSIBLE), { roots: [], folders: [], files: [] });
  });

  test('a role file that declares a key, in frontmatter or inline, makes the folder a library', async () => {
    for (const text of ['---\nclass: web-lead\n---\n# Web lead\n', '# Web lead\n\nThe lead (`domain: engineering`).\n']) {
      const found = await librariesOf({ ...ANSIBLE, '/ws/roles/web-lead.md': text });
      assert.deepEqual(found.folders, ['/ws/roles'], text);
      assert.ok(found.files.includes('/ws/roles/web-lead.md'));
    }
  });

  test('an index, LIBRARY.md, makes the folder a library', async () => {
    assert.deepEqual((await librariesOf({ ...ANSIBLE, '/ws/roles/LIBRARY.md': '# Library\n' })).folders, ['/ws/roles']);
  });

  test('a fleet-roles.json makes its folder a library, its roles folders with no evidence of their own', async () => {
    assert.deepEqual((await librariesOf({ ...ANSIBLE, '/ws/fleet-roles.json': '{}' })).roots, ['/ws']);
  });

  test("an agent format's own folder is a library of that format", async () => {
    const found = await librariesOf({ ...ANSIBLE, '/ws/.claude/agents/reviewer.md': '---\nname: reviewer\ndescription: Reviews.\n---\nBody.\n' });
    assert.deepEqual(found.roots, ['/ws/.claude/agents']);
  });

  test('a folder named in the settings needs no evidence', async () => {
    assert.deepEqual((await librariesOf(ANSIBLE, { extraRoleFolders: ['/ws/roles'] })).folders, ['/ws/roles']);
  });

  test('beside a library, a roles folder with no evidence stays out of it', async () => {
    const found = await librariesOf({
      '/ws/team/roles/web-lead.md': '---\nclass: web-lead\n---\n# Web lead\n',
      ...Object.fromEntries(Object.entries(ANSIBLE).map(([path, text]) => [path.replace('/ws/', '/ws/ops/'), text])),
    });
    assert.deepEqual(found.folders, ['/ws/team/roles']);
    assert.deepEqual(found.files, ['/ws/team/roles/web-lead.md']);
  });

  test('a declaration counts in a role file only: a README, a document, is no evidence whatever it holds', () => {
    assert.equal(declaresFleetRole('/ws/roles/README.md', '---\nclass: web\n---\n# Web\n'), false);
    assert.equal(declaresFleetRole('/ws/roles/web.md', '---\nclass: web\n---\n# Web\n'), true);
    assert.equal(declaresFleetRole('/ws/roles/web.md', '# Web\n\nSet `port: 8080`.\n'), false);
    // After the first section, a code span is no declaration.
    assert.equal(declaresFleetRole('/ws/roles/web.md', '# Web\n\n## Usage\n\n`class: web`\n'), false);
  });
});
