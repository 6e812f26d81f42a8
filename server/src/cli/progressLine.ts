import type { LoadObserver } from '../core';

/** What the progress line needs of a stream; `process.stderr` has it. */
export interface Terminal {
  readonly isTTY?: boolean;
  /** The terminal's width: a line as wide wraps, and a carriage return no longer reaches its start. */
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressLine extends LoadObserver {
  /** Files checked so far, of all those the report covers. */
  checked(done: number, total: number): void;
  /** Erases the line, if one is shown, so that what is printed next starts a clean line. */
  done(): void;
}

/** The least time between two writes: the line moves, yet a load of 50,000 files writes it a hundred times, not 1,500. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * "Indexing roles 4,000/10,000" on a terminal while a load runs, then
 * "Checking roles …" while the checks run, rewritten in place and erased at
 * the end. Anything else (a pipe, a file, a CI log)
 * gets nothing, so no log and no program reading stderr ever sees it. The
 * line is erased with blanks, not an escape sequence, so any terminal
 * (TERM=dumb included) shows it right.
 */
export function progressLine(terminal: Terminal, now: () => number = Date.now): ProgressLine {
  if (!terminal.isTTY) return { checked() {}, done() {} };
  let shownLength = 0;
  let lastWrite = -Infinity;
  const show = (label: string, done: number, total: number) => {
    const time = now();
    // The last step is followed at once by the erase: not worth a write.
    if (done >= total || time - lastWrite < PROGRESS_INTERVAL_MS) return;
    lastWrite = time;
    const text = fit(`${label} ${grouped(done)}/${grouped(total)}`, terminal.columns);
    terminal.write(`\r${text.padEnd(shownLength)}`);
    shownLength = Math.max(shownLength, text.length);
  };
  return {
    parsed: (done, total) => show('Indexing roles', done, total),
    checked: (done, total) => show('Checking roles', done, total),
    done() {
      if (shownLength > 0) terminal.write(`\r${' '.repeat(shownLength)}\r`);
      shownLength = 0;
    },
  };
}

function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

/** Cut to one character less than the width: a line that fills the last column wraps on some terminals. */
function fit(text: string, columns: number | undefined): string {
  return columns !== undefined && columns > 1 && text.length >= columns ? text.slice(0, columns - 1) : text;
}
