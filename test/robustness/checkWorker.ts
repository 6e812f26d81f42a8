/**
 * A worker thread that checks texts as one role file of an in-memory
 * library and reports each check's time and diagnostics as it goes. The test
 * that starts it terminates it when it takes too long: a hang stays a failed
 * test, not a hung run. (Loaded as a test file by `node --test` too: then it
 * is not in a worker and does nothing.)
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createLanguageService } from '../../server/src/core';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { assertWellFormed } from './wellFormed';

interface Job {
  kind: 'fleet-roles-check';
  files: Record<string, string>;
  path: string;
  texts: string[];
  /** Per text: whether to time the editor's requests on it too. */
  withFeatures: boolean[];
}

async function run(job: Job): Promise<void> {
  const service = createLanguageService({ fs: new MemoryFileSystem(job.files), uriOf: path => `file://${path}` });
  await service.load(['/ws']);
  for (const [index, text] of job.texts.entries()) {
    const started = performance.now();
    service.setDocument(job.path, text);
    const diagnostics = service.getDiagnostics(job.path)?.diagnostics ?? [];
    const ms = performance.now() - started;
    // The slowest single request: what an editor waits for after a keystroke.
    let featureMs = 0;
    let slowest = '';
    const timed = async (name: string, request: () => unknown) => {
      const t = performance.now();
      await request();
      const elapsed = performance.now() - t;
      if (elapsed > featureMs) [featureMs, slowest] = [elapsed, name];
    };
    if (job.withFeatures[index]) {
      const lines = text.split(/\r\n|\r|\n/);
      // The start, the longest line's middle and the end of the file.
      let longest = 0;
      lines.forEach((l, i) => {
        if (l.length > lines[longest].length) longest = i;
      });
      const positions = [{ line: longest, character: Math.floor(lines[longest].length / 2) }];
      for (const position of positions) {
        await timed('completion', () => service.getCompletions(job.path, position));
        await timed('hover', () => service.getHover(job.path, position));
        await timed('definition', () => service.getDefinition(job.path, position));
        await timed('references', () => service.getReferences(job.path, position, true));
        await timed('prepareRename', () => service.prepareRename(job.path, position));
      }
      await timed('documentSymbols', () => service.getDocumentSymbols(job.path));
      await timed('semanticTokens', () => service.getSemanticTokens(job.path));
      await timed('documentLinks', () => service.getDocumentLinks(job.path));
      await timed('codeLenses', () => service.getCodeLenses(job.path));
      // Code actions for what an editor shows: a screenful at the top, and the longest line.
      await timed('codeActions', () => service.getCodeActions(job.path, { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } }));
      await timed('codeActions', () => service.getCodeActions(job.path, { start: { line: longest, character: 0 }, end: { line: longest + 1, character: 0 } }));
    }
    let malformed: string | undefined;
    try {
      assertWellFormed(text, diagnostics);
    } catch (error) {
      malformed = (error as Error).message;
    }
    parentPort!.postMessage({ ms, featureMs, slowest, count: diagnostics.length, codes: [...new Set(diagnostics.map(d => String(d.code)))].sort(), malformed });
  }
  parentPort!.postMessage({ done: true });
}

if (!isMainThread && parentPort && (workerData as Job | undefined)?.kind === 'fleet-roles-check') {
  run(workerData as Job).catch(error => {
    parentPort!.postMessage({ error: String((error as Error).stack ?? error) });
    parentPort!.postMessage({ done: true });
  });
}
