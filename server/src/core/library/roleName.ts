import type { RoleFormat } from '../config/roleFormat';
import { declaredString, type RoleDeclarations } from '../parse/declarations';
import type { ParsedRole } from '../parse/roleFile';

/**
 * What a role is called where others refer to it: its file's name, or, in a
 * format that names roles by a key (Copilot's `name: Feature Builder`), that
 * key's value when the file declares one. Names are compared exactly, case included.
 */
export function roleNameOf(stem: string, declared: string | undefined, identity: RoleFormat['identity']): string {
  return identity.nameFrom === 'key' && declared !== undefined && declared.trim() !== '' ? declared : stem;
}

/** Whether the role's name is its key's value, so a rename edits the key and leaves the file where it is. */
export function namedByKey(identity: RoleFormat['identity']): boolean {
  return identity.nameFrom === 'key' && identity.key !== undefined;
}

/** The name a parsed role declares under its identity key (none for a document), and the name it is called by. */
export function namesOfRole(role: ParsedRole, declarations: RoleDeclarations, identity: RoleFormat['identity']): { declaredName?: string; name: string } {
  const declaredName = role.isDocument ? undefined : declaredString(declarations, identity.key);
  return { declaredName, name: roleNameOf(role.stem, declaredName, identity) };
}
