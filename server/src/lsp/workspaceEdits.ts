import { LSPErrorCodes, ResponseError, type CodeAction, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { basename } from '../core';
import type { ClientSupport } from './clientSupport';
import { uriToPath } from './uris';

/**
 * A workspace edit in the form the client takes: documentChanges, or a map
 * of text edits per URI for a client that declared no documentChanges; and
 * undefined when it holds a resource operation (create, rename, delete) the
 * client did not declare, since applying the rest would leave the library
 * broken (references renamed, the file not moved).
 */
export function editForClient(edit: WorkspaceEdit, support: ClientSupport): WorkspaceEdit | undefined {
  const changes = edit.documentChanges ?? [];
  for (const change of changes) {
    if (!('kind' in change)) continue;
    const declared = change.kind === 'create' ? support.createFiles : change.kind === 'rename' ? support.renameFiles : false;
    if (!declared) return undefined;
  }
  if (support.documentChanges || changes.length === 0) return edit;
  const byUri: Record<string, TextEdit[]> = { ...edit.changes };
  for (const change of changes) {
    if ('kind' in change) continue;
    const uri = change.textDocument.uri;
    byUri[uri] = [...(byUri[uri] ?? []), ...change.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e)];
  }
  return { changes: byUri };
}

/** The code actions whose edits the client can apply in full, in its form. */
export function actionsForClient(actions: CodeAction[], support: ClientSupport): CodeAction[] {
  return actions.flatMap(action => {
    if (!action.edit) return [action];
    const edit = editForClient(action.edit, support);
    return edit ? [{ ...action, edit }] : [];
  });
}

/**
 * A rename that moves a role's file, asked by a client that cannot move files
 * through a workspace edit, is refused with why and what to do, rather than
 * half applied (references renamed, the file not moved). `movedPath` is the
 * file that would move (a core path).
 */
export function refuseRenameWithoutMoves(oldName: string, movedPath: string | undefined, support: ClientSupport): void {
  if (support.renameFiles || movedPath === undefined) return;
  const fileName = basename(movedPath);
  throw new ResponseError(
    LSPErrorCodes.RequestFailed,
    `Renaming role '${oldName}' moves its file ${fileName}, and this editor cannot move files through the language server ` +
      `(its LSP client declares no workspace-edit rename operation), so the rename would leave the library broken. ` +
      `List the references first (find references), then move ${fileName} to the new name and change its declared name and each reference: those left show as unknown-role.`,
  );
}

/** The first file an edit moves (a core path), if any. */
export function firstMovedPath(edit: WorkspaceEdit): string | undefined {
  const move = (edit.documentChanges ?? []).find(change => 'kind' in change && change.kind === 'rename');
  return move && 'oldUri' in move ? uriToPath(move.oldUri) : undefined;
}
