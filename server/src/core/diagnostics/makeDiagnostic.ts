import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE, type DiagnosticCode } from '../config/diagnosticCodes';

export function makeDiagnostic(code: DiagnosticCode, range: Range, message: string, relatedInformation?: DiagnosticRelatedInformation[]): Diagnostic {
  const diagnostic: Diagnostic = { range, severity: DIAGNOSTIC_CODES[code].severity, code, source: DIAGNOSTIC_SOURCE, message };
  if (relatedInformation && relatedInformation.length > 0) diagnostic.relatedInformation = relatedInformation;
  return diagnostic;
}

/** "Did you mean 'a'?" or "Did you mean 'a' or 'b'?", or nothing. */
export function didYouMean(suggestions: string[]): string {
  if (suggestions.length === 0) return '';
  if (suggestions.length === 1) return ` Did you mean '${suggestions[0]}'?`;
  return ` Did you mean ${suggestions
    .slice(0, -1)
    .map(s => `'${s}'`)
    .join(', ')} or '${suggestions[suggestions.length - 1]}'?`;
}
