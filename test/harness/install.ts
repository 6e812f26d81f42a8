/**
 * `node out/test/harness/install.js`: installs what the end-to-end tests need
 * on a fresh Debian machine, and checks that it runs. Each part is skipped
 * when it is already there, so a second run costs seconds.
 *
 *  1. Debian packages (APT_PACKAGES) with apt-get, as root or through sudo;
 *     like scripts/install-editors.sh, it runs only when called: CI calls it,
 *     `npm test` never does;
 *  2. code-server and playwright-core from npm into toolsDir();
 *  3. a smoke check: code-server reports its version, Playwright loads,
 *     Chromium starts.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { APT_PACKAGES, NPM_TOOLS, RUN_BASE, chromiumBinary, codeServerEntry, nodeHeadersEnv, toolsDir } from './tools';

// code-server's shrinkwrap pins @vscode/ripgrep 1.15.11, whose postinstall
// downloads ripgrep v13.0.0-10 from GitHub unless its cache already holds it.
const RIPGREP_PACKAGE = '1.15.11';
const RIPGREP_ASSET = 'v13.0.0-10';

const say = (text: string) => console.log(`[e2e tools] ${text}`);

class InstallError extends Error {}

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });
  if (result.error) throw new InstallError(`${cmd} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new InstallError(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  return String(result.stdout ?? '');
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(0)} s`;
}

function installAptPackages(): void {
  const missing = APT_PACKAGES.filter(name => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format, not a template.
    const status = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', name], { encoding: 'utf8' });
    return status.stdout !== 'installed';
  });
  if (missing.length === 0) {
    say(`apt: the ${APT_PACKAGES.length} packages are installed`);
    return;
  }
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
    throw new InstallError(`missing Debian packages ${missing.join(' ')}, and there is no apt-get here: install them with this system's package manager`);
  }
  const asRoot = process.getuid?.() === 0;
  const [cmd, prefix] = asRoot ? ['apt-get', []] : ['sudo', ['-n', 'apt-get']];
  say(`apt: installing ${missing.join(' ')}`);
  const started = Date.now();
  const inherit: SpawnSyncOptions = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  run(cmd, [...prefix, 'update', '-qq'], inherit);
  run(cmd, [...prefix, 'install', '-y', '-qq', '--no-install-recommends', ...missing], inherit);
  say(`apt: done in ${seconds(started)}`);
}

function installedVersion(dir: string, name: string): string | undefined {
  try {
    return JSON.parse(readFileSync(nodePath.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function ripgrepOf(dir: string): string {
  return nodePath.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
}

/** Puts Debian's rg where @vscode/ripgrep's postinstall looks before it downloads. */
function seedRipgrepCache(tmp: string): void {
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const cache = nodePath.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE}`);
  const archive = nodePath.join(cache, `ripgrep-${RIPGREP_ASSET}-${target}.tar.gz`);
  if (existsSync(archive)) return;
  mkdirSync(cache, { recursive: true });
  const stage = mkdtempSync(nodePath.join(tmp, 'rg-'));
  copyFileSync(run('sh', ['-c', 'command -v rg']).trim(), nodePath.join(stage, 'rg'));
  chmodSync(nodePath.join(stage, 'rg'), 0o755);
  run('tar', ['-czf', archive, '-C', stage, 'rg']);
  rmSync(stage, { recursive: true, force: true });
}

function installNpmTools(dir: string): void {
  const wanted = Object.entries(NPM_TOOLS);
  if (wanted.every(([name, version]) => installedVersion(dir, name) === version) && existsSync(ripgrepOf(dir))) {
    say(`npm: ${wanted.map(([n, v]) => `${n}@${v}`).join(', ')} already in ${dir}`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  const tmp = nodePath.join(dir, '.tmp');
  seedRipgrepCache(tmp);
  // A half-built code-server is never repaired by a second `npm install`
  // (its postinstall does not run again): start from nothing.
  rmSync(nodePath.join(dir, 'node_modules'), { recursive: true, force: true });
  rmSync(nodePath.join(dir, 'package-lock.json'), { force: true });
  writeFileSync(nodePath.join(dir, 'package.json'), '{ "name": "fleet-roles-e2e-tools", "private": true }\n');
  say(
    `npm: installing ${wanted.map(([n, v]) => `${n}@${v}`).join(', ')} into ${dir} (about 140 MB; code-server builds native modules: many minutes on a small machine)`,
  );
  const started = Date.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...wanted.map(([n, v]) => `${n}@${v}`)], {
    cwd: dir,
    stdio: 'inherit',
    env: {
      ...process.env,
      TMPDIR: tmp,
      // code-server's postinstall refuses to run as root without it.
      npm_config_unsafe_perm: 'true',
      // node-pty's postinstall runs `npx node-gyp`, which an npmrc with `yes = false` cancels.
      npm_config_yes: 'true',
      ...nodeHeadersEnv(),
    },
  });
  say(`npm: done in ${seconds(started)}`);
}

function smokeCheck(dir: string): void {
  // Any start of code-server, even --version, writes its config under XDG: keep it out of $HOME.
  const scratch = mkdtempSync(nodePath.join(RUN_BASE, 'e2e-smoke-'));
  try {
    const env = { ...process.env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch };
    const version =
      run(process.execPath, [codeServerEntry(dir), '--version'], { env })
        .trim()
        .split('\n')
        .pop() ?? '';
    if (!version.startsWith(`${NPM_TOOLS['code-server']} `)) throw new InstallError(`unexpected code-server --version: ${version}`);
    say(`code-server ${version}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!existsSync(ripgrepOf(dir))) throw new InstallError(`code-server has no ripgrep at ${ripgrepOf(dir)}: its postinstall did not find the seeded download`);
  run(process.execPath, ['-e', 'require("playwright-core")'], { cwd: dir });
  say(`playwright-core ${installedVersion(dir, 'playwright-core')}`);
  say(run(chromiumBinary(), ['--version']).trim());
  say(run('pre-commit', ['--version']).trim());
}

function main(): number {
  const started = Date.now();
  const major = Number(process.versions.node.split('.')[0]);
  try {
    if (major !== 20) throw new InstallError(`code-server ${NPM_TOOLS['code-server']} needs Node 20; this is Node ${process.versions.node}`);
    if (process.platform !== 'linux') throw new InstallError('the e2e tools install on Debian-like Linux only');
    const dir = toolsDir();
    installAptPackages();
    installNpmTools(dir);
    smokeCheck(dir);
    say(`ready in ${seconds(started)}: ${dir}`);
    return 0;
  } catch (error) {
    console.error(`[e2e tools] ERROR: ${error instanceof InstallError ? error.message : (error as Error).stack}`);
    return 1;
  }
}

process.exitCode = main();
