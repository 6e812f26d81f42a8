import {
  createConnection, DidChangeWatchedFilesNotification, ProposedFeatures,
  TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, createLanguageService, SEMANTIC_TOKENS_LEGEND, type DiscoveryOptions } from '../core';
import { nodeFileSystem, toCorePath } from '../node/nodeFileSystem';
import { registerDiagnostics } from './diagnosticsHandlers';
import { registerDocuments } from './documents';
import { CODE_ACTION_KINDS, registerFeatures } from './featureHandlers';
import { applyInOrder, registerFileEvents } from './fileEvents';
import { JobQueue } from './jobQueue';
import { loadWorkspace } from './load';
import { registerMoves } from './moves';
import type { InitializationOptions } from './protocol';
import { Refresher } from './refresh';
import { pathToUri, uriToPath } from './uris';

const RENAME_FILTERS = { filters: [{ scheme: 'file', pattern: { glob: '**/*.md' } }] };

/**
 * The language server: a thin shell that turns LSP messages into calls on the
 * core's language service and its answers into LSP messages. The transport
 * (--stdio, --node-ipc, --socket) comes from the command line.
 */
export function startServer(version: string): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const queue = new JobQueue(error => connection.console.error(String(error)));
  const refresher = new Refresher(connection);
  const service = createLanguageService({
    fs: nodeFileSystem,
    uriOf: pathToUri,
    // A move the editor never completed: its old path is read again, in order with the other file events.
    onMoveAbandoned: path => void applyInOrder({ connection, service, queue, refresher }, () => service.filesChanged([{ path, deleted: false }])),
  });
  let roots: string[] = [];
  let discovery: DiscoveryOptions = {};
  let canWatch = false;
  const reload = () => queue.enqueue(() => loadWorkspace(connection, service, roots, discovery)).then(() => refresher.refreshAll());

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    roots = folders.map(f => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    const workspace = params.capabilities.workspace;
    refresher.capabilities = {
      diagnostics: workspace?.diagnostics?.refreshSupport === true,
      codeLenses: workspace?.codeLens?.refreshSupport === true,
      semanticTokens: workspace?.semanticTokens?.refreshSupport === true,
    };
    canWatch = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    discovery = {
      configPath: typeof options.configFile === 'string' && options.configFile ? toCorePath(options.configFile) : undefined,
      extraRoleFolders: Array.isArray(options.roleFolders) ? options.roleFolders.filter(f => typeof f === 'string').map(toCorePath) : undefined,
    };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['*', '(', '/', ':', '.'] },
        definitionProvider: true,
        diagnosticProvider: { identifier: 'fleet-roles', interFileDependencies: true, workspaceDiagnostics: true },
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
          workspaceFolders: { supported: true, changeNotifications: true },
          fileOperations: { willRename: RENAME_FILTERS, didRename: RENAME_FILTERS },
        },
      },
      serverInfo: { name: 'fleet-roles', version },
    };
  });

  connection.onInitialized(() => {
    queue.open();
    void reload();
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, { globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/roles' }],
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders(event => {
      const removed = new Set(event.removed.map(f => uriToPath(f.uri)));
      roots = [...roots.filter(r => !removed.has(r)), ...event.added.map(f => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
      void reload();
    });
  });

  registerDocuments({ documents, service, queue, refresher });
  registerFileEvents({ connection, service, queue, refresher });
  registerMoves({ connection, service, queue, refresher });
  registerFeatures(connection, service);
  registerDiagnostics({ connection, service, documents, ready: () => queue.settled(), changes: refresher.changes });

  documents.listen(connection);
  connection.listen();
  return connection;
}
