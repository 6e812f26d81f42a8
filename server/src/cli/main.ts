import { runInit, runNew } from './authoring';
import { OUTPUT_FORMATS, runCheck, type OutputFormat } from './check';
import { COMMAND_NAMES, COMMANDS, USAGE, type CommandName } from './commands';
import { parseCommandLine } from './parseCommandLine';
import { progressLine } from './progressLine';
import { runGraph } from './graph';
import { readVersion } from '../node/version';
import { closestMatches } from '../core';
import { NO_LIBRARY_EXIT_CODE, NoLibraryError, UsageError } from './usageError';

const VERSION = readVersion();

export async function main(argv: string[]): Promise<number> {
  const out = (text: string) => process.stdout.write(text);
  const err = (text: string) => process.stderr.write(text);
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      const about = rest[0];
      if (about === undefined) out(USAGE);
      else if (isCommand(about)) out(COMMANDS[about].usage);
      else throw unknownCommand(about);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      out(`${VERSION}\n`);
      return 0;
    }
    if (command === undefined) throw new UsageError(`no command: use ${COMMAND_NAMES.join(', ')} ('fleet-roles --help' says what each does)`);
    if (!isCommand(command)) throw unknownCommand(command);
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help) {
      out(COMMANDS[command].usage);
      return 0;
    }
    const cwd = process.cwd();
    const format = values.format as string | undefined;
    const config = values.config as string | undefined;
    switch (command) {
      case 'server': {
        if (!values.stdio && !values['node-ipc'] && values.socket === undefined && values.pipe === undefined) {
          throw new UsageError('server needs a transport: pass --stdio (or --node-ipc, --socket=PORT, --pipe=NAME)');
        }
        // Loaded only here: `check` need not pay for the LSP libraries. The connection reads its transport from argv.
        const { startServer } = await import('../lsp/startServer');
        startServer(VERSION);
        return -1;
      }
      case 'new':
        if (positionals.length > 2) throw new UsageError('new takes a NAME and at most one PATH');
        return await runNew(positionals[0], positionals[1], { cwd, config, out, err });
      case 'init':
        if (positionals.length > 1) throw new UsageError('init takes at most one PATH');
        return await runInit(positionals[0], format ?? 'fleet', values.name as string | undefined, { cwd, out, err });
      case 'graph':
        if (format !== undefined && format !== 'dot' && format !== 'json' && format !== 'mermaid')
          throw new UsageError(`unknown graph format '${format}': use dot, json or mermaid`);
        return await runGraph({ paths: positionals, format: format ?? 'dot', config, cwd, out, err, progress: progressLine(process.stderr) });
      case 'check':
        if (format !== undefined && !OUTPUT_FORMATS.includes(format as OutputFormat))
          throw new UsageError(`unknown format '${format}': use ${OUTPUT_FORMATS.join(', ')}`);
        return await runCheck({
          paths: positionals,
          format: (format ?? 'text') as OutputFormat,
          config,
          cwd,
          version: VERSION,
          out,
          err,
          progress: progressLine(process.stderr),
        });
    }
  } catch (error) {
    if (error instanceof NoLibraryError) {
      err(`fleet-roles: ${error.message}\n`);
      return NO_LIBRARY_EXIT_CODE;
    }
    if (error instanceof UsageError) {
      err(`fleet-roles: ${error.message}\n`);
      return 2;
    }
    err(`fleet-roles: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function isCommand(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

function unknownCommand(name: string): UsageError {
  const [near] = closestMatches(name, COMMAND_NAMES, 1);
  return new UsageError(`unknown command '${name}': ${near ? `did you mean '${near}'?` : `use ${COMMAND_NAMES.join(', ')}`}`);
}
