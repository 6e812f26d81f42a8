/**
 * `node out/test/harness/extensionHostRun.js --extension DIR --tests FILE
 *  [--workspace DIR] [--timeout S] [--artifacts DIR] [--verbose]`
 *
 * Runs a test module (one exporting run(), as @vscode/test-electron expects)
 * inside the extension host of a real VS Code, with the extension loaded
 * unpackaged, and exits with the tests' result: 0 passed, 1 failed,
 * 124 out of time, 2 could not run.
 *
 * VS Code's web workbench has the hooks this needs: given
 * extensionDevelopmentPath and extensionTestsPath in its URL's payload, it
 * starts the extension host with the extension and calls run(); it sends
 * the extension host's console to window.codeAutomationLog(type, args) and,
 * when run() settles, calls window.codeAutomationExit(code).
 */
import { cpSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as nodePath from 'node:path';
import { format, parseArgs } from 'node:util';
import { openBrowser, type BrowserSession } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';

/** Lines of the workbench's own chatter, relayed with the tests' output; shown only with --verbose. */
const CHATTER = [
  /^Creation of workbench contribution '.*' took \d+ms/,
  /^Creating a socket \(/,
  /^Resolv(ing|ed) connection token/,
  /^Extension host \(\w+\) is (un)?responsive/,
  /^\[Service Worker\]/,
  /^Updating additional builtin extensions cache/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^ChatSessionStore: /,
  /^Started local extension host with pid/,
];
/** The suite's closing line; repeated as the runner's last, where scripts/test.js reads the counts. */
const SUMMARY = /^\d+ passed, \d+ failed$/;

const say = (text: string) => console.error(`[e2e] ${text}`);

function options() {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string', default: '600' },
      artifacts: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const timeout = Number(values.timeout);
  if (!values.extension || !values.tests || !(timeout > 0)) {
    throw new Error('usage: extensionHostRun.js --extension DIR --tests FILE [--workspace DIR] [--timeout SECONDS] [--artifacts DIR] [--verbose]');
  }
  const tests = nodePath.resolve(values.tests);
  if (!existsSync(tests)) throw new Error(`--tests ${tests} does not exist`);
  return {
    extension: nodePath.resolve(values.extension),
    tests,
    workspace: values.workspace,
    timeoutMs: timeout * 1000,
    artifacts: values.artifacts,
    verbose: values.verbose!,
  };
}

async function keepArtifacts(dir: string, server: CodeServer, browser: BrowserSession): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await browser.page.screenshot({ path: nodePath.join(dir, 'workbench.png') }).catch(() => undefined);
  copyFileSync(server.logFile, nodePath.join(dir, 'code-server.log'));
  const logs = nodePath.join(server.userDataDir, 'logs');
  if (existsSync(logs)) cpSync(logs, nodePath.join(dir, 'vscode-logs'), { recursive: true });
  say(`screenshot and logs of the failed run in ${nodePath.resolve(dir)}`);
}

async function main(): Promise<number> {
  const o = options();
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const [serverStart, browserStart] = await Promise.allSettled([
    startCodeServer({ workspace: o.workspace, developmentExtension: o.extension, extensionTests: o.tests }),
    openBrowser(),
  ]);
  const server = serverStart.status === 'fulfilled' ? serverStart.value : undefined;
  const browser = browserStart.status === 'fulfilled' ? browserStart.value : undefined;
  let summary: string | undefined;
  try {
    if (!server || !browser) throw serverStart.status === 'rejected' ? serverStart.reason : (browserStart as PromiseRejectedResult).reason;
    const { page } = browser;
    let settle!: (code: number) => void;
    const finished = new Promise<number>(resolve => (settle = resolve));
    // Both hooks must exist before the workbench loads: it looks them up once.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (SUMMARY.test(line.trim())) summary = line.trim();
      if (!o.verbose && (type === 'trace' || type === 'debug' || CHATTER.some(r => r.test(line)))) return;
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) => settle(typeof code === 'number' ? code : 1));
    // A dead server or page ends the run at once rather than at the timeout.
    server.process.once('exit', code => {
      say(`code-server exited (${code}) before the tests finished`);
      settle(2);
    });
    page.on('crash', () => {
      say('the browser page crashed');
      settle(2);
    });
    if (o.verbose) page.on('console', message => say(`browser ${message.type()}: ${message.text()}`));
    say(`VS Code and Chromium up after ${elapsed()}; loading the workbench`);
    await page.goto(server.url, { waitUntil: 'commit', timeout: o.timeoutMs });
    page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: o.timeoutMs }).then(
      () => say(`workbench shown after ${elapsed()}`),
      () => undefined,
    );
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<number>(resolve => (timer = setTimeout(() => resolve(124), o.timeoutMs)));
    const code = await Promise.race([finished, outOfTime]);
    clearTimeout(timer);
    if (code === 124) say(`the tests did not finish within ${o.timeoutMs / 1000} s`);
    if (code !== 0 && o.artifacts) await keepArtifacts(o.artifacts, server, browser);
    say(`tests exited with code ${code} after ${elapsed()}`);
    return code;
  } finally {
    server?.process.removeAllListeners('exit');
    await browser?.close();
    await server?.stop();
    if (summary) console.log(summary);
  }
}

main().then(
  code => process.exit(code),
  error => {
    say(`ERROR: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
