/**
 * VS Code's Markdown language server (`vscode-markdown-languageserver`),
 * driven over stdio as VS Code drives it. The server asks its client to
 * parse and to read the disk; this harness answers as VS Code's Markdown
 * extension does (extensions/markdown-language-features/src/client/client.ts):
 * markdown-it tokens for `markdown/parse`, the file's bytes, a directory's
 * entries, a stat, the workspace's Markdown files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Location,
  type LocationLink,
  type Position,
} from 'vscode-languageserver-protocol';
import type { GeneratedLibrary } from './generate';
import { now } from './clock';
import { positionOf, ServerProcess, uriOf } from './lsp';

const PEER_MAIN = nodePath.join(__dirname, '..', '..', 'node_modules', 'vscode-markdown-languageserver', 'dist', 'node', 'workerMain.js');

/** VS Code's defaults for the markdown.* settings, with validation turned on. */
const SETTINGS = {
  markdown: {
    server: { log: 'off' },
    preferredMdPathExtensionStyle: 'auto',
    suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'never' } },
    occurrencesHighlight: { enabled: false },
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

const FRONT_MATTER = /^---\s*[^]*?(-{3}|\.{3})\s*/;

/** The client side of VS Code's Markdown extension: its markdown-it engine and its file system answers. */
class PeerClient {
  private readonly md = new MarkdownIt({ html: true, linkify: true });
  /** Open documents' text, by URI: the editor's buffer wins over the disk, as in VS Code. */
  readonly open = new Map<string, string>();
  private readonly tokenCache = new Map<string, { text: string; tokens: unknown[] }>();
  parses = 0;
  requests = new Map<string, number>();

  constructor(readonly root: string) {}

  textOf(uri: string): string | undefined {
    const open = this.open.get(uri);
    if (open !== undefined) return open;
    try {
      return readFileSync(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** As VS Code's engine: front matter stripped, token lines shifted back, the last result per document cached. */
  tokenize(uri: string, text: string): unknown[] {
    const cached = this.tokenCache.get(uri);
    if (cached && cached.text === text) return cached.tokens;
    this.parses++;
    let body = text;
    let offset = 0;
    const fm = FRONT_MATTER.exec(text);
    if (fm) {
      offset = fm[0].split(/\r\n|\n|\r/g).length - 1;
      body = text.slice(fm[0].length);
    }
    const tokens = this.md.parse(body, {}).map(token => {
      if (token.map) token.map = [token.map[0] + offset, token.map[1] + offset];
      return token;
    });
    this.tokenCache.set(uri, { text, tokens });
    return tokens;
  }

  markdownFiles(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = nodePath.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.md')) out.push(uriOf(full));
      }
    };
    walk(this.root);
    return out;
  }

  attach(server: ServerProcess): void {
    const on = <P>(method: string, handler: (params: P) => unknown) =>
      server.connection.onRequest(method, (params: P) => {
        this.requests.set(method, (this.requests.get(method) ?? 0) + 1);
        return handler(params);
      });
    on<{ uri: string; text?: string }>('markdown/parse', p => {
      const text = p.text ?? this.textOf(p.uri);
      return text === undefined ? [] : this.tokenize(p.uri, text);
    });
    on<{ uri: string }>('markdown/fs/readFile', p => Array.from(readFileSync(fileURLToPath(p.uri))));
    on<{ uri: string }>('markdown/fs/stat', p => {
      try {
        return { isDirectory: statSync(fileURLToPath(p.uri)).isDirectory() };
      } catch {
        return undefined;
      }
    });
    on<{ uri: string }>('markdown/fs/readDirectory', p =>
      readdirSync(fileURLToPath(p.uri), { withFileTypes: true }).map(e => [e.name, { isDirectory: e.isDirectory() }]),
    );
    on('markdown/findMarkdownFilesInWorkspace', () => this.markdownFiles());
    // The watchers VS Code creates for linked files; file events are not part of what is measured.
    on('markdown/fs/watcher/create', () => null);
    on('markdown/fs/watcher/delete', () => null);
  }
}

async function startPeer(client: PeerClient): Promise<ServerProcess> {
  const flags = (process.env.BENCH_PEER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const server = ServerProcess.start([...flags, PEER_MAIN, '--stdio']);
  client.attach(server);
  await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uriOf(client.root),
    workspaceFolders: [{ uri: uriOf(client.root), name: nodePath.basename(client.root) }],
    initializationOptions: { markdownFileExtensions: ['md'] },
    capabilities: {
      workspace: { diagnostics: { refreshSupport: true }, workspaceFolders: true, configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        diagnostic: { dynamicRegistration: true },
        completion: { dynamicRegistration: true, completionItem: { snippetSupport: true } },
        definition: { linkSupport: true },
      },
    },
  });
  await server.connection.sendNotification(InitializedNotification.type, {});
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: SETTINGS });
  return server;
}

async function pull(server: ServerProcess, uri: string): Promise<Diagnostic[]> {
  const report = (await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport;
  return report.kind === 'full' ? report.items : [];
}

export interface PeerValidation {
  /** Process spawned → every file open and its diagnostics received (ms). */
  ms: number;
  files: number;
  diagnostics: number;
  brokenFileLinks: number;
  peakRssMiB: number;
  /** Spawn → the first file's diagnostics (ms). */
  firstMs: number;
  /** CPU time of the peer's process, and of this harness answering its parse and file requests (ms). */
  serverCpuMs: number;
  harnessCpuMs: number;
  parses: number;
  /** The peer's requests to its client, by method. */
  requests: Record<string, number>;
}

export interface PeerFigures {
  validation: PeerValidation;
  completion: number[];
  definition: number[];
  keystroke: number[];
  peakRssMiB: number;
}

/**
 * All-file validation as VS Code can have it: the server has no workspace
 * diagnostics, so every file is opened (with its text, read beforehand) and
 * its diagnostics pulled. With `samples` > 0 the same session goes on to
 * completion, definition and keystroke samples.
 */
export async function peerRun(root: string, library: GeneratedLibrary, samples: number): Promise<PeerFigures> {
  const client = new PeerClient(root);
  const uris = client.markdownFiles();
  const texts = uris.map(u => readFileSync(fileURLToPath(u), 'utf8'));
  const cpuBefore = process.cpuUsage();
  const server = await startPeer(client);
  const c = server.connection;
  try {
    uris.forEach((uri, i) => {
      client.open.set(uri, texts[i]);
      void c.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: texts[i] } });
    });
    let firstMs = 0;
    const reports = await Promise.all(
      uris.map(uri =>
        pull(server, uri).then(r => {
          if (!firstMs) firstMs = now() - server.spawnedAt;
          return r;
        }),
      ),
    );
    const ms = now() - server.spawnedAt;
    const serverCpuMs = server.cpuMs();
    const cpu = process.cpuUsage(cpuBefore);
    const harnessCpuMs = (cpu.user + cpu.system) / 1000;
    const diagnostics = reports.reduce((n, r) => n + r.length, 0);
    if (diagnostics < library.brokenLinks)
      throw new Error(`the peer found ${diagnostics} problems, fewer than the ${library.brokenLinks} broken links: is its validation on?`);
    const validation: PeerValidation = {
      ms,
      files: uris.length,
      diagnostics,
      brokenFileLinks: library.brokenLinks,
      peakRssMiB: server.peakRssMiB(),
      firstMs,
      serverCpuMs,
      harnessCpuMs,
      parses: client.parses,
      requests: Object.fromEntries(client.requests),
    };
    if (samples === 0) return { validation, completion: [], definition: [], keystroke: [], peakRssMiB: validation.peakRssMiB };

    // Path completion in a link destination, the peer's completion of another file's name.
    const rel = library.sample.inline;
    const uri = uriOf(nodePath.join(root, rel));
    const text = client.open.get(uri)!;
    let version = 1;
    const change = async (next: string) => {
      client.open.set(uri, next);
      await c.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ text: next }] });
    };
    const personaLine = positionOf(text, '## Persona').line + 2;
    const completion: number[] = [];
    const names = library.roles.filter((_, i) => i % 7 === 3);
    for (let i = 0; i < samples + 2; i++) {
      const typed = names[i % names.length].slice(0, 1 + (i % 5));
      const lines = text.split('\n');
      lines[personaLine] = `See the [next role](./${typed}`;
      await change(lines.join('\n'));
      const at: Position = { line: personaLine, character: lines[personaLine].length };
      const started = now();
      const result = await c.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at, context: { triggerKind: 1 } });
      const elapsed = now() - started;
      const items: CompletionItem[] = result === null ? [] : Array.isArray(result) ? result : (result as CompletionList).items;
      if (items.length === 0) throw new Error(`the peer completed nothing for './${typed}'`);
      if (i >= 2) completion.push(elapsed);
    }
    await change(text);

    // Definition from a link with a fragment (the peer resolves [x](./role.md#mandate) to the heading).
    const definition: number[] = [];
    const fragments: Position[] = [];
    let from = 0;
    let fileWithFragments = uri;
    let fragmentText = text;
    const withFragment = [...client.open.entries()].find(([u, t]) => u.includes('/roles/') && !u.endsWith('LIBRARY.md') && hasLiveFragmentLink(t, library));
    if (!withFragment) throw new Error('no role file has a live #mandate link');
    [fileWithFragments, fragmentText] = withFragment;
    for (;;) {
      const at = fragmentText.indexOf('.md#mandate)', from);
      if (at < 0) break;
      const start = fragmentText.lastIndexOf('](./', at) + 4;
      if (library.referrers.has(fragmentText.slice(start, at))) fragments.push(positionOf(fragmentText, fragmentText.slice(start, at + 3), 2, start));
      from = at + 1;
    }
    for (let i = 0; i < samples + 2; i++) {
      const started = now();
      const result = await c.sendRequest(DefinitionRequest.type, { textDocument: { uri: fileWithFragments }, position: fragments[i % fragments.length] });
      const elapsed = now() - started;
      const locations = (Array.isArray(result) ? result : result ? [result] : []) as Array<Location | LocationLink>;
      if (locations.length === 0) throw new Error(`the peer has no definition at ${JSON.stringify(fragments[i % fragments.length])} of ${fileWithFragments}`);
      if (i >= 2) definition.push(elapsed);
    }

    // Keystrokes: didChange → its diagnostics, as for fleet-roles.
    const keystroke: number[] = [];
    let current = text;
    for (let i = 0; i < samples + 2; i++) {
      const lines = current.split('\n');
      lines[personaLine] += 'the quick brown fox '[i % 20];
      current = lines.join('\n');
      client.open.set(uri, current);
      const started = now();
      void c.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: ++version },
        contentChanges: [
          {
            range: {
              start: { line: personaLine, character: lines[personaLine].length - 1 },
              end: { line: personaLine, character: lines[personaLine].length - 1 },
            },
            text: lines[personaLine].slice(-1),
          },
        ],
      });
      await pull(server, uri);
      if (i >= 2) keystroke.push(now() - started);
    }
    return { validation, completion, definition, keystroke, peakRssMiB: server.peakRssMiB() };
  } finally {
    await server.stop();
  }
}

function hasLiveFragmentLink(text: string, library: GeneratedLibrary): boolean {
  for (const m of text.matchAll(/\]\(\.\/([a-z0-9-]+)\.md#mandate\)/g)) if (library.referrers.has(m[1])) return true;
  return false;
}
