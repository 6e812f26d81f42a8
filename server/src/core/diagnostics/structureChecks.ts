import type { Check } from './checkContext';

export const REQUIRED_SECTIONS = ['Mandate', 'Boundaries', 'Persona'] as const;

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
  for (const name of REQUIRED_SECTIONS) {
    const found = role.sections.filter(s => s.name.toLowerCase() === name.toLowerCase());
    if (found.length === 0) {
      context.reportRange('missing-section', context.titleRange, `The role has no '## ${name}' section.`);
    }
    for (const extra of found.slice(1)) {
      context.report('duplicate-section', extra.heading.start, extra.heading.end,
        `The section '## ${name}' appears more than once (first on line ${found[0].heading.line + 1}).`);
    }
  }
};
