import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RoleLanguageService } from '../core';
import type { JobQueue } from './jobQueue';
import type { Refresher } from './refresh';
import { uriToPath } from './uris';

interface DocumentDeps {
  documents: TextDocuments<TextDocument>;
  service: RoleLanguageService;
  queue: JobQueue;
  refresher: Refresher;
  /** A document opened, before its text is taken: a role file outside every root brings in its library. */
  opened?: (path: string) => void;
}

/** Open documents: their text wins over the disk until they close. */
export function registerDocuments({ documents, service, queue, refresher, opened }: DocumentDeps): void {
  documents.onDidOpen(event => {
    const path = uriToPath(event.document.uri);
    if (path !== undefined) opened?.(path);
  });
  documents.onDidChangeContent(event => {
    const path = uriToPath(event.document.uri);
    if (path !== undefined) refresher.afterChange(path, service.setDocument(path, event.document.getText()));
  });
  documents.onDidClose(event => {
    const path = uriToPath(event.document.uri);
    if (path === undefined) return;
    // Dropped now, not when the queue gets to it: a quick reopen must not lose its buffer.
    const closed = service.closeDocument(path);
    void queue.enqueue(async () => refresher.afterChange(path, await closed));
  });
}
