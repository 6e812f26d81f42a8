import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatches } from '../core';
import { COMMANDS, type CommandName } from './commands';
import { UsageError } from './usageError';

/**
 * A command's arguments, parsed strictly. Node's own messages for a bad
 * option (an unbalanced quote, advice about `--`) become one plain line
 * that names the command and, for a misspelt option, the one meant.
 */
export function parseCommandLine(command: CommandName, args: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const { positionals } = COMMANDS[command];
  const options: ParseArgsConfig['options'] = COMMANDS[command].options;
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const option = /'(-[^',\s]+)(?:, (--[^'\s]+))?/.exec(message);
    const named = option?.[2] ?? option?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const long = Object.keys(options ?? {}).map(name => `--${name}`);
      const [near] = closestMatches(named.replace(/=.*$/, ''), long, 1);
      throw new UsageError(
        `${command}: unknown option '${named}'${near ? `: did you mean '${near}'?` : ` ('fleet-roles ${command} --help' lists its options)`}`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(/argument missing/.test(message) ? `${command}: option '${named}' needs a value` : `${command}: option '${named}' takes no value`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`${command}: unexpected argument ${/'[^']*'/.exec(message)?.[0] ?? ''}: it takes options only ('fleet-roles ${command} --help')`);
    }
    throw error;
  }
}
