import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  /** What `fleet-roles COMMAND --help` prints. */
  usage: string;
  options: Options;
  positionals: boolean;
}

const help = { help: { type: 'boolean', short: 'h' } } as const;
const config = { config: { type: 'string', short: 'c' } } as const;

/** Each command: its own usage, and the options it takes (every one takes --help). */
export const COMMANDS = {
  check: {
    usage: `Usage: fleet-roles check [PATH...] [--format text|json|sarif|github] [--config FILE]
  Check the role libraries under the paths (default: .) and report the role files under them.
  -f, --format   text (default), json, sarif or github (workflow commands)
  -c, --config   the fleet-roles.json to use, instead of those found
Exit 0: no error. 1: an error-severity diagnostic. 2: a usage error, an unreadable path
or an invalid configuration. 3: no role library under the paths.
`,
    options: { ...help, ...config, format: { type: 'string', short: 'f' } },
    positionals: true,
  },
  graph: {
    usage: `Usage: fleet-roles graph [PATH...] [--format dot|json|mermaid] [--config FILE]
  Write the libraries' roles and the boundaries between them as a graph.
  -f, --format   dot (default), json or mermaid
  -c, --config   the fleet-roles.json to use, instead of those found
`,
    options: { ...help, ...config, format: { type: 'string', short: 'f' } },
    positionals: true,
  },
  new: {
    usage: `Usage: fleet-roles new NAME [PATH] [--config FILE]
  Write a role named NAME in the format of the library under PATH (default: .).
  It goes in the library's first role folder, listed in its index; no file is overwritten.
  -c, --config   the fleet-roles.json to use, instead of those found
`,
    options: { ...help, ...config },
    positionals: true,
  },
  init: {
    usage: `Usage: fleet-roles init [PATH] [--format fleet|claude-code|copilot-agents|agent-skills|claude-skills] [--name NAME]
  Start a library at PATH (default: .): fleet-roles.json, an index and a first role (a skill: its folder, no index).
  -f, --format   fleet (default), claude-code, copilot-agents, agent-skills or claude-skills
  --name         the first role's name (default: first-role, first-agent, or first-skill)
`,
    options: { ...help, format: { type: 'string', short: 'f' }, name: { type: 'string' } },
    positionals: true,
  },
  server: {
    usage: `Usage: fleet-roles server --stdio | --node-ipc | --socket=PORT | --pipe=NAME
  Run the language server, speaking LSP over the transport given (editors: --stdio).
`,
    options: {
      ...help,
      stdio: { type: 'boolean' },
      'node-ipc': { type: 'boolean' },
      socket: { type: 'string' },
      pipe: { type: 'string' },
      // Given by some clients with the transport: the server exits when that process does.
      clientProcessId: { type: 'string' },
    },
    positionals: false,
  },
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** `fleet-roles --help`: every command's synopsis and first line. */
export const USAGE = `Usage:\n${COMMAND_NAMES.map(name => {
  const [synopsis, about] = COMMANDS[name].usage.split('\n');
  return `  ${synopsis.replace(/^Usage: /, '')}\n    ${about.trim()}\n`;
}).join('')}  fleet-roles COMMAND --help
  fleet-roles --help | --version
`;
