import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/nodeFlags';
import { STATUS_NOTIFICATION, type ServerStatus } from '../../server/src/lsp/protocol';
import { DOCUMENT_SELECTOR } from './documentSelector';
import { RestartingErrorHandler } from './errorHandler';
import { GraphPanel } from './graphPanel';
import { newRole } from './newRole';
import { registerShowReferences } from './showReferences';
import { isInLibrary, workspaceHoldsLibrary } from './libraryPresence';
import { affectsServer, initializationOptions } from './settings';
import { StatusItem } from './statusItem';

/** What the extension gives other extensions and its own tests. */
export interface FleetRolesApi {
  /** Resolves once the server has indexed the workspace's libraries. */
  whenReady(): Promise<ServerStatus>;
  readonly client: LanguageClient;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FleetRolesApi> {
  const status = new StatusItem();
  const errorHandler = new RestartingErrorHandler(message => status.stopped(message));
  let ready = deferred<ServerStatus>();

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions: initializationOptions(),
    errorHandler,
    outputChannelName: 'Fleet Roles',
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('fleetRoles', 'Fleet Roles', serverOptions, clientOptions);
  const current = client;
  context.subscriptions.push(
    status,
    current.onNotification(STATUS_NOTIFICATION, (s: ServerStatus) => {
      status.update(s);
      if (s.state === 'ready') {
        errorHandler.reset();
        ready.resolve(s);
      }
    }),
    current.onDidChangeState(event => {
      if (event.newState === 3 /* Starting */) {
        status.starting();
        ready = deferred<ServerStatus>();
      }
    }),
    vscode.commands.registerCommand('fleetRoles.restartServer', async () => {
      errorHandler.reset();
      current.clientOptions.initializationOptions = initializationOptions();
      await current.restart();
    }),
    registerShowReferences(current),
    vscode.commands.registerCommand('fleetRoles.showGraph', () => GraphPanel.show(current)),
    vscode.commands.registerCommand('fleetRoles.newRole', (name?: unknown) => newRole(current, name)),
    vscode.workspace.onDidChangeConfiguration(event => {
      if (affectsServer(event)) void vscode.commands.executeCommand('fleetRoles.restartServer');
    }),
  );
  // A trusted workspace may read what its settings name outside its folders: start again with them.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void vscode.commands.executeCommand('fleetRoles.restartServer')));
  if (await workspaceHoldsLibrary()) {
    await current.start();
  } else {
    // Plain Markdown starts nothing; the first role file opened (on its own, or after the library is created) does.
    const waiting = vscode.workspace.onDidOpenTextDocument(document => {
      if (!isInLibrary(document)) return;
      waiting.dispose();
      void current.start();
    });
    context.subscriptions.push(waiting);
  }
  return { whenReady: () => ready.promise, client: current };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => (resolve = r));
  return { promise, resolve };
}
