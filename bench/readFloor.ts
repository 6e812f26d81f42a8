/**
 * The read floor: a node process that lists the library's folders and reads
 * every Markdown file's text, and does nothing else. It is the same kind of
 * process as `fleet-roles check` (node, spawned, start to exit) over the same
 * files, so every load figure can be read as a multiple of it: what no
 * parser, index or protocol could go below on this machine.
 *
 *   node out/bench/readFloor.js DIR    prints {"files":…,"chars":…,"readMs":…}
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { GeneratedLibrary } from './generate';
import { now } from './clock';

export interface ReadFloor {
  /** Spawn → exit (ms): the figure the others are divided by. */
  ms: number;
  /** Inside the process, the listing and the reads alone (ms): the floor without node's start. */
  readMs: number;
  files: number;
}

/** Every `.md` file under `dir`, read as text; returns how many and their length. */
function readAll(dir: string): { files: number; chars: number } {
  let files = 0;
  let chars = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = nodePath.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = readAll(path);
      files += inner.files;
      chars += inner.chars;
    } else if (entry.name.endsWith('.md')) {
      files++;
      chars += readFileSync(path, 'utf8').length;
    }
  }
  return { files, chars };
}

/** Runs the floor's process on the library in `root` and checks that it read every file. */
export function readFloor(root: string, library: GeneratedLibrary): Promise<ReadFloor> {
  return new Promise((resolve, reject) => {
    const started = now();
    const child = spawn(process.execPath, [__filename, root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', c => (out += String(c)));
    child.stderr.on('data', c => (err += String(c)));
    child.on('error', reject);
    child.on('close', code => {
      const ms = now() - started;
      try {
        const result = JSON.parse(out) as { files: number; readMs: number };
        if (result.files !== library.markdownFiles) throw new Error(`read ${result.files} files, expected ${library.markdownFiles}`);
        resolve({ ms, readMs: result.readMs, files: result.files });
      } catch (error) {
        reject(new Error(`the read floor failed (exit ${code}): ${(error as Error).message}\n${err.slice(0, 2000)}`));
      }
    });
  });
}

if (require.main === module) {
  const started = now();
  const { files, chars } = readAll(process.argv[2]);
  process.stdout.write(JSON.stringify({ files, chars, readMs: now() - started }));
}
