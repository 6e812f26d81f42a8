import { FileChangeType, type Connection } from 'vscode-languageserver/node';
import type { FileEventsResult, RoleLanguageService } from '../core';
import type { JobQueue } from './jobQueue';
import type { Refresher } from './refresh';
import { sendStatus } from './status';
import { uriToPath } from './uris';

interface FileEventDeps {
  connection: Connection;
  service: RoleLanguageService;
  queue: JobQueue;
  refresher: Refresher;
  /** After the libraries were discovered again: what depends on where they are (the server's own watcher) follows. */
  onLayout?: () => void;
}

/**
 * A change on disk, from the watcher or the editor's own moves, applied in
 * the queue's order; when it changed anything, every view is refreshed and
 * the status sent again.
 */
export function applyInOrder({ connection, service, queue, refresher, onLayout }: FileEventDeps, apply: () => Promise<FileEventsResult>): Promise<unknown> {
  return queue.enqueue(async () => {
    const { affected, relayout } = await apply();
    if (relayout) onLayout?.();
    if (relayout || affected.size > 0) {
      refresher.refreshAll();
      sendStatus(connection, service, 'ready');
    }
  });
}

/** The watcher's events (workspace/didChangeWatchedFiles). */
export function registerFileEvents(deps: FileEventDeps): void {
  deps.connection.onDidChangeWatchedFiles(({ changes }) => {
    const events = changes.flatMap(e => {
      const path = uriToPath(e.uri);
      return path === undefined ? [] : [{ path, deleted: e.type === FileChangeType.Deleted }];
    });
    void applyInOrder(deps, () => deps.service.filesChanged(events));
  });
}
