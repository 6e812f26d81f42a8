import type { Connection } from 'vscode-languageserver/node';
import { ChangeSignal } from './changeSignal';
import { LIBRARY_CHANGED_NOTIFICATION } from './protocol';

/** What the client can be asked to refresh, from its capabilities. */
export interface RefreshCapabilities {
  diagnostics: boolean;
  codeLenses: boolean;
  semanticTokens: boolean;
}

/**
 * Tells the client and the held requests that answers changed: a held
 * workspace pull at once, views of the whole library (the graph) at most
 * every 300 ms, and, when another file's answers changed, the client's
 * diagnostics, lenses and tokens once per turn of the event loop.
 */
export class Refresher {
  readonly changes = new ChangeSignal();
  capabilities: RefreshCapabilities = { diagnostics: false, codeLenses: false, semanticTokens: false };
  private libraryChangedTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshScheduled = false;

  constructor(private readonly connection: Connection) {}

  /** One file changed: the others are refreshed only when the change reached them. */
  afterChange(changed: string, affected: Set<string>): void {
    this.changes.fire();
    this.libraryChanged();
    if ([...affected].some(p => p !== changed)) this.refreshAll();
  }

  /** Another file's answers changed: the client must ask again for diagnostics, lenses and tokens. */
  refreshAll(): void {
    this.changes.fire();
    this.libraryChanged();
    if (this.refreshScheduled) return;
    this.refreshScheduled = true;
    setTimeout(() => {
      this.refreshScheduled = false;
      if (this.capabilities.diagnostics) void this.connection.languages.diagnostics.refresh();
      if (this.capabilities.codeLenses) void this.connection.sendRequest('workspace/codeLens/refresh');
      if (this.capabilities.semanticTokens) void this.connection.languages.semanticTokens.refresh();
    }, 0);
  }

  private libraryChanged(): void {
    if (this.libraryChangedTimer) return;
    this.libraryChangedTimer = setTimeout(() => {
      this.libraryChangedTimer = undefined;
      void this.connection.sendNotification(LIBRARY_CHANGED_NOTIFICATION);
    }, 300);
  }
}
