import { agentToolFormat } from './agentToolFormat';
import type { RoleFormat } from './roleFormat';

/**
 * Cursor subagents (`.cursor/agents/*.md`), as Cursor's documentation
 * describes them: `name` (the file's name when absent), `description`,
 * `model` (`inherit`, `fast` or a model's id), `readonly`, `is_background`
 * (docs/formats.md: Facts and their sources).
 */
export const CURSOR_AGENTS: RoleFormat = agentToolFormat({
  name: 'cursor-agents',
  folders: ['.cursor/agents'],
  identity: { key: 'name', matchFile: false, nameFrom: 'key' },
  declarations: [
    { key: 'name' },
    { key: 'description' },
    // `inherit`, `fast`, or the id of any model Cursor offers, a list that changes with every release: not checked.
    { key: 'model' },
    { key: 'readonly', type: 'boolean' },
    { key: 'is_background', type: 'boolean' },
  ],
  unknownKeys: 'near-miss',
  builtins: ['explore', 'bash', 'browser'],
});
