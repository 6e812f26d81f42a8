import * as vscode from 'vscode';
import type { ServerStatus } from '../../server/src/lsp/protocol';
import { counted } from '../../server/src/core/util/counted';

/** A language status item on role files: how many roles are indexed and whether the server is healthy. */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('fleetRoles.status', { language: 'markdown', pattern: '**/*.md' });
    this.item.name = 'Fleet Roles';
    this.item.command = { title: 'Restart', command: 'fleetRoles.restartServer' };
    this.starting();
  }

  starting(): void {
    this.item.text = '$(sync~spin) Fleet Roles: starting';
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    this.item.busy = true;
  }

  update(status: ServerStatus): void {
    this.item.busy = status.state === 'indexing';
    if (status.state === 'indexing') {
      this.item.text = '$(sync~spin) Fleet Roles: indexing';
      return;
    }
    const roles = counted(status.roles, 'role');
    if (status.problems.length > 0) {
      this.item.text = `$(warning) Fleet Roles: ${roles}, configuration invalid`;
      this.item.detail = status.problems[0];
      this.item.severity = vscode.LanguageStatusSeverity.Error;
    } else {
      this.item.text = `$(check) Fleet Roles: ${roles}`;
      this.item.detail = counted(status.libraries, 'library', 'libraries');
      this.item.severity = vscode.LanguageStatusSeverity.Information;
    }
  }

  stopped(message: string): void {
    this.item.busy = false;
    this.item.text = '$(error) Fleet Roles: server stopped';
    this.item.detail = message;
    this.item.severity = vscode.LanguageStatusSeverity.Error;
  }

  dispose(): void {
    this.item.dispose();
  }
}
