import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver-types';
import type { CompiledFormat } from '../config/compiledFormat';
import type { LibraryView } from '../library/libraryView';
import type { RoleDeclarations } from '../parse/declarations';
import type { ParsedRole } from '../parse/roleFile';
import { titleLineRange } from '../parse/titleLine';
import type { DiagnosticCode } from '../config/diagnosticCodes';
import { makeDiagnostic } from './makeDiagnostic';
import { markQuiet } from './quietDiagnostics';

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];

  /** `name`: what the role is called where others refer to it, as the index named it (see roleNameOf). */
  constructor(
    readonly role: ParsedRole,
    readonly name: string,
    readonly declarations: RoleDeclarations,
    readonly view: LibraryView,
  ) {}

  report(code: DiagnosticCode, start: number, end: number, message: string, related?: DiagnosticRelatedInformation[], severity?: DiagnosticSeverity): void {
    const diagnostic = makeDiagnostic(code, this.role.lines.range(start, end), message, related);
    if (severity !== undefined) diagnostic.severity = severity;
    this.diagnostics.push(diagnostic);
  }

  /** A hint that stays one whatever severity its code is given (see quietDiagnostics). */
  reportQuiet(code: DiagnosticCode, start: number, end: number, message: string): void {
    this.report(code, start, end, message, undefined, DiagnosticSeverity.Hint);
    markQuiet(this.diagnostics[this.diagnostics.length - 1]);
  }

  reportRange(code: DiagnosticCode, range: Range, message: string, severity?: DiagnosticSeverity): void {
    const diagnostic = makeDiagnostic(code, range, message);
    if (severity !== undefined) diagnostic.severity = severity;
    this.diagnostics.push(diagnostic);
  }

  get format(): CompiledFormat {
    return this.view.library.format;
  }

  /** The title line, else the first line: where a missing thing is reported. */
  get titleRange(): Range {
    return titleLineRange(this.role);
  }
}

export type Check = (context: CheckContext) => void;
