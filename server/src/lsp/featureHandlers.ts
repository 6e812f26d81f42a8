import {
  CodeActionKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CancellationToken,
  type CodeLens,
  type Connection,
} from 'vscode-languageserver/node';
import { FIX_ALL_KIND, isRefusal, type ReferrersLens, type RoleGraph, type RoleLanguageService } from '../core';
import { guardAsync } from './cancellation';
import type { ClientSupport } from './clientSupport';
import { hoverForClient } from './hoverFormat';
import { untilApplied } from './loadWait';
import { GRAPH_REQUEST, NEW_ROLE_REQUEST, SHOW_REFERENCES_COMMAND, type NewRoleResult } from './protocol';
import { graphRequest, newRoleRequest } from './requestParams';
import { pathToUri, uriToPath } from './uris';
import { actionsForClient, editForClient, firstMovedPath, refuseRenameWithoutMoves } from './workspaceEdits';

interface FeatureDeps {
  /** What the client declared, known once it has initialized. */
  support: () => ClientSupport;
  /** Resolves once the load and the file events received so far are applied. */
  settled: () => Promise<void>;
  /** Runs a job after the file events heard so far, in turn with the load and the file events: none changes the index while it runs. */
  inTurn: <T>(job: () => Promise<T>) => Promise<T>;
}

/**
 * The editor features: each request waits for the library's load (bounded,
 * cancellable), turns its URI into a core path, asks the core with the
 * request's token, shapes the answer for the client, and turns a refusal or a
 * cancellation into the protocol's error.
 */
export function registerFeatures(connection: Connection, service: RoleLanguageService, { support, settled, inTurn }: FeatureDeps): void {
  /** The answer for a file, once what came before the request is applied; `loaded` is false when the wait hit its bound. */
  const at = <T>(uri: string, token: CancellationToken, answer: (path: string, loaded: boolean) => T | Promise<T>, none: T): Promise<T> =>
    guardAsync(async () => {
      const path = uriToPath(uri);
      if (path === undefined) return none;
      const loaded = await untilApplied(settled, token);
      return answer(path, loaded);
    });

  connection.onCompletion((p, token) =>
    at(
      p.textDocument.uri,
      token,
      (path, loaded) => {
        const list = service.getCompletions(path, p.position, token);
        // Still loading past the bound: the client is told to ask again, not that there is nothing.
        return loaded ? list : { ...list, isIncomplete: true };
      },
      null,
    ),
  );
  connection.onDefinition((p, token) => at(p.textDocument.uri, token, path => service.getDefinition(path, p.position, token), null));
  connection.onHover((p, token) =>
    at(p.textDocument.uri, token, path => hoverForClient(service.getHover(path, p.position, token), support().markdownHover), null),
  );
  connection.onReferences((p, token) =>
    at(p.textDocument.uri, token, path => service.getReferences(path, p.position, p.context.includeDeclaration, token), null),
  );
  connection.onCodeLens((p, token) => at(p.textDocument.uri, token, path => service.getCodeLenses(path, token).map(showReferencesLens), null));
  connection.onDocumentSymbol((p, token) => at(p.textDocument.uri, token, path => service.getDocumentSymbols(path, token), null));
  connection.onWorkspaceSymbol((p, token) =>
    guardAsync(async () => {
      await untilApplied(settled, token);
      return service.getWorkspaceSymbols(p.query, token);
    }),
  );
  connection.onDocumentLinks((p, token) => at(p.textDocument.uri, token, path => service.getDocumentLinks(path, token), null));
  connection.languages.semanticTokens.on((p, token) => at(p.textDocument.uri, token, path => service.getSemanticTokens(path, token), { data: [] }));
  // Refused before the client asks the new name only where every new name moves a file; otherwise by what the rename's edit moves.
  connection.onPrepareRename((p, token) =>
    at(
      p.textDocument.uri,
      token,
      path => {
        const { range, placeholder, movedFiles } = refuseOr(service.prepareRename(path, p.position, token));
        refuseRenameWithoutMoves(placeholder, movedFiles[0], support());
        return { range, placeholder };
      },
      null,
    ),
  );
  connection.onRenameRequest((p, token) =>
    at(
      p.textDocument.uri,
      token,
      async path => {
        const prepared = refuseOr(service.prepareRename(path, p.position, token));
        const refused = (movedPath: string | undefined) => {
          try {
            refuseRenameWithoutMoves(prepared.placeholder, movedPath, support());
          } catch (error) {
            // A client that does not prepare renames may drop a rename's error unread (ALE: "No rename result"): the reason is shown too.
            if (!support().prepareRename && error instanceof ResponseError) {
              void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `fleet-roles: ${error.message}` });
            }
            throw error;
          }
        };
        refused(prepared.movedFiles[0]);
        // In turn with the file events: a rename reads the disk, and an event applied meanwhile would change the index under it.
        const edit = refuseOr(await inTurn(() => service.rename(path, p.position, p.newName, token)));
        const forClient = editForClient(edit, support());
        if (forClient === undefined) refused(firstMovedPath(edit));
        return forClient ?? null;
      },
      null,
    ),
  );
  connection.onCodeAction((p, token) =>
    at(p.textDocument.uri, token, async path => actionsForClient(await service.getCodeActions(path, p.range, p.context.only, token), support()), null),
  );
  // Registered by name, so that a client's wrong params reach the check, not a handler that takes them for the token.
  connection.onRequest(GRAPH_REQUEST, (...args: unknown[]) =>
    guardAsync(async (): Promise<RoleGraph[]> => {
      const token = graphRequest(args);
      await untilApplied(settled, token);
      return service.getRoleGraphs(token);
    }),
  );
  connection.onRequest(NEW_ROLE_REQUEST, (...args: unknown[]) =>
    guardAsync(async (): Promise<NewRoleResult> => {
      const { params: p, token } = newRoleRequest(args);
      await untilApplied(settled, token);
      const plan = refuseOr(await service.planNewRole(p.name, p.near === undefined ? undefined : uriToPath(p.near), token));
      return { uri: pathToUri(plan.path), edit: plan.edit };
    }),
  );
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
