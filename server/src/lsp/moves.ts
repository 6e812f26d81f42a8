import type { Connection } from 'vscode-languageserver/node';
import type { FileMove, RoleLanguageService } from '../core';
import { guard } from './cancellation';
import { applyInOrder } from './fileEvents';
import type { JobQueue } from './jobQueue';
import type { Refresher } from './refresh';
import { uriToPath } from './uris';

/** The editor's own file moves: willRenameFiles asks for the edits that follow, didRenameFiles says they are done. */
export function registerMoves(deps: { connection: Connection; service: RoleLanguageService; queue: JobQueue; refresher: Refresher }): void {
  const { connection, service } = deps;
  connection.workspace.onWillRenameFiles(({ files }, token) => guard(() => service.willRenameFiles(fileMoves(files), token) ?? null));
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
