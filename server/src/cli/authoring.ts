import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { TextEdit } from 'vscode-languageserver-types';
import * as nodePath from 'node:path';
import {
  BUILTIN_FORMAT_NAMES,
  describeReadFailure,
  isRefusal,
  isWithin,
  MAX_ROLE_FILE_BYTES,
  newLibraryFiles,
  relativePath,
  type BuiltinFormatName,
} from '../core';
import { toCorePath } from '../node/nodeFileSystem';
import { packageRoot } from '../node/version';
import { loadLibraries } from './check';
import { byteOffsetOf } from './insertAt';
import { UsageError } from './usageError';

export interface AuthoringOptions {
  cwd: string;
  config?: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * `fleet-roles new NAME [PATH]`: a role in the format of the library under
 * PATH (a folder or a file of it; default the working folder), written where
 * the library's roles are and listed in its index. A file that exists is
 * never overwritten.
 */
export async function runNew(name: string | undefined, where: string | undefined, options: AuthoringOptions): Promise<number> {
  if (!name) throw new UsageError('new needs the name of the role, such as: fleet-roles new code-reviewer');
  const { service, cwd } = await loadLibraries({ paths: [where ?? '.'], config: options.config, cwd: options.cwd, err: options.err });
  const near = where === undefined ? undefined : toCorePath(nodePath.resolve(options.cwd, where));
  const plan = await service.planNewRole(name, near);
  if (isRefusal(plan)) throw new UsageError(plan.error);
  const shown = (path: string) => relativePath(cwd, path);
  // The index is opened for writing first: a role is created only where it can be listed too.
  const index = plan.index && {
    ...plan.index,
    handle: await fsp.open(plan.index.path, 'r+').catch(cannotWrite(shown(plan.index.path), 'nothing was written')),
  };
  try {
    const folder = await writeNewFile(plan.path, plan.text).catch(cannotWrite(shown(plan.path), 'nothing was written'));
    if (index) {
      await listIn(index.handle, index.edit).catch(async (error: unknown) => {
        // Undone, so that the library is as it was; said exactly when it cannot be.
        const left = await undo([{ path: plan.path, folder }]);
        cannotWrite(shown(index.path), left.length === 0 ? 'nothing was written' : `${shown(plan.path)} was created, and is not listed in the index`)(error);
      });
    }
  } finally {
    await index?.handle.close();
  }
  options.out(`created ${shown(plan.path)}\n`);
  if (index) options.out(`listed it in ${shown(index.path)}\n`);
  return 0;
}

/** The index with the new role's entry inserted, its other bytes as they were (Latin-1, a BOM): only the entry is written, and what followed it. */
async function listIn(handle: FileHandle, edit: TextEdit): Promise<void> {
  const bytes = await handle.readFile();
  const offset = byteOffsetOf(bytes, edit.range.start);
  if (offset === undefined) throw new Error('the line where the entry goes is not UTF-8');
  const tail = Buffer.concat([Buffer.from(edit.newText, 'utf8'), bytes.subarray(offset)]);
  await handle.write(tail, 0, tail.length, offset);
}

/**
 * A file that did not exist, with its folder: never one that exists, nor the
 * target of a dangling link. Returns the first folder it made, if any.
 */
async function writeNewFile(path: string, text: string): Promise<string | undefined> {
  const made = await fsp.mkdir(nodePath.dirname(path), { recursive: true });
  try {
    await fsp.writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    if (made) await fsp.rm(made, { recursive: true }).catch(() => undefined);
    throw error;
  }
  return made;
}

/** A failed write as the one line a user can act on ("permission denied"), and what became of the command's other writes. */
function cannotWrite(shown: string, outcome: string): (error: unknown) => never {
  return error => {
    throw new UsageError(`cannot write '${shown}' (${describeReadFailure(error, MAX_ROLE_FILE_BYTES)}): ${outcome}`);
  };
}

/**
 * `fleet-roles init [PATH] [--format F] [--name NAME]`: a new library at
 * PATH (default the working folder): fleet-roles.json (with `$schema`
 * when the package is installed in the project), an
 * index and a first role, each checking clean. Refused where a
 * configuration or any of the files already exists.
 */
export async function runInit(where: string | undefined, format: string, firstRole: string | undefined, options: AuthoringOptions): Promise<number> {
  if (!(BUILTIN_FORMAT_NAMES as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}': use ${BUILTIN_FORMAT_NAMES.join(', ')}`);
  const root = nodePath.resolve(options.cwd, where ?? '.');
  const name = firstRole ?? (format === 'fleet' ? 'first-role' : format.endsWith('skills') ? 'first-skill' : 'first-agent');
  const files = newLibraryFiles(format as BuiltinFormatName, schemaFor(root), name);
  if (isRefusal(files)) throw new UsageError(files.error);
  for (const file of files) {
    const exists = await fsp.stat(nodePath.join(root, file.path)).then(
      () => true,
      () => false,
    );
    if (exists) throw new UsageError(`'${nodePath.join(where ?? '.', file.path)}' exists already: init starts a library where there is none`);
  }
  // Written in order; on a failure, what was written is removed again, so that no half library is left.
  const written: Array<{ path: string; folder?: string }> = [];
  const shown = (path: string) => nodePath.relative(options.cwd, path).split(nodePath.sep).join('/');
  for (const file of files) {
    const path = nodePath.join(root, file.path);
    await writeNewFile(path, file.text).then(
      folder => written.push({ path, folder }),
      async (error: unknown) => {
        const left = await undo(written);
        cannotWrite(
          shown(path),
          left.length === 0 ? 'nothing was written' : `${left.map(shown).join(', ')} ${left.length === 1 ? 'was' : 'were'} written and could not be removed`,
        )(error);
      },
    );
  }
  for (const { path } of written) options.out(`created ${shown(path)}\n`);
  return 0;
}

/** Removes the files written and the folders made for them, last first; returns what could not be removed. */
async function undo(written: ReadonlyArray<{ path: string; folder?: string }>): Promise<string[]> {
  const left: string[] = [];
  for (const { path, folder } of [...written].reverse()) {
    if (
      !(await fsp.rm(path).then(
        () => true,
        () => false,
      ))
    )
      left.push(path);
    else if (folder) await fsp.rm(folder, { recursive: true }).catch(() => undefined);
  }
  return left;
}

/**
 * `$schema` for a new configuration: the schema of the package installed in
 * the project (in a node_modules above the library), a path that holds for
 * everyone who clones the project. Run from a clone, through `npm link` or
 * from a global install, the schema's path is this machine's alone: none.
 */
function schemaFor(root: string): string | undefined {
  const schemaFile = nodePath.join(packageRoot() ?? nodePath.join(__dirname, '..'), 'schemas', 'fleet-roles.schema.json');
  const at = schemaFile.lastIndexOf(`${nodePath.sep}node_modules${nodePath.sep}`);
  if (at < 0 || !isWithin(toCorePath(root), toCorePath(schemaFile.slice(0, at)))) return undefined;
  return relativePath(toCorePath(root), toCorePath(schemaFile));
}
