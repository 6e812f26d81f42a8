/**
 * A build of fleet-roles to measure: a checkout where `npm run build` ran.
 * The harness measures this checkout's build, or another's (`--against`) with
 * the same harness, so that two builds differ only in what they ship.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/nodeFlags';

/** This checkout: the harness's own repository. */
export const REPO = nodePath.join(__dirname, '..', '..');

export interface Build {
  /** How the tables name it: `this checkout`, or the folder given. */
  label: string;
  root: string;
  /** node's arguments to start the server over stdio, as the extension of that build starts it. */
  serverArgs: string[];
  cli: string;
  /** The first 12 hex digits of the sha256 of its dist/server.js: which build was measured. */
  serverHash: string;
}

/**
 * The node flags a build's extension starts its server with: that build's
 * own (its compiled nodeFlags.js), so that a build which changes them is
 * measured as it ships. A build from before the flags existed gets this one's.
 */
function serverFlagsOf(root: string): readonly string[] {
  const compiled = nodePath.join(root, 'out', 'server', 'src', 'lsp', 'nodeFlags.js');
  if (nodePath.resolve(root) === nodePath.resolve(REPO) || !existsSync(compiled)) return SERVER_NODE_FLAGS;
  return (require(compiled) as { SERVER_NODE_FLAGS: readonly string[] }).SERVER_NODE_FLAGS;
}

/**
 * The build in `root`. BENCH_SERVER=out runs its unbundled server (readable
 * names in a profile); BENCH_NODE_FLAGS adds node flags after the server's
 * own, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export function buildAt(root: string, label: string): Build {
  const bundle = nodePath.join(root, 'dist', 'server.js');
  const cli = nodePath.join(root, 'bin', 'fleet-roles.js');
  const cliBundle = nodePath.join(root, 'dist', 'cli.js');
  for (const needed of [bundle, cliBundle, cli]) if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npm ci && npm run build\` in ${root}`);
  // bin/fleet-roles.js runs whichever of the bundle and the compiled tree was built last: after a bare `tsc`
  // that is the unbundled tree, which loads differently, and a paired run would compare unlike processes.
  const tree = nodePath.join(root, 'out', 'server', 'src', 'cli', 'entry.js');
  if (existsSync(tree) && statSync(tree).mtimeMs > statSync(cliBundle).mtimeMs)
    throw new Error(`${root}: out/ is newer than dist/cli.js, so the CLI would run unbundled: run \`npm run build\` there`);
  return {
    label,
    root,
    serverArgs: [
      ...serverFlagsOf(root),
      ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
      process.env.BENCH_SERVER === 'out' ? nodePath.join(root, 'out', 'server', 'src', 'lsp', 'main.js') : bundle,
      '--stdio',
    ],
    cli,
    serverHash: createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 12),
  };
}
