/**
 * Frontmatter keys that other agent tools read, by tool: a file shared
 * between tools holds them on purpose, so a format that does not declare one
 * names its tool instead of a did-you-mean (OpenCode's `mode: primary` is not
 * a misspelt `model`, and "fixing" it would write an invalid model).
 */
const KEYS_BY_TOOL: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['OpenCode', ['mode', 'temperature', 'top_p', 'steps', 'maxSteps', 'hidden', 'disable', 'disabled', 'permission', 'permissions', 'prompt', 'system']],
  [
    'Claude Code',
    ['permissionMode', 'maxTurns', 'disallowedTools', 'mcpServers', 'skills', 'memory', 'background', 'effort', 'isolation', 'initialPrompt', 'color'],
  ],
  [
    'GitHub Copilot',
    ['argument-hint', 'handoffs', 'agents', 'user-invocable', 'user-invokable', 'disable-model-invocation', 'target', 'mcp-servers', 'metadata', 'infer'],
  ],
];

const TOOL_OF_KEY: ReadonlyMap<string, string> = new Map(KEYS_BY_TOOL.flatMap(([tool, keys]) => keys.map(key => [key, tool] as const)));

/** The other tool whose agent files use this key, if any. */
export function otherToolOfKey(key: string): string | undefined {
  return TOOL_OF_KEY.get(key);
}
