import type { ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocumentSyncKind } from 'vscode-languageserver/node';
import { MARKDOWN_GLOBS, SEMANTIC_TOKENS_LEGEND } from '../core';
import type { ClientSupport } from './clientSupport';
import { CODE_ACTION_KINDS } from './featureHandlers';

const RENAME_FILTERS = { filters: MARKDOWN_GLOBS.map(glob => ({ scheme: 'file', pattern: { glob } })) };

/** What the server offers this client: diagnostics by pull only to a client that pulls, folder changes only to one that sends them. */
export function serverCapabilities(support: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    completionProvider: { triggerCharacters: ['*', '(', '/', ':', '.'] },
    definitionProvider: true,
    ...(support.pullDiagnostics ? { diagnosticProvider: { identifier: 'fleet-roles', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    hoverProvider: true,
    referencesProvider: true,
    codeLensProvider: { resolveProvider: false },
    renameProvider: { prepareProvider: true },
    codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    workspace: {
      workspaceFolders: { supported: true, changeNotifications: support.workspaceFolders },
      fileOperations: { willRename: RENAME_FILTERS, didRename: RENAME_FILTERS },
    },
  };
}
