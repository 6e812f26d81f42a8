import type { Range } from 'vscode-languageserver-types';
import type { ParsedRole } from './roleFile';

/**
 * The role's title line, else its first line of content: where the role is
 * declared for definition, references and symbols, and where a missing thing
 * is reported.
 */
export function titleLineRange(role: ParsedRole): Range {
  return role.lines.lineRange(Math.max(0, role.title?.line ?? role.firstContentLine));
}
