import type { Position } from 'vscode-languageserver-types';
import type { RoleReference } from '../parse/roleFile';
import type { IndexedFile } from '../library/roleIndex';

/** The role reference under a position; the end of a name still counts, as editors place the cursor there. */
export function referenceAt(file: IndexedFile, position: Position): RoleReference | undefined {
  const offset = file.role.lines.offsetAt(position);
  return file.role.references.find(ref => offset >= ref.start && offset <= ref.end);
}
