/** A file a rename moves, or the editor moved: core paths. */
export interface FileMove {
  from: string;
  to: string;
}
