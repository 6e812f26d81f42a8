import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { REPO_ROOT } from './tempLibrary';

/**
 * The shared recipe that runs a real VS Code (code-server) here: beside the
 * repository in CI, or where FLEET_ROLES_E2E_HARNESS points.
 */
export function harnessDir(): string {
  const dir = process.env.FLEET_ROLES_E2E_HARNESS ?? nodePath.join(REPO_ROOT, '..', 'shared', 'vscode-e2e');
  if (!existsSync(nodePath.join(dir, 'ui.js'))) {
    throw new Error(`the VS Code e2e harness is not at ${dir}: set FLEET_ROLES_E2E_HARNESS to the folder holding ui.js and run-exthost-tests.js`);
  }
  return dir;
}
