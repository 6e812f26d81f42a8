import type { InitializeParams } from 'vscode-languageserver/node';
import { isWithin, type DiscoveryOptions } from '../core';
import { toCorePath } from '../node/nodeFileSystem';
import type { InitializationOptions } from './protocol';
import { folderPaths } from './uris';

/** The workspace folders the client opened, as core paths: its folders, else its root. */
export function rootsOf(params: InitializeParams): string[] {
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
  return folderPaths(folders);
}

/**
 * Where to look for libraries, from the extension's settings. Untrusted,
 * nothing outside the workspace folders is read: a configuration file
 * elsewhere is ignored, and discovery stays within the roots.
 */
export function discoveryOf(params: InitializeParams, roots: readonly string[]): DiscoveryOptions {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const untrusted = options.trusted === false;
  const configPath = typeof options.configFile === 'string' && options.configFile ? toCorePath(options.configFile) : undefined;
  return {
    configPath: configPath && (!untrusted || roots.some(r => isWithin(configPath, r))) ? configPath : undefined,
    extraRoleFolders: Array.isArray(options.roleFolders) ? options.roleFolders.filter(f => typeof f === 'string').map(toCorePath) : undefined,
    withinRootsOnly: untrusted,
  };
}
