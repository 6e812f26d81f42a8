import type { Connection } from 'vscode-languageserver/node';
import type { FileMove, RoleLanguageService } from '../core';
import { guard } from './cancellation';
import type { ClientSupport } from './clientSupport';
import { applyInOrder } from './fileEvents';
import { editForClient } from './workspaceEdits';
import type { JobQueue } from './jobQueue';
import type { Refresher } from './refresh';
import { uriToPath } from './uris';

/** The editor's own file moves: willRenameFiles asks for the edits that follow, didRenameFiles says they are done. */
export function registerMoves(deps: {
  connection: Connection;
  service: RoleLanguageService;
  queue: JobQueue;
  refresher: Refresher;
  support: () => ClientSupport;
}): void {
  const { connection, service, support } = deps;
  connection.workspace.onWillRenameFiles(({ files }, token) =>
    guard(() => {
      const edit = service.willRenameFiles(fileMoves(files), token);
      return (edit && editForClient(edit, support())) ?? null;
    }),
  );
  connection.workspace.onDidRenameFiles(({ files }) => {
    void applyInOrder(deps, () => service.didRenameFiles(fileMoves(files)));
  });
}

/** The moves between file URIs, as core paths; a move to or from another scheme is no move of a role file. */
function fileMoves(files: ReadonlyArray<{ oldUri: string; newUri: string }>): FileMove[] {
  return files.flatMap(f => {
    const [from, to] = [uriToPath(f.oldUri), uriToPath(f.newUri)];
    return from === undefined || to === undefined ? [] : [{ from, to }];
  });
}
