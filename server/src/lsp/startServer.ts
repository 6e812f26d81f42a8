import { createConnection, ProposedFeatures, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type DiscoveryOptions } from '../core';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { readClientSupport, type ClientSupport } from './clientSupport';
import { registerDiagnostics } from './diagnosticsHandlers';
import { registerDocuments } from './documents';
import { registerFeatures } from './featureHandlers';
import { applyInOrder, registerFileEvents } from './fileEvents';
import { discoveryOf, rootsOf } from './initializeParams';
import { JobQueue } from './jobQueue';
import { loadWorkspace } from './load';
import { NamesKnown, repliesSent } from './namesKnown';
import { registerMoves } from './moves';
import { DiagnosticsPublisher } from './pushDiagnostics';
import { Refresher } from './refresh';
import { changedRoots, rootOpenedOutside } from './roots';
import { serverCapabilities } from './serverCapabilities';
import { foldersToWatch } from './watchedFolders';
import { registerClientWatchers, serverWatcher } from './watching';
import { pathToUri } from './uris';

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
  let publisher: DiagnosticsPublisher | undefined;
  const names = new NamesKnown();
  let roots: string[] = [];
  let discovery: DiscoveryOptions = {};
  // Where the client watches nothing, the server watches the libraries' folders itself, after each load.
  const watcher = serverWatcher(connection, events => void applyInOrder(deps, () => service.filesChanged(events)));
  const watchLibraries = () => {
    if (!support.watchedFiles) watcher.watch(foldersToWatch(roots, service.status()));
  };
  const deps = { connection, service, queue, refresher, onLayout: watchLibraries };
  const namesKnown = () => {
    names.known();
    publisher?.publishEarly();
    return repliesSent();
  };
  const reload = () => {
    names.loading();
    return queue
      .enqueue(async () => {
        await loadWorkspace(connection, service, roots, discovery, namesKnown);
        watchLibraries();
      })
      .then(() => refresher.refreshAll());
  };

  connection.onInitialize((params): InitializeResult => {
    roots = rootsOf(params);
    support = readClientSupport(params.capabilities);
    refresher.capabilities = support.refresh;
    // A client that does not pull is sent the diagnostics: every change is followed by the publications it calls for.
    if (!support.pullDiagnostics) {
      publisher = new DiagnosticsPublisher(connection, service, documents, () => queue.settled(), support.codeDescription);
      publisher.follow(refresher.changes);
    }
    discovery = discoveryOf(params, roots);
    return { capabilities: serverCapabilities(support), serverInfo: { name: 'fleet-roles', version } };
  });

  connection.onInitialized(() => {
    queue.open();
    void reload();
    if (support.watchedFiles) registerClientWatchers(connection);
    if (support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(event => {
        roots = changedRoots(roots, event);
        void reload();
      });
    }
  });

  const opened = (path: string) => {
    const root = rootOpenedOutside(path, roots, discovery.withinRootsOnly === true);
    if (root === undefined) return;
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
  registerDiagnostics({
    connection,
    service,
    documents,
    ready: () => queue.settled(),
    // Only a client that can be asked to pull again gets an answer that the load's end completes.
    namesKnown: () => (support.refresh.diagnostics ? names.wait() : undefined),
    changes: refresher.changes,
    linked: () => support.codeDescription,
  });
  connection.onShutdown(() => watcher.dispose());
  documents.listen(connection);
  connection.listen();
  return connection;
}
