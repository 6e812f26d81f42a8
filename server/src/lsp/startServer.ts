import {
  createConnection, DidChangeWatchedFilesNotification, FileChangeType, ProposedFeatures,
  TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, createLanguageService, SEMANTIC_TOKENS_LEGEND } from '../core';
import { CODE_ACTION_KINDS, registerFeatures } from './featureHandlers';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { ChangeSignal } from './changeSignal';
import { MovesInFlight } from './movesInFlight';
import { keepHeapNearLive } from './nodeFlags';
import { registerDiagnostics } from './diagnosticsHandlers';
import { LIBRARY_CHANGED_NOTIFICATION, STATUS_NOTIFICATION, type InitializationOptions, type ServerStatus } from './protocol';
import { pathToUri, uriToPath } from './uris';
import { toCorePath } from '../node/nodeFileSystem';
import type { DiscoveryOptions } from '../core/library/discovery';
import { isWithin } from '../core/util/paths';

const RENAME_FILTERS = { filters: [{ scheme: 'file', pattern: { glob: '**/*.md' } }] };

/**
 * The language server: a thin shell that turns LSP messages into calls on the
 * core and the core's answers into LSP messages. The transport (--stdio,
 * --node-ipc, --socket) comes from the command line.
 */
export function startServer(version: string): Connection {
  let startQueue: (value: unknown) => void = () => undefined;
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService({ fs: nodeFileSystem, uriOf: pathToUri });
  const changes = new ChangeSignal();
  let roots: string[] = [];
  let discovery: DiscoveryOptions = {};
  let canRefresh = false;
  let canRefreshLenses = false;
  let canRefreshTokens = false;
  let libraryChangedTimer: ReturnType<typeof setTimeout> | undefined;
  let canWatch = false;
  let refreshScheduled = false;
  // The load and file events are applied one at a time, in the order they came;
  // a diagnostics request waits for the queue, so it reflects every event sent before it.
  let queue: Promise<unknown> = new Promise(resolve => (startQueue = resolve));
  const enqueue = (job: () => Promise<unknown>) => (queue = queue.then(job).catch(error => connection.console.error(String(error))));

  /** Views of the whole library (the graph) hear of changes at most every 300 ms. */
  const libraryChanged = () => {
    if (libraryChangedTimer) return;
    libraryChangedTimer = setTimeout(() => {
      libraryChangedTimer = undefined;
      void connection.sendNotification(LIBRARY_CHANGED_NOTIFICATION);
    }, 300);
  };
  /** Another file's answers changed: the client must ask again for diagnostics, lenses and tokens. */
  const scheduleRefresh = () => {
    changes.fire();
    libraryChanged();
    if (refreshScheduled) return;
    refreshScheduled = true;
    setTimeout(() => {
      refreshScheduled = false;
      if (canRefresh) void connection.languages.diagnostics.refresh();
      if (canRefreshLenses) void connection.sendRequest('workspace/codeLens/refresh');
      if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
    }, 0);
  };
  const afterChange = (changed: string, affected: Set<string>) => {
    changes.fire();
    libraryChanged();
    if ([...affected].some(p => p !== changed)) scheduleRefresh();
  };

  const sendStatus = (state: ServerStatus['state']) => {
    const libraries = service.workspace.libraries;
    let roles = 0;
    for (const library of libraries) for (const _ of service.workspace.index.roleNames(library)) roles++;
    const problems = libraries.flatMap(l => l.problems.map(p => `${p.path}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`));
    void connection.sendNotification(STATUS_NOTIFICATION, { state, libraries: libraries.length, roles, problems, pid: process.pid } satisfies ServerStatus);
  };

  const load = async () => {
    const started = Date.now();
    sendStatus('indexing');
    await service.workspace.load(roots, discovery);
    const problems = service.workspace.libraries.flatMap(l => l.problems);
    for (const problem of problems) {
      void connection.window.showErrorMessage(`fleet-roles: ${problem.path}:${problem.range.start.line + 1}: ${problem.message}`);
    }
    for (const limit of service.workspace.walkLimits) void connection.window.showWarningMessage(`fleet-roles: ${limit}`);
    connection.console.info(`fleet-roles: indexed ${service.workspace.index.size} files in ${service.workspace.libraries.length} libraries in ${Date.now() - started} ms`);
    keepHeapNearLive();
    sendStatus('ready');
  };

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    roots = folders.map(f => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    canRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    canRefreshTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
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
    startQueue(undefined);
    void enqueue(load).then(() => scheduleRefresh());
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, { globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/roles' }],
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders(event => {
      const removed = new Set(event.removed.map(f => uriToPath(f.uri)));
      roots = [...roots.filter(r => !removed.has(r)), ...event.added.map(f => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
      void enqueue(load).then(() => scheduleRefresh());
    });
  });

  /** Files that changed on disk, from the watcher or from the editor's own moves: applied in order. */
  const filesChanged = (events: Array<{ path: string; deleted: boolean }>) =>
    enqueue(async () => {
      let relayout = false;
      const affected = new Set<string>();
      for (const { path, deleted } of events) {
        if (service.workspace.isLayoutChange(path)) {
          relayout = true;
          continue;
        }
        const result = deleted ? service.workspace.fileDeleted(path) : await service.workspace.fileChanged(path);
        for (const p of result) affected.add(p);
      }
      if (relayout) await service.workspace.reload();
      if (relayout || affected.size > 0) {
        scheduleRefresh();
        sendStatus('ready');
      }
    });
  const moves = new MovesInFlight(from => filesChanged([{ path: from, deleted: false }]));

  documents.onDidChangeContent(event => {
    const path = uriToPath(event.document.uri);
    if (path !== undefined) afterChange(path, service.workspace.setOverlay(path, event.document.getText()));
  });
  documents.onDidClose(event => {
    const path = uriToPath(event.document.uri);
    if (path === undefined) return;
    // Dropped now, not when the queue gets to it: a quick reopen must not lose its buffer.
    const cleared = service.workspace.clearOverlay(path, moves.isLeaving(path));
    enqueue(async () => afterChange(path, await cleared));
  });

  connection.onDidChangeWatchedFiles(({ changes: events }) => {
    filesChanged(events.flatMap(e => {
      const path = uriToPath(e.uri);
      return path === undefined ? [] : [{ path, deleted: e.type === FileChangeType.Deleted }];
    }));
  });
  // The editor moved files itself: the old paths are gone and the new ones are there, whatever the watcher says and when.
  connection.workspace.onDidRenameFiles(({ files }) => {
    filesChanged(files.flatMap(f => {
      const [from, to] = [uriToPath(f.oldUri), uriToPath(f.newUri)];
      if (from === undefined || to === undefined) return [];
      moves.settle(from);
      return [{ path: from, deleted: true }, { path: to, deleted: false }];
    }));
  });

  registerFeatures(connection, service, path => moves.expect(path));
  registerDiagnostics({ connection, service, documents, ready: () => queue.then(() => undefined), changes });

  documents.listen(connection);
  connection.listen();
  return connection;
}
