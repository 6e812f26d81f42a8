import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';

/** At most one report in this time: a load parses thousands of files a second, and the client redraws at each report. */
export const PROGRESS_REPORT_MS = 250;

const TITLE = 'Indexing roles';

/**
 * The work-done progress of one load ("Indexing roles 4,000/10,000") for a
 * client that declared window.workDoneProgress: the connection makes none
 * for another. The load never waits for the client to accept the token;
 * what it parsed meanwhile shows in the first report.
 */
export function loadProgress(connection: Connection): { parsed(done: number, total: number): void; end(): void } {
  let reporter: WorkDoneProgressServerReporter | undefined;
  let ended = false;
  let lastReport = 0;
  void connection.window.createWorkDoneProgress().then(
    created => {
      created.begin(TITLE, 0, undefined, false);
      if (ended) created.done();
      else reporter = created;
    },
    // A client that refuses the token sees no progress; the load goes on.
    () => undefined,
  );
  return {
    parsed(done, total) {
      const now = Date.now();
      if (!reporter || now - lastReport < PROGRESS_REPORT_MS) return;
      lastReport = now;
      reporter.report(Math.floor((done * 100) / Math.max(total, 1)), `${counts.format(done)}/${counts.format(total)}`);
    },
    end() {
      ended = true;
      reporter?.done();
      reporter = undefined;
    },
  };
}

const counts = new Intl.NumberFormat('en-US');
