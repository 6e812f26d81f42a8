import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { REPO_ROOT } from './tempLibrary';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `fleet-roles` binary, as a user would from a shell. */
export function runCli(args: string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [nodePath.join(REPO_ROOT, 'bin', 'fleet-roles.js'), ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes files (relative path → text) into a new temporary folder. */
export function makeTree(files: Record<string, string>): { dir: string; dispose(): void } {
  const dir = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const path = nodePath.join(dir, rel);
    mkdirSync(nodePath.dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
