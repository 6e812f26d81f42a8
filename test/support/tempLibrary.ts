import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';

export const REPO_ROOT = nodePath.join(__dirname, '..', '..', '..');

/** A fresh copy of the sample library in a temporary workspace; `dispose` deletes it. */
export function copySampleLibrary(): { workspace: string; roles: string; dispose(): void } {
  const workspace = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-test-'));
  const roles = nodePath.join(workspace, 'roles');
  cpSync(nodePath.join(REPO_ROOT, 'roles'), roles, { recursive: true });
  return { workspace, roles, dispose: () => rmSync(workspace, { recursive: true, force: true }) };
}
