import type { CompiledFormat } from '../../config/compiledFormat';
import type { DeclarationSpec } from '../../config/roleFormat';

/** The words of a kebab-case name, capitalised: 'code-reviewer' → 'Code Reviewer'. */
export function titleOf(name: string): string {
  return name
    .split('-')
    .map(w => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * A value that checks clean for a key of a new role: its name for the
 * identity, the domain given, false, the first allowed value, else words for
 * the author to replace (text with no ': ', so the YAML stays valid).
 */
export function templateValue(spec: DeclarationSpec, format: CompiledFormat, name: string, domain: string): string {
  if (spec.key === format.identity.key) return name;
  if (spec.valuesFrom === 'domains') return domain;
  if (spec.type === 'boolean') return 'false';
  if (spec.values?.[0] !== undefined) return spec.values[0];
  if (spec.type === 'list') return '[]';
  if (spec.type === 'number') return '1';
  return spec.key === 'description' ? `What the ${titleOf(name)} does, and when to use it.` : `The ${spec.key} of ${name}.`;
}

/**
 * A new role file in the library's format that checks clean: the required
 * declarations in the frontmatter, the title when the format asks for one,
 * the required and recommended sections, and the role that asked for it
 * named where the format's references stand.
 */
export function roleTemplate(name: string, domain: string, referrer: string | undefined, format: CompiledFormat): string {
  if (format.name === 'fleet') return fleetTemplate(name, domain, referrer);
  const title = titleOf(name);
  // A description is optional in some formats, but it is what an agent picker shows and what a model reads to choose the agent.
  const keys = format.declarations.filter(d => d.required || d.key === format.identity.key || d.key === 'description');
  const lines: string[] = [];
  if (keys.length > 0) lines.push('---', ...keys.map(d => `${d.key}: ${templateValue(d, format, name, domain)}`), '---', '');
  if (format.title === 'required') lines.push(`# ${title}`, '');
  // A skill's body is instructions the agent follows when the skill applies, not a persona.
  const lead =
    format.roleFile === undefined
      ? `You are the ${title}: say here what you own, and how you work.`
      : `Say here, step by step, how to do what ${title} is for.`;
  lines.push(lead, '');
  for (const section of [...format.sections.required, ...format.sections.recommended]) {
    const isReferences = format.references.sections.some(s => s.toLowerCase() === section.toLowerCase());
    lines.push(`## ${section}`, '', isReferences && referrer ? `- Works with **${referrer}**.` : `What goes under ${section}.`, '');
  }
  const label = format.references.labels[0];
  if (label && referrer) lines.push(`${label}:`, `- Works with ${format.references.forms.includes('plain') ? referrer : `**${referrer}**`}`, '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** The fleet's role: declarations in frontmatter, the three sections, a boundary naming the role that asked for it (or how to write one). */
function fleetTemplate(name: string, domain: string, referrer: string | undefined): string {
  const boundary = referrer
    ? `- **Does NOT do the work that sent you here** — that is the **${referrer}**'s lane.`
    : "Name here, one bullet each, the roles whose lanes border this one: `- **Does NOT …** — that is the **role-name**'s lane.`";
  return `---
class: ${name}
domain: ${domain}
persistent_persona: false
---
# ${titleOf(name)} — fleet role definition

The **${name}** is … (what this role owns, in one sentence).

## Mandate

1. **First duty** — what this role delivers, and to whom.

## Boundaries

${boundary}

## Persona

How this role works, and what it is valued for.
`;
}
