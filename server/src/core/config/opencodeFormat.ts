import { agentToolFormat } from './agentToolFormat';
import type { RoleFormat } from './roleFormat';

/**
 * OpenCode agents (`.opencode/agents/`, and `.opencode/agent/` of its first
 * releases), as OpenCode 2's documentation describes them: an agent is named
 * by its path below the folder (`team/reviewer.md` is `team/reviewer`), not by
 * a key. OpenCode 2 still reads OpenCode 1's keys but tells new agents not to
 * use them: those are `deprecated-key`, with what replaces each
 * (docs/formats.md: Facts and their sources).
 */
export const OPENCODE: RoleFormat = agentToolFormat({
  name: 'opencode',
  folders: ['.opencode/agents', '.opencode/agent'],
  identity: { matchFile: false, nameFrom: 'path' },
  declarations: [
    // Optional: OpenCode 1 required it; OpenCode 2 asks for it on subagents only, as the model reads it to choose one.
    { key: 'description' },
    { key: 'mode', values: ['primary', 'subagent', 'all'] },
    {
      key: 'model',
      pattern: '^[^/\\s]+/\\S+$',
      patternHint: "written `provider/model`, such as 'anthropic/claude-sonnet-4-5' (a '#variant' may follow)",
    },
    // OpenCode 2's ordered rules; OpenCode 1 reads its map of rules under `permission`, so a map here is read by neither.
    {
      key: 'permissions',
      type: 'sequence',
      patternHint: "a YAML list of rules, each an action, a resource and an effect (a map of rules goes under OpenCode 1's `permission`)",
    },
    { key: 'steps', type: 'number' },
    { key: 'hidden', type: 'boolean' },
    { key: 'disabled', type: 'boolean' },
    { key: 'color' },
    { key: 'request', type: 'any' },
    { key: 'permission', type: 'any', deprecated: 'OpenCode 2 reads `permissions`, an ordered list of rules (action, resource, effect)' },
    { key: 'tools', type: 'any', deprecated: 'OpenCode 2 allows and denies tools with `permissions` rules' },
    { key: 'disable', type: 'any', deprecated: 'use `disabled`' },
    { key: 'maxSteps', type: 'any', deprecated: 'use `steps`' },
    { key: 'temperature', type: 'any', deprecated: "OpenCode 2 sets it on the provider, the model or the model's variant" },
    { key: 'top_p', type: 'any', deprecated: "OpenCode 2 sets it on the provider, the model or the model's variant" },
    { key: 'prompt', type: 'any', deprecated: "a Markdown agent's prompt is its body" },
  ],
  // OpenCode 1 passes keys it does not know to the model's provider as options: only a near miss of a known key is a typo.
  unknownKeys: 'near-miss',
  // The visible built-in agents, and the hidden ones that do upkeep.
  builtins: ['build', 'plan', 'general', 'explore', 'compaction', 'title', 'summary'],
});
