import type { RoleDeclarations } from './declarations';
import type { ParsedRole } from './roleFile';

export interface RoleSummary {
  domain?: string;
  title?: string;
  persistent?: boolean;
}

/** What an author sees of a role beside its name: domain and title. */
export function summarizeRole(role: ParsedRole, declarations: RoleDeclarations): RoleSummary {
  const domain = declarations.domain.primary?.value;
  const persistent = declarations.persistent_persona.primary?.value;
  return {
    domain: typeof domain === 'string' ? domain : undefined,
    title: role.title?.text,
    persistent: typeof persistent === 'boolean' ? persistent : undefined,
  };
}

export function describeRole(summary: RoleSummary): string {
  return [summary.domain, summary.title].filter(Boolean).join(' · ');
}
