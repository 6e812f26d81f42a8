import { mkdirSync } from 'node:fs';
import * as nodePath from 'node:path';
import { openBrowser, type DomElement, type Locator, type Page } from './browser';
import { startCodeServer, type CodeServerOptions } from './codeServer';

/*
 * The UI driver: VS Code's workbench in Chromium, worked through the keyboard
 * as a person works it. Selectors are those of VS Code 1.100's DOM.
 */

const EDITOR = '.editor-group-container.active';
const QUICK_INPUT = '.quick-input-widget .quick-input-box input';

export interface Workbench {
  page: Page;
  /** The copy of the workspace VS Code has open. */
  workspace?: string;
  stop(): Promise<void>;
  /** Ctrl+P on a workspace-relative path; waits until its editor shows text. */
  openFile(path: string): Promise<void>;
  /** Waits until the active tab's label holds `name` and its editor shows text. */
  waitForActiveTab(name: string, timeout?: number): Promise<void>;
  /** The active editor's rendered lines, top to bottom (VS Code renders spaces as NBSP). */
  editorText(): Promise<string>;
  /** Ctrl+G to a 1-based line and column. */
  gotoLine(line: number, column?: number): Promise<void>;
  waitForSquiggle(kind: 'error' | 'warning' | 'info', timeout?: number): Promise<Locator>;
  /** Ctrl+Space; the suggestions' labels. */
  triggerSuggest(timeout?: number): Promise<string[]>;
  /** F12; with a file name, waits until its tab is active. */
  goToDefinition(expectTab?: string): Promise<void>;
  /** Ctrl+Shift+M; the Problems rows' labels once there are at least `min`. */
  problems(options?: { min?: number; timeout?: number }): Promise<string[]>;
  /** Runs a command by its title from the command palette. */
  runCommand(title: string): Promise<void>;
  screenshot(file: string): Promise<void>;
}

export interface WorkbenchOptions extends CodeServerOptions {
  /** How long the workbench may take to show the workspace: minutes on a loaded small machine. */
  loadTimeout?: number;
}

/** VS Code (code-server) and Chromium on its workbench, the workspace open. */
export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const loadTimeout = options.loadTimeout ?? 240000;
  const [server, browser] = await Promise.allSettled([startCodeServer(options), openBrowser()]);
  const stop = async () => {
    if (browser.status === 'fulfilled') await browser.value.close();
    if (server.status === 'fulfilled') await server.value.stop();
  };
  if (server.status === 'rejected' || browser.status === 'rejected') {
    await stop();
    throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
  }
  const page = browser.value.page;
  try {
    // The workbench is megabytes of JavaScript: waiting for 'domcontentloaded' times out on a slow machine.
    await page.goto(server.value.url, { waitUntil: 'commit', timeout: loadTimeout });
    await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: loadTimeout });
    if (server.value.workspace) await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: loadTimeout });
  } catch (error) {
    await stop();
    throw error;
  }

  const quickInput = async (text: string) => {
    const input = page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    return input;
  };
  const workbench: Workbench = {
    page,
    workspace: server.value.workspace,
    stop,
    async openFile(path) {
      const name = nodePath.basename(path);
      await page.keyboard.press('Control+P');
      await quickInput(path);
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
      await workbench.waitForActiveTab(name);
    },
    async waitForActiveTab(name, timeout) {
      await page.waitForFunction(
        wanted =>
          Array.from((globalThis as unknown as { document: DomElement }).document.querySelectorAll('.editor-group-container.active .tab.active')).some(tab =>
            (tab.getAttribute('aria-label') ?? '').includes(wanted),
          ),
        name,
        { timeout },
      );
      await page.locator(`${EDITOR} .monaco-editor .view-lines .view-line`).first().waitFor({ timeout });
    },
    async editorText() {
      return page
        .locator(`${EDITOR} .monaco-editor .view-lines`)
        .first()
        .evaluate(lines =>
          Array.from(lines.querySelectorAll('.view-line'))
            .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
            .map(line => (line.textContent ?? '').replace(/\u00a0/g, ' '))
            .join('\n'),
        );
    },
    async gotoLine(line, column = 1) {
      await page.keyboard.press('Control+G');
      // Ctrl+G is quick open with a ':' prefix; without it the text is a file search.
      const input = await quickInput(`:${line}:${column}`);
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden' });
    },
    async waitForSquiggle(kind, timeout) {
      const squiggle = page.locator(`${EDITOR} .monaco-editor .squiggly-${kind}`).first();
      await squiggle.waitFor({ state: 'attached', timeout });
      return squiggle;
    },
    async triggerSuggest(timeout) {
      await page.keyboard.press('Control+Space');
      const rows = page.locator('.suggest-widget.visible .monaco-list-row[aria-label]');
      await rows.first().waitFor({ timeout });
      return rows.evaluateAll(elements => elements.map(e => e.getAttribute('aria-label') ?? ''));
    },
    async goToDefinition(expectTab) {
      await page.keyboard.press('F12');
      if (expectTab) await workbench.waitForActiveTab(expectTab);
    },
    async problems({ min = 1, timeout } = {}) {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').first().waitFor({ timeout });
      await page.waitForFunction(
        n => (globalThis as unknown as { document: DomElement }).document.querySelectorAll('.markers-panel .monaco-list-row').length >= n,
        min,
        { timeout },
      );
      return page.locator('.markers-panel .monaco-list-row').evaluateAll(rows => rows.map(r => r.getAttribute('aria-label') ?? r.textContent ?? ''));
    },
    async runCommand(title) {
      await page.keyboard.press('Control+Shift+P');
      await quickInput(`>${title}`);
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    },
    async screenshot(file) {
      mkdirSync(nodePath.dirname(file), { recursive: true });
      await page.screenshot({ path: file });
    },
  };
  return workbench;
}
