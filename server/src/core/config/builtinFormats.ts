import type { BuiltinFormatName } from './builtinFormatNames';
import type { RoleFormat } from './roleFormat';

const SLUG = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

/** The fleet's contract: exactly the rules the project checked before formats were data. */
const FLEET: RoleFormat = {
  name: 'fleet',
  folders: [],
  extension: '.md',
  anyMarkdown: false,
  documents: 'upper-case',
  identity: { key: 'class', matchFile: true, codes: { mismatch: 'class-filename-mismatch', duplicate: 'duplicate-class' } },
  declarations: [
    {
      key: 'class',
      in: 'both',
      required: true,
      pattern: SLUG,
      patternHint: "a kebab-case slug such as 'project-manager'",
      codes: { missing: 'missing-class', invalid: 'invalid-class' },
    },
    { key: 'domain', in: 'both', required: true, valuesFrom: 'domains', plural: 'domains', codes: { missing: 'missing-domain', unknown: 'unknown-domain' } },
    {
      key: 'persistent_persona',
      in: 'both',
      required: true,
      type: 'boolean',
      labels: ['persistent', 'transient'],
      codes: { missing: 'missing-persistence', invalid: 'invalid-persistence' },
    },
  ],
  unknownKeys: 'near-miss',
  title: 'required',
  sections: { required: ['Mandate', 'Boundaries', 'Persona'], recommended: [] },
  references: { sections: ['Boundaries'], labels: [], keys: [], forms: [], toolRules: [], builtins: [] },
  tools: { keys: [], known: [], patterns: [] },
  severity: {},
};

/**
 * Claude Code subagents (`.claude/agents/*.md`): frontmatter keys and values
 * as Anthropic's documentation lists them; tools as Claude Code names them,
 * MCP tools as `mcp__server__tool`, and the `Agent(…)`/`Task(…)` and
 * `Bash(…)`-style rule forms.
 */
const CLAUDE_CODE: RoleFormat = {
  name: 'claude-code',
  folders: ['.claude/agents'],
  extension: '.md',
  anyMarkdown: false,
  documents: 'upper-case',
  // Claude Code knows a subagent by its `name:` alone: the file's name and folder play no part (plugins name agents apart from their files).
  identity: { key: 'name', matchFile: false, nameFrom: 'key' },
  declarations: [
    { key: 'name', required: true, pattern: SLUG, patternHint: "lowercase letters and hyphens, such as 'code-reviewer'" },
    { key: 'description', required: true },
    { key: 'tools', type: 'list' },
    { key: 'disallowedTools', type: 'list' },
    // Model aliases as Claude Code's model configuration lists them (docs/formats.md: Facts and their sources); a full model id; `inherit`.
    {
      key: 'model',
      values: ['sonnet', 'opus', 'haiku', 'fable', 'best', 'opusplan', 'sonnet[1m]', 'opus[1m]', 'inherit'],
      pattern: '^claude-[a-z0-9][a-z0-9.-]*(\\[1m\\])?$',
      plural: 'models',
      open: true,
    },
    { key: 'permissionMode', values: ['default', 'acceptEdits', 'auto', 'dontAsk', 'bypassPermissions', 'plan'] },
    { key: 'maxTurns', type: 'number' },
    { key: 'skills', type: 'list' },
    { key: 'mcpServers', type: 'any' },
    { key: 'hooks', type: 'any' },
    { key: 'memory', values: ['user', 'project', 'local'] },
    { key: 'background', type: 'boolean' },
    { key: 'effort', values: ['low', 'medium', 'high', 'xhigh', 'max'] },
    { key: 'isolation', values: ['worktree'] },
    { key: 'color' },
    { key: 'initialPrompt' },
  ],
  // Claude Code ignores keys it does not read, and teams keep their own (author, version, tags) on purpose;
  // its releases add keys too. Only a near miss of a known key (`descripton`) is the typo it almost surely is.
  unknownKeys: 'near-miss',
  title: 'optional',
  sections: { required: [], recommended: [] },
  references: {
    sections: [],
    labels: ['Integration with other agents'],
    keys: [],
    forms: ['code', 'plain', 'body'],
    // `Agent(worker, researcher)` limits the subagents this one may start; `Task(…)` is its older name.
    toolRules: ['Agent', 'Task'],
    builtins: ['general-purpose', 'Explore', 'Plan', 'Bash', 'statusline-setup', 'claude-code-guide', 'output-style-setup'],
  },
  tools: {
    keys: ['tools', 'disallowedTools'],
    // Claude Code's tools reference, then the names of older releases that libraries still list (docs/formats.md: Facts and their sources).
    known: [
      'Agent',
      'Artifact',
      'AskUserQuestion',
      'Bash',
      'CronCreate',
      'CronDelete',
      'CronList',
      'Edit',
      'EnterPlanMode',
      'EnterWorktree',
      'ExitPlanMode',
      'ExitWorktree',
      'Glob',
      'Grep',
      'ListMcpResourcesTool',
      'LSP',
      'Monitor',
      'NotebookEdit',
      'PowerShell',
      'Read',
      'ReadMcpResourceTool',
      'SendMessage',
      'Skill',
      'TaskCreate',
      'TaskGet',
      'TaskList',
      'TaskOutput',
      'TaskStop',
      'TaskUpdate',
      'TeamCreate',
      'TeamDelete',
      'TodoWrite',
      'ToolSearch',
      'WebFetch',
      'WebSearch',
      'Write',
      'BashOutput',
      'KillShell',
      'LS',
      'MultiEdit',
      'NotebookRead',
      'SlashCommand',
      'Task',
    ],
    patterns: ['^mcp__[A-Za-z0-9_.-]+$', '^[A-Z][A-Za-z]*\\(.*\\)$'],
    // Every release adds tools: a name near no known one may be newer than this list.
    open: true,
  },
  severity: { 'unknown-key': 'warning' },
};

/** VS Code / GitHub Copilot custom agents (`.github/agents/*.agent.md`): every key optional, as VS Code's reference says. */
const COPILOT_AGENTS: RoleFormat = {
  name: 'copilot-agents',
  folders: ['.github/agents'],
  extension: '.agent.md',
  anyMarkdown: true,
  documents: 'upper-case',
  // An agent is called by its `name:` (a display name such as 'Feature Builder'), else by its file's name.
  identity: { key: 'name', matchFile: false, nameFrom: 'key' },
  declarations: [
    // GitHub requires it; VS Code does not, and an agent with `target: vscode` is VS Code's alone (unset, the target is both).
    { key: 'description', required: true, requiredUnless: { key: 'target', value: 'vscode' } },
    { key: 'name' },
    { key: 'tools', type: 'list' },
    // One model or VS Code's list of them; a template's choices copied literally (`GPT-4.1 | 'gpt-5'`) are neither.
    {
      key: 'model',
      type: 'list',
      pattern: '^[^|\'"]*[^|\'"\\s][^|\'"]*$',
      patternHint: "one model's name, such as 'GPT-4.1' or 'Claude Sonnet 4.5 (copilot)', not a template's choices",
    },
    { key: 'argument-hint' },
    { key: 'agents', type: 'list' },
    { key: 'handoffs', type: 'any' },
    { key: 'user-invocable', type: 'boolean' },
    { key: 'disable-model-invocation', type: 'boolean' },
    { key: 'target', values: ['vscode', 'github-copilot'] },
    { key: 'mcp-servers', type: 'any' },
    { key: 'metadata', type: 'any' },
    { key: 'hooks', type: 'any' },
    { key: 'infer', type: 'any', deprecated: 'use `user-invocable` and `disable-model-invocation` instead' },
    { key: 'user-invokable', type: 'any', deprecated: 'use `user-invocable`, the spelling VS Code documents now' },
  ],
  // As for Claude Code: a file shared between tools, or a team's own metadata, holds other keys on purpose.
  unknownKeys: 'near-miss',
  title: 'optional',
  sections: { required: [], recommended: [] },
  // The built-in agents (Edit in older releases); the documentation's own handoff names `agent: agent`.
  references: { sections: [], labels: [], keys: ['handoffs[].agent', 'agents[]'], forms: ['body'], toolRules: [], builtins: ['Agent', 'Ask', 'Plan', 'Edit'] },
  tools: { keys: ['tools'], known: [], patterns: [] },
  severity: { 'unknown-key': 'warning' },
  // GitHub's cap on an agent's prompt; VS Code has none.
  promptLimit: { characters: 30000, unless: { key: 'target', value: 'vscode' } },
};

/** An Agent Skills name: lowercase letters and digits in words joined by single hyphens. */
const SKILL_NAME = '^[a-z0-9]+(-[a-z0-9]+)*$';

/**
 * Agent Skills (agentskills.io): a folder per skill holding `SKILL.md`, its
 * `name` the folder's. The keys and limits as the specification states them;
 * a key of one tool's own (Claude Code's `model`) is not reported, as the
 * tools that read skills add keys of their own, but a near miss of a key of
 * the specification (`descripton`) is.
 */
const AGENT_SKILLS: RoleFormat = {
  name: 'agent-skills',
  folders: ['.agents/skills', '.github/skills', '.opencode/skills'],
  extension: '.md',
  roleFile: 'SKILL.md',
  anyMarkdown: false,
  documents: [],
  identity: { key: 'name', matchFile: true },
  declarations: [
    {
      key: 'name',
      required: true,
      pattern: SKILL_NAME,
      patternHint: "lowercase letters, digits and single hyphens inside, such as 'pdf-processing'",
      maxLength: 64,
    },
    { key: 'description', required: true, maxLength: 1024 },
    { key: 'license' },
    { key: 'compatibility', maxLength: 500 },
    { key: 'metadata', type: 'map' },
    // Experimental in the specification, and read as a list by some tools: its form is not checked.
    { key: 'allowed-tools', type: 'any' },
  ],
  unknownKeys: 'near-miss',
  title: 'optional',
  sections: { required: [], recommended: [] },
  references: { sections: [], labels: [], keys: [], forms: [], toolRules: [], builtins: [] },
  tools: { keys: [], known: [], patterns: [] },
  severity: { 'unknown-key': 'warning' },
};

/**
 * Claude Code's skills (`.claude/skills/<name>/SKILL.md`): Agent Skills, where
 * `name` (the folder's name by default) and `description` (the body's first
 * paragraph by default) are optional, and Claude Code reads keys of its own.
 */
const CLAUDE_SKILLS: RoleFormat = {
  ...AGENT_SKILLS,
  name: 'claude-skills',
  folders: ['.claude/skills'],
  declarations: [
    ...AGENT_SKILLS.declarations.map(d => (d.key === 'name' || d.key === 'description' ? { ...d, required: false } : d)),
    { key: 'when_to_use' },
    { key: 'argument-hint' },
    { key: 'arguments', type: 'any' },
    { key: 'disable-model-invocation', type: 'boolean' },
    { key: 'user-invocable', type: 'boolean' },
    // As for a subagent's: an alias, a model id, or one newer than the list (a hint).
    CLAUDE_CODE.declarations.find(d => d.key === 'model')!,
    { key: 'effort', values: ['low', 'medium', 'high', 'xhigh', 'max'] },
    // 'fork' is the one value documented; another is more likely newer than this list than wrong (a hint).
    { key: 'context', values: ['fork'], open: true },
    { key: 'agent' },
    { key: 'hooks', type: 'any' },
    { key: 'paths', type: 'list' },
    { key: 'shell', values: ['bash', 'powershell'] },
  ],
};

/** A format of one's own starts from nothing: role files anywhere in the role folders, nothing declared. */
export const BLANK_FORMAT: RoleFormat = {
  name: 'custom',
  folders: [],
  extension: '.md',
  anyMarkdown: false,
  documents: 'upper-case',
  identity: { matchFile: false },
  declarations: [],
  unknownKeys: 'near-miss',
  title: 'optional',
  sections: { required: [], recommended: [] },
  references: { sections: [], labels: [], keys: [], forms: [], toolRules: [], builtins: [] },
  tools: { keys: [], known: [], patterns: [] },
  severity: {},
};

export const BUILTIN_FORMATS: Readonly<Record<BuiltinFormatName, RoleFormat>> = {
  fleet: FLEET,
  'claude-code': CLAUDE_CODE,
  'copilot-agents': COPILOT_AGENTS,
  'agent-skills': AGENT_SKILLS,
  'claude-skills': CLAUDE_SKILLS,
};
