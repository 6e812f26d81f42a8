import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  WorkspaceDiagnosticRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Location,
  type Position,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol';
import type { Build } from './build';
import type { GeneratedLibrary } from './generate';
import { now } from './clock';
import { positionOf, ServerProcess, uriOf } from './lsp';

/** Preloaded into the CLI to report its peak RSS and CPU time at exit (see exitStats.ts). */
const EXIT_STATS = nodePath.join(__dirname, 'exitStats.js');

export interface ColdStart {
  /** Process spawned → every file's diagnostics received in one workspace/diagnostic answer (ms). */
  ms: number;
  files: number;
  unknownRoles: number;
  peakRssMiB: number;
  /** CPU time the server process used up to the answer (ms, 10 ms resolution). */
  serverCpuMs: number;
  /** Spawn → initialize answered: node's start and the server's modules, before any role is read (ms). */
  initializeMs: number;
}

export async function initialize(server: ServerProcess, root: string): Promise<number> {
  await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: uriOf(root), name: nodePath.basename(root) }],
    capabilities: {
      workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false }, completion: { completionItem: { snippetSupport: false } } },
    },
  });
  const answered = now() - server.spawnedAt;
  await server.connection.sendNotification(InitializedNotification.type, {});
  return answered;
}

function countCode(items: Diagnostic[], code: string): number {
  return items.filter(d => d.code === code).length;
}

function checkReport(report: WorkspaceDiagnosticReport, library: GeneratedLibrary): { files: number; unknownRoles: number } {
  let unknownRoles = 0;
  const unexpected: string[] = [];
  for (const item of report.items) {
    if (item.kind !== 'full') continue;
    unknownRoles += countCode(item.items, 'unknown-role');
    for (const d of item.items) if (d.code !== 'unknown-role') unexpected.push(`${item.uri}: ${d.code} ${d.message}`);
  }
  const files = report.items.length;
  if (files !== library.markdownFiles) throw new Error(`fleet-roles reported ${files} files, expected ${library.markdownFiles}`);
  if (unknownRoles !== library.broken) throw new Error(`fleet-roles reported ${unknownRoles} unknown roles, expected ${library.broken}`);
  if (unexpected.length > 0) throw new Error(`unexpected diagnostics: ${unexpected.slice(0, 5).join('; ')}`);
  return { files, unknownRoles };
}

/** Cold start: spawn, initialize, and one workspace pull that holds every file's diagnostics. */
export async function coldStart(build: Build, root: string, library: GeneratedLibrary): Promise<ColdStart> {
  const server = ServerProcess.start(build.serverArgs);
  try {
    const initializeMs = await initialize(server, root);
    const report = await server.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    const ms = now() - server.spawnedAt;
    const serverCpuMs = server.cpuMs();
    const checked = checkReport(report, library);
    return { ms, ...checked, peakRssMiB: server.peakRssMiB(), serverCpuMs, initializeMs };
  } finally {
    await server.stop();
  }
}

/** The server on an empty folder: its fixed cost in memory, before any role (MiB). */
export async function emptyServerRss(build: Build): Promise<number> {
  const dir = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-empty-'));
  const server = ServerProcess.start(build.serverArgs);
  try {
    await initialize(server, dir);
    await server.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    return server.peakRssMiB();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `fleet-roles --version`: node's start and the CLI's modules, the floor under every check (ms). */
export function cliFloor(build: Build): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = now();
    const child = spawn(process.execPath, [build.cli, '--version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', () => resolve(now() - started));
  });
}

export interface CliRun {
  ms: number;
  /** The process's peak resident set size (VmHWM at exit), in MiB. */
  peakRssMiB: number;
  /** CPU time the process used, user and system, every thread (ms). */
  cpuMs: number;
  exitCode: number | null;
  files: number;
  errors: number;
}

/**
 * `fleet-roles check . --format json` in the library's folder: the whole
 * process, start to exit, its peak RSS and CPU time (reported at exit on a fourth pipe).
 */
export function cliCheck(build: Build, root: string, library: GeneratedLibrary): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = now();
    const child = spawn(process.execPath, ['--require', EXIT_STATS, build.cli, 'check', '.', '--format', 'json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    let stats = '';
    child.stdout!.on('data', c => out.push(c));
    child.stderr!.on('data', c => (err += String(c)));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', c => (stats += String(c)));
    child.on('error', reject);
    child.on('close', code => {
      const ms = now() - started;
      try {
        const report = JSON.parse(Buffer.concat(out).toString('utf8')) as { summary: { files: number; errors: number } };
        if (report.summary.files !== library.markdownFiles) throw new Error(`the CLI checked ${report.summary.files} files`);
        if (report.summary.errors !== library.broken) throw new Error(`the CLI found ${report.summary.errors} errors, expected ${library.broken}`);
        const { peakRssKb, cpuMs } = JSON.parse(stats || '{}') as { peakRssKb?: number; cpuMs?: number };
        if (!(peakRssKb! > 0) || cpuMs === undefined) throw new Error(`the CLI reported no peak RSS or CPU time ('${stats}')`);
        resolve({ ms, peakRssMiB: peakRssKb! / 1024, cpuMs, exitCode: code, files: report.summary.files, errors: report.summary.errors });
      } catch (error) {
        reject(new Error(`fleet-roles check failed (exit ${code}): ${(error as Error).message}\n${err.slice(0, 2000)}`));
      }
    });
  });
}

export interface SessionFigures {
  /** didChange → textDocument/diagnostic answer for that file, one sample per keystroke (ms). */
  keystroke: number[];
  /** Deleted event → refresh → every referrer's diagnostics pulled (ms), one sample per deleted role. */
  deleteRecheck: number[];
  /** Deleted event → workspace/diagnostic/refresh received (ms). */
  deleteToRefresh: number[];
  /** After the refresh, one workspace pull with the held result ids: what VS Code does (ms). */
  deleteWorkspacePull: number[];
  referrersPerDelete: number[];
  /** Which deletes were of a typical role (the median number of referrers) and which of a most-named one. */
  deleteKind: Array<'typical' | 'hub'>;
  completion: number[];
  /** Items in each completion answer, sample by sample. */
  completionItems: number[];
  definition: number[];
  /** Peak RSS of the server after the whole session (MiB). */
  peakRssMiB: number;
  /** VmHWM after each part of the session (MiB), to see which part raises the peak. */
  rssCheckpoints: Record<string, number>;
  readyMs: number;
}

/**
 * One server session on the library: keystrokes, completions, definitions,
 * then deletes of roles that other files name (each restored afterwards).
 */
export async function session(build: Build, root: string, library: GeneratedLibrary, samples: number, deletes: number): Promise<SessionFigures> {
  const server = ServerProcess.start(build.serverArgs);
  const c = server.connection;
  try {
    await initialize(server, root);
    const first = await c.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    const readyMs = now() - server.spawnedAt;
    const rssCheckpoints: Record<string, number> = { ready: server.peakRssMiB() };
    checkReport(first, library);
    const held = new Map<string, string>();
    const hold = (report: WorkspaceDiagnosticReport) => {
      for (const item of report.items) if (item.kind === 'full' && item.resultId) held.set(item.uri, item.resultId);
    };
    hold(first);

    // Keystrokes, half in a file with inline declarations, half in one with frontmatter.
    const keystroke: number[] = [];
    for (const rel of [library.sample.inline, library.sample.frontmatter]) {
      const path = nodePath.join(root, rel);
      const uri = uriOf(path);
      const text = readFileSync(path, 'utf8');
      let version = 1;
      await c.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
      const expected = (await pullDocument(server, uri)).length;
      // Type at the end of the Persona paragraph: the class and the references stay as they are.
      const personaLine = positionOf(text, '## Persona').line + 2;
      const lineText = text.split('\n')[personaLine];
      let character = lineText.length;
      const total = Math.ceil(samples / 2) + 5;
      for (let i = 0; i < total; i++) {
        const ch = 'the quick brown fox '[i % 20];
        const started = now();
        void c.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: ++version },
          contentChanges: [{ range: { start: { line: personaLine, character }, end: { line: personaLine, character } }, text: ch }],
        });
        const items = await pullDocument(server, uri);
        const ms = now() - started;
        character++;
        if (items.length !== expected) throw new Error(`a keystroke changed ${rel}'s diagnostics: ${items.length} vs ${expected}`);
        if (i >= 5) keystroke.push(ms); // the first five warm the JIT up
      }
      // Back to the disk's text, so the file is as the other figures expect.
      await c.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    }

    rssCheckpoints.keystrokes = server.peakRssMiB();
    // Completion of role names inside ** in a Boundaries bullet, with prefixes of real names.
    const rel = library.sample.inline;
    const path = nodePath.join(root, rel);
    const uri = uriOf(path);
    const text = readFileSync(path, 'utf8');
    let version = 1000;
    const boldRef = /\n\*\*([a-z0-9-]+)\*\*/.exec(text.slice(text.indexOf('## Boundaries')));
    const completion: number[] = [];
    const completionItems: number[] = [];
    if (boldRef) {
      const refStart = text.indexOf(boldRef[0], text.indexOf('## Boundaries')) + 1;
      const pos = positionOf(text, boldRef[0].slice(1), 0, refStart);
      const names = library.roles.filter((_, i) => i % 7 === 3);
      for (let i = 0; i < samples + 5; i++) {
        const target = names[i % names.length];
        const typed = target.slice(0, 1 + (i % 5));
        const edited = `${text.slice(0, refStart)}**${typed}${text.slice(refStart + boldRef[0].length - 1)}`;
        await c.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ text: edited }] });
        const at: Position = { line: pos.line, character: pos.character + 2 + typed.length };
        const started = now();
        const result = await c.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at });
        const ms = now() - started;
        const items: CompletionItem[] = result === null ? [] : Array.isArray(result) ? result : (result as CompletionList).items;
        if (items.length === 0) throw new Error(`no completion for '**${typed}'`);
        if (i >= 5) {
          completion.push(ms);
          completionItems.push(items.length);
        }
      }
      await c.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    }

    rssCheckpoints.completions = server.peakRssMiB();
    // Go-to-definition from every reference of the Boundaries, bold and link, in turn.
    const definition: number[] = [];
    const refs: Array<{ at: Position; slug: string }> = [];
    const boundaries = text.indexOf('## Boundaries');
    for (const m of text.slice(boundaries, text.indexOf('## Persona')).matchAll(/\*\*([a-z0-9-]+)\*\*|\]\(\.\/([a-z0-9-]+)\.md/g)) {
      const slug = m[1] ?? m[2];
      if (!library.referrers.has(slug)) continue; // a broken one has no definition
      const offset = boundaries + m.index! + (m[1] ? 2 : 4);
      refs.push({ at: positionOf(text, slug, 1, offset), slug });
    }
    if (refs.length === 0) throw new Error(`no reference to go from in ${rel}`);
    for (let i = 0; i < samples + 5; i++) {
      const ref = refs[i % refs.length];
      const started = now();
      const result = await c.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: ref.at });
      const ms = now() - started;
      const locations = (Array.isArray(result) ? result : result ? [result] : []) as Location[];
      if (locations.length !== 1 || !locations[0].uri.endsWith(`/${ref.slug}.md`)) throw new Error(`no definition for ${ref.slug}: ${JSON.stringify(result)}`);
      if (i >= 5) definition.push(ms);
    }

    rssCheckpoints.definitions = server.peakRssMiB();
    // Deletes: roles that others name, each deleted, its referrers re-checked, then restored. Half are
    // typical roles (the median number of referrers), half the most-named ones (the worst case).
    const candidates = [...library.referrers.entries()]
      .filter(([name]) => `roles/${name}.md` !== library.sample.inline && `roles/${name}.md` !== library.sample.frontmatter)
      .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const typicalCount = candidates[Math.floor(candidates.length / 2)][1].length;
    const hubs = candidates.slice(0, Math.ceil(deletes / 2));
    const typical = candidates.filter(([, list]) => list.length === typicalCount).slice(0, Math.floor(deletes / 2));
    const chosen = [...typical.map(c => ['typical', ...c] as const), ...hubs.map(c => ['hub', ...c] as const)];
    const deleteRecheck: number[] = [];
    const deleteToRefresh: number[] = [];
    const deleteWorkspacePull: number[] = [];
    const referrersPerDelete: number[] = [];
    const deleteKind: Array<'typical' | 'hub'> = [];
    for (const [kind, name, referrers] of chosen) {
      deleteKind.push(kind);
      const rolePath = nodePath.join(root, 'roles', `${name}.md`);
      const aside = nodePath.join(root, `${name}.md.deleted`);
      const referrerUris = referrers.map(r => uriOf(nodePath.join(root, r)));
      renameSync(rolePath, aside);
      const refreshed = server.nextRefresh();
      const started = now();
      void c.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(rolePath), type: FileChangeType.Deleted }] });
      await refreshed;
      const atRefresh = now();
      const reports = await Promise.all(referrerUris.map(u => pullDocument(server, u)));
      const ms = now() - started;
      reports.forEach((items, i) => {
        if (!items.some(d => d.code === 'unknown-role' && d.message.includes(`'${name}'`)))
          throw new Error(`${referrerUris[i]} does not report the deleted '${name}'`);
      });
      deleteRecheck.push(ms);
      deleteToRefresh.push(atRefresh - started);
      referrersPerDelete.push(referrers.length);
      // What VS Code does on a refresh: one workspace pull with every result id it holds.
      const pullStarted = now();
      const changed = await workspacePull(server, held);
      deleteWorkspacePull.push(now() - pullStarted);
      hold(changed);

      renameSync(aside, rolePath);
      const restored = server.nextRefresh();
      void c.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(rolePath), type: FileChangeType.Created }] });
      await restored;
      const again = await Promise.all(referrerUris.map(u => pullDocument(server, u)));
      if (again.some(items => items.some(d => d.message.includes(`'${name}'`)))) throw new Error(`restoring '${name}' did not clear its referrers`);
      hold(await workspacePull(server, held));
    }

    rssCheckpoints.deletes = server.peakRssMiB();
    return {
      keystroke,
      deleteRecheck,
      deleteToRefresh,
      deleteWorkspacePull,
      referrersPerDelete,
      deleteKind,
      completion,
      completionItems,
      definition,
      peakRssMiB: server.peakRssMiB(),
      rssCheckpoints,
      readyMs,
    };
  } finally {
    await server.stop();
  }
}

export async function pullDocument(server: ServerProcess, uri: string): Promise<Diagnostic[]> {
  const report = (await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport;
  if (report.kind !== 'full') throw new Error(`expected a full report for ${uri}`);
  return report.items;
}

/** A workspace pull with the result ids held; the server answers the changed files (it holds the request while none has). */
async function workspacePull(server: ServerProcess, held: Map<string, string>): Promise<WorkspaceDiagnosticReport> {
  const cancel = new CancellationTokenSource();
  const timer = setTimeout(() => cancel.cancel(), 10000);
  try {
    return await server.connection.sendRequest(
      WorkspaceDiagnosticRequest.type,
      { previousResultIds: [...held].map(([uri, value]) => ({ uri, value })) },
      cancel.token,
    );
  } finally {
    clearTimeout(timer);
  }
}
