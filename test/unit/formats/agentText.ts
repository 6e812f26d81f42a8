/** An agent file: frontmatter lines, then a body. */
export function agentText(frontmatter: string[] | null, body: string[] = ['You do one job well.']): string {
  return [...(frontmatter === null ? [] : ['---', ...frontmatter, '---']), '', ...body, ''].join('\n');
}

/** A clean Claude Code subagent named `name`. */
export function subagent(name: string, extra: string[] = [], body?: string[]): string {
  return agentText([`name: ${name}`, `description: Handles ${name} work.`, ...extra], body);
}
