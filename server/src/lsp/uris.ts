import { URI } from 'vscode-uri';
import { toCorePath, toPlatformPath } from '../node/nodeFileSystem';

// Both directions are remembered for the files the server names (the
// library's, each given its URI here): a workspace pull names every one of
// them on every request, and parsing or printing a URI costs microseconds.
// Any other URI a client sends is parsed each time, not kept: a client that
// named 100,000 files outside the library would otherwise grow the server
// for good.
const paths = new Map<string, string>();
const uris = new Map<string, string>();

/** A file URI as a core path; other schemes (untitled, git) are not role files. */
export function uriToPath(uri: string): string | undefined {
  const known = paths.get(uri);
  if (known !== undefined) return known;
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? toCorePath(parsed.fsPath) : undefined;
}

/** The core paths of workspace folders; a folder of another scheme has none. */
export function folderPaths(folders: ReadonlyArray<{ uri: string }>): string[] {
  return folders.map(f => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
}

export function pathToUri(path: string): string {
  let uri = uris.get(path);
  if (uri === undefined) {
    uri = URI.file(toPlatformPath(path)).toString();
    uris.set(path, uri);
    paths.set(uri, path);
  }
  return uri;
}
