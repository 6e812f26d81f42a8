import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** Restarts within this window count toward the limit: a server that dies at once on start must not loop. */
const WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 5;

/**
 * Restarts a crashed server and says so, instead of the client's silent
 * default; after five crashes in three minutes it stops and says that.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];

  constructor(private readonly onStopped: (message: string) => void) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter(t => now - t < WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      const message = `The Fleet Roles server stopped ${MAX_RESTARTS} times in 3 minutes and will not be restarted. Run "Fleet Roles: Restart Server" to try again.`;
      this.onStopped(message);
      return { action: CloseAction.DoNotRestart, message };
    }
    this.restarts.push(now);
    void vscode.window.showWarningMessage('The Fleet Roles server stopped unexpectedly and is being restarted.');
    return { action: CloseAction.Restart, handled: true };
  }

  reset(): void {
    this.restarts = [];
  }
}
