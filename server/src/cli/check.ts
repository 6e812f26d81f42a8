import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import {
  createLanguageService,
  describeReadFailure,
  DETECTED_FOLDERS,
  detectFormat,
  isWithin,
  MAX_ROLE_FILE_BYTES,
  problemLocation,
  relativePath,
  type ConfigProblem,
  type RoleLanguageService,
  type WorkspaceStatus,
} from '../core';
import { nodeFileSystem, toCorePath } from '../node/nodeFileSystem';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import type { ProgressLine } from './progressLine';
import { summarize, type CheckReport, type FileReport } from './report';
import { NoLibraryError, UsageError } from './usageError';

const FORMATTERS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
} satisfies Record<string, (report: CheckReport, version: string) => string>;

export type OutputFormat = keyof typeof FORMATTERS;
export const OUTPUT_FORMATS = Object.keys(FORMATTERS) as OutputFormat[];

export interface CheckOptions {
  paths: string[];
  format: OutputFormat;
  config?: string;
  cwd: string;
  version: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Shows how far the load and the checks got, on a terminal; erased before anything else is printed. */
  progress?: ProgressLine;
}

/**
 * Checks the libraries under the paths and prints the report.
 * Returns the exit code: 0 clean, 1 an error-severity diagnostic, 2 unusable input.
 */
export async function runCheck(options: CheckOptions): Promise<number> {
  const { service, cwd, targets } = await loadLibraries(options);
  const status = service.status();
  const checked = service.checkedFiles().filter(({ path }) => targets.some(t => isWithin(path, t)));
  if (checked.length === 0) throw nothingToCheck(options.paths, status, cwd, targets);
  const files = reportFiles(service, checked, cwd, options.progress);
  const libraries = new Set(checked.map(f => f.library));
  const roles = status.libraries.filter(l => libraries.has(l.id)).reduce((sum, l) => sum + l.roles, 0);
  const report = summarize(files, roles);

  options.out(FORMATTERS[options.format](report, options.version));
  return report.summary.errors > 0 ? 1 : 0;
}

/** Each file's diagnostics, as the report names it; the progress line says how far the checks got. */
function reportFiles(service: RoleLanguageService, checked: Array<{ path: string }>, cwd: string, progress: ProgressLine | undefined): FileReport[] {
  try {
    return checked.map(({ path }, i) => {
      progress?.checked(i, checked.length);
      return { path: relativePath(cwd, path), diagnostics: service.getDiagnostics(path)?.diagnostics ?? [] };
    });
  } finally {
    progress?.done();
  }
}

/**
 * Why nothing under the paths is a role file: a folder that could not be
 * read (a usage error: the command cannot say anything true), no library at
 * all (exit 3), or libraries that hold none of the paths (a usage error).
 */
export function nothingToCheck(paths: string[], status: WorkspaceStatus, cwd: string, targets: string[]): Error {
  const named = paths.length > 0 ? paths.join(', ') : '.';
  const unread = [...status.unreadableFolders].filter(([folder]) => targets.some(t => isWithin(folder, t)));
  if (unread.length > 0)
    return new UsageError(
      `no role files under ${named}: cannot read ${unread.map(([folder, reason]) => `'${relativePath(cwd, folder)}' (${reason})`).join(', ')}`,
    );
  if (status.libraries.length === 0) return new NoLibraryError(`no role library found under ${named}: ${LIBRARY_EVIDENCE}`);
  return new UsageError(`no role files under ${named}: the paths hold no role file of the libraries found`);
}

/** What makes a library, in one line: the tools' folders as the built-in formats list them. */
const LIBRARY_EVIDENCE = `a library is a fleet-roles.json, a folder named 'roles' holding a LIBRARY.md or a role file that declares class, domain or persistent_persona, or one of the folders the agent tools read (${DETECTED_FOLDERS.join(', ')})`;

/**
 * Loads the libraries under the command's paths. Unreadable paths and broken
 * configurations are usage errors: the command cannot say anything true.
 */
export async function loadLibraries(
  options: Pick<CheckOptions, 'paths' | 'config' | 'cwd' | 'err' | 'progress'>,
): Promise<{ service: RoleLanguageService; cwd: string; targets: string[] }> {
  const cwd = toCorePath(options.cwd);
  const targets: Array<{ path: string; isDirectory: boolean }> = [];
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  for (const p of paths) {
    // An unset shell variable ("$ROLES") must not turn into a check of the whole working folder.
    if (p === '') throw new UsageError("an empty path ('') names no file: is a shell variable unset?");
    const platform = nodePath.resolve(options.cwd, p);
    const stat = await fsp.stat(platform).catch((e: NodeJS.ErrnoException) => e);
    if (stat instanceof Error) throw new UsageError(`cannot read '${p}': ${describeReadFailure(stat, MAX_ROLE_FILE_BYTES)}`);
    targets.push({ path: toCorePath(platform), isDirectory: stat.isDirectory() });
  }
  let configPath: string | undefined;
  if (options.config === '') throw new UsageError("an empty --config ('') names no file: is a shell variable unset?");
  if (options.config) {
    configPath = toCorePath(nodePath.resolve(options.cwd, options.config));
    const stat = await fsp.stat(configPath).catch((e: NodeJS.ErrnoException) => e);
    if (stat instanceof Error) throw new UsageError(`cannot read the configuration '${options.config}': ${describeReadFailure(stat, MAX_ROLE_FILE_BYTES)}`);
  }

  const service = createLanguageService({ fs: nodeFileSystem, uriOf: path => relativePath(cwd, path) });
  try {
    await service.load(targets.map(searchRoot), { configPath }, undefined, options.progress);
  } finally {
    options.progress?.done();
  }
  const status = service.status();
  // A folder named on the command line that cannot be listed is refused, as a missing one is.
  paths.forEach((p, i) => {
    const reason = status.unreadableFolders.get(targets[i].path);
    if (reason !== undefined) throw new UsageError(`cannot read '${p}': ${reason}`);
  });

  for (const limit of status.walkLimits) options.err(`warning: ${limit}\n`);
  const problems = status.libraries.flatMap(l => l.problems);
  if (problems.length > 0) {
    options.err(problems.map(p => formatProblem(cwd, p)).join('\n') + '\n');
    throw new UsageError('the configuration is not valid; nothing was checked');
  }
  return { service, cwd, targets: targets.map(t => t.path) };
}

/**
 * Where to look for a path's library: a file is checked in the library of the
 * highest `roles` folder above it, or of the agents folder it is in, however
 * deep (`.claude/agents/design/x.md`), so its references resolve.
 */
function searchRoot({ path, isDirectory }: { path: string; isDirectory: boolean }): string {
  if (isDirectory) return path;
  const parts = path.split('/');
  for (let end = 2; end < parts.length; end++) {
    const folder = parts.slice(0, end).join('/');
    if (detectFormat(folder)) return folder;
  }
  const rolesAt = parts.indexOf('roles');
  return rolesAt > 0 && rolesAt < parts.length - 1 ? parts.slice(0, rolesAt + 1).join('/') : path.slice(0, path.lastIndexOf('/')) || '/';
}

function formatProblem(cwd: string, problem: ConfigProblem): string {
  return `${problemLocation(problem, relativePath(cwd, problem.path))} error invalid-config ${problem.message}`;
}
