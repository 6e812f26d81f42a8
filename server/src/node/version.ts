import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';

/** The project's version, from the nearest package.json above this file, compiled or bundled. */
export function readVersion(): string {
  const root = packageRoot();
  if (root === undefined) return '0.0.0';
  return (JSON.parse(readFileSync(nodePath.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
}

/** The folder of the project's package.json above this file, compiled or bundled: where its schemas are. */
export function packageRoot(): string | undefined {
  for (let dir = __dirname; ; dir = nodePath.dirname(dir)) {
    const candidate = nodePath.join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'fleet-roles') return dir;
    if (nodePath.dirname(dir) === dir) return undefined;
  }
}
