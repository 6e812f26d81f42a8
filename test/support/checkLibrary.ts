import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, type RoleLanguageService } from '../../server/src/core';
import { MemoryFileSystem } from './memoryFileSystem';

export interface CheckedLibrary {
  service: RoleLanguageService;
  fs: MemoryFileSystem;
  diagnostics(path: string): Diagnostic[];
}

/** Loads an in-memory library rooted at /ws and returns its checker. */
export async function checkLibrary(files: Record<string, string>, root = '/ws'): Promise<CheckedLibrary> {
  const fs = new MemoryFileSystem(files);
  const service = createLanguageService({ fs, uriOf: path => `file://${path}` });
  await service.workspace.load([root]);
  return { service, fs, diagnostics: path => service.getDiagnostics(path)?.diagnostics ?? [] };
}
