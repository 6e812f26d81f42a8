import { parseArgs } from 'node:util';
import { runInit, runNew } from './authoring';
import { OUTPUT_FORMATS, runCheck, type OutputFormat } from './check';
import { runGraph } from './graph';
import { readVersion } from '../node/version';
import { NO_LIBRARY_EXIT_CODE, NoLibraryError, UsageError } from './usageError';

const VERSION = readVersion();

const USAGE = `Usage:
  fleet-roles check [PATH...] [--format text|json|sarif|github] [--config FILE]
      Check the role libraries under the paths (default: .).
      Exit 0: no error. 1: an error-severity diagnostic. 2: a usage error or an unreadable path.
  fleet-roles graph [PATH...] [--format dot|json|mermaid] [--config FILE]
      Write the libraries' roles and the boundaries between them as a graph.
  fleet-roles new NAME [PATH] [--config FILE]
      Write a role in the format of the library under PATH (default: .), listed in its index.
  fleet-roles init [PATH] [--format fleet|claude-code|copilot-agents] [--name NAME]
      Start a library: fleet-roles.json, an index and a first role.
  fleet-roles server [--stdio | --node-ipc | --socket=PORT]
      Run the language server.
  fleet-roles --help | --version
`;

export async function main(argv: string[]): Promise<number> {
  const out = (text: string) => process.stdout.write(text);
  const err = (text: string) => process.stderr.write(text);
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? err : out)(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      out(`${VERSION}\n`);
      return 0;
    }
    if (command === 'server') {
      // Loaded only here: `check` need not pay for the LSP libraries.
      const { startServer } = await import('../lsp/startServer');
      startServer(VERSION);
      return -1;
    }
    if (command === 'new' || command === 'init') {
      const { values, positionals } = parseArgs({
        args: rest, allowPositionals: true,
        options: { format: { type: 'string', short: 'f', default: 'fleet' }, name: { type: 'string' }, config: { type: 'string', short: 'c' } },
      });
      const options = { cwd: process.cwd(), config: values.config, out, err };
      if (command === 'new') {
        if (positionals.length > 2) throw new UsageError('new takes a NAME and at most one PATH');
        return await runNew(positionals[0], positionals[1], options);
      }
      if (positionals.length > 1) throw new UsageError('init takes at most one PATH');
      return await runInit(positionals[0], values.format as string, values.name, options);
    }
    if (command !== 'check' && command !== 'graph') throw new UsageError(`unknown command '${command}'`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f', default: command === 'check' ? 'text' : 'dot' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      out(USAGE);
      return 0;
    }
    const format = values.format as string;
    if (command === 'graph') {
      if (format !== 'dot' && format !== 'json' && format !== 'mermaid') throw new UsageError(`unknown graph format '${format}': use dot, json or mermaid`);
      return await runGraph({ paths: positionals, format, config: values.config, cwd: process.cwd(), out, err });
    }
    if (!OUTPUT_FORMATS.includes(format as OutputFormat)) throw new UsageError(`unknown format '${format}': use ${OUTPUT_FORMATS.join(', ')}`);
    return await runCheck({ paths: positionals, format: format as OutputFormat, config: values.config, cwd: process.cwd(), version: VERSION, out, err });
  } catch (error) {
    if (error instanceof NoLibraryError) {
      err(`fleet-roles: ${error.message}\n`);
      return NO_LIBRARY_EXIT_CODE;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`fleet-roles: ${(error as Error).message}\n`);
      if (!(error instanceof UsageError)) err(USAGE);
      return 2;
    }
    err(`fleet-roles: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
