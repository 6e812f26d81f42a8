import { DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../core';
import { DiskWatcher } from '../node/diskWatcher';

/**
 * The server's own watcher of the libraries' folders, for a client that
 * watches nothing. Its problems are logged, and shown: the user learns that
 * changes outside the editor may go unseen.
 */
export function serverWatcher(connection: Connection, onEvents: (events: Array<{ path: string; deleted: boolean }>) => void): DiskWatcher {
  return new DiskWatcher(onEvents, message => {
    connection.console.warn(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  });
}

/** Asks a client that watches files to tell the server of role files, configurations, `roles` folders and the files of skills. */
export function registerClientWatchers(connection: Connection): void {
  void connection.client.register(DidChangeWatchedFilesNotification.type, {
    // A skill's other files (`references/forms.md`, `scripts/run.py`) are what its links name: their coming and going is watched too.
    watchers: [
      { globPattern: '**/*.md' },
      { globPattern: '**/*.mdc' },
      { globPattern: `**/${CONFIG_FILE_NAME}` },
      { globPattern: '**/roles' },
      { globPattern: '**/skills/**' },
    ],
  });
}
