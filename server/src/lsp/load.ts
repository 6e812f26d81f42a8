import type { Connection } from 'vscode-languageserver/node';
import { counted, type DiscoveryOptions, type RoleLanguageService } from '../core';
import { loadProgress } from './loadProgress';
import { keepHeapNearLive } from './nodeFlags';
import { describeProblem, sendStatus } from './status';

/**
 * Indexes every library under the roots, saying so in the status and in
 * the client's progress, and shows each configuration problem. `namesKnown`
 * runs once the libraries' names are, before the files are parsed.
 */
export async function loadWorkspace(
  connection: Connection,
  service: RoleLanguageService,
  roots: string[],
  discovery: DiscoveryOptions,
  namesKnown?: () => Promise<void> | void,
): Promise<void> {
  const started = Date.now();
  sendStatus(connection, service, 'indexing');
  const progress = loadProgress(connection);
  try {
    await service.load(roots, discovery, undefined, { namesKnown, parsed: progress.parsed });
  } finally {
    progress.end();
  }
  const status = service.status();
  for (const problem of status.libraries.flatMap(l => l.problems)) {
    void connection.window.showErrorMessage(`fleet-roles: ${describeProblem(problem)}`);
  }
  for (const limit of status.walkLimits) void connection.window.showWarningMessage(`fleet-roles: ${limit}`);
  connection.console.info(
    `fleet-roles: indexed ${counted(status.files, 'file')} in ${counted(status.libraries.length, 'library', 'libraries')} in ${Date.now() - started} ms`,
  );
  keepHeapNearLive();
  sendStatus(connection, service, 'ready');
}
