import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { Library } from '../library/library';
import type { RoleDeclarations } from '../parse/declarations';
import type { ParsedRole } from '../parse/roleFile';
import type { DiagnosticCode } from './codes';
import { makeDiagnostic } from './makeDiagnostic';

/** What a check may ask of the library beyond the file it checks. */
export interface LibraryView {
  readonly library: Library;
  hasRole(slug: string): boolean;
  roleNames(): Iterable<string>;
  /** The role names closest to a missing one, best first, at most `limit` (3), leaving out `exclude`. */
  closestRoles(word: string, limit: number, exclude?: string): string[];
  /** Role files of the library that declare this class. */
  filesDeclaringClass(className: string): readonly string[];
  uriOf(path: string): string;
}

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
    const line = this.role.title?.line ?? this.role.firstContentLine;
    return this.role.lines.lineRange(Math.max(0, line));
  }
}

export type Check = (context: CheckContext) => void;
