import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import * as nodePath from 'node:path';
import { RUN_BASE, requireTools } from './tools';

/** User settings of every run: nothing that opens on its own, reaches the network or asks for trust. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'files.autoSave': 'off',
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'typescript.disableAutomaticTypeAcquisition': true,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

export interface CodeServerOptions {
  /** A folder to open; a copy of it is opened, so tests may change files freely. */
  workspace?: string;
  /** A packaged extension, installed before the server starts. */
  vsix?: string;
  /** An unpackaged extension, loaded as a development extension. */
  developmentExtension?: string;
  /** A module exporting run(), run inside the extension host (with developmentExtension). */
  extensionTests?: string;
  /** Merged over the harness's user settings. */
  settings?: Record<string, unknown>;
  /** Keep the run's folder after stop() (also FLEET_ROLES_E2E_KEEP=1), to read its logs. */
  keep?: boolean;
}

export interface CodeServer {
  /** The workbench URL that opens the workspace (and runs the tests, if any). */
  url: string;
  /** The copy of the workspace the server opened. */
  workspace?: string;
  logFile: string;
  userDataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const running = new Set<{ process: ChildProcess; runDir: string; keep: boolean }>();

/** The server runs in its own process group: the extension host and pty host die with it. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

let cleanupInstalled = false;
/** Whatever ends this process, no server outlives it and no run folder stays behind. */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const run of running) {
      killGroup(run.process, 'SIGKILL');
      if (!run.keep) rmSync(run.runDir, { recursive: true, force: true });
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => process.exit(130));
  }
}

/**
 * Starts code-server (the real VS Code) on a free loopback port, with its
 * own user data, extensions, XDG folders and TMPDIR in a fresh run folder.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { codeServer } = requireTools();
  const runDir = mkdtempSync(nodePath.join(RUN_BASE, 'e2e-run-'));
  const dir = (name: string) => {
    const path = nodePath.join(runDir, name);
    mkdirSync(path, { recursive: true, mode: 0o700 });
    return path;
  };
  const userDataDir = dir('data');
  const extensionsDir = dir('extensions');
  const env: NodeJS.ProcessEnv = {};
  // Variables of a VS Code this may run inside would make code-server think it is a child of it.
  for (const [key, value] of Object.entries(process.env)) if (!/^VSCODE_|^ELECTRON_RUN_AS_NODE$/.test(key)) env[key] = value;
  Object.assign(env, {
    // code-server and Chromium write under XDG on any start, even --version.
    XDG_CONFIG_HOME: dir('xdg/config'),
    XDG_DATA_HOME: dir('xdg/data'),
    XDG_CACHE_HOME: dir('xdg/cache'),
    XDG_STATE_HOME: dir('xdg/state'),
    XDG_RUNTIME_DIR: dir('xdg/run'),
    TMPDIR: dir('tmp'),
    // Without it the server first runs `$SHELL -ilc env` to learn the environment, with a
    // 10 s timeout that a loaded machine hits; the extension host waits for it.
    VSCODE_CLI: '1',
    // Offline: an empty gallery stops the Marketplace lookups that would fail and retry.
    EXTENSIONS_GALLERY: '{}',
  });
  const keep = options.keep || process.env.FLEET_ROLES_E2E_KEEP === '1';
  const logFile = nodePath.join(runDir, 'code-server.log');
  const log = openSync(logFile, 'a');
  let logOpen = true;
  const writeLog = (text: string) => {
    if (logOpen) writeSync(log, text);
  };
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child) {
      killGroup(child, 'SIGTERM');
      if (!(await exited(child, 5000))) killGroup(child, 'SIGKILL');
      await exited(child, 2000);
      // Stragglers of its group (extension host, pty host) that outlived it.
      killGroup(child, 'SIGKILL');
    }
    if (logOpen) closeSync(log);
    logOpen = false;
    for (const run of running) if (run.runDir === runDir) running.delete(run);
    if (keep) console.error(`[e2e] kept ${runDir}`);
    else rmSync(runDir, { recursive: true, force: true });
  };

  try {
    let workspace: string | undefined;
    if (options.workspace) {
      const source = nodePath.resolve(options.workspace);
      if (!statSync(source).isDirectory()) throw new Error(`the workspace ${source} is not a folder`);
      workspace = nodePath.join(runDir, 'ws', nodePath.basename(source));
      cpSync(source, workspace, { recursive: true, filter: p => !/(^|\/)(\.git|node_modules)$/.test(nodePath.relative(source, p)) });
    }
    writeFileSync(nodePath.join(dir('data/User'), 'settings.json'), JSON.stringify({ ...SETTINGS, ...options.settings }, null, 2));

    if (options.vsix) {
      const install = spawnSync(process.execPath, [codeServer, ...common, '--install-extension', nodePath.resolve(options.vsix)], {
        env,
        encoding: 'utf8',
        timeout: 180000,
      });
      writeLog(`$ code-server --install-extension ${options.vsix}\n${install.stdout}${install.stderr}\n`);
      if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
        throw new Error(`installing ${options.vsix} failed (exit ${install.status ?? install.signal}):\n${install.stdout}${install.stderr}`);
      }
    }

    child = spawn(
      process.execPath,
      [
        codeServer,
        '--bind-addr',
        '127.0.0.1:0',
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        '--config',
        nodePath.join(runDir, 'xdg', 'config', 'code-server.yaml'),
        ...common,
      ],
      { env, cwd: runDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    running.add({ process: child, runDir, keep });
    installCleanup();
    const started = child;
    const base = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`code-server did not listen within 60 s:\n${output.slice(-2000)}`)), 60000);
      const read = (chunk: Buffer) => {
        writeLog(chunk.toString());
        output += chunk.toString();
        const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (listening) {
          clearTimeout(timer);
          resolve(listening[1]);
        }
      };
      started.stdout!.on('data', read);
      started.stderr!.on('data', read);
      started.once('exit', code => {
        clearTimeout(timer);
        reject(new Error(`code-server exited (${code}) before it listened:\n${output.slice(-2000)}`));
      });
    });

    // The workbench takes the development extension and the tests from the URL's payload, as remote URIs.
    const authority = base.replace(/^http:\/\//, '');
    const remote = (path: string) => `vscode-remote://${authority}${nodePath.resolve(path).split('/').map(encodeURIComponent).join('/')}`;
    const payload: Array<[string, string]> = [];
    if (options.developmentExtension) payload.push(['extensionDevelopmentPath', remote(options.developmentExtension)]);
    if (options.extensionTests) payload.push(['extensionTestsPath', remote(options.extensionTests)]);
    const query = [
      ...(workspace ? [`folder=${encodeURIComponent(workspace)}`] : []),
      ...(payload.length > 0 ? [`payload=${encodeURIComponent(JSON.stringify(payload))}`] : []),
    ];
    return { url: `${base}/${query.length > 0 ? `?${query.join('&')}` : ''}`, workspace, logFile, userDataDir, process: started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
