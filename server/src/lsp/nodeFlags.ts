/**
 * The node flags the extension starts the server with (and the benchmark,
 * which measures the server as the extension runs it). The server's garbage
 * is short-lived and its live heap small, but with V8's defaults its peak RSS
 * was about twice the live heap: semi-spaces of up to 16 MiB each, and an old
 * generation let grow to several times what is live before it is collected
 * (a workspace pull brings a megabyte of result ids at 10,000 roles). One MiB
 * semi-spaces and a growth of 20% keep the peak near what is live; on this
 * project's machines they also made a cold start faster, not slower: there is
 * less fresh memory to fault in.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1', '--heap-growing-percent=20'];
