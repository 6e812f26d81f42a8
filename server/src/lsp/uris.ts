import { URI } from 'vscode-uri';
import { toCorePath, toPlatformPath } from '../node/nodeFileSystem';

// Both directions are remembered: a workspace pull names every file of the
// library on every request, and parsing or printing a URI costs microseconds.
// Both maps hold what the workspace and its client have named, no more.
const paths = new Map<string, string | undefined>();
const uris = new Map<string, string>();

/** A file URI as a core path; other schemes (untitled, git) are not role files. */
export function uriToPath(uri: string): string | undefined {
  if (paths.has(uri)) return paths.get(uri);
  const parsed = URI.parse(uri);
  const path = parsed.scheme === 'file' ? toCorePath(parsed.fsPath) : undefined;
  paths.set(uri, path);
  return path;
}

export function pathToUri(path: string): string {
  let uri = uris.get(path);
  if (uri === undefined) uris.set(path, (uri = URI.file(toPlatformPath(path)).toString()));
  return uri;
}
