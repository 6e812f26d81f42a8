import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RoleGraph } from '../../server/src/core/features/roleGraph';
import { GRAPH_REQUEST, LIBRARY_CHANGED_NOTIFICATION } from '../../server/src/lsp/protocol';
import { graphHtml } from './graphHtml';

export const GRAPH_VIEW_TYPE = 'fleetRoles.graph';

/**
 * The role graph in a webview: nodes by domain, edges from Boundaries, kept
 * live as the library changes; clicking a node opens the role's file.
 */
export class GraphPanel implements vscode.Disposable {
  private static current: GraphPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(client: LanguageClient): void {
    if (GraphPanel.current) {
      GraphPanel.current.panel.reveal();
      return;
    }
    GraphPanel.current = new GraphPanel(client);
  }

  private constructor(
    private readonly client: LanguageClient,
    private readonly panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, 'Role Graph', vscode.ViewColumn.Beside, {
      enableScripts: true,
      retainContextWhenHidden: true,
    }),
  ) {
    const nonce = Array.from({ length: 16 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    panel.webview.html = graphHtml(nonce, panel.webview.cspSource);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage(async (message: { open?: string; ready?: boolean }) => {
        if (message.open) await vscode.window.showTextDocument(vscode.Uri.parse(message.open), { viewColumn: vscode.ViewColumn.One });
        if (message.ready) await this.update();
      }),
      client.onNotification(LIBRARY_CHANGED_NOTIFICATION, () => void this.update()),
    );
  }

  private async update(): Promise<void> {
    const graphs = await this.client.sendRequest<RoleGraph[]>(GRAPH_REQUEST);
    await this.panel.webview.postMessage({ graphs });
  }

  dispose(): void {
    GraphPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
