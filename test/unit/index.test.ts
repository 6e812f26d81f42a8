import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { checkLibrary } from '../support/checkLibrary';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { sampleLibrary, SEED_PATH } from '../support/seed';
import { codes, lineOf, peers, roleText, single } from './helpers';

const HR = '/ws/roles/hr-generalist.md';
const PM = '/ws/roles/project-manager.md';
const RECRUITER = '/ws/roles/recruiter.md';

describe('incremental updates', () => {
  test('an edit that keeps the class affects only the edited file', async () => {
    const lib = await checkLibrary(sampleLibrary());
    const files = sampleLibrary();
    const affected = lib.service.setDocument(PM, files[PM].replace('A calm organiser', 'A very calm organiser'));
    assert.deepEqual([...affected], [PM]);
    const seedAffected = lib.service.setDocument(SEED_PATH, `${files[SEED_PATH]}\nMore words.\n`);
    assert.deepEqual([...seedAffected], [SEED_PATH]);
  });

  test('an edit re-parses the edited file only', async () => {
    const lib = await checkLibrary(sampleLibrary());
    const before = lib.workspace.index.parseCount;
    lib.service.setDocument(PM, `${sampleLibrary()[PM]}\n`);
    assert.equal(lib.workspace.index.parseCount, before + 1);
  });

  test("an edit that adds a bad reference changes only that file's diagnostics", async () => {
    const lib = await checkLibrary(sampleLibrary());
    const text = sampleLibrary()[SEED_PATH].replace('**hr-generalist**', '**hr-generalst**');
    const affected = lib.service.setDocument(SEED_PATH, text);
    assert.deepEqual([...affected], [SEED_PATH]);
    assert.deepEqual(codes(lib.diagnostics(SEED_PATH)), ['unknown-role']);
    assert.deepEqual(lib.diagnostics(HR), []);
  });

  test('deleting hr-generalist.md gives the seed exactly one unknown-role; restoring it clears it', async () => {
    const lib = await checkLibrary(sampleLibrary());
    assert.deepEqual(lib.diagnostics(SEED_PATH), []);
    const saved = lib.fs.files.get(HR)!;
    lib.fs.files.delete(HR);
    const affected = lib.workspace.fileDeleted(HR);
    assert.ok(affected.has(SEED_PATH), 'the seed refers to hr-generalist');
    assert.ok(!affected.has(HR));
    assert.equal(lib.service.getDiagnostics(HR), undefined);

    const seedText = sampleLibrary()[SEED_PATH];
    const diagnostics = lib.diagnostics(SEED_PATH);
    assert.deepEqual(codes(diagnostics), ['unknown-role']);
    const d = single(diagnostics, 'unknown-role');
    const line = lineOf(seedText, 'belong to the **hr-generalist**, even when ops feels the headcount gap.');
    assert.deepEqual(d.range, { start: { line, character: 16 }, end: { line, character: 16 + 'hr-generalist'.length } });
    assert.match(d.message, /^Unknown role 'hr-generalist'\./);

    lib.fs.files.set(HR, saved);
    const restored = await lib.workspace.fileChanged(HR);
    assert.ok(restored.has(SEED_PATH));
    assert.ok(restored.has(HR));
    assert.deepEqual(lib.diagnostics(SEED_PATH), []);
    assert.deepEqual(lib.diagnostics(HR), []);
  });

  test('a new role file resolves references to it', async () => {
    const x = '/ws/roles/x-role.md';
    const lib = await checkLibrary(peers({ [x]: roleText('x-role', { boundaries: ['- **Does NOT x** — the **new-role**.'] }) }));
    assert.deepEqual(codes(lib.diagnostics(x)), ['unknown-role']);
    lib.fs.files.set('/ws/roles/new-role.md', roleText('new-role', { boundaries: ['- **Does NOT x** — the **x-role**.'] }));
    const affected = await lib.workspace.fileChanged('/ws/roles/new-role.md');
    assert.deepEqual([...affected].sort(), ['/ws/roles/new-role.md', x]);
    assert.deepEqual(lib.diagnostics(x), []);
    assert.deepEqual(lib.diagnostics('/ws/roles/new-role.md'), []);
  });

  test('a new role near a misspelt name updates the did-you-mean; deleting it takes it back', async () => {
    const x = '/ws/roles/x-role.md';
    const helper = '/ws/roles/helper-role.md';
    const lib = await checkLibrary(peers({ [x]: roleText('x-role', { boundaries: ['- **Does NOT x** — the **helper-rol**.'] }) }));
    assert.equal(single(lib.diagnostics(x), 'unknown-role').message, "Unknown role 'helper-rol'. No role file 'helper-rol.md' exists in this library.");
    lib.fs.files.set(helper, roleText('helper-role', { boundaries: ['- **Does NOT x** — the **x-role**.'] }));
    const added = await lib.workspace.fileChanged(helper);
    assert.ok(added.has(x));
    assert.equal(single(lib.diagnostics(x), 'unknown-role').message, "Unknown role 'helper-rol'. Did you mean 'helper-role'?");
    lib.fs.files.delete(helper);
    const removed = lib.workspace.fileDeleted(helper);
    assert.ok(removed.has(x));
    assert.equal(single(lib.diagnostics(x), 'unknown-role').message, "Unknown role 'helper-rol'. No role file 'helper-rol.md' exists in this library.");
  });

  test("a class change that duplicates another role's class reaches the other file, and undoing it clears it", async () => {
    const lib = await checkLibrary(sampleLibrary());
    const original = sampleLibrary()[RECRUITER];
    const changed = original.replace('`class: recruiter`', '`class: hr-generalist`');
    assert.notEqual(changed, original, 'recruiter.md declares its class inline');
    const affected = lib.service.setDocument(RECRUITER, changed);
    assert.ok(affected.has(HR));
    assert.deepEqual(codes(lib.diagnostics(RECRUITER)).sort(), ['class-filename-mismatch', 'duplicate-class']);
    assert.deepEqual(codes(lib.diagnostics(HR)), ['duplicate-class']);
    const undone = lib.service.setDocument(RECRUITER, original);
    assert.ok(undone.has(HR));
    assert.deepEqual(lib.diagnostics(HR), []);
    assert.deepEqual(lib.diagnostics(RECRUITER), []);
  });

  test("deleting one of two files with the same class clears the other's duplicate-class", async () => {
    const a = '/ws/roles/a/dup-role.md';
    const b = '/ws/roles/b/dup-role.md';
    const lib = await checkLibrary(peers({ [a]: roleText('dup-role'), [b]: roleText('dup-role') }));
    assert.deepEqual(codes(lib.diagnostics(a)), ['duplicate-class']);
    lib.fs.files.delete(b);
    const affected = lib.workspace.fileDeleted(b);
    assert.deepEqual([...affected], [a]);
    assert.deepEqual(lib.diagnostics(a), []);
  });

  test('paths() stays in path order after a file is added', async () => {
    const lib = await checkLibrary(peers());
    lib.fs.files.set('/ws/roles/a-role.md', roleText('a-role'));
    await lib.workspace.fileChanged('/ws/roles/a-role.md');
    assert.deepEqual(lib.workspace.paths(), ['/ws/roles/a-role.md', '/ws/roles/other-role.md', '/ws/roles/peer-role.md']);
  });

  test('duplicate-class names the other files in the same order whatever the history', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map(f => `/ws/roles/${f}/dup-role.md`);
    const lib = await checkLibrary(peers({ [a]: roleText('dup-role'), [c]: roleText('dup-role') }));
    lib.fs.files.set(b, roleText('dup-role'));
    await lib.workspace.fileChanged(b);
    const fresh = await checkLibrary(peers({ [a]: roleText('dup-role'), [b]: roleText('dup-role'), [c]: roleText('dup-role') }));
    assert.equal(
      single(fresh.diagnostics(a), 'duplicate-class').message,
      "Class 'dup-role' is also declared by roles/b/dup-role.md, roles/c/dup-role.md: a class is unique in its library.",
    );
    assert.deepEqual(lib.diagnostics(a), fresh.diagnostics(a));
  });

  test('deleting a folder drops every file below it', async () => {
    const lib = await checkLibrary(peers({ '/ws/roles/sub/x-role.md': roleText('x-role'), '/ws/roles/sub/y-role.md': roleText('y-role') }));
    const pathsBefore = lib.workspace.paths();
    assert.ok(pathsBefore.includes('/ws/roles/sub/x-role.md'));
    lib.workspace.fileDeleted('/ws/roles/sub');
    assert.deepEqual(lib.workspace.paths(), ['/ws/roles/other-role.md', '/ws/roles/peer-role.md']);
  });

  test('a folder of role files created with one event: its roles are indexed and resolve', async () => {
    const x = '/ws/roles/x-role.md';
    const lib = await checkLibrary(peers({ [x]: roleText('x-role', { boundaries: ['- **Does NOT x** — the **team-lead**.'] }) }));
    lib.fs.files.set('/ws/roles/team/team-lead.md', roleText('team-lead', { boundaries: ['- **Does NOT x** — the **x-role**.'] }));
    const affected = await lib.workspace.fileChanged('/ws/roles/team');
    assert.deepEqual([...affected].sort(), ['/ws/roles/team/team-lead.md', x]);
    assert.deepEqual(lib.diagnostics(x), []);
  });

  test('a folder named like a role file is a folder, and a role file replaced by a folder goes', async () => {
    const lib = await checkLibrary(peers({ '/ws/roles/gone-role.md': roleText('gone-role') }));
    lib.fs.files.delete('/ws/roles/gone-role.md');
    lib.fs.files.set('/ws/roles/gone-role.md/inner-role.md', roleText('inner-role'));
    await lib.workspace.fileChanged('/ws/roles/gone-role.md');
    assert.deepEqual(lib.workspace.paths(), ['/ws/roles/gone-role.md/inner-role.md', '/ws/roles/other-role.md', '/ws/roles/peer-role.md']);
  });

  test('a changed folder loses the known files no longer in it', async () => {
    const lib = await checkLibrary(peers({ '/ws/roles/sub/x-role.md': roleText('x-role'), '/ws/roles/sub/y-role.md': roleText('y-role') }));
    lib.fs.files.delete('/ws/roles/sub/y-role.md');
    await lib.workspace.fileChanged('/ws/roles/sub');
    assert.deepEqual(lib.workspace.paths(), ['/ws/roles/other-role.md', '/ws/roles/peer-role.md', '/ws/roles/sub/x-role.md']);
  });

  test('a folder holding a configuration or a new roles folder makes the libraries be discovered again', async () => {
    const lib = await checkLibrary(peers());
    lib.fs.files.set('/ws/team/roles/t-role.md', roleText('t-role'));
    await lib.workspace.fileChanged('/ws/team');
    const fresh = await checkLibrary(peers({ '/ws/team/roles/t-role.md': roleText('t-role') }));
    assert.deepEqual(lib.workspace.paths(), fresh.workspace.paths());
    lib.fs.files.set('/ws/more/fleet-roles.json', '{ "domains": ["alpha"] }');
    lib.fs.files.set('/ws/more/m-role.md', roleText('m-role', { domain: 'alpha' }));
    await lib.workspace.fileChanged('/ws/more');
    assert.ok(lib.workspace.paths().includes('/ws/more/m-role.md'));
    assert.deepEqual(
      codes(lib.diagnostics('/ws/more/m-role.md')).filter(c => c === 'unknown-domain'),
      [],
    );
  });

  test('a buffer of a file not on disk, opened before the load, is indexed by it, and by a reload', async () => {
    const x = '/ws/roles/x-role.md';
    const fresh = '/ws/roles/new-role.md';
    const files = peers({ [x]: roleText('x-role', { boundaries: ['- **Does NOT x** — the **new-role**.'] }) });
    const service = createLanguageService({ fs: new MemoryFileSystem(files), uriOf: path => `file://${path}` });
    service.setDocument(fresh, roleText('new-role', { boundaries: ['- **Does NOT x** — the **hr-generalst**.'] }));
    await service.load(['/ws']);
    for (const when of ['after the load', 'after a reload']) {
      assert.deepEqual(codes(service.getDiagnostics(fresh)?.diagnostics ?? []), ['unknown-role'], when);
      assert.deepEqual(service.getDiagnostics(x)?.diagnostics, [], when);
      await service.filesChanged([{ path: '/ws/fleet-roles.json', deleted: false }]);
    }
  });

  test('a buffer over 4 MiB of UTF-8 gets the unreadable-file a file on disk gets, and is not parsed', async () => {
    const huge = `${roleText('x-role')}\n${'é'.repeat(2_200_000)}\n`;
    const lib = await checkLibrary(peers({ '/ws/roles/x-role.md': roleText('x-role') }));
    lib.service.setDocument('/ws/roles/x-role.md', huge);
    const ds = lib.diagnostics('/ws/roles/x-role.md');
    assert.deepEqual(codes(ds), ['unreadable-file']);
    assert.equal(ds[0].message, 'The file is 4.2 MiB, over the 4 MiB a role file may have: it was not read.');
    assert.deepEqual(lib.workspace.file('/ws/roles/x-role.md')?.role.lines.text, '');
  });

  test("an open editor's text wins over disk changes until it is closed", async () => {
    const lib = await checkLibrary(sampleLibrary());
    const broken = sampleLibrary()[SEED_PATH].replace('**hr-generalist**', '**hr-generalst**');
    lib.service.setDocument(SEED_PATH, broken);
    lib.fs.files.set(SEED_PATH, sampleLibrary()[SEED_PATH].replace('**project-manager**', '**project-manger**'));
    assert.deepEqual([...(await lib.workspace.fileChanged(SEED_PATH))], []);
    assert.match(single(lib.diagnostics(SEED_PATH), 'unknown-role').message, /hr-generalst/);
    const closed = await lib.workspace.clearOverlay(SEED_PATH);
    assert.deepEqual([...closed], [SEED_PATH]);
    assert.match(single(lib.diagnostics(SEED_PATH), 'unknown-role').message, /^Unknown role 'project-manger'\. Did you mean 'project-manager'\?$/);
  });

  test('the seed with its three named roles, and nothing else, checks clean', async () => {
    const minimal = (name: string, domain: string) =>
      roleText(name, { domain, boundaries: ['- **Does NOT run operations** — that is the **operations-manager**.'] });
    const lib = await checkLibrary({
      [SEED_PATH]: sampleLibrary()[SEED_PATH],
      '/ws/roles/project-manager.md': minimal('project-manager', 'delivery'),
      '/ws/roles/business-analyst.md': minimal('business-analyst', 'business'),
      '/ws/roles/hr-generalist.md': minimal('hr-generalist', 'hr'),
    });
    for (const path of lib.workspace.paths()) assert.deepEqual(lib.diagnostics(path), [], path);
    assert.equal(lib.workspace.paths().length, 4);
  });

  test('the seed alone reports its three missing roles', async () => {
    const lib = await checkLibrary({ [SEED_PATH]: sampleLibrary()[SEED_PATH] });
    const diagnostics = lib.diagnostics(SEED_PATH);
    assert.deepEqual(codes(diagnostics), ['unknown-role', 'unknown-role', 'unknown-role']);
    assert.deepEqual(
      diagnostics.map(d => /'([a-z-]+)'/.exec(d.message)![1]),
      ['project-manager', 'business-analyst', 'hr-generalist'],
    );
  });
});

describe('layout changes', () => {
  test('an unsaved new role in an editor resolves references until the editor closes it', async () => {
    const x = '/ws/roles/x-role.md';
    const draft = '/ws/roles/new-role.md';
    const lib = await checkLibrary(peers({ [x]: roleText('x-role', { boundaries: ['- **Does NOT x** — the **new-role**.'] }) }));
    const opened = lib.service.setDocument(draft, roleText('new-role', { boundaries: ['- **Does NOT x** — the **x-role**.'] }));
    assert.deepEqual([...opened].sort(), [draft, x]);
    assert.deepEqual(lib.diagnostics(x), []);
    const closed = await lib.workspace.clearOverlay(draft);
    assert.deepEqual([...closed], [x]);
    assert.equal(lib.service.getDiagnostics(draft), undefined);
    assert.deepEqual(codes(lib.diagnostics(x)), ['unknown-role']);
  });

  test('a Markdown file outside every role folder is ignored', async () => {
    const lib = await checkLibrary(peers());
    const affected = lib.service.setDocument('/ws/docs/notes.md', '# Notes\n\n**missing-role**');
    assert.deepEqual([...affected], []);
    assert.equal(lib.service.getDiagnostics('/ws/docs/notes.md'), undefined);
  });

  test('the configuration file and a new roles folder are layout changes; a known role file is not', async () => {
    const lib = await checkLibrary(sampleLibrary());
    const workspace = lib.workspace;
    assert.equal(workspace.isLayoutChange('/ws/roles/fleet-roles.json'), true);
    assert.equal(workspace.isLayoutChange('/ws/team/roles/new-role.md'), true);
    assert.equal(workspace.isLayoutChange(SEED_PATH), false);
    assert.equal(workspace.isLayoutChange('/ws/docs/notes.md'), false);
  });

  test('reloading after a configuration change applies its domains to every file', async () => {
    const lib = await checkLibrary(sampleLibrary());
    const before = lib.service.getDiagnostics(SEED_PATH)!.resultId;
    lib.fs.files.set('/ws/roles/fleet-roles.json', '{ "domains": ["delivery", "hr", "business"] }');
    const affected = await lib.workspace.reload();
    assert.ok(affected.has(SEED_PATH) && affected.has(PM) && affected.has(HR));
    assert.notEqual(lib.service.getDiagnostics(SEED_PATH)!.resultId, before);
    assert.deepEqual(codes(lib.diagnostics(SEED_PATH)), ['unknown-domain']);
    assert.deepEqual(lib.diagnostics(PM), []);
  });

  test('a reload keeps the text of open editors', async () => {
    const lib = await checkLibrary(sampleLibrary());
    lib.service.setDocument(SEED_PATH, sampleLibrary()[SEED_PATH].replace('**hr-generalist**', '**hr-generalst**'));
    await lib.workspace.reload();
    assert.deepEqual(codes(lib.diagnostics(SEED_PATH)), ['unknown-role']);
  });
});

describe('result ids', () => {
  test('the result id stays the same while nothing changes', async () => {
    const lib = await checkLibrary(sampleLibrary());
    const first = lib.service.getDiagnostics(SEED_PATH)!.resultId;
    assert.equal(lib.service.getDiagnostics(SEED_PATH)!.resultId, first);
    lib.service.setDocument(PM, `${sampleLibrary()[PM]}\nMore.\n`);
    assert.equal(lib.service.getDiagnostics(SEED_PATH)!.resultId, first, 'an unrelated edit keeps the id');
  });

  test('the result id changes when the file is edited', async () => {
    const lib = await checkLibrary(sampleLibrary());
    const first = lib.service.getDiagnostics(SEED_PATH)!.resultId;
    lib.service.setDocument(SEED_PATH, `${sampleLibrary()[SEED_PATH]}\n`);
    const second = lib.service.getDiagnostics(SEED_PATH)!.resultId;
    assert.notEqual(second, first);
    assert.equal(lib.service.getDiagnostics(SEED_PATH)!.resultId, second);
  });

  test('the result id changes when a role the file names is deleted, and again when it is restored', async () => {
    const lib = await checkLibrary(sampleLibrary());
    const first = lib.service.getDiagnostics(SEED_PATH)!.resultId;
    const pmFirst = lib.service.getDiagnostics(PM)!.resultId;
    lib.workspace.fileDeleted(HR);
    const second = lib.service.getDiagnostics(SEED_PATH)!.resultId;
    assert.notEqual(second, first);
    assert.equal(lib.service.getDiagnostics(PM)!.resultId, pmFirst, 'project-manager.md does not name hr-generalist');
    await lib.workspace.fileChanged(HR);
    const third = lib.service.getDiagnostics(SEED_PATH)!.resultId;
    assert.notEqual(third, second);
    assert.notEqual(third, first);
  });

  test('result ids of different files differ', async () => {
    const lib = await checkLibrary(sampleLibrary());
    assert.notEqual(lib.service.getDiagnostics(SEED_PATH)!.resultId, lib.service.getDiagnostics(PM)!.resultId);
  });
});

describe('incremental state equals a fresh load', () => {
  /** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
  function prng(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** Plain data, with duplicate-class's list of other files in name order (see the todo test on its order). */
  function normalized(diagnostics: Diagnostic[]): unknown {
    return diagnostics.map(d => {
      if (d.code !== 'duplicate-class') return { ...d };
      const m = /^(Class '[^']*' is also declared by )(.*)(: a class is unique in its library\.)$/.exec(d.message);
      const message = m ? m[1] + m[2].split(', ').sort().join(', ') + m[3] : d.message;
      const related = [...(d.relatedInformation ?? [])].sort((a, b) => (a.location.uri < b.location.uri ? -1 : 1));
      return { ...d, message, relatedInformation: related };
    });
  }

  const NAMES = ['aa-role', 'ab-role', 'ba-role', 'bb-role', 'abc-role'];
  const REFS = [...NAMES, 'aa-rol', 'ab-rolx', 'zz-nothing', 'bb-rle'];
  const PATHS = [...NAMES.map(n => `/ws/roles/${n}.md`), '/ws/roles/sub/aa-role.md', '/ws/roles/README.md'];

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    test(`random edits, deletions and restores (seed ${seed})`, async () => {
      const random = prng(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
      const randomText = (path: string): string => {
        const stem = path.slice(path.lastIndexOf('/') + 1, -3);
        const cls = random() < 0.7 ? stem : pick(NAMES);
        const refs = [pick(REFS), pick(REFS)];
        return roleText(stem, {
          frontmatter: random() < 0.1 ? null : [`class: ${cls}`, 'domain: operations', 'persistent_persona: true'],
          boundaries: [`- **Does NOT a** — the **${refs[0]}**.`, `- **Does NOT b** — see [x](./${refs[1]}.md).`],
        });
      };
      // An index no step touches: whether `roles` is a library at all is decided when
      // the libraries are discovered (libraryEvidence.ts), not again at each edit.
      const disk: Record<string, string> = { '/ws/roles/LIBRARY.md': '# The library\n' };
      for (const path of PATHS.slice(0, 4)) disk[path] = randomText(path);
      const lib = await checkLibrary({ ...disk });
      const overlays = new Map<string, string>();
      const workspace = lib.workspace;

      for (let step = 0; step < 80; step++) {
        const path = pick(PATHS);
        const op = random();
        let what: string;
        if (op < 0.35) {
          what = 'overlay';
          const text = randomText(path);
          overlays.set(path, text);
          workspace.setOverlay(path, text);
        } else if (op < 0.5 && overlays.has(path)) {
          what = 'clearOverlay';
          overlays.delete(path);
          await workspace.clearOverlay(path);
        } else if (op < 0.8 && !overlays.has(path)) {
          what = 'write';
          const text = randomText(path);
          lib.fs.files.set(path, text);
          await workspace.fileChanged(path);
        } else if (!overlays.has(path)) {
          what = 'delete';
          lib.fs.files.delete(path);
          workspace.fileDeleted(path);
        } else {
          continue;
        }
        const effective: Record<string, string> = Object.fromEntries(lib.fs.files);
        for (const [p, t] of overlays) effective[p] = t;
        const fresh = await checkLibrary(effective);
        const label = `seed ${seed}, step ${step}: ${what} ${path}`;
        assert.deepEqual([...workspace.paths()].sort(), [...fresh.workspace.paths()].sort(), label);
        for (const p of fresh.workspace.paths()) {
          assert.deepEqual(normalized(lib.diagnostics(p)), normalized(fresh.diagnostics(p)), `${label} → ${p}`);
        }
      }
    });
  }
});
