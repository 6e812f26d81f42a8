import {
  createConnection, DidChangeWatchedFilesNotification, MessageType, ProposedFeatures, ShowMessageNotification,
  TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, createLanguageService, isWithin, SEMANTIC_TOKENS_LEGEND, type DiscoveryOptions } from '../core';
import { DiskWatcher } from '../node/diskWatcher';
import { libraryRootOf } from '../node/libraryRoot';
import { nodeFileSystem, toCorePath } from '../node/nodeFileSystem';
import { readClientSupport, type ClientSupport } from './clientSupport';
import { registerDiagnostics } from './diagnosticsHandlers';
import { registerDocuments } from './documents';
import { CODE_ACTION_KINDS, registerFeatures } from './featureHandlers';
import { applyInOrder, registerFileEvents } from './fileEvents';
import { JobQueue } from './jobQueue';
import { loadWorkspace } from './load';
import { registerMoves } from './moves';
import type { InitializationOptions } from './protocol';
import { DiagnosticsPublisher } from './pushDiagnostics';
import { Refresher } from './refresh';
import { foldersToWatch } from './watchedFolders';
import { pathToUri, uriToPath } from './uris';

const RENAME_FILTERS = { filters: [{ scheme: 'file', pattern: { glob: '**/*.md' } }, { scheme: 'file', pattern: { glob: '**/*.mdc' } }] };

/**
 * The language server: a thin shell that turns LSP messages into calls on the
 * core's language service and its answers into LSP messages, in the form the
 * client declared it takes. The transport (--stdio, --node-ipc, --socket)
 * comes from the command line.
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
    onMoveAbandoned: path => void applyInOrder(deps, () => service.filesChanged([{ path, deleted: false }])),
  });
  let support: ClientSupport = readClientSupport({});
  let roots: string[] = [];
  let discovery: DiscoveryOptions = {};
  // Where the client watches nothing, the server watches the libraries' folders itself, after each load.
  const watcher = new DiskWatcher(
    events => void applyInOrder(deps, () => service.filesChanged(events)),
    // Logged, and shown: the user learns that changes outside the editor may go unseen.
    message => {
      connection.console.warn(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    },
  );
  const watchLibraries = () => {
    if (!support.watchedFiles) watcher.watch(foldersToWatch(roots, service.status()));
  };
  const deps = { connection, service, queue, refresher, onLayout: watchLibraries };
  const reload = () => queue.enqueue(async () => {
    await loadWorkspace(connection, service, roots, discovery);
    watchLibraries();
  }).then(() => refresher.refreshAll());

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    roots = folders.map(f => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    support = readClientSupport(params.capabilities);
    refresher.capabilities = support.refresh;
    // A client that does not pull is sent the diagnostics: every change is followed by the publications it calls for.
    if (!support.pullDiagnostics) new DiagnosticsPublisher(connection, service, documents, () => queue.settled()).follow(refresher.changes);
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const untrusted = options.trusted === false;
    const configPath = typeof options.configFile === 'string' && options.configFile ? toCorePath(options.configFile) : undefined;
    discovery = {
      configPath: configPath && (!untrusted || roots.some(r => isWithin(configPath, r))) ? configPath : undefined,
      extraRoleFolders: Array.isArray(options.roleFolders) ? options.roleFolders.filter(f => typeof f === 'string').map(toCorePath) : undefined,
      withinRootsOnly: untrusted,
    };
    return {
      capabilities: {
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
      },
      serverInfo: { name: 'fleet-roles', version },
    };
  });

  connection.onInitialized(() => {
    queue.open();
    void reload();
    if (support.watchedFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/*.mdc' }, { globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/roles' }],
      });
    }
    if (support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(event => {
        const removed = new Set(event.removed.map(f => uriToPath(f.uri)));
        roots = [...roots.filter(r => !removed.has(r)), ...event.added.map(f => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
        void reload();
      });
    }
  });

  /** A role file opened outside every root (no folder open, or a client that named none) brings in its library. */
  const opened = (path: string) => {
    // Untrusted, nothing outside the workspace folders is read, a library beside them included.
    if (discovery.withinRootsOnly || roots.some(r => isWithin(path, r))) return;
    const root = libraryRootOf(path);
    if (root === undefined || roots.includes(root)) return;
    roots = [...roots, root];
    void reload();
  };

  registerDocuments({ documents, service, queue, refresher, opened });
  registerFileEvents(deps);
  registerMoves({ ...deps, support: () => support });
  // After the file events heard so far: the disk's events already read this turn of the event loop, and the watcher's, however settled.
  const inTurn = async <T>(job: () => Promise<T>) => {
    await new Promise(resolve => setImmediate(resolve));
    watcher.flushNow();
    return new Promise<T>((resolve, reject) => void queue.enqueue(() => job().then(resolve, reject)));
  };
  registerFeatures(connection, service, { support: () => support, settled: () => queue.settled(), inTurn });
  registerDiagnostics({ connection, service, documents, ready: () => queue.settled(), changes: refresher.changes });
  connection.onShutdown(() => watcher.dispose());
  documents.listen(connection);
  connection.listen();
  return connection;
}
