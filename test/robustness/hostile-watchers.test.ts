/**
 * The server's own watcher, for a client that watches no files (issue 23,
 * items 8 and 9): a role folder of thousands of folders does not take every
 * inotify watch the user has, and the server says when it stops watching; a
 * role folder deleted and made again is watched again; one inside a hidden
 * folder (`.claude/agents`) is heard at all.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { DiskWatcher, WATCH_BUDGET } from '../../server/src/node/diskWatcher';
import { toCorePath } from '../../server/src/node/nodeFileSystem';
import { LspTestClient, uriOf } from '../support/lspClient';
import { roleText } from '../unit/helpers';
import { copySampleLibrary } from '../support/tempLibrary';
import { within } from './support';
import { WATCHES_NOTHING } from './watchesNothing';

/** The inotify watches a process holds, from /proc: one `inotify wd:` line each. */
function inotifyWatches(pid: number): number {
  let watches = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    if (target !== 'anon_inode:inotify') continue;
    watches += readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8')
      .split('\n')
      .filter(l => l.startsWith('inotify wd:')).length;
  }
  return watches;
}

const role = (name: string, refersTo: string) => roleText(name, { boundaries: [`- **Does NOT hire** — that is the **${refersTo}**'s lane.`] });

/** Starts the server on the workspace and waits for its load (a request waits for it). */
async function serve(workspace: string, seed: string): Promise<LspTestClient> {
  const { client } = await LspTestClient.start([workspace], { capabilities: WATCHES_NOTHING });
  await client.definition(uriOf(seed), { line: 0, character: 0 });
  return client;
}

describe("the server's own watcher has a budget", { skip: existsSync('/proc/self/fdinfo') ? false : 'no /proc here' }, () => {
  const ws = copySampleLibrary();
  let client: LspTestClient;
  before(async () => {
    // Folders past the budget, below the role folder, as a generated tree or a link to a big one would give.
    for (let i = 0; i < WATCH_BUDGET + 500; i++) mkdirSync(nodePath.join(ws.roles, 'generated', `f${Math.floor(i / 50)}`, `g${i}`), { recursive: true });
    client = await serve(ws.workspace, nodePath.join(ws.roles, 'operations-manager.md'));
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  test('it holds at most its budget of inotify watches, and says that it stopped', async () => {
    const deadline = Date.now() + 10_000;
    while (!client.messages.some(m => m.method === 'window/showMessage' && /stopped watching for changes/.test(m.message)) && Date.now() < deadline)
      await new Promise(r => setTimeout(r, 50));
    const watches = inotifyWatches(client.process.pid!);
    assert.ok(watches <= WATCH_BUDGET, `${watches} inotify watches`);
    assert.ok(
      client.messages.some(m => m.method === 'window/showMessage' && /stopped watching for changes after 1,000 folders/.test(m.message)),
      JSON.stringify(client.messages),
    );
  });

  test('within the budget, a change on disk is still seen', async () => {
    const path = nodePath.join(ws.roles, 'watched-role.md');
    writeFileSync(path, role('watched-role', 'no-such-role'));
    await within(
      client.publishedUntil(p => (p.get(uriOf(path)) ?? []).some(d => d.code === 'unknown-role')),
      10_000,
      'the new role file',
    );
  });
});

describe('a role folder deleted and made again is watched again', () => {
  const ws = copySampleLibrary();
  let client: LspTestClient;
  before(async () => {
    client = await serve(ws.workspace, nodePath.join(ws.roles, 'operations-manager.md'));
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  test('a role file written into the new folder is checked', async () => {
    const saved = nodePath.join(ws.workspace, 'saved-roles');
    // The whole folder moved away and back, as `git stash`, a checkout or an rsync --delete does.
    renameSync(ws.roles, saved);
    await new Promise(r => setTimeout(r, 300));
    mkdirSync(ws.roles);
    for (const name of readdirSync(saved)) writeFileSync(nodePath.join(ws.roles, name), readFileSync(nodePath.join(saved, name)));
    rmSync(saved, { recursive: true });
    await new Promise(r => setTimeout(r, 300));
    const path = nodePath.join(ws.roles, 'late-role.md');
    writeFileSync(path, role('late-role', 'no-such-role'));
    await within(
      client.publishedUntil(p => (p.get(uriOf(path)) ?? []).some(d => d.code === 'unknown-role')),
      10_000,
      'a role file in the folder made again',
    );
  });
});

/** The paths the server's own watcher hears while these entries are made in a new folder at `folder` (below a temporary root): files, or folders for a trailing '/'. */
async function heardWhileMaking(folder: string, entries: string[], awaited: string): Promise<string[]> {
  const root = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-watched-'));
  const watched = nodePath.join(root, folder);
  mkdirSync(watched, { recursive: true });
  const heard: string[] = [];
  const watcher = new DiskWatcher(
    events => heard.push(...events.map(e => e.path)),
    () => undefined,
    20,
  );
  try {
    watcher.watch([{ path: toCorePath(watched), recursive: true }]);
    for (const entry of entries) {
      if (entry.endsWith('/')) mkdirSync(nodePath.join(watched, entry));
      else writeFileSync(nodePath.join(watched, entry), entry);
    }
    const expected = toCorePath(nodePath.join(watched, awaited));
    const deadline = Date.now() + 5_000;
    while (!heard.includes(expected) && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
    await new Promise(r => setTimeout(r, 100));
    return [...new Set(heard)].map(path => path.slice(toCorePath(watched).length + 1));
  } finally {
    watcher.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

describe('a role folder inside a hidden folder is watched', () => {
  test('a file written in .claude/agents is heard; a hidden file and node_modules in it are not', async () => {
    assert.deepEqual(await heardWhileMaking('.claude/agents', ['.draft.md', 'node_modules/', 'reviewer.md'], 'reviewer.md'), ['reviewer.md']);
  });
});

describe("the server's own watcher hears .mdc files", () => {
  test('an .mdc file (Cursor rules, a format may name it) is heard; a .txt file is not', async () => {
    assert.deepEqual(await heardWhileMaking('.cursor/rules', ['notes.txt', 'testing.mdc'], 'testing.mdc'), ['testing.mdc']);
  });
});
