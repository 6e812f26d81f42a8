import { spawn, type ChildProcess } from 'node:child_process';
import * as nodePath from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, CancellationTokenSource } from 'vscode-jsonrpc/node';
import {
  CompletionRequest, DefinitionRequest, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, DocumentDiagnosticRequest, ExitNotification, InitializedNotification, InitializeRequest, RegistrationRequest,
  ShutdownRequest, DiagnosticRefreshRequest, WorkspaceDiagnosticRequest,
  type CompletionList, type Diagnostic, type FileEvent, type InitializeResult, type Location, type Position,
  type PreviousResultId, type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';

const REPO = nodePath.join(__dirname, '..', '..', '..');

/** The two ways the server is started: by the CLI, and as the extension ships it, bundled. */
export const SERVER_COMMANDS = {
  cli: [nodePath.join(REPO, 'bin', 'fleet-roles.js'), 'server', '--stdio'],
  bundled: [nodePath.join(REPO, 'dist', 'server.js'), '--stdio'],
} as const;

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
  private refreshWaiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = '';

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) {}

  static async start(workspaceFolders: string[], command: readonly string[] = SERVER_COMMANDS.cli): Promise<{ client: LspTestClient; result: InitializeResult }> {
    const child = spawn(process.execPath, [...command], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    child.stderr!.on('data', chunk => (client.stderr += String(chunk)));
    connection.onRequest(RegistrationRequest.type, params => {
      client.registrations.push(...params.registrations.map(r => r.method));
      return null;
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.refreshes++;
      const waiters = client.refreshWaiters;
      client.refreshWaiters = [];
      for (const w of waiters) w();
      return null;
    });
    connection.onNotification(() => undefined);
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspaceFolders.map(f => ({ uri: uriOf(f), name: nodePath.basename(f) })),
      capabilities: {
        workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false }, completion: { completionItem: { snippetSupport: false } } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, result };
  }

  /** Resolves at the next workspace/diagnostic/refresh the server sends. */
  nextRefresh(): Promise<void> {
    return new Promise(resolve => this.refreshWaiters.push(resolve));
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
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
    return this.connection.sendRequest(method, params) as Promise<R>;
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
