/** The benchmark's progress lines, on stderr so that stdout holds only the tables. */
export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
