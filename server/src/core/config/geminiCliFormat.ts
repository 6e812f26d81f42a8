import { agentToolFormat } from './agentToolFormat';
import type { RoleFormat } from './roleFormat';

/**
 * Gemini CLI subagents (`.gemini/agents/*.md`), as its documentation and
 * loader describe them: `name` (lowercase letters, digits, hyphens and
 * underscores) and `description` required, a local agent's keys or a remote
 * (A2A) agent's; the loader refuses a file with any other key
 * (docs/formats.md: Facts and their sources).
 */
export const GEMINI_CLI: RoleFormat = agentToolFormat({
  name: 'gemini-cli',
  folders: ['.gemini/agents'],
  // The main agent calls a subagent by its `name:`, a tool of that name; the file's name plays no part.
  identity: { key: 'name', matchFile: false, nameFrom: 'key' },
  declarations: [
    { key: 'name', required: true, pattern: '^[a-z0-9_-]+$', patternHint: "lowercase letters, digits, hyphens and underscores, such as 'security_auditor'" },
    // A remote agent describes itself in its agent card.
    { key: 'description', required: true, requiredUnless: { key: 'kind', value: 'remote' } },
    { key: 'kind', values: ['local', 'remote'] },
    { key: 'display_name' },
    // The loader takes a YAML list of names only: a comma-separated string, or a Claude Code rule such as `Bash(git diff)`, makes it refuse the file.
    {
      key: 'tools',
      type: 'list',
      pattern: '^[^\\s(),]+$',
      patternHint: "a YAML list of tool names, such as [read_file, grep_search], with no rule such as 'Bash(git diff)'",
    },
    { key: 'mcp_servers', type: 'any' },
    { key: 'model' },
    { key: 'temperature', type: 'number' },
    { key: 'max_turns', type: 'number' },
    { key: 'timeout_mins', type: 'number' },
    { key: 'agent_card_url' },
    { key: 'agent_card_json', type: 'any' },
    { key: 'auth', type: 'any' },
  ],
  // The loader's schema is strict: a file with a key it does not know is not loaded at all.
  unknownKeys: 'report',
  builtins: ['codebase_investigator', 'cli_help', 'generalist_agent'],
});
