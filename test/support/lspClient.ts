import { spawn, type ChildProcess } from 'node:child_process';
import * as nodePath from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, type CancellationTokenSource } from 'vscode-jsonrpc/node';
import {
  type ClientCapabilities,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  ShutdownRequest,
  DiagnosticRefreshRequest,
  WorkspaceDiagnosticRequest,
  type CompletionList,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type Location,
  type Position,
  type PreviousResultId,
  type ProgressToken,
  type PublishDiagnosticsParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
  type Registration,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';

const REPO = nodePath.join(__dirname, '..', '..', '..');

/** How long a test waits for the server to publish what it expects: far above any publication's time on a loaded machine. */
const PUBLICATION_WAIT_MS = 30_000;

/** The two ways the server is started: by the CLI, and as the extension ships it, bundled. */
export const SERVER_COMMANDS = {
  cli: [nodePath.join(REPO, 'bin', 'fleet-roles.js'), 'server', '--stdio'],
  bundled: [nodePath.join(REPO, 'dist', 'server.js'), '--stdio'],
} as const;

/** What VS Code declares, as far as these tests need: pull diagnostics, watched files, workspace folders, Markdown hover. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/**
 * What the smallest LSP clients declare (ALE, older eglot and Neovim set-ups):
 * no pull diagnostics, no workspace folders (the folder comes as rootUri), no
 * watched files, no workspace edit capabilities at all, plaintext hover, no
 * dynamic registration, no configuration requests, no refresh requests.
 */
export const LITTLE_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true },
    hover: { contentFormat: ['plaintext'] },
    completion: { completionItem: { snippetSupport: false } },
    publishDiagnostics: {},
  },
};

export interface StartOptions {
  command?: readonly string[];
  capabilities?: ClientCapabilities;
  /** Send the folder as rootUri only, as a client without workspace folders does. */
  rootOnly?: boolean;
  /** Leave `initialized` to the test, to send it in one chunk with what follows. */
  holdInitialized?: boolean;
  /** What the extension sends: `{ trusted: false }` in an untrusted workspace. */
  initializationOptions?: unknown;
}

export interface LoggedMessage {
  method: string;
  type: number;
  message: string;
}

export function uriOf(platformPath: string): string {
  return pathToFileURL(platformPath).toString();
}

/**
 * The client side of a real LSP session with the built server over stdio:
 * what an editor does, reduced to what the tests need.
 */
export class LspTestClient {
  refreshes = 0;
  registrations: string[] = [];
  /** Every registration the server asked for, with its options. */
  registered: Registration[] = [];
  /** Every request the server sent, by method. */
  serverRequests: string[] = [];
  /** window/logMessage and window/showMessage, in order. */
  messages: LoggedMessage[] = [];
  /** The last textDocument/publishDiagnostics per URI. */
  published = new Map<string, Diagnostic[]>();
  /** Every $/progress notification, with when it came (Date.now()). */
  progress: Array<{ token: ProgressToken; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd; at: number }> = [];
  private publishWaiters: Array<() => void> = [];
  private refreshWaiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(
    workspaceFolders: string[],
    commandOrOptions: readonly string[] | StartOptions = {},
  ): Promise<{ client: LspTestClient; result: InitializeResult }> {
    const options: StartOptions = Array.isArray(commandOrOptions) ? { command: commandOrOptions } : (commandOrOptions as StartOptions);
    const child = spawn(process.execPath, [...(options.command ?? SERVER_COMMANDS.cli)], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    child.stderr!.on('data', chunk => (client.stderr += String(chunk)));
    connection.onRequest(RegistrationRequest.type, params => {
      client.serverRequests.push(RegistrationRequest.method);
      client.registrations.push(...params.registrations.map(r => r.method));
      client.registered.push(...params.registrations);
      return null;
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.serverRequests.push(DiagnosticRefreshRequest.method);
      client.refreshes++;
      const waiters = client.refreshWaiters;
      client.refreshWaiters = [];
      for (const w of waiters) w();
      return null;
    });
    connection.onRequest((method: string) => {
      client.serverRequests.push(method);
      return null;
    });
    connection.onNotification((method: string, params: unknown) => {
      if (method === 'window/logMessage' || method === 'window/showMessage') {
        const { type, message } = params as { type: number; message: string };
        client.messages.push({ method, type, message });
      } else if (method === 'textDocument/publishDiagnostics') {
        const { uri, diagnostics } = params as PublishDiagnosticsParams;
        client.published.set(uri, diagnostics);
        const waiters = client.publishWaiters;
        client.publishWaiters = [];
        for (const w of waiters) w();
      }
    });
    // The connection hands $/progress to a handler per token, or, with none, here.
    connection.onUnhandledProgress(({ token, value }) => {
      client.progress.push({ token, value: value as WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd, at: Date.now() });
    });
    connection.listen();
    const folders = workspaceFolders.map(f => ({ uri: uriOf(f), name: nodePath.basename(f) }));
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootOnly ? (folders[0]?.uri ?? null) : null,
      workspaceFolders: options.rootOnly ? null : folders,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    if (!options.holdInitialized) await connection.sendNotification(InitializedNotification.type, {});
    return { client, result };
  }

  /**
   * Runs `send` with the server's input corked, so whatever it sends (through
   * this connection) reaches the server in one write, as one chunk.
   */
  async inOneChunk<T>(send: () => T): Promise<T> {
    const stdin = this.process.stdin!;
    stdin.cork();
    try {
      const result = send();
      // The writer queues each message on its own turn of the event loop; all of them are in the buffer after a short wait.
      await new Promise(resolve => setTimeout(resolve, 50));
      return result;
    } finally {
      stdin.uncork();
    }
  }

  initialized(): Promise<void> {
    return this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Errors the server logged or showed (type 1). */
  errors(): string[] {
    return this.messages.filter(m => m.type === 1).map(m => `${m.method}: ${m.message}`);
  }

  /**
   * Resolves once `check` holds of the published diagnostics, re-checked at
   * each publication; rejects, naming the check and what was published, when
   * it does not hold within `ms`: a publication that never comes fails its
   * test instead of hanging the step.
   */
  async publishedUntil(check: (published: Map<string, Diagnostic[]>) => boolean, ms = PUBLICATION_WAIT_MS): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check(this.published)) {
      if (!(await this.nextPublication(deadline - Date.now()))) {
        const codes = Object.fromEntries([...this.published].map(([uri, ds]) => [uri, ds.map(d => d.code)]));
        throw new Error(`no publication within ${ms} ms made this hold: ${String(check)}; last published: ${JSON.stringify(codes)}`);
      }
    }
  }

  /** True at the next publication, false when none comes within `ms`. */
  private nextPublication(ms: number): Promise<boolean> {
    return new Promise(resolve => {
      const timer = setTimeout(
        () => {
          this.publishWaiters = this.publishWaiters.filter(w => w !== waiter);
          resolve(false);
        },
        Math.max(0, ms),
      );
      const waiter = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.publishWaiters.push(waiter);
    });
  }

  /** Resolves at the next workspace/diagnostic/refresh the server sends. */
  nextRefresh(): Promise<void> {
    return new Promise(resolve => this.refreshWaiters.push(resolve));
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full report for ${uri}`);
    return report.items;
  }

  workspaceDiagnostics(previousResultIds: PreviousResultId[] = [], cancel?: CancellationTokenSource): Promise<WorkspaceDiagnosticReport> {
    return this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds }, cancel?.token);
  }

  /** Any request by method name, for the features that need no helper of their own. */
  request<R>(method: string, params?: object): Promise<R> {
    // A request without params is sent without them, as the extension sends its own (fleetRoles/graph).
    return (params === undefined ? this.connection.sendRequest(method) : this.connection.sendRequest(method, params)) as Promise<R>;
  }

  /** Every file's diagnostics from one workspace pull, by URI. */
  async allDiagnostics(): Promise<Map<string, Diagnostic[]>> {
    const report = await this.workspaceDiagnostics();
    return new Map(report.items.map(i => [i.uri, i.kind === 'full' ? i.items : []]));
  }

  async completion(uri: string, position: Position): Promise<CompletionList> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    if (result === null) return { isIncomplete: false, items: [] };
    return Array.isArray(result) ? { isIncomplete: false, items: result } : result;
  }

  async definition(uri: string, position: Position): Promise<Location[]> {
    const result = await this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
    if (!result) return [];
    return (Array.isArray(result) ? result : [result]) as Location[];
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise<void>(resolve => {
        const timer = setTimeout(() => {
          this.process.kill('SIGKILL');
          resolve();
        }, 3000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
