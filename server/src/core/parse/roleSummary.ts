import { declaredString, type RoleDeclarations } from './declarations';
import type { ParsedRole } from './roleFile';

export interface RoleSummary {
  domain?: string;
  title?: string;
  description?: string;
}

/** A declared key hover names: its value, or for a boolean the word for true or false. */
export interface FactKey {
  key: string;
  labels?: readonly [string, string];
}

/** What an author sees of a role beside its name, kept for every role: domain, title, description. */
export function summarizeRole(role: ParsedRole, declarations: RoleDeclarations): RoleSummary {
  return {
    domain: declaredString(declarations, 'domain'),
    title: role.title?.text,
    description: declaredString(declarations, 'description'),
  };
}
