/** A problem with the command line or its inputs: exit code 2, a message, no stack trace. */
export class UsageError extends Error {}

/** No role library under the paths (an Ansible `roles/`, a folder of notes): exit code 3, one line, nothing checked. */
export class NoLibraryError extends Error {}

export const NO_LIBRARY_EXIT_CODE = 3;
