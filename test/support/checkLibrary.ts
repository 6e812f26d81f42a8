import type { Diagnostic } from 'vscode-languageserver-types';
import type { RoleLanguageService } from '../../server/src/core';
import { serviceOver } from '../../server/src/core/languageService';
import { RoleWorkspace } from '../../server/src/core/workspace/roleWorkspace';
import { MemoryFileSystem } from './memoryFileSystem';

export interface CheckedLibrary {
  service: RoleLanguageService;
  /** The service's workspace, for tests of the workspace's own state (what is indexed, what a change re-checks). */
  workspace: RoleWorkspace;
  fs: MemoryFileSystem;
  diagnostics(path: string): Diagnostic[];
}

/** Loads an in-memory library rooted at /ws and returns its checker. */
export async function checkLibrary(files: Record<string, string>, root = '/ws'): Promise<CheckedLibrary> {
  const fs = new MemoryFileSystem(files);
  const workspace = new RoleWorkspace(fs, path => `file://${path}`);
  const service = serviceOver(workspace);
  await service.load([root]);
  return { service, workspace, fs, diagnostics: path => service.getDiagnostics(path)?.diagnostics ?? [] };
}
