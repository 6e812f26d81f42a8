import type { CheckReport } from '../report';
import { severityName } from '../report';

/** The documented JSON shape, key for key, so other tools can rely on it. */
export function formatJson(report: CheckReport): string {
  return (
    JSON.stringify({
      version: 1,
      files: report.files.map(file => ({
        path: file.path,
        diagnostics: file.diagnostics.map(d => ({
          code: String(d.code),
          severity: severityName(d.severity),
          message: d.message,
          range: {
            start: { line: d.range.start.line, character: d.range.start.character },
            end: { line: d.range.end.line, character: d.range.end.character },
          },
        })),
      })),
      summary: report.summary,
    }) + '\n'
  );
}
