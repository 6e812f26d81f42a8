import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';

/**
 * Where the end-to-end tools live and which versions they are. Nothing here
 * is downloaded from anywhere but Debian's apt and the npm registry: VS Code
 * is code-server from npm, the browser is Debian's Chromium.
 */

export const REPO_ROOT = nodePath.resolve(__dirname, '..', '..', '..');

export const NPM_TOOLS = {
  // VS Code 1.100.3 itself (server, extension host, web workbench); the newest
  // code-server whose native modules build on Node 20.
  'code-server': '4.100.3',
  // Drives the system Chromium; it never downloads a browser of its own.
  'playwright-core': '1.65.1',
} as const;

/**
 * Debian packages: the browser, what code-server's native modules build with,
 * ripgrep (code-server's postinstall would fetch it from GitHub otherwise),
 * fonts for legible screenshots; pre-commit for the hook test, unzip to read
 * the .vsix.
 */
export const APT_PACKAGES = [
  'chromium',
  'fonts-liberation',
  'ripgrep',
  'ca-certificates',
  'build-essential',
  'pkg-config',
  'python3',
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
  'pre-commit',
  'git',
  'unzip',
] as const;

/**
 * The folder the npm tools install into: FLEET_ROLES_E2E_TOOLS (CI points it
 * at a cache that outlives the clone), else `.e2e-tools` in the repository,
 * which git ignores.
 */
export function toolsDir(): string {
  return nodePath.resolve(process.env.FLEET_ROLES_E2E_TOOLS || nodePath.join(REPO_ROOT, '.e2e-tools'));
}

export function codeServerEntry(dir = toolsDir()): string {
  return nodePath.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/**
 * For the npm install that builds code-server's native modules: the running
 * Node's own headers (Debian's nodejs has them in /usr/include/node), for
 * node-gyp, which otherwise downloads them and fails offline. Set by the
 * project rather than left to a user's own npmrc; empty where there are none.
 */
export function nodeHeadersEnv(): { npm_config_nodedir?: string } {
  const prefix = nodePath.resolve(process.execPath, '..', '..');
  return existsSync(nodePath.join(prefix, 'include', 'node', 'node.h')) ? { npm_config_nodedir: prefix } : {};
}

/** The installed tools, or an error that says how to get them. */
export function requireTools(): { dir: string; codeServer: string } {
  const dir = toolsDir();
  const codeServer = codeServerEntry(dir);
  if (!existsSync(codeServer)) {
    throw new Error(
      `code-server is not installed in ${dir}: run \`node out/test/harness/install.js\` (.ci/run does; npm test never installs), or set FLEET_ROLES_E2E_TOOLS to the folder that holds it`,
    );
  }
  return { dir, codeServer };
}

/** Debian's Chromium: the binary itself, not the /usr/bin shell wrapper, starts cleaner under Playwright. */
export function chromiumBinary(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium is not installed: `node out/test/harness/install.js` installs it with apt-get (or set CHROMIUM_PATH)');
  return found;
}

/** Runs and logs of the tools live in short paths: VS Code's unix sockets must stay under 108 characters. */
export const RUN_BASE = existsSync('/tmp') ? '/tmp' : os.tmpdir();
