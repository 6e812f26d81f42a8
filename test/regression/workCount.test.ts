/**
 * A guard on the work one edit causes, not on time: in a generated library of
 * 2,000 roles, it counts the files parsed (the index's parseCount), the files
 * read, and the files whose diagnostics were computed again (a new result id),
 * for the edits an editor sends all day. A change that makes one edit
 * re-parse or re-check the whole library fails here, on any machine, however
 * fast.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateLibrary, type GeneratedLibrary } from '../../bench/generate';
import type { RoleLanguageService } from '../../server/src/core';
import { serviceOver } from '../../server/src/core/languageService';
import { RoleWorkspace } from '../../server/src/core/workspace/roleWorkspace';
import { boundedEditDistance, suggestionBudget } from '../../server/src/core/util/editDistance';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const ROOT = '/ws';
const ROLES = 2000;
/**
 * However an edit is made, it may not re-check more than this share of the
 * library (the most-named role of the generated library has about 70
 * dependents: 3.5%). Each test also checks that every file re-checked depends
 * on what changed.
 */
const MAX_SHARE = 0.05;

const BOLD = /\*\*([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\*\*/g;
const LINK = /\]\(\.\/([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.md/g;

/** Every slug a file names, bold or as a link, anywhere in it (an over-estimate of its references: code is included). */
function namedSlugs(text: string): Set<string> {
  const slugs = new Set<string>();
  for (const m of text.matchAll(BOLD)) slugs.add(m[1]);
  for (const m of text.matchAll(LINK)) slugs.add(m[1]);
  return slugs;
}

interface Work {
  parsed: number;
  read: number;
  /** Paths whose diagnostics were computed again (their result id changed), or that appeared or went. */
  rechecked: Set<string>;
}

describe(`work one edit causes in a library of ${ROLES.toLocaleString('en')} roles`, () => {
  let library: GeneratedLibrary;
  let fs: MemoryFileSystem;
  let service: RoleLanguageService;
  let workspace: RoleWorkspace;
  let ids: Map<string, string>;
  let allPaths: readonly string[];
  const abs = (rel: string) => `${ROOT}/${rel}`;
  const index = () => abs('roles/LIBRARY.md');

  /** Diagnostics of every file, as a workspace pull asks for them; returns each file's result id. */
  const pullAll = (): Map<string, string> => {
    const out = new Map<string, string>();
    for (const path of workspace.paths()) out.set(path, workspace.diagnosticsOf(path)!.resultId);
    return out;
  };

  /** Runs an edit and counts what it cost, then pulls every file's diagnostics as an editor would. */
  const measure = async (edit: () => unknown): Promise<Work> => {
    const parsedBefore = workspace.index.parseCount;
    const readBefore = fs.reads;
    await edit();
    const parsed = workspace.index.parseCount - parsedBefore;
    const read = fs.reads - readBefore;
    const after = pullAll();
    const rechecked = new Set<string>();
    for (const [path, id] of after) if (ids.get(path) !== id) rechecked.add(path);
    for (const path of ids.keys()) if (!after.has(path)) rechecked.add(path);
    ids = after;
    return { parsed, read, rechecked };
  };

  /** The files that may depend on a role name: those naming it, those naming a missing name close to it, and the index. */
  const dependentsOf = (name: string): Set<string> => {
    const roles = new Set(library.roles);
    const out = new Set<string>([index()]);
    for (const [rel, text] of library.files) {
      if (!rel.endsWith('.md')) continue;
      for (const slug of namedSlugs(text)) {
        const near = !roles.has(slug) && boundedEditDistance(slug, name, suggestionBudget(slug)) <= suggestionBudget(slug);
        if (slug === name || near) out.add(abs(rel));
      }
    }
    return out;
  };

  const assertSmall = (work: Work, what: string) => {
    assert.ok(work.rechecked.size <= ROLES * MAX_SHARE, `${what} re-checked ${work.rechecked.size} files (at most ${ROLES * MAX_SHARE})`);
  };

  before(async () => {
    library = generateLibrary({ roles: ROLES, seed: 42 });
    fs = new MemoryFileSystem(Object.fromEntries([...library.files].map(([rel, text]) => [abs(rel), text])));
    workspace = new RoleWorkspace(fs, path => `file://${path}`);
    service = serviceOver(workspace);
    await service.load([ROOT]);
    allPaths = workspace.paths();
    ids = pullAll();
  });

  test('the load parses every file once, and the library checks as generated', () => {
    assert.equal(allPaths.length, ROLES + 1);
    assert.equal(workspace.index.parseCount, ROLES + 1);
    let unknown = 0;
    for (const path of allPaths) unknown += workspace.diagnosticsOf(path)!.diagnostics.filter(d => d.code === 'unknown-role').length;
    assert.equal(unknown, library.broken);
  });

  test('a keystroke in the Persona parses one file, reads none, and re-checks only that file', async () => {
    const path = abs(library.sample.inline);
    let text = library.files.get(library.sample.inline)!;
    for (const ch of 'abc') {
      text = text.replace('## Persona\n\n', `## Persona\n\n${ch}`);
      const next = text;
      const work = await measure(() => service.setDocument(path, next));
      assert.deepEqual(work, { parsed: 1, read: 0, rechecked: new Set([path]) });
    }
  });

  test('a keystroke in frontmatter that keeps the declarations parses and re-checks only that file', async () => {
    const path = abs(library.sample.frontmatter);
    const text = library.files.get(library.sample.frontmatter)!.replace('---\n# ', 'reviewed: yes\n---\n# ');
    const work = await measure(() => service.setDocument(path, text));
    assert.deepEqual(work, { parsed: 1, read: 0, rechecked: new Set([path]) });
  });

  test('misspelling a reference in Boundaries re-checks only that file', async () => {
    const path = abs(library.sample.inline);
    const text = workspace.file(path)!.role.lines.text;
    const m = /\n\*\*([a-z0-9-]+)\*\*/.exec(text.slice(text.indexOf('## Boundaries')));
    assert.ok(m, 'the sample names a role in bold');
    const edited = text.replace(`**${m[1]}**`, `**${m[1]}x**`);
    const work = await measure(() => service.setDocument(path, edited));
    assert.deepEqual(work, { parsed: 1, read: 0, rechecked: new Set([path]) });
    assert.ok(workspace.diagnosticsOf(path)!.diagnostics.some(d => d.code === 'unknown-role' && d.message.includes(`'${m[1]}x'`)));
    const back = await measure(() => service.setDocument(path, text));
    assert.deepEqual(back.rechecked, new Set([path]));
  });

  test('deleting a role parses nothing and re-checks only the files that name it', async () => {
    // The role most boundaries name: the worst case for a delete.
    const [name, referrers] = [...library.referrers].sort((a, b) => b[1].length - a[1].length)[0];
    const path = abs(`roles/${name}.md`);
    assert.ok(referrers.length >= 20, `${name} has ${referrers.length} referrers`);
    const allowed = dependentsOf(name);
    allowed.add(path);
    const saved = fs.files.get(path)!;
    fs.files.delete(path);
    try {
      const work = await measure(() => workspace.fileDeleted(path));
      assert.equal(work.parsed, 0);
      assert.equal(work.read, 0);
      for (const r of referrers) assert.ok(work.rechecked.has(abs(r)), `${r} names ${name} in its Boundaries: it must be re-checked`);
      for (const p of work.rechecked) assert.ok(allowed.has(p), `${p} was re-checked, but does not depend on '${name}'`);
      assertSmall(work, 'a delete');
      for (const r of referrers) {
        const ds = workspace.diagnosticsOf(abs(r))!.diagnostics;
        assert.ok(
          ds.some(d => d.code === 'unknown-role' && d.message.includes(`'${name}'`)),
          `${r} reports the deleted role`,
        );
      }
    } finally {
      fs.files.set(path, saved); // the tests below need the library whole, even after a failure here
    }
    const restored = await measure(() => workspace.fileChanged(path));
    assert.equal(restored.parsed, 1);
    assert.equal(restored.read, 1);
    for (const p of restored.rechecked) assert.ok(allowed.has(p), `${p} was re-checked when '${name}' came back, but does not depend on it`);
    assertSmall(restored, 'restoring a role');
    for (const r of referrers) assert.ok(!workspace.diagnosticsOf(abs(r))!.diagnostics.some(d => d.message.includes(`'${name}'`)));
  });

  test('a file changed on disk is read and parsed once, and re-checked alone when its class stays', async () => {
    const rel = library.roles.map(n => `roles/${n}.md`).find(r => r !== library.sample.inline && r !== library.sample.frontmatter)!;
    fs.files.set(abs(rel), `${fs.files.get(abs(rel))!}\nOne more line.\n`);
    const work = await measure(() => workspace.fileChanged(abs(rel)));
    assert.deepEqual(work, { parsed: 1, read: 1, rechecked: new Set([abs(rel)]) });
  });

  test('changing a declared class re-checks at most the files that depend on the role', async () => {
    const path = abs(library.sample.frontmatter);
    const name = library.sample.frontmatter.slice('roles/'.length, -'.md'.length);
    const text = workspace.file(path)!.role.lines.text.replace(`class: ${name}`, `class: ${name}-renamed`);
    const work = await measure(() => service.setDocument(path, text));
    assert.equal(work.parsed, 1);
    assert.ok(work.rechecked.has(path));
    const allowed = dependentsOf(name);
    allowed.add(path);
    for (const p of work.rechecked) assert.ok(allowed.has(p), `${p} was re-checked, but does not depend on '${name}'`);
    assertSmall(work, 'a class change');
    assert.ok(workspace.diagnosticsOf(path)!.diagnostics.some(d => d.code === 'class-filename-mismatch'));
  });

  test('a new role file parses once and re-checks only the files that name it', async () => {
    // A broken reference whose exact name gets a file: its referrers turn clean.
    const broken = [...library.files].flatMap(([rel, text]) => {
      const boundaries = text.slice(text.indexOf('## Boundaries'), text.indexOf('## Persona'));
      return [...namedSlugs(boundaries)].filter(s => !library.roles.includes(s)).map(s => [rel, s] as const);
    })[0];
    assert.ok(broken, 'the library has a broken reference');
    const [referrer, name] = broken;
    const path = abs(`roles/${name}.md`);
    fs.files.set(path, library.files.get(library.sample.frontmatter)!.replace(/class: [a-z0-9-]+/, `class: ${name}`));
    const work = await measure(() => workspace.fileChanged(path));
    assert.equal(work.parsed, 1);
    assert.ok(work.rechecked.has(path));
    assert.ok(work.rechecked.has(abs(referrer)), `${referrer} named '${name}'`);
    const allowed = dependentsOf(name);
    allowed.add(path);
    for (const p of work.rechecked) assert.ok(allowed.has(p), `${p} was re-checked, but does not depend on '${name}'`);
    assertSmall(work, 'a new role');
  });

  test('asking again for diagnostics with nothing changed computes none', async () => {
    const work = await measure(() => undefined);
    assert.deepEqual(work, { parsed: 0, read: 0, rechecked: new Set() });
  });
});
