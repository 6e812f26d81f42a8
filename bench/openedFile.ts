/**
 * The opened file: what a user waits for who opens one role of a large
 * library. Spawn, initialize, didOpen of the role, and a pull of that file's
 * diagnostics; the clock stops at the first answer that holds all of them.
 */
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol';
import type { Build } from './build';
import { now } from './clock';
import type { GeneratedLibrary } from './generate';
import { ServerProcess, uriOf } from './lsp';
import { initialize, pullDocument } from './ours';
import { percentile } from './stats';

/** A server that has not answered the opened file completely by then is reported as failing, not waited for. */
const PATIENCE_MS = 180_000;

/**
 * The role to open, the same at every run of one size: the first role, in
 * the generator's order, that as many roles name as name the typical role
 * (the median number of referrers, so neither a hub nor an orphan) and that
 * has exactly one broken reference. The broken reference is what makes its
 * answer checkable: an empty answer could be a server's "not known yet",
 * while an `unknown-role` (with its did-you-mean) shows the library's names
 * were known.
 */
export function chooseOpenedFile(library: GeneratedLibrary): string {
  const typical = percentile(
    library.roles.map(name => library.referrers.get(name)?.length ?? 0),
    50,
  );
  const chosen = library.roles.find(name => (library.referrers.get(name)?.length ?? 0) === typical && library.brokenIn.get(`roles/${name}.md`) === 1);
  if (chosen === undefined) throw new Error(`no role with ${typical} referrers and one broken reference in a library of ${library.roles.length}`);
  return `roles/${chosen}.md`;
}

export interface OpenedFile {
  /** Spawn → the pull's answer that holds every diagnostic of the file (ms). */
  ms: number;
  /** Spawn → the first pull's answer, complete or not (ms); the same as `ms` when the first was complete. */
  firstAnswerMs: number;
  /** Pulls until the answer was complete: more than one when the server answered early and refreshed. */
  pulls: number;
  initializeMs: number;
  /** CPU time the server used up to the complete answer (ms, 10 ms resolution). */
  serverCpuMs: number;
}

/** Opens `rel` in a fresh server on the library in `root` and times its diagnostics. */
export async function openedFile(build: Build, root: string, library: GeneratedLibrary, rel: string): Promise<OpenedFile> {
  const path = nodePath.join(root, rel);
  const uri = uriOf(path);
  const text = readFileSync(path, 'utf8');
  const expected = library.brokenIn.get(rel) ?? 0;
  const server = ServerProcess.start(build.serverArgs);
  try {
    const initializeMs = await initialize(server, root);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    let firstAnswerMs: number | undefined;
    for (let pulls = 1; ; pulls++) {
      const refreshesBefore = server.refreshes;
      const items = await pullDocument(server, uri);
      const at = now() - server.spawnedAt;
      firstAnswerMs ??= at;
      const unexpected = items.filter(d => d.code !== 'unknown-role');
      if (unexpected.length > 0) throw new Error(`${rel}: unexpected diagnostics: ${unexpected.map(d => `${d.code} ${d.message}`).join('; ')}`);
      if (items.length > expected) throw new Error(`${rel}: ${items.length} unknown roles reported, expected ${expected}`);
      if (items.length === expected) return { ms: at, firstAnswerMs, pulls, initializeMs, serverCpuMs: server.cpuMs() };
      // Not all known yet: the server owes a refresh, after which the pull is asked again, as VS Code does.
      if (server.refreshes === refreshesBefore) await refreshWithin(server, PATIENCE_MS - at, rel);
    }
  } finally {
    await server.stop();
  }
}

function refreshWithin(server: ServerProcess, ms: number, rel: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${rel}: incomplete diagnostics and no refresh within ${PATIENCE_MS} ms of the spawn`)), Math.max(0, ms));
  });
  return Promise.race([server.nextRefresh(), late]).finally(() => clearTimeout(timer));
}
