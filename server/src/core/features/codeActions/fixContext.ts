import type { Diagnostic } from 'vscode-languageserver-types';
import type { IndexedFile } from '../../library/roleIndex';
import type { RoleDeclarations } from '../../parse/declarations';
import type { RoleWorkspace } from '../../workspace/roleWorkspace';

/** What a fix needs: the file, its diagnostic, and the workspace to look things up in. */
export interface FixContext {
  workspace: RoleWorkspace;
  path: string;
  uri: string;
  file: IndexedFile;
  diagnostic: Diagnostic;
  /** The file's declarations, read once per request however many of its diagnostics' fixes ask. */
  declarations(): RoleDeclarations;
}
