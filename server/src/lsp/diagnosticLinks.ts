import type { Diagnostic } from 'vscode-languageserver/node';
import { diagnosticPage, isDiagnosticCode } from '../core';

/**
 * Each diagnostic with a link to its code's page (LSP's codeDescription),
 * for a client that declared it shows one; as they were for any other, which
 * might show the field as noise or refuse it. The core's diagnostics are
 * cached and shared between answers, so they are copied, never changed.
 */
export function withPageLinks(diagnostics: Diagnostic[], linked: boolean): Diagnostic[] {
  if (!linked) return diagnostics;
  return diagnostics.map(d => (isDiagnosticCode(d.code) ? { ...d, codeDescription: { href: diagnosticPage(d.code) } } : d));
}
