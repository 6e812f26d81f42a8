import {
  CodeActionKind, LSPErrorCodes, ResponseError, type CodeLens, type Connection,
} from 'vscode-languageserver/node';
import { FIX_ALL_KIND, isRefusal, type ReferrersLens, type RoleLanguageService } from '../core';
import { guard, guardAsync } from './cancellation';
import { GRAPH_REQUEST, SHOW_REFERENCES_COMMAND } from './protocol';
import { uriToPath } from './uris';

/**
 * The editor features: each request turns its URI into a core path, asks the
 * core with the request's token, and turns a refusal or a cancellation into
 * the protocol's error.
 */
export function registerFeatures(connection: Connection, service: RoleLanguageService): void {
  const at = <T>(uri: string, answer: (path: string) => T, none: T): T => {
    const path = uriToPath(uri);
    return path === undefined ? none : guard(() => answer(path));
  };

  connection.onCompletion((p, token) => at(p.textDocument.uri, path => service.getCompletions(path, p.position, token), null));
  connection.onDefinition((p, token) => at(p.textDocument.uri, path => service.getDefinition(path, p.position, token), null));
  connection.onHover((p, token) => at(p.textDocument.uri, path => service.getHover(path, p.position, token), null));
  connection.onReferences((p, token) => at(p.textDocument.uri, path => service.getReferences(path, p.position, p.context.includeDeclaration, token), null));
  connection.onCodeLens((p, token) => at(p.textDocument.uri, path => service.getCodeLenses(path, token).map(showReferencesLens), null));
  connection.onDocumentSymbol((p, token) => at(p.textDocument.uri, path => service.getDocumentSymbols(path, token), null));
  connection.onWorkspaceSymbol((p, token) => guard(() => service.getWorkspaceSymbols(p.query, token)));
  connection.onDocumentLinks((p, token) => at(p.textDocument.uri, path => service.getDocumentLinks(path, token), null));
  connection.languages.semanticTokens.on((p, token) => at(p.textDocument.uri, path => service.getSemanticTokens(path, token), { data: [] }));
  connection.onPrepareRename((p, token) => at(p.textDocument.uri, path => refuseOr(service.prepareRename(path, p.position, token)), null));
  connection.onRenameRequest((p, token) => at(p.textDocument.uri, path => refuseOr(service.rename(path, p.position, p.newName, token)), null));
  connection.onCodeAction(async (p, token) => {
    const path = uriToPath(p.textDocument.uri);
    return path === undefined ? null : guardAsync(() => service.getCodeActions(path, p.range, p.context.only, token));
  });
  connection.onRequest(GRAPH_REQUEST, (_params: unknown, token) => guard(() => service.getRoleGraphs(token)));
}

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** A click on the lens runs the extension's command, which lists the references where the lens stands. */
function showReferencesLens(lens: ReferrersLens): CodeLens {
  return { range: lens.range, command: { title: lens.title, command: SHOW_REFERENCES_COMMAND, arguments: [lens.uri, lens.range.start, lens.locations] } };
}

/** A refusal from the core becomes an error the editor shows as it is. */
function refuseOr<T>(result: T | { error: string }): T {
  if (isRefusal(result)) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
  return result;
}
