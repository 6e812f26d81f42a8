import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';

/** The project's version, from the nearest package.json above this file, compiled or bundled. */
export function readVersion(): string {
  for (let dir = __dirname; ; dir = nodePath.dirname(dir)) {
    const candidate = nodePath.join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'fleet-roles') return pkg.version ?? '0.0.0';
    }
    if (nodePath.dirname(dir) === dir) return '0.0.0';
  }
}
