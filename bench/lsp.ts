import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ExitNotification, ShutdownRequest } from 'vscode-languageserver-protocol';
import { now } from './clock';

export function uriOf(platformPath: string): string {
  return pathToFileURL(platformPath).toString();
}

/** A language server in a child process, spoken to over stdio: what an editor does, and a stopwatch. */
export class ServerProcess {
  stderr = '';
  private refreshWaiters: Array<() => void> = [];
  refreshes = 0;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    readonly spawnedAt: number,
  ) {}

  static start(args: string[]): ServerProcess {
    const spawnedAt = now();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new ServerProcess(child, connection, spawnedAt);
    child.stderr!.on('data', chunk => {
      if (server.stderr.length < 20000) server.stderr += String(chunk);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      server.refreshes++;
      const waiters = server.refreshWaiters;
      server.refreshWaiters = [];
      for (const w of waiters) w();
      return null;
    });
    connection.onNotification(() => undefined);
    connection.listen();
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves at the next workspace/diagnostic/refresh the server sends. */
  nextRefresh(): Promise<void> {
    return new Promise(resolve => this.refreshWaiters.push(resolve));
  }

  /** Peak resident set size of the server process so far (VmHWM), in MiB. */
  peakRssMiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  /** CPU time (user + system) the server process has used so far, in ms (10 ms resolution). */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (USER_HZ = 100)
  }

  /** Current resident set size (VmRSS), in MiB. */
  rssMiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN) / 1024;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>(resolve => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise(r => setTimeout(r, 3000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may be gone already; it is killed below either way.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** A position (0-based line, UTF-16 column) of the first `needle` in `text` at or after `from`, shifted by `delta` columns. */
export function positionOf(text: string, needle: string, delta = 0, from = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1) + delta;
  return { line, character };
}
