import type { Position, Range } from 'vscode-languageserver-types';
import type { IndexedFile } from '../library/roleIndex';
import { roleDeclarations } from '../parse/declarations';
import { referenceAt } from './referenceAt';

export interface RoleTarget {
  /** The role named at the position. */
  name: string;
  /** What stands there: the name to replace, for rename. */
  range: Range;
  kind: 'reference' | 'identity' | 'title';
}

/**
 * The role a position names: a reference (in any form) names its role; the
 * identity value (the fleet's class, an agent's name) and the title line name the file's own role.
 */
export function roleAtPosition(file: IndexedFile, position: Position): RoleTarget | undefined {
  const { role } = file;
  const ref = referenceAt(file, position);
  if (ref) return { name: ref.name, range: role.lines.range(ref.start, ref.end), kind: 'reference' };
  if (role.isDocument) return undefined;
  const offset = role.lines.offsetAt(position);
  const identityKey = file.library.format.identity.key;
  const identity = identityKey === undefined ? undefined : roleDeclarations(role, file.library.format.declared)[identityKey];
  const identityDeclarations = identity ? [identity.primary, ...identity.conflicts].filter(d => d !== undefined) : [];
  for (const d of identityDeclarations) {
    if (offset >= d.valueStart && offset <= d.valueEnd) return { name: file.name, range: role.lines.range(d.valueStart, d.valueEnd), kind: 'identity' };
  }
  if (role.title && position.line === role.title.line) {
    return { name: file.name, range: role.lines.lineRange(role.title.line), kind: 'title' };
  }
  return undefined;
}
