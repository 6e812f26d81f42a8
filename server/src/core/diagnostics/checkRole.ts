import type { Diagnostic } from 'vscode-languageserver-types';
import { roleDeclarations } from '../parse/declarations';
import type { ParsedRole } from '../parse/roleFile';
import type { LibraryView } from '../library/libraryView';
import { CheckContext, type Check } from './checkContext';
import { checkConflicts, checkDeclarations } from './declarationChecks';
import { checkHiddenCharacters } from './hiddenCharacters';
import { checkTools } from './toolChecks';
import { checkFrontmatter, checkPrototypeKeys, checkUnknownKeys } from './frontmatterCheck';
import { checkBoundaryReferences } from './referenceChecks';
import { checkStructure } from './structureChecks';
import { checkIndexDocument } from './indexDocumentCheck';
import { checkPromptLimit } from './promptLimit';
import { checkSkillLinks } from './skillLinks';

const CHECKS: Check[] = [
  checkFrontmatter,
  checkPrototypeKeys,
  checkDeclarations,
  checkConflicts,
  checkUnknownKeys,
  checkStructure,
  checkBoundaryReferences,
  checkTools,
  checkHiddenCharacters,
  checkPromptLimit,
  checkSkillLinks,
];

/** Every diagnostic of one role file, in document order. Of the library's documents, only its index is checked. */
export function checkRole(role: ParsedRole, name: string, view: LibraryView): Diagnostic[] {
  if (role.isDocument && !view.library.isIndex(role.path)) return [];
  const context = new CheckContext(role, name, roleDeclarations(role, view.library.format.declared), view);
  for (const check of role.isDocument ? [checkIndexDocument] : CHECKS) check(context);
  return context.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
