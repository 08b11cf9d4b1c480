/**
 * Browser-test harness: serves the built app with `vite preview` on a free port and drives
 * Debian's Chromium through playwright-core with a persistent profile (an incognito context has
 * a tiny storage quota, too small for IndexedDB imports).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/** Starts `vite preview` of dist/ (built by `npm run test:e2e`) and waits until it answers. */
export async function startPreview(): Promise<Preview> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('dist/ missing: run `vite build` first (npm run test:e2e does)');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  profile: string;
  close(): Promise<void>;
}

/** A persistent Chromium profile in a fresh temporary folder (or the given one, to reopen it). */
export async function launch(profile?: string): Promise<Browser> {
  const dir = profile ?? mkdtempSync(join(tmpdir(), 'ple-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
  return {
    context,
    profile: dir,
    close: async () => {
      await context.close();
      if (!profile) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Records what a page does that a test wants to assert on: every request URL, CSP violations,
 * uncaught errors, and whether the import progress bar ever appeared (it can be brief).
 */
export async function instrument(context: BrowserContext) {
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  // Runs before the app in every page (injected through CDP, so the page's CSP does not apply).
  await context.addInitScript(() => {
    const w = window as unknown as { __seen: { progress: number[]; csp: string[] } };
    w.__seen = { progress: [], csp: [] };
    document.addEventListener('securitypolicyviolation', (e) => w.__seen.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid=import-progress]') as HTMLProgressElement | null;
      if (p) w.__seen.progress.push(p.value);
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const watch = (page: Page) => {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return { requests, problems };
}

/** Waits until the app has loaded its graph and the canvas has finished its layout. */
export async function waitForApp(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.bootStatus !== undefined, undefined, { timeout });
  await waitForCanvas(page, timeout);
}

export async function waitForCanvas(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const c = document.querySelector('[data-testid=canvas]');
      return !!c && c.getAttribute('data-busy') === 'false';
    },
    undefined,
    { timeout },
  );
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Numbers from the status bar. */
export async function statusCounts(page: Page) {
  const num = async (id: string) => Number(await page.getByTestId(id).innerText());
  return { visibleNodes: await num('visible-nodes'), visibleEdges: await num('visible-edges'), hiddenNodes: await num('hidden-nodes') };
}
