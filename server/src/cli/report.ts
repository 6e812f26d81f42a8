import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

export interface FileReport {
  /** Relative to the working directory, with '/' separators. */
  path: string;
  diagnostics: Diagnostic[];
}

export interface CheckReport {
  files: FileReport[];
  summary: { files: number; roles: number; errors: number; warnings: number };
}

export const SEVERITY_NAMES: Record<DiagnosticSeverity, 'error' | 'warning' | 'information' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function severityName(severity: DiagnosticSeverity | undefined): 'error' | 'warning' | 'information' | 'hint' {
  return SEVERITY_NAMES[severity ?? DiagnosticSeverity.Error];
}

export function summarize(files: FileReport[], roles: number): CheckReport {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (d.severity === DiagnosticSeverity.Error) errors++;
      else if (d.severity === DiagnosticSeverity.Warning) warnings++;
    }
  }
  return { files, summary: { files: files.length, roles, errors, warnings } };
}
