import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type TextDocuments,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, type DiagnosticsResult, type RoleLanguageService } from '../core';
import type { ChangeSignal } from './changeSignal';
import { guard, guardAsync } from './cancellation';
import { withPageLinks } from './diagnosticLinks';
import { pathToUri, uriToPath } from './uris';

interface DiagnosticsDeps {
  connection: Connection;
  service: RoleLanguageService;
  documents: TextDocuments<TextDocument>;
  ready: () => Promise<void>;
  /**
   * Until when a document's pull may wait before it is answered from the
   * library's names, while a load parses the rest; undefined where no such
   * answer is given (a client that cannot be asked to pull again).
   */
  namesKnown: () => Promise<void> | undefined;
  changes: ChangeSignal;
  /** Whether each diagnostic carries the link to its code's page. */
  linked: () => boolean;
}

/**
 * Pull diagnostics. The workspace request answers only what changed since
 * the result ids the client holds, and when nothing has, it waits for a
 * change: the client asks again as soon as it gets an answer.
 */
export function registerDiagnostics({ connection, service, documents, ready, namesKnown, changes, linked }: DiagnosticsDeps): void {
  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const path = uriToPath(params.textDocument.uri);
    const report = (result: DiagnosticsResult): DocumentDiagnosticReport =>
      params.previousResultId === result.resultId
        ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId }
        : { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: withPageLinks(result.diagnostics, linked()) };
    const names = namesKnown();
    if (path !== undefined && names !== undefined) {
      // The load's end refreshes the client, which then pulls the rest.
      await Promise.race([ready(), names]);
      const early = guard(() => service.getEarlyDiagnostics(path, token));
      if (early) return report(early);
    }
    await ready();
    if (path === undefined) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return guard(() => {
      const result = service.getDiagnostics(path, token);
      if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: withPageLinks(service.getConfigDiagnostics(path, token) ?? [], linked()) };
      return report(result);
    });
  });

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    await ready();
    const previous = new Map(params.previousResultIds.map(p => [p.uri, p.value]));
    return guardAsync(async () => {
      for (;;) {
        const items = await changedReports(service, documents, previous, token, linked());
        if (items.length > 0 || previous.size === 0) return { items };
        const next = changes.next();
        await Promise.race([next, cancelled(token)]);
        if (token.isCancellationRequested) throw new CancelledError();
      }
    });
  });
}

async function changedReports(
  service: RoleLanguageService,
  documents: TextDocuments<TextDocument>,
  previous: Map<string, string>,
  token: CancellationToken,
  linked: boolean,
): Promise<WorkspaceDocumentDiagnosticReport[]> {
  const byPath = new Map<string, string>();
  const clientUris = new Map<string, string>();
  for (const [uri, resultId] of previous) {
    const path = uriToPath(uri);
    if (path === undefined) continue;
    byPath.set(path, resultId);
    clientUris.set(path, uri);
  }
  const reports = await service.getChangedDiagnostics(byPath, token);
  return reports.map(report => {
    // A file that is gone is named as the client named it, and has no version.
    if (report.kind === 'gone') return { kind: DocumentDiagnosticReportKind.Full, uri: clientUris.get(report.path)!, version: null, items: [] };
    const uri = pathToUri(report.path);
    const version = documents.get(uri)?.version ?? null;
    const items = withPageLinks(report.diagnostics, linked);
    return report.kind === 'file'
      ? { kind: DocumentDiagnosticReportKind.Full, uri, version, resultId: report.resultId, items }
      : { kind: DocumentDiagnosticReportKind.Full, uri, version, items };
  });
}

function cancelled(token: CancellationToken): Promise<void> {
  return new Promise(resolve => {
    if (token.isCancellationRequested) resolve();
    else token.onCancellationRequested(() => resolve());
  });
}
