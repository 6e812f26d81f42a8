import type { RoleDeclarations } from '../parse/declarations';
import type { FactKey, RoleSummary } from '../parse/roleSummary';

/** The role's declared facts as hover shows them ("domain `operations`", "persistent"): asked for one role at a time, so not kept. */
export function roleFacts(declarations: RoleDeclarations, factKeys: readonly FactKey[]): string[] {
  const facts: string[] = [];
  for (const { key, labels } of factKeys) {
    const value = declarations[key]?.primary?.value;
    if (typeof value === 'boolean' && labels) facts.push(value ? labels[0] : labels[1]);
    else if (typeof value === 'boolean') facts.push(`${key} \`${value}\``);
    else if (typeof value === 'string' && value !== '') facts.push(`${key} \`${value}\``);
  }
  return facts;
}

/** A role in a word or two beside its name: its domain and title, else the start of its description. */
export function describeRole(summary: RoleSummary): string {
  const description = summary.description && summary.description.length > 80 ? `${summary.description.slice(0, 79)}…` : summary.description;
  return [summary.domain, summary.title ?? description].filter(Boolean).join(' · ');
}
