/**
 * The messages fleet-roles adds to LSP, shared by the server and the
 * extension so both spell them the same way.
 */
export const STATUS_NOTIFICATION = 'fleetRoles/status';

export interface ServerStatus {
  state: 'indexing' | 'ready';
  libraries: number;
  roles: number;
  /** Configuration problems, which the editor shows as an error state. */
  problems: string[];
  /** The server's process, so a client (or a test) can tell a restarted server from the old one. */
  pid: number;
}

/** What the extension passes at start, from its settings; paths are absolute. */
export interface InitializationOptions {
  configFile?: string;
  roleFolders?: string[];
  /** false in an untrusted workspace: nothing outside the workspace folders is read. */
  trusted?: boolean;
}

/** Sent (debounced) after any change to the library, so views such as the role graph refresh. */
export const LIBRARY_CHANGED_NOTIFICATION = 'fleetRoles/libraryChanged';

/** Asks the server for the role graph of every library: RoleGraph[] (see the core's features/roleGraph.ts). */
export const GRAPH_REQUEST = 'fleetRoles/graph';

/**
 * Asks the server for a new role: `{ name, near }` (near: the URI of a file or
 * folder of the library, or none for the only library) → a WorkspaceEdit that
 * creates the file and lists it in the index, with the new file's URI; or an
 * error whose message says why not (a taken name, no library).
 */
export const NEW_ROLE_REQUEST = 'fleetRoles/newRole';

export interface NewRoleParams {
  name: string;
  near?: string;
}

export interface NewRoleResult {
  uri: string;
  edit: import('vscode-languageserver-types').WorkspaceEdit;
}

/** The extension's command that lists a role's referrers, which a code lens runs: (uri, position, locations). */
export const SHOW_REFERENCES_COMMAND = 'fleetRoles.showReferences';
