/** The formats the project knows by name. */
export const BUILTIN_FORMAT_NAMES = [
  'fleet',
  'claude-code',
  'copilot-agents',
  'opencode',
  'gemini-cli',
  'cursor-agents',
  'agent-skills',
  'claude-skills',
] as const;
export type BuiltinFormatName = (typeof BUILTIN_FORMAT_NAMES)[number];
