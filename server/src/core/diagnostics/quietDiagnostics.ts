import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * Diagnostics a check made a hint on purpose (a name the format cannot know,
 * as it may be newer than its lists; a key of another tool): a severity set
 * for their code (the agent formats' `unknown-key: warning`, a library's own
 * settings) does not raise them, and `off` still silences them.
 */
const QUIET = new WeakSet<Diagnostic>();

export function markQuiet(diagnostic: Diagnostic): void {
  QUIET.add(diagnostic);
}

export function isQuiet(diagnostic: Diagnostic): boolean {
  return QUIET.has(diagnostic);
}
