import { URI } from 'vscode-uri';
import { toCorePath, toPlatformPath } from '../node/nodeFileSystem';

/** A file URI as a core path; other schemes (untitled, git) are not role files. */
export function uriToPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? toCorePath(parsed.fsPath) : undefined;
}

export function pathToUri(path: string): string {
  return URI.file(toPlatformPath(path)).toString();
}
