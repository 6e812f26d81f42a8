import type { Diagnostic } from 'vscode-languageserver-types';
import { roleDeclarations } from '../parse/declarations';
import type { ParsedRole } from '../parse/roleFile';
import { CheckContext, type Check, type LibraryView } from './checkContext';
import { checkClass, checkConflicts, checkDomain, checkPersistence } from './declarationChecks';
import { checkFrontmatter, checkUnknownKeys } from './frontmatterCheck';
import { checkBoundaryReferences } from './referenceChecks';
import { checkStructure } from './structureChecks';

const CHECKS: Check[] = [
  checkFrontmatter, checkClass, checkDomain, checkPersistence, checkConflicts, checkUnknownKeys, checkStructure, checkBoundaryReferences,
];

/** Every diagnostic of one role file, in document order. Library documents get none. */
export function checkRole(role: ParsedRole, view: LibraryView): Diagnostic[] {
  if (role.isDocument) return [];
  const context = new CheckContext(role, roleDeclarations(role), view);
  for (const check of CHECKS) check(context);
  return context.diagnostics.sort((a, b) =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
