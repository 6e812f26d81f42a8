import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { LibraryView } from '../library/libraryView';
import type { RoleDeclarations } from '../parse/declarations';
import type { ParsedRole } from '../parse/roleFile';
import { titleLineRange } from '../parse/titleLine';
import type { DiagnosticCode } from '../config/diagnosticCodes';
import { makeDiagnostic } from './makeDiagnostic';

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly role: ParsedRole, readonly declarations: RoleDeclarations, readonly view: LibraryView) {}

  report(code: DiagnosticCode, start: number, end: number, message: string, related?: DiagnosticRelatedInformation[]): void {
    this.diagnostics.push(makeDiagnostic(code, this.role.lines.range(start, end), message, related));
  }

  reportRange(code: DiagnosticCode, range: Range, message: string): void {
    this.diagnostics.push(makeDiagnostic(code, range, message));
  }

  /** The title line, else the first line: where a missing thing is reported. */
  get titleRange(): Range {
    return titleLineRange(this.role);
  }
}

export type Check = (context: CheckContext) => void;
