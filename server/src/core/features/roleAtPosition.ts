import type { Position, Range } from 'vscode-languageserver-types';
import type { IndexedFile } from '../library/roleIndex';
import { roleDeclarations, type KeyDeclarations } from '../parse/declarations';
import type { RoleReference } from '../parse/roleFile';
import { referenceAt } from './referenceAt';

interface TargetPlace {
  /** The role named at the position. */
  name: string;
  /** What stands there: the name to replace, for rename. */
  range: Range;
}

/** What a position names, with what was found there, so no feature has to look for it again. */
export type RoleTarget =
  | (TargetPlace & { kind: 'reference'; reference: RoleReference })
  | (TargetPlace & { kind: 'identity'; identity: KeyDeclarations })
  | (TargetPlace & { kind: 'title' });

/**
 * The role a position names: a reference (in any form) names its role; the
 * identity value (the fleet's class, an agent's name) and the title line name the file's own role.
 */
export function roleAtPosition(file: IndexedFile, position: Position): RoleTarget | undefined {
  const { role } = file;
  const reference = referenceAt(file, position);
  if (reference) return { name: reference.name, range: role.lines.range(reference.start, reference.end), kind: 'reference', reference };
  if (role.isDocument) return undefined;
  const offset = role.lines.offsetAt(position);
  const identity = identityDeclarations(file);
  const value = identity && [identity.primary, ...identity.conflicts].find(d => d !== undefined && offset >= d.valueStart && offset <= d.valueEnd);
  if (identity && value) return { name: file.name, range: role.lines.range(value.valueStart, value.valueEnd), kind: 'identity', identity };
  if (role.title && position.line === role.title.line) {
    return { name: file.name, range: role.lines.lineRange(role.title.line), kind: 'title' };
  }
  return undefined;
}

/** The declarations of the file's identity key (the fleet's class, an agent's name), when its format has one and declares it. */
export function identityDeclarations(file: IndexedFile): KeyDeclarations | undefined {
  const key = file.library.format.identity.key;
  return key === undefined ? undefined : roleDeclarations(file.role, file.library.format.declared)[key];
}
