import type { RoleFormat } from './roleFormat';

/** What one agent tool's format says of its own: where, what names an agent, which keys, which agents it ships. */
type OwnParts = Pick<RoleFormat, 'name' | 'folders' | 'identity' | 'declarations' | 'unknownKeys'> & { builtins: string[] };

/**
 * A format of an agent tool that reads Markdown agents with a frontmatter
 * (OpenCode, Gemini CLI, Cursor): no title and no sections asked for, agent
 * names in the body checked where only an agent's name stands, its tools
 * not checked, and a key that is not the tool's a warning.
 */
export function agentToolFormat({ builtins, ...own }: OwnParts): RoleFormat {
  return {
    ...own,
    extension: '.md',
    anyMarkdown: false,
    documents: 'upper-case',
    title: 'optional',
    sections: { required: [], recommended: [] },
    references: { sections: [], labels: [], keys: [], forms: ['body'], toolRules: [], builtins },
    tools: { keys: [], known: [], patterns: [] },
    severity: { 'unknown-key': 'warning' },
  };
}
