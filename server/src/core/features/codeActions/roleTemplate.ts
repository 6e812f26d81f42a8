/**
 * A new role file that checks clean: declarations in frontmatter, the three
 * sections, and a boundary naming the role that asked for it.
 */
export function roleTemplate(name: string, domain: string, referrer: string | undefined): string {
  const title = name.split('-').map(w => w[0].toUpperCase() + w.slice(1)).join(' ');
  const boundary = referrer
    ? `- **Does NOT do the work that sent you here** — that is the **${referrer}**'s lane.`
    : '- **Does NOT …** — that is the **other-role**\'s lane.';
  return `---
class: ${name}
domain: ${domain}
persistent_persona: false
---
# ${title} — fleet role definition

The **${name}** is … (what this role owns, in one sentence).

## Mandate

1. **First duty** — what this role delivers, and to whom.

## Boundaries

${boundary}

## Persona

How this role works, and what it is valued for.
`;
}
