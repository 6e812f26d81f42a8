import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RoleLanguageService } from '../core';
import type { ChangeSignal } from './changeSignal';
import { withPageLinks } from './diagnosticLinks';
import { pathToUri, uriToPath } from './uris';

/**
 * Diagnostics pushed (textDocument/publishDiagnostics) to a client that does
 * not pull them: Neovim, eglot, ALE. After the load and after every change,
 * the files whose diagnostics changed are published, found as a workspace
 * pull finds them, so the reach is the same: a deleted role republishes its
 * referrers, an edit the files it affects, a broken configuration its file.
 * Clean files are published only to clear what was published before.
 */
export class DiagnosticsPublisher {
  /** Result id last published per file ('' for a configuration file, which has none). */
  private readonly published = new Map<string, string>();
  /** Files whose last publication was not empty, with what it was for a configuration. */
  private readonly shown = new Map<string, string>();
  private scheduled = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly service: RoleLanguageService,
    private readonly documents: TextDocuments<TextDocument>,
    /** Resolves once the file events and loads received so far are applied. */
    private readonly settled: () => Promise<void>,
    /** Whether each diagnostic carries the link to its code's page. */
    private readonly linked: boolean,
  ) {}

  /** Publishes after each change the signal reports, from now on. */
  follow(changes: ChangeSignal): void {
    const loop = async () => {
      for (;;) {
        await changes.next();
        this.schedule();
      }
    };
    void loop();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Once per turn of the event loop: a burst of changes is one round of publications.
    setTimeout(() => {
      this.scheduled = false;
      // A document opened while a load parses is answered from the names at once; the rest waits for the load.
      this.publishEarly();
      this.running = this.running.then(() => this.publish()).catch(error => this.connection.console.error(String(error)));
    }, 0);
  }

  private async publish(): Promise<void> {
    await this.settled();
    for (const report of await this.service.getChangedDiagnostics(this.published)) {
      if (report.kind === 'gone') {
        this.published.delete(report.path);
        if (this.shown.delete(report.path)) this.send(report.path, []);
        continue;
      }
      const key = report.kind === 'file' ? report.resultId : JSON.stringify(report.diagnostics);
      this.show(report.path, report.kind === 'file' ? report.resultId : '', key, report.diagnostics);
    }
  }

  /**
   * The open documents' diagnostics from the library's names, while a load
   * parses the rest. At once, not after the load as the other publications:
   * the load's end publishes each of them again, in full.
   */
  publishEarly(): void {
    for (const document of this.documents.all()) {
      const path = uriToPath(document.uri);
      const result = path === undefined ? undefined : this.service.getEarlyDiagnostics(path);
      if (path !== undefined && result) this.show(path, result.resultId, result.resultId, result.diagnostics);
    }
  }

  /** Records what a file's publication is, and sends it when the client shows something else. */
  private show(path: string, published: string, key: string, diagnostics: Diagnostic[]): void {
    this.published.set(path, published);
    const before = this.shown.get(path);
    if (diagnostics.length === 0) {
      if (before !== undefined) this.send(path, []);
      this.shown.delete(path);
    } else if (before !== key) {
      this.send(path, diagnostics);
      this.shown.set(path, key);
    }
  }

  private send(path: string, diagnostics: Diagnostic[]): void {
    const uri = pathToUri(path);
    void this.connection.sendDiagnostics({ uri, version: this.documents.get(uri)?.version, diagnostics: withPageLinks(diagnostics, this.linked) });
  }
}
