import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import { BUILTIN_FORMAT_NAMES, isRefusal, isWithin, newLibraryFiles, relativePath, type BuiltinFormatName } from '../core';
import { toCorePath } from '../node/nodeFileSystem';
import { packageRoot } from '../node/version';
import { loadLibraries } from './check';
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
  const plan = service.planNewRole(name, near);
  if (isRefusal(plan)) throw new UsageError(plan.error);
  await fsp.mkdir(nodePath.dirname(plan.path), { recursive: true });
  await fsp.writeFile(plan.path, plan.text, { flag: 'wx' });
  options.out(`created ${relativePath(cwd, plan.path)}\n`);
  if (plan.index) {
    const text = await fsp.readFile(plan.index.path, 'utf8');
    const lines = text.split(/(?<=\r\n|\n|\r)/);
    const { line, character } = plan.index.edit.range.start;
    const offset = lines.slice(0, line).join('').length + character;
    await fsp.writeFile(plan.index.path, text.slice(0, offset) + plan.index.edit.newText + text.slice(offset));
    options.out(`listed it in ${relativePath(cwd, plan.index.path)}\n`);
  }
  return 0;
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
  const name = firstRole ?? (format === 'fleet' ? 'first-role' : 'first-agent');
  const files = newLibraryFiles(format as BuiltinFormatName, schemaFor(root), name);
  for (const file of files) {
    const exists = await fsp.stat(nodePath.join(root, file.path)).then(() => true, () => false);
    if (exists) throw new UsageError(`'${nodePath.join(where ?? '.', file.path)}' exists already: init starts a library where there is none`);
  }
  for (const file of files) {
    const path = nodePath.join(root, file.path);
    await fsp.mkdir(nodePath.dirname(path), { recursive: true });
    await fsp.writeFile(path, file.text, { flag: 'wx' });
    options.out(`created ${nodePath.relative(options.cwd, path).split(nodePath.sep).join('/')}\n`);
  }
  return 0;
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
