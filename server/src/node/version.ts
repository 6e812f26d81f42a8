import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';

/** The project's version, from the nearest package.json above this file, compiled or bundled. */
export function readVersion(): string {
  return ownPackage()?.manifest.version ?? '0.0.0';
}

/** The folder of the project's package.json above this file, compiled or bundled: where its schemas are. */
export function packageRoot(): string | undefined {
  return ownPackage()?.dir;
}

/** The nearest package.json above this file that is fleet-roles', read once per question, not once to find and again to use. */
function ownPackage(): { dir: string; manifest: { name?: string; version?: string } } | undefined {
  for (let dir = __dirname; ; dir = nodePath.dirname(dir)) {
    const candidate = nodePath.join(dir, 'package.json');
    if (existsSync(candidate)) {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'fleet-roles') return { dir, manifest };
    }
    if (nodePath.dirname(dir) === dir) return undefined;
  }
}
