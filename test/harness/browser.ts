import * as nodePath from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { RUN_BASE, chromiumBinary, requireTools } from './tools';

/*
 * playwright-core lives in the tools folder, not in the project's
 * dependencies (it is only needed where a browser runs), so it is loaded at
 * run time; these are the parts of its API the harness and the tests use.
 */

/**
 * The little of the DOM that the driver's page functions touch: the project
 * compiles without DOM types, and those functions run in the browser, where
 * `document` is `(globalThis as { document }).document`.
 */
export interface DomElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  textContent: string | null;
  style: { top: string };
}

export interface Locator {
  first(): Locator;
  waitFor(options?: { timeout?: number; state?: 'attached' | 'detached' | 'visible' | 'hidden' }): Promise<void>;
  innerText(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  fill(text: string): Promise<void>;
  click(): Promise<void>;
  count(): Promise<number>;
  evaluate<R>(fn: (element: DomElement) => R): Promise<R>;
  evaluateAll<R>(fn: (elements: DomElement[]) => R): Promise<R>;
}

export interface FrameLocator {
  frameLocator(selector: string): FrameLocator;
  locator(selector: string): Locator;
}

export interface Page {
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  goto(url: string, options: { waitUntil: 'commit'; timeout: number }): Promise<unknown>;
  waitForSelector(selector: string, options: { timeout: number }): Promise<unknown>;
  waitForFunction<A>(fn: (arg: A) => boolean, arg: A, options?: { timeout?: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  locator(selector: string, options?: { hasText?: string }): Locator;
  frameLocator(selector: string): FrameLocator;
  screenshot(options: { path: string }): Promise<unknown>;
  exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
  setDefaultTimeout(ms: number): void;
  on(event: 'crash', listener: () => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
}

interface Browser {
  newContext(options: { viewport: { width: number; height: number } }): Promise<{
    setExtraHTTPHeaders(headers: Record<string, string>): Promise<void>;
    newPage(): Promise<Page>;
  }>;
  close(): Promise<void>;
}

interface Playwright {
  chromium: { launch(options: { executablePath: string; headless: boolean; args: string[]; timeout: number; env: NodeJS.ProcessEnv }): Promise<Browser> };
}

const CHROMIUM_FLAGS = [
  // Root in a container: no user namespaces for the sandbox, no GPU, a small /dev/shm.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Offline: nothing to sync, update or phone home to.
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--password-store=basic',
];

export interface BrowserSession {
  page: Page;
  close(): Promise<void>;
}

/** Headless Debian Chromium with one page, its profile in a throwaway folder. */
export async function openBrowser(): Promise<BrowserSession> {
  const { dir } = requireTools();
  const { chromium } = require(nodePath.join(dir, 'node_modules', 'playwright-core')) as Playwright;
  // Chromium keeps its profile and crash reports under XDG_CONFIG_HOME.
  const home = mkdtempSync(nodePath.join(RUN_BASE, 'e2e-chromium-'));
  const removeHome = () => rmSync(home, { recursive: true, force: true });
  process.once('exit', removeHome);
  try {
    const browser = await chromium.launch({
      executablePath: chromiumBinary(),
      headless: true,
      args: CHROMIUM_FLAGS,
      timeout: 60000,
      env: { ...process.env, XDG_CONFIG_HOME: nodePath.join(home, 'config'), XDG_CACHE_HOME: nodePath.join(home, 'cache') },
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // code-server compresses every response on the fly, seconds of CPU for the
    // workbench's JavaScript on a small machine; over loopback, plain is cheaper.
    await context.setExtraHTTPHeaders({ 'Accept-Encoding': 'identity' });
    const page = await context.newPage();
    page.setDefaultTimeout(30000);
    return {
      page,
      close: async () => {
        await browser.close().catch(() => undefined);
        removeHome();
      },
    };
  } catch (error) {
    removeHome();
    throw error;
  }
}
