import type { Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from '../util/cancellation';
import type { RoleWorkspace } from './roleWorkspace';

/**
 * One file's diagnostics in a workspace pull: a checked file with its result
 * id, a configuration file (always in full: a changed configuration reloads
 * everything), or a file the client knew that is gone (none).
 */
export type DiagnosticsReport =
  | { kind: 'file'; path: string; resultId: string; diagnostics: Diagnostic[] }
  | { kind: 'config'; path: string; diagnostics: Diagnostic[] }
  | { kind: 'gone'; path: string; diagnostics: [] };

/** What a client that holds these result ids (by path) lacks, files in path order. */
export async function changedDiagnostics(
  workspace: RoleWorkspace,
  previous: ReadonlyMap<string, string>,
  token: CancellationToken,
): Promise<DiagnosticsReport[]> {
  const reports: DiagnosticsReport[] = [];
  for await (const path of workspace.eachPath(token)) {
    const result = workspace.diagnosticsOf(path);
    if (!result || previous.get(path) === result.resultId) continue;
    reports.push({ kind: 'file', path, resultId: result.resultId, diagnostics: result.diagnostics });
  }
  const configPaths = new Set(workspace.configPaths());
  for (const path of configPaths) {
    const diagnostics = workspace.configDiagnostics(path) ?? [];
    if (diagnostics.length > 0 || previous.has(path)) reports.push({ kind: 'config', path, diagnostics });
  }
  for (const path of previous.keys()) {
    if (!configPaths.has(path) && !workspace.file(path)) reports.push({ kind: 'gone', path, diagnostics: [] });
  }
  return reports;
}
