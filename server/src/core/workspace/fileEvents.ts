import type { RoleWorkspace } from './roleWorkspace';

/** A file or folder that changed on disk, as a watcher or the editor reports it. */
export interface FileEvent {
  path: string;
  deleted: boolean;
}

export interface FileEventsResult {
  /** Files whose answers may have changed. */
  affected: Set<string>;
  /** Whether the libraries were discovered again (a configuration or a new role folder came or went). */
  relayout: boolean;
}

/**
 * Applies file events in their order. An event that changes the layout does
 * not touch the index file by file: the libraries are discovered again once,
 * after the others.
 */
export async function applyFileEvents(workspace: RoleWorkspace, events: readonly FileEvent[]): Promise<FileEventsResult> {
  let relayout = false;
  const affected = new Set<string>();
  for (const { path, deleted } of events) {
    if (workspace.isLayoutChange(path)) {
      relayout = true;
      continue;
    }
    const result = deleted ? workspace.fileDeleted(path) : await workspace.fileChanged(path);
    for (const p of result) affected.add(p);
  }
  if (relayout) for (const p of await workspace.reload()) affected.add(p);
  return { affected, relayout };
}
