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
}

/** Sent (debounced) after any change to the library, so views such as the role graph refresh. */
export const LIBRARY_CHANGED_NOTIFICATION = 'fleetRoles/libraryChanged';

/** Asks the server for the role graph of every library: RoleGraph[] (see the core's features/roleGraph.ts). */
export const GRAPH_REQUEST = 'fleetRoles/graph';

/** The extension's command that lists a role's referrers, which a code lens runs: (uri, position, locations). */
export const SHOW_REFERENCES_COMMAND = 'fleetRoles.showReferences';
