import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, type RoleLanguageService } from '../../server/src/core';
import { MemoryFileSystem } from './memoryFileSystem';

export interface LoadedService {
  service: RoleLanguageService;
  fs: MemoryFileSystem;
  diagnostics(path: string): Diagnostic[];
}

/**
 * The language service over an in-memory library rooted at /ws, loaded, as
 * the shells make it: only its public door, as a feature's tests ask it.
 */
export async function loadService(files: Record<string, string>, root = '/ws'): Promise<LoadedService> {
  const fs = new MemoryFileSystem(files);
  const service = createLanguageService({ fs, uriOf: path => `file://${path}` });
  await service.load([root]);
  return { service, fs, diagnostics: path => service.getDiagnostics(path)?.diagnostics ?? [] };
}
