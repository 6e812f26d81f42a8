/** A problem with the command line or its inputs: exit code 2, a message, no stack trace. */
export class UsageError extends Error {}
