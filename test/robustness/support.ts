/**
 * Shared support for the attack tests in test/robustness: what a diagnostic
 * must look like wherever it comes from, time and memory bounds, a real
 * editor's side of a session (full and incremental changes, saves), and the
 * state a fresh load of the disk gives, to compare a long-running server with.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, cpSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import { randomBytes } from 'node:crypto';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { serviceOver } from '../../server/src/core/languageService';
import { RoleWorkspace } from '../../server/src/core/workspace/roleWorkspace';
import { nodeFileSystem, toCorePath } from '../../server/src/node/nodeFileSystem';
import { pathToUri } from '../../server/src/lsp/uris';
import { LspTestClient, uriOf } from '../support/lspClient';
import { AS_NOBODY_FLAG } from './asNobody';
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { REPO_ROOT } from '../support/tempLibrary';

export const SAMPLE_ROLES = nodePath.join(REPO_ROOT, 'roles');
export const SEED_NAME = 'operations-manager.md';

/** The seed role file as its authors wrote it. */
export function seedText(): string {
  return readFileSync(nodePath.join(SAMPLE_ROLES, SEED_NAME), 'utf8');
}

/** The sample library as an in-memory tree under `prefix` (for checkLibrary and the worker). */
export function sampleFiles(prefix = '/ws/roles'): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(SAMPLE_ROLES)) files[`${prefix}/${name}`] = readFileSync(nodePath.join(SAMPLE_ROLES, name), 'utf8');
  return files;
}

/** Whether this process runs as root, where file permissions do not stop a read. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

export { assertWellFormed, lspLines } from './wellFormed';

/** What two runs must agree on: code, severity, place and message, in order. */
export function placed(diagnostics: readonly Diagnostic[]): Array<{ code: unknown; severity: unknown; range: unknown; message: string }> {
  return diagnostics.map(d => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));
}

/** Codes and places only (messages may quote the text). */
export function positions(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(d => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

export class TimeoutError extends Error {}

/** The promise, or a TimeoutError after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

/** The resident memory of a process, in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) / 1024;
}

/** A small seeded PRNG (mulberry32), so that every run of a test makes the same choices. */
export function prng(seed: number): { next(): number; int(n: number): number; pick<T>(items: readonly T[]): T } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: n => Math.floor(next() * n), pick: items => items[Math.floor(next() * items.length)] };
}

/** A path in the temp folder that does not exist yet: the file a payload would write. */
export function markerPath(): string {
  const path = nodePath.join(os.tmpdir(), `fleet-roles-pwned-${process.pid}-${randomBytes(6).toString('hex')}`);
  assert.equal(existsSync(path), false);
  return path;
}

/** Object.prototype exactly as it was: no key added by a payload. */
export function assertNotPolluted(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'class', 'domain', 'persistent_persona', 'domains', 'roleFolders', 'exclude', 'severity', 'isAdmin']) {
    assert.equal(probe[key], undefined, `Object.prototype.${key} was set`);
  }
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), PROTOTYPE_KEYS, 'Object.prototype gained a key');
  assert.equal(Object.getPrototypeOf(probe), Object.prototype);
}
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** A stack trace in a CLI's output: what a user must never see. */
export function assertNoStackTrace(output: string, context = ''): void {
  assert.doesNotMatch(output, /^\s+at .+[(:]\d+/m, `a stack trace ${context}:\n${output.slice(0, 2000)}`);
  assert.doesNotMatch(output, /internal error|RangeError|TypeError|ReferenceError|SyntaxError: /, `an internal error ${context}:\n${output.slice(0, 2000)}`);
}

/** A temporary workspace holding a copy of the sample library in roles/. */
export function tempWorkspace(prefix = 'fleet-roles-attack-'): { workspace: string; roles: string; dispose(): void } {
  const workspace = mkdtempSync(nodePath.join(os.tmpdir(), prefix));
  const roles = nodePath.join(workspace, 'roles');
  cpSync(SAMPLE_ROLES, roles, { recursive: true });
  return { workspace, roles, dispose: () => rmSync(workspace, { recursive: true, force: true }) };
}

/**
 * What a fresh start would see: the diagnostics of every role file from a
 * new load of the disk (and the editor's open buffers, by platform path), by
 * URI. A long-running server must agree with it.
 */
export async function freshDiskDiagnostics(roots: string[], overlays: Record<string, string> = {}): Promise<Map<string, Diagnostic[]>> {
  const workspace = new RoleWorkspace(nodeFileSystem, pathToUri);
  const service = serviceOver(workspace);
  await service.load(roots.map(toCorePath));
  for (const [path, text] of Object.entries(overlays)) service.setDocument(toCorePath(path), text);
  const out = new Map<string, Diagnostic[]>();
  for (const path of workspace.paths()) out.set(pathToUri(path), service.getDiagnostics(path)?.diagnostics ?? []);
  return out;
}

/** Workspace diagnostics as a comparable record: URI → code@place list, sorted by URI. */
export function comparable(report: Map<string, Diagnostic[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const uri of [...report.keys()].sort()) out[uri] = positions(report.get(uri)!);
  return out;
}

/** The server's view of every file now, as `comparable` gives it. */
export async function serverView(client: LspTestClient): Promise<Record<string, string[]>> {
  return comparable(await client.allDiagnostics());
}

/** Starts the built server on the folders. */
export async function startServer(folders: string[]): Promise<LspTestClient> {
  return (await LspTestClient.start(folders)).client;
}

/** Ends a server that may be stuck: no polite shutdown, a SIGKILL. */
export async function killServer(client: LspTestClient): Promise<void> {
  client.connection.dispose();
  if (client.process.exitCode !== null || client.process.signalCode !== null) return;
  await new Promise<void>(resolve => {
    client.process.once('exit', () => resolve());
    client.process.kill('SIGKILL');
  });
}

/** Stops a server politely, within a bound, else kills it. */
export async function stopServer(client: LspTestClient): Promise<void> {
  try {
    await within(client.stop(), 8000, 'shutdown');
  } catch {
    await killServer(client);
  }
}

/**
 * The editor's side of a document: full and incremental changes with
 * increasing versions, saves and closes, and the text the editor holds
 * (computed as VS Code does, with vscode-languageserver-textdocument).
 */
export class Editor {
  private docs = new Map<string, TextDocument>();

  constructor(readonly client: LspTestClient) {}

  text(uri: string): string {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc.getText();
  }

  isOpen(uri: string): boolean {
    return this.docs.has(uri);
  }

  async open(uri: string, text: string): Promise<void> {
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    this.docs.set(uri, doc);
    await this.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Sends changes as an editor would; without awaiting the server, like fast typing. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, changes, version));
    await this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async replaceAll(uri: string, text: string): Promise<void> {
    await this.change(uri, [{ text }]);
  }

  async save(uri: string): Promise<void> {
    await this.client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri }, text: this.text(uri) });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }
}

export interface TimedCheck {
  /** Milliseconds for the diagnostics of the text. */
  ms: number;
  /** Milliseconds of the slowest single request among completion, hover, definition, references, rename, symbols, tokens, links, lenses and code actions. */
  featureMs: number;
  /** Which request that was. */
  slowest: string;
  /** How many diagnostics, and the first one not well formed (assertWellFormed's message), checked in the worker. */
  count: number;
  /** The codes among them, each once, sorted. */
  codes: string[];
  malformed?: string;
}

/**
 * The heap a worker may use: the memory bound of every check run in one. A
 * check of a 4 MiB file within it is bounded; one past it ends the worker
 * with an error, which fails its test. The heaviest shape (a million
 * Boundaries bullets, each a diagnostic, under a custom format) holds about
 * 750 MiB: the bound leaves room enough that collections do not crowd the
 * time the suite measures.
 */
export const WORKER_HEAP_MIB = 2048;

export type WorkerOutcome = TimedCheck | { hung: true } | { skipped: true } | { error: string };

/** A text to check in a worker, and how long it may take before it counts as a hang. */
export interface WorkerText {
  text: string;
  limitMs: number;
  /** Whether to time the editor's requests on the text too. */
  features: boolean;
}

/** An in-memory library for the worker, and the file of it that each text replaces. */
export interface WorkerLibrary {
  files: Record<string, string>;
  path: string;
}

/** The sample library, its seed file checked. */
export function sampleLibrary(): WorkerLibrary {
  return { files: sampleFiles(), path: `/ws/roles/${SEED_NAME}` };
}

/**
 * Checks groups of texts, each as one file of a library (the seed file of the sample library unless told), in
 * worker threads (`parallel` of them, each taking every n-th group). A text
 * that takes longer than its limit is a hang: the worker is terminated (a
 * synchronous loop in the core cannot hang the test run), the rest of that
 * group is skipped, and a new worker goes on with the next group. Outcomes
 * come back in the groups' shape.
 */
export async function checkInWorker(groups: WorkerText[][], parallel = 1, library: WorkerLibrary = sampleLibrary()): Promise<WorkerOutcome[][]> {
  const outcomes: WorkerOutcome[][] = groups.map(g => g.map(() => ({ skipped: true }) as WorkerOutcome));
  const lanes = Array.from({ length: parallel }, (_, lane) => groups.map((_, gi) => gi).filter(gi => gi % parallel === lane));
  await Promise.all(lanes.map(lane => runLane(lane)));
  return outcomes;

  async function runLane(groupIds: number[]): Promise<void> {
    const flat = groupIds.flatMap(gi => groups[gi].map((w, ti) => ({ gi, ti, ...w })));
    let from = 0;
    while (from < flat.length) {
      const batch = flat.slice(from);
      const received = await new Promise<{ count: number; hung: boolean; error?: string }>(resolve => {
        let count = 0;
        let timer: ReturnType<typeof setTimeout>;
        const worker = new Worker(nodePath.join(__dirname, 'checkWorker.js'), {
          workerData: {
            kind: 'fleet-roles-check',
            files: library.files,
            path: library.path,
            texts: batch.map(b => b.text),
            withFeatures: batch.map(b => b.features),
          },
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MIB },
        });
        const finish = (hung: boolean, error?: string) => {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve({ count, hung, error }));
        };
        const arm = (ms: number) => {
          clearTimeout(timer);
          timer = setTimeout(() => finish(true), ms);
        };
        // The first text also pays for the worker's start and the library's load.
        arm(batch[0].limitMs + 5000);
        worker.on('message', (m: TimedCheck | { done: true } | { error: string }) => {
          if ('done' in m) return finish(false);
          if ('error' in m) return finish(false, m.error);
          const { gi, ti } = batch[count++];
          outcomes[gi][ti] = m;
          if (count < batch.length) arm(batch[count].limitMs);
        });
        worker.on('error', error => finish(false, String((error as Error)?.stack ?? error)));
      });
      if (!received.hung && received.error === undefined) return;
      const stuck = batch[received.count];
      if (!stuck) return;
      outcomes[stuck.gi][stuck.ti] = received.hung ? { hung: true } : { error: received.error! };
      let next = from + received.count + 1;
      while (next < flat.length && flat[next].gi === stuck.gi) next++;
      from = next;
    }
  }
}

/**
 * How to run the binary so that file permissions apply: as it is when the
 * tests do not run as root, else through asNobody.js as the user nobody.
 * Undefined (with the reason) when neither works here.
 */
export function permissionRunner(): { command: string[]; reason?: undefined } | { command?: undefined; reason: string } {
  if (!IS_ROOT) return { command: [nodePath.join(REPO_ROOT, 'bin', 'fleet-roles.js')] };
  const command = [nodePath.join(__dirname, 'asNobody.js'), AS_NOBODY_FLAG];
  const probe = spawnSync(process.execPath, [...command, '--version'], { encoding: 'utf8', timeout: 20000 });
  if (probe.status !== 0) return { reason: `runs as root, and the binary cannot run as the user nobody here: ${probe.stderr.trim().split('\n')[0]}` };
  return { command };
}

/** Runs the binary through a permission runner's command. */
export function runCliWith(command: string[], args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...command, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Opens a temporary workspace to every user (mkdtemp makes it 0700), for a server or CLI run as nobody. */
export function openToAll(dir: string): void {
  chmodSync(dir, 0o755);
}

export { uriOf };
