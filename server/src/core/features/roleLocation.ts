import type { RoleFormat } from '../config/roleFormat';
import type { FileMove } from './fileMove';
import { dirname, joinPath } from '../util/paths';

/** Where a new role named `name` is written in a role folder: `name.md`, or, where a folder is the role (a skill), `name/SKILL.md`. */
export function rolePathIn(folder: string, name: string, format: RoleFormat): string {
  return format.roleFile === undefined ? joinPath(folder, `${name}${format.extension}`) : joinPath(joinPath(folder, name), format.roleFile);
}

/**
 * What naming the role at `rolePath` `name` moves: its file, given its
 * ending, or, where a folder is the role, the whole folder, so the files its
 * SKILL.md links to go with it.
 */
export function movedForName(rolePath: string, name: string, format: RoleFormat, ending = format.extension): FileMove {
  if (format.roleFile !== undefined) {
    const folder = dirname(rolePath);
    return { from: folder, to: joinPath(dirname(folder), name) };
  }
  return { from: rolePath, to: joinPath(dirname(rolePath), `${name}${ending}`) };
}
