import { readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';

/** The sample library's files, read from the repository's roles/ folder. */
export function sampleLibrary(prefix = '/ws/roles'): Record<string, string> {
  const dir = nodePath.join(__dirname, '..', '..', '..', 'roles');
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    files[`${prefix}/${name}`] = readFileSync(nodePath.join(dir, name), 'utf8');
  }
  return files;
}

export const SEED_PATH = '/ws/roles/operations-manager.md';
