import type { Section } from '../parse/roleFile';
import type { Check } from './checkContext';

/** The title first, when the format asks for one; the required sections once each; the recommended ones. */
export const checkStructure: Check = context => {
  const { role, format } = context;
  const first = role.headings[0];
  const titleFirst = role.title !== undefined && first === role.title && role.title.line === role.firstContentLine;
  if (!titleFirst && format.title === 'required') {
    const where = role.lines.lineRange(Math.max(0, role.firstContentLine));
    const message = role.title
      ? `The title '# ${role.title.text}' must be the file's first line${role.frontmatter ? ' after the frontmatter' : ''}.`
      : "The role file has no title: start it with a '# Title' line.";
    context.reportRange('missing-title', where, message);
  }
  const { required, recommended } = format.sections;
  if (required.length === 0 && recommended.length === 0) return;
  const names = [...required, ...recommended];
  const folded = names.map(name => name.toLowerCase());
  // Each section's name is folded once, not once per section looked for.
  const sections: Section[][] = names.map(() => []);
  for (const section of role.sections) {
    const at = folded.indexOf(section.name.toLowerCase());
    if (at >= 0) sections[at].push(section);
  }
  names.forEach((name, i) => {
    const found = sections[i];
    if (found.length === 0) {
      if (i < required.length) context.reportRange('missing-section', context.titleRange, `The role has no '## ${name}' section.`);
      else
        context.reportRange(
          'missing-recommended-section',
          context.titleRange,
          `The role has no '## ${name}' section, which the ${format.name} format recommends.`,
        );
    }
    for (const extra of found.slice(1)) {
      context.report(
        'duplicate-section',
        extra.heading.start,
        extra.heading.end,
        `The section '## ${name}' appears more than once (first on line ${found[0].heading.line + 1}).`,
      );
    }
  });
};
