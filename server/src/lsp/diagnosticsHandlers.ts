import {
  DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError,
  type CancellationToken, type Connection, type DocumentDiagnosticReport, type TextDocuments, type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, type RoleLanguageService } from '../core';
import type { ChangeSignal } from './changeSignal';
import { pathToUri, uriToPath } from './uris';

interface DiagnosticsDeps {
  connection: Connection;
  service: RoleLanguageService;
  documents: TextDocuments<TextDocument>;
  ready: () => Promise<void>;
  changes: ChangeSignal;
}

/**
 * Pull diagnostics. The workspace request answers only what changed since
 * the result ids the client holds, and when nothing has, it waits for a
 * change: the client asks again as soon as it gets an answer.
 */
export function registerDiagnostics({ connection, service, documents, ready, changes }: DiagnosticsDeps): void {
  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    await ready();
    const path = uriToPath(params.textDocument.uri);
    const result = path === undefined ? undefined : service.getDiagnostics(path);
    if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: (path === undefined ? undefined : service.workspace.configDiagnostics(path)) ?? [] };
    if (params.previousResultId === result.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.diagnostics };
  });

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    await ready();
    const previous = new Map(params.previousResultIds.map(p => [p.uri, p.value]));
    try {
      for (;;) {
        const items = await changedReports(service, documents, previous, token);
        if (items.length > 0 || previous.size === 0) return { items };
        const next = changes.next();
        await Promise.race([next, cancelled(token)]);
        if (token.isCancellationRequested) throw new CancelledError();
      }
    } catch (error) {
      if (error instanceof CancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      throw error;
    }
  });
}

async function changedReports(
  service: RoleLanguageService, documents: TextDocuments<TextDocument>, previous: Map<string, string>, token: CancellationToken,
): Promise<WorkspaceDocumentDiagnosticReport[]> {
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  for await (const path of service.workspace.eachPath(token)) {
    const result = service.getDiagnostics(path);
    if (!result) continue;
    const uri = pathToUri(path);
    if (previous.get(uri) === result.resultId) continue;
    const version = documents.get(uri)?.version ?? null;
    items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId: result.resultId, items: result.diagnostics });
  }
  // Configuration files: their problems, always sent in full (a changed configuration reloads everything).
  const configUris = new Set<string>();
  for (const path of service.workspace.configPaths()) {
    const uri = pathToUri(path);
    configUris.add(uri);
    const diagnostics = service.workspace.configDiagnostics(path) ?? [];
    if (diagnostics.length > 0 || previous.has(uri)) {
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: documents.get(uri)?.version ?? null, items: diagnostics });
    }
  }
  // Files the client knows that are gone: their diagnostics go with them.
  for (const uri of previous.keys()) {
    const path = uriToPath(uri);
    if (!configUris.has(uri) && path !== undefined && !service.workspace.file(path)) {
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
    }
  }
  return items;
}

function cancelled(token: CancellationToken): Promise<void> {
  return new Promise(resolve => {
    if (token.isCancellationRequested) resolve();
    else token.onCancellationRequested(() => resolve());
  });
}
