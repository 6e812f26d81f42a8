/**
 * Edits are never lost or reordered. Against the real server: fast typing,
 * interleaved didChange / save / external change / delete / open / close
 * driven by a seeded model, git-checkout-like bursts of 1,000 watched-file
 * events. The diagnostics always match the latest text, and an unsaved
 * buffer always wins over the disk.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType, type Diagnostic, type FileEvent, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { createLanguageService } from '../../server/src/core';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import type { LspTestClient } from '../support/lspClient';
import {
  comparable,
  Editor,
  freshDiskDiagnostics,
  positions,
  prng,
  sampleFiles,
  SEED_NAME,
  seedText,
  serverView,
  startServer,
  stopServer,
  tempWorkspace,
  uriOf,
  within,
} from './support';
import { underHostileFormat } from './customFormats';

const { Created, Changed, Deleted } = FileChangeType;
const SAMPLE = sampleFiles();
const sample = (name: string) => SAMPLE[`/ws/roles/${name}`];
const roleNamed = (name: string) => seedText().replace(/operations-manager/g, name);

/** The one change an editor sends for old → new: the differing middle, as a range of the old text. */
function minimalChange(oldText: string, newText: string): TextDocumentContentChangeEvent {
  let start = 0;
  while (start < oldText.length && start < newText.length && oldText[start] === newText[start]) start++;
  let end = 0;
  while (end < oldText.length - start && end < newText.length - start && oldText[oldText.length - 1 - end] === newText[newText.length - 1 - end]) end++;
  const doc = TextDocument.create('x:', 'markdown', 0, oldText);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(oldText.length - end) }, text: newText.slice(start, newText.length - end) };
}

/** A hostile format of the library's own over the fleet format, as a fleet-roles.json beside the roles. */
const HOSTILE_CONFIG = underHostileFormat({ files: {}, path: '' }, '/ws/roles/fleet-roles.json', 'fleet').files['/ws/roles/fleet-roles.json'];

/**
 * Diagnostics the core gives for a library of files (name → text) and open
 * buffers (name → text), by name; with `config`, a fleet-roles.json beside them.
 */
async function expectedFor(
  disk: Map<string, string | undefined>,
  buffers: Map<string, string>,
  names: string[],
  config?: string,
): Promise<Map<string, string[]>> {
  const files: Record<string, string> = { ...SAMPLE, ...(config === undefined ? {} : { '/ws/roles/fleet-roles.json': config }) };
  for (const [name, text] of disk) {
    if (text === undefined) delete files[`/ws/roles/${name}`];
    else files[`/ws/roles/${name}`] = text;
  }
  const service = createLanguageService({ fs: new MemoryFileSystem(files), uriOf: path => `file://${path}` });
  await service.load(['/ws']);
  for (const [name, text] of buffers) service.setDocument(`/ws/roles/${name}`, text);
  return new Map(names.map(name => [name, described(service.getDiagnostics(`/ws/roles/${name}`)?.diagnostics ?? [])]));
}

const described = (ds: Diagnostic[]) => positions(ds).map((p, i) => `${p} ${ds[i].message}`);

describe('fast typing: hundreds of changes sent without waiting', () => {
  const ws = tempWorkspace();
  const seedUri = uriOf(nodePath.join(ws.roles, SEED_NAME));
  let client: LspTestClient;
  before(async () => {
    client = await startServer([ws.workspace]);
    await client.diagnostics(seedUri);
  });
  after(async () => {
    await stopServer(client);
    ws.dispose();
  });

  test("500 keystrokes (incremental changes) then one pull: the diagnostics are the last text's", async () => {
    const editor = new Editor(client);
    const seed = seedText();
    await editor.open(seedUri, seed);
    const random = prng(7);
    const sends: Array<Promise<void>> = [];
    // Type a new Boundaries bullet character by character, with typos fixed by backspace.
    const anchor = seed.indexOf('## Persona');
    const typed = "- **Does NOT sell** — that is the **account-executive**'s lane.\n\n";
    let text = seed;
    let at = anchor;
    for (const ch of typed) {
      if (random.next() < 0.2) {
        const typo = 'qzx'[random.int(3)];
        sends.push(editor.change(seedUri, [minimalChange(text, text.slice(0, at) + typo + text.slice(at))]));
        sends.push(editor.change(seedUri, [minimalChange(text.slice(0, at) + typo + text.slice(at), text)]));
      }
      const next = text.slice(0, at) + ch + text.slice(at);
      sends.push(editor.change(seedUri, [minimalChange(text, next)]));
      text = next;
      at += ch.length;
    }
    // Then misspell a role, one deletion at a time, and pull diagnostics in between without waiting for them.
    const pulls: Array<Promise<{ text: string; ds: Diagnostic[] }>> = [];
    for (let i = 0; i < 5; i++) {
      const name = text.indexOf('account-executive');
      const next = text.slice(0, name + 10 + i) + text.slice(name + 11 + i);
      sends.push(editor.change(seedUri, [minimalChange(text, next)]));
      text = next;
      const now = text;
      pulls.push(client.diagnostics(seedUri).then(ds => ({ text: now, ds })));
    }
    await Promise.all(sends);
    assert.equal(editor.text(seedUri), text, 'the editor model and the test disagree');
    for (const pull of await Promise.all(pulls)) {
      const expected = await expectedFor(new Map(), new Map([[SEED_NAME, pull.text]]), [SEED_NAME]);
      assert.deepEqual(described(pull.ds), expected.get(SEED_NAME), 'a pull answered for another text than the one before it');
    }
    const final = await client.diagnostics(seedUri);
    assert.deepEqual(described(final), (await expectedFor(new Map(), new Map([[SEED_NAME, text]]), [SEED_NAME])).get(SEED_NAME));
    assert.deepEqual(
      final.map(d => d.code),
      ['unknown-role'],
    );
    await editor.close(seedUri);
    assert.deepEqual(await client.diagnostics(seedUri), [], 'closed unsaved: the disk again');
  });
});

for (const [formatTitle, config] of [
  ['the fleet format', undefined],
  ['a hostile format of its own', HOSTILE_CONFIG],
] as const)
  describe(`a seeded model of an editing session, under ${formatTitle}: change, save, external change and delete, open, close`, () => {
    const ws = tempWorkspace();
    if (config !== undefined) writeFileSync(nodePath.join(ws.roles, 'fleet-roles.json'), config);
    const path = (name: string) => nodePath.join(ws.roles, name);
    const uri = (name: string) => uriOf(path(name));
    let client: LspTestClient;
    before(async () => {
      client = await startServer([ws.workspace]);
      await client.diagnostics(uri(SEED_NAME));
    });
    after(async () => {
      await stopServer(client);
      ws.dispose();
    });

    /** The files the session touches; new-role.md starts as a buffer that was never saved. */
    const NAMES = [SEED_NAME, 'project-manager.md', 'hr-generalist.md', 'business-analyst.md', 'new-role.md'];
    const base = (name: string) => sample(name) ?? roleNamed(name.slice(0, -3));
    const VARIANTS: Array<(t: string) => string> = [
      t => t,
      t => t.replace('## Persona', '## Personae'),
      t => t.replace('## Persona', "- **Does NOT do this** — that is the **new-role**'s lane.\n\n## Persona"),
      t => t.replace(/^# /m, '#'),
      t => t.replace('## Boundaries', '## Boundaries\n\n- Nobody in particular.'),
    ];

    test("400 seeded steps; after every few, each file's diagnostics are the model's", async () => {
      const random = prng(20240607);
      const editor = new Editor(client);
      const disk = new Map<string, string | undefined>(NAMES.map(n => [n, sample(n)]));
      const buffers = new Map<string, string>();
      const variant = (name: string) => {
        let t = base(name);
        for (const v of VARIANTS) if (random.next() < 0.35) t = v(t);
        return t;
      };
      const log: string[] = [];
      let checks = 0;
      for (let step = 0; step < 400; step++) {
        const name = random.pick(NAMES);
        const roll = random.next();
        const isOpen = buffers.has(name);
        if (roll < 0.35 && isOpen) {
          const next = variant(name);
          const old = buffers.get(name)!;
          buffers.set(name, next);
          log.push(`edit ${name}`);
          await (random.next() < 0.5 ? editor.change(uri(name), [minimalChange(old, next)]) : editor.replaceAll(uri(name), next));
        } else if (roll < 0.45 && !isOpen) {
          const text = disk.get(name) ?? base(name);
          buffers.set(name, text);
          log.push(`open ${name}`);
          await editor.open(uri(name), text);
        } else if (roll < 0.55 && isOpen) {
          buffers.delete(name);
          log.push(`close ${name}`);
          await editor.close(uri(name));
        } else if (roll < 0.65 && isOpen) {
          const text = buffers.get(name)!;
          const existed = disk.get(name) !== undefined;
          writeFileSync(path(name), text);
          disk.set(name, text);
          log.push(`save ${name}`);
          await editor.save(uri(name));
          await client.filesChanged([{ uri: uri(name), type: existed ? Changed : Created }]);
        } else if (roll < 0.85) {
          const text = variant(name);
          const existed = disk.get(name) !== undefined;
          writeFileSync(path(name), text);
          disk.set(name, text);
          log.push(`external change ${name}${isOpen ? ' (open)' : ''}`);
          await client.filesChanged([{ uri: uri(name), type: existed ? Changed : Created }]);
        } else if (disk.get(name) !== undefined) {
          unlinkSync(path(name));
          disk.set(name, undefined);
          log.push(`external delete ${name}${isOpen ? ' (open)' : ''}`);
          await client.filesChanged([{ uri: uri(name), type: Deleted }]);
        }
        if (step % 8 === 7 || step === 399) {
          checks++;
          const expected = await expectedFor(disk, buffers, NAMES, config);
          for (const n of NAMES) {
            const actual = described(await within(client.diagnostics(uri(n)), 10000, `diagnostics of ${n}`));
            assert.deepEqual(actual, expected.get(n), `${n} after step ${step}:\n${log.slice(-12).join('\n')}`);
          }
        }
      }
      assert.ok(checks >= 50);
      // Everything closed: the disk alone counts, as a fresh start would see it.
      for (const name of [...buffers.keys()]) await editor.close(uri(name));
      assert.deepEqual(await serverView(client), comparable(await freshDiskDiagnostics([ws.workspace])));
    });
  });

/** A role of a generated library: its Boundaries name the next generated role. */
const generated = (i: number, count: number) => roleNamed(`gen-${i}`).replace("**hr-generalist**'s lane", `**gen-${(i + 1) % count}**'s lane`);

describe('git-checkout-like bursts of 1,000 watched-file events', () => {
  const ws = tempWorkspace();
  const path = (name: string) => nodePath.join(ws.roles, name);
  const uri = (name: string) => uriOf(path(name));
  const COUNT = 300;
  const random = prng(99);
  let client: LspTestClient;
  let editor: Editor;
  /** The seed stays open with an unsaved buffer that differs from every version on the disk. */
  const buffer = seedText().replace('**project-manager**', '**gen-7**');
  before(async () => {
    client = await startServer([ws.workspace]);
    await client.diagnostics(uri(SEED_NAME));
    editor = new Editor(client);
    await editor.open(uri(SEED_NAME), buffer);
  });
  after(async () => {
    await stopServer(client);
    ws.dispose();
  });

  /** Sends the events in batches of 1 to 100 notifications, none awaited before the next is sent. */
  async function burst(events: FileEvent[]): Promise<void> {
    const sends: Array<Promise<void>> = [];
    for (let i = 0; i < events.length; ) {
      const n = 1 + random.int(100);
      sends.push(client.filesChanged(events.slice(i, i + n)));
      i += n;
    }
    await Promise.all(sends);
  }

  async function assertMatchesDisk(what: string): Promise<void> {
    const server = await within(serverView(client), 30000, `${what}: workspace diagnostics`);
    const fresh = comparable(await freshDiskDiagnostics([ws.workspace], { [path(SEED_NAME)]: buffer }));
    assert.deepEqual(server, fresh, `${what}: the server differs from a fresh load of the disk with the open buffer`);
  }

  const modified = () =>
    Object.keys(SAMPLE)
      .map(p => nodePath.basename(p))
      .filter(n => n.endsWith('.md') && n !== 'LIBRARY.md')
      .slice(0, 20);

  test('checkout to a branch: 300 roles added, 20 changed (the open one too), temporaries, duplicates, stale deletes', async () => {
    const events: FileEvent[] = [];
    for (let i = 0; i < COUNT; i++) {
      writeFileSync(path(`gen-${i}.md`), generated(i, COUNT));
      events.push({ uri: uri(`gen-${i}.md`), type: Created });
    }
    for (const name of modified()) {
      writeFileSync(path(name), readFileSync(path(name), 'utf8').replace('## Persona', '## Personae'));
      events.push({ uri: uri(name), type: Changed });
    }
    for (let i = 0; i < 100; i++) {
      writeFileSync(path(`tmp-${i}.md`), roleNamed(`tmp-${i}`));
      events.push({ uri: uri(`tmp-${i}.md`), type: Created });
    }
    for (let i = 0; i < 100; i++) {
      unlinkSync(path(`tmp-${i}.md`));
      events.push({ uri: uri(`tmp-${i}.md`), type: Deleted });
    }
    for (let i = 0; i < COUNT; i += 2) events.push({ uri: uri(`gen-${i}.md`), type: Changed });
    while (events.length < 1000) events.push({ uri: uri(`never-${events.length}.md`), type: Deleted });
    assert.equal(events.length, 1000);
    await burst(events);
    await assertMatchesDisk('after the checkout');
    // The unsaved buffer won over the disk's change of the seed.
    assert.deepEqual(await client.diagnostics(uri(SEED_NAME)), [], "the buffer names gen-7, which now exists; the disk's Personae does not count");
  });

  test('a change of the open file on disk during the burst does not replace its buffer', async () => {
    writeFileSync(path(SEED_NAME), '# Broken\n');
    await burst([
      { uri: uri(SEED_NAME), type: Changed },
      { uri: uri(SEED_NAME), type: Deleted },
      { uri: uri(SEED_NAME), type: Created },
    ]);
    assert.deepEqual(await client.diagnostics(uri(SEED_NAME)), [], 'the disk replaced the unsaved buffer');
    await assertMatchesDisk('after the open file changed on disk');
  });

  test('checkout back: the 300 roles deleted, the 20 restored, events out of order and repeated', async () => {
    const events: FileEvent[] = [];
    for (let i = 0; i < COUNT; i++) {
      unlinkSync(path(`gen-${i}.md`));
      // A watcher may report a change before the delete of the same file.
      if (i % 3 === 0) events.push({ uri: uri(`gen-${i}.md`), type: Changed });
      events.push({ uri: uri(`gen-${i}.md`), type: Deleted });
    }
    for (const name of modified()) {
      writeFileSync(path(name), sample(name));
      events.push({ uri: uri(name), type: Changed }, { uri: uri(name), type: Changed });
    }
    writeFileSync(path(SEED_NAME), sample(SEED_NAME));
    events.push({ uri: uri(SEED_NAME), type: Changed });
    while (events.length < 1000) events.push({ uri: uri(`gen-${random.int(COUNT)}.md`), type: Deleted });
    await burst(events);
    await assertMatchesDisk('after checking out back');
    await editor.close(uri(SEED_NAME));
    assert.deepEqual(await client.diagnostics(uri(SEED_NAME)), [], 'closed: the restored disk file, clean');
    assert.deepEqual(await serverView(client), comparable(await freshDiskDiagnostics([ws.workspace])));
  });

  test('a burst of a whole folder: roles/ deleted with one event and restored with per-file events', async () => {
    const backup = new Map(Object.keys(SAMPLE).map(p => [nodePath.basename(p), readFileSync(path(nodePath.basename(p)), 'utf8')]));
    rmSync(ws.roles, { recursive: true });
    await client.filesChanged([{ uri: uriOf(ws.roles), type: Deleted }]);
    assert.deepEqual(await serverView(client), comparable(await freshDiskDiagnostics([ws.workspace])));
    mkdirSync(ws.roles);
    const events: FileEvent[] = [{ uri: uriOf(ws.roles), type: Created }];
    for (const [name, text] of backup) {
      writeFileSync(path(name), text);
      events.push({ uri: uri(name), type: Created });
    }
    await burst(events);
    assert.deepEqual(await serverView(client), comparable(await freshDiskDiagnostics([ws.workspace])));
  });
});

describe('a buffer whose file is not on the disk survives the index being rebuilt', () => {
  const newText = roleNamed('new-role').replace('**hr-generalist**', '**hr-generalst**');

  test('a buffer opened while the server still indexes is checked once it is done', async () => {
    const ws = tempWorkspace();
    const client = await startServer([ws.workspace]);
    try {
      const uri = uriOf(nodePath.join(ws.roles, 'new-role.md'));
      await client.open(uri, newText);
      assert.deepEqual(
        (await client.diagnostics(uri)).map(d => d.code),
        ['unknown-role'],
      );
    } finally {
      await stopServer(client);
      ws.dispose();
    }
  });

  test('a buffer of a new role file keeps its diagnostics (and its role) across a configuration change', async () => {
    const ws = tempWorkspace();
    const client = await startServer([ws.workspace]);
    try {
      const seedUri = uriOf(nodePath.join(ws.roles, SEED_NAME));
      await client.diagnostics(seedUri);
      const uri = uriOf(nodePath.join(ws.roles, 'new-role.md'));
      await client.open(uri, newText);
      await client.open(seedUri, seedText().replace('**hr-generalist**', '**new-role**'));
      assert.deepEqual(
        (await client.diagnostics(uri)).map(d => d.code),
        ['unknown-role'],
      );
      assert.deepEqual(await client.diagnostics(seedUri), []);
      appendFileSync(nodePath.join(ws.roles, 'fleet-roles.json'), '\n');
      await client.filesChanged([{ uri: uriOf(nodePath.join(ws.roles, 'fleet-roles.json')), type: Changed }]);
      assert.deepEqual(
        (await client.diagnostics(uri)).map(d => d.code),
        ['unknown-role'],
        'the new buffer lost its diagnostics',
      );
      assert.deepEqual(await client.diagnostics(seedUri), [], 'the role of the new buffer is gone from the index');
    } finally {
      await stopServer(client);
      ws.dispose();
    }
  });

  test('an open buffer of a file on disk wins over the disk across a configuration change', async () => {
    const ws = tempWorkspace();
    const client = await startServer([ws.workspace]);
    try {
      const seedUri = uriOf(nodePath.join(ws.roles, SEED_NAME));
      await client.diagnostics(seedUri);
      await client.open(seedUri, seedText().replace('**hr-generalist**', '**hr-generalst**'));
      appendFileSync(nodePath.join(ws.roles, 'fleet-roles.json'), '\n');
      await client.filesChanged([{ uri: uriOf(nodePath.join(ws.roles, 'fleet-roles.json')), type: Changed }]);
      assert.deepEqual(
        (await client.diagnostics(seedUri)).map(d => d.code),
        ['unknown-role'],
      );
    } finally {
      await stopServer(client);
      ws.dispose();
    }
  });
});
