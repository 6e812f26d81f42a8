import type { Section } from '../parse/roleFile';
import type { Check } from './checkContext';

export const REQUIRED_SECTIONS = ['Mandate', 'Boundaries', 'Persona'] as const;
const REQUIRED_FOLDED: readonly string[] = REQUIRED_SECTIONS.map(name => name.toLowerCase());

export const checkStructure: Check = context => {
  const { role } = context;
  const first = role.headings[0];
  const titleFirst = role.title !== undefined && first === role.title && role.title.line === role.firstContentLine;
  if (!titleFirst) {
    const where = role.lines.lineRange(Math.max(0, role.firstContentLine));
    const message = role.title
      ? `The title '# ${role.title.text}' must be the file's first line${role.frontmatter ? ' after the frontmatter' : ''}.`
      : "The role file has no title: start it with a '# Title' line.";
    context.reportRange('missing-title', where, message);
  }
  // Each section's name is folded once, not once per required section.
  const sections: Section[][] = REQUIRED_SECTIONS.map(() => []);
  for (const section of role.sections) {
    const at = REQUIRED_FOLDED.indexOf(section.name.toLowerCase());
    if (at >= 0) sections[at].push(section);
  }
  REQUIRED_SECTIONS.forEach((name, i) => {
    const found = sections[i];
    if (found.length === 0) {
      context.reportRange('missing-section', context.titleRange, `The role has no '## ${name}' section.`);
    }
    for (const extra of found.slice(1)) {
      context.report('duplicate-section', extra.heading.start, extra.heading.end,
        `The section '## ${name}' appears more than once (first on line ${found[0].heading.line + 1}).`);
    }
  });
};
