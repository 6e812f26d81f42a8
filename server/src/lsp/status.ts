import type { Connection } from 'vscode-languageserver/node';
import { problemLocation, type ConfigProblem, type RoleLanguageService } from '../core';
import { STATUS_NOTIFICATION, type ServerStatus } from './protocol';

/** The status notification the extension's status item shows: libraries, roles, configuration problems. */
export function sendStatus(connection: Connection, service: RoleLanguageService, state: ServerStatus['state']): void {
  const { libraries } = service.status();
  const roles = libraries.reduce((sum, l) => sum + l.roles, 0);
  const problems = libraries.flatMap(l => l.problems.map(describeProblem));
  void connection.sendNotification(STATUS_NOTIFICATION, { state, libraries: libraries.length, roles, problems, pid: process.pid } satisfies ServerStatus);
}

/** A configuration problem in one line, `path:line:column: message`, as the status and the error message give it. */
export function describeProblem(problem: ConfigProblem): string {
  return `${problemLocation(problem)}: ${problem.message}`;
}
