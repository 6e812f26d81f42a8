import {
  CodeActionKind, LSPErrorCodes, ResponseError, type Connection,
} from 'vscode-languageserver/node';
import { CancelledError, FIX_ALL_KIND, isRefusal, type RoleLanguageService } from '../core';
import { GRAPH_REQUEST } from './protocol';
import { uriToPath } from './uris';

/**
 * The editor features: each request turns its URI into a core path, asks the
 * core, and turns a refusal or a cancellation into the protocol's error.
 */
export function registerFeatures(connection: Connection, service: RoleLanguageService, willMove: (path: string) => void): void {
  const at = <T>(uri: string, answer: (path: string) => T, none: T): T => {
    const path = uriToPath(uri);
    return path === undefined ? none : guard(() => answer(path));
  };

  connection.onCompletion((p, token) => at(p.textDocument.uri, path => service.getCompletions(path, p.position, token), null));
  connection.onDefinition(p => at(p.textDocument.uri, path => service.getDefinition(path, p.position), null));
  connection.onHover(p => at(p.textDocument.uri, path => service.getHover(path, p.position), null));
  connection.onReferences(p => at(p.textDocument.uri, path => service.getReferences(path, p.position, p.context.includeDeclaration), null));
  connection.onCodeLens(p => at(p.textDocument.uri, path => service.getCodeLenses(path), null));
  connection.onDocumentSymbol(p => at(p.textDocument.uri, path => service.getDocumentSymbols(path), null));
  connection.onWorkspaceSymbol((p, token) => guard(() => service.getWorkspaceSymbols(p.query, token)));
  connection.onDocumentLinks(p => at(p.textDocument.uri, path => service.getDocumentLinks(path), null));
  connection.languages.semanticTokens.on(p => at(p.textDocument.uri, path => service.getSemanticTokens(path), { data: [] }));

  // A rename's edit moves the role's file; applying it, the editor asks willRenameFiles about that
  // move, and answering again would apply every text edit twice. Moves we asked for are remembered.
  const ownMoves = new Map<string, number>();
  const MOVE_MEMORY_MS = 60000;
  connection.onPrepareRename(p => at(p.textDocument.uri, path => refuseOr(service.prepareRename(path, p.position)), null));
  connection.onRenameRequest(p => at(p.textDocument.uri, path => {
    const edit = refuseOr(service.rename(path, p.position, p.newName));
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change && change.kind === 'rename') ownMoves.set(`${change.oldUri} ${change.newUri}`, Date.now() + MOVE_MEMORY_MS);
    }
    return edit;
  }, null));
  connection.workspace.onWillRenameFiles(p => {
    const now = Date.now();
    for (const [key, expires] of ownMoves) if (expires < now) ownMoves.delete(key);
    for (const f of p.files) {
      const from = uriToPath(f.oldUri);
      if (from !== undefined) willMove(from);
    }
    const files = p.files.filter(f => !ownMoves.delete(`${f.oldUri} ${f.newUri}`));
    const changes = files.map(f => [uriToPath(f.oldUri), uriToPath(f.newUri)] as const);
    const edits = changes.flatMap(([from, to]) => (from && to ? [service.getFileRenameEdits(from, to)] : [])).filter(e => e !== undefined);
    if (edits.length === 0) return null;
    return { documentChanges: edits.flatMap(e => e.documentChanges ?? []) };
  });

  connection.onCodeAction(async p => {
    const path = uriToPath(p.textDocument.uri);
    return path === undefined ? null : service.getCodeActions(path, p.range, p.context.only);
  });

  connection.onRequest(GRAPH_REQUEST, () => service.getRoleGraphs());
}

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** A refusal from the core becomes an error the editor shows as it is. */
function refuseOr<T>(result: T | { error: string }): T {
  if (isRefusal(result)) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
  return result;
}

/** A request the client cancelled ends with the protocol's error, not a half answer. */
export function guard<T>(answer: () => T): T {
  try {
    return answer();
  } catch (error) {
    if (error instanceof CancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    throw error;
  }
}
