// Shared setup of the end-to-end tests: serve dist/ on loopback and drive Debian's Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const fixtures = path.join(root, 'tests/fixtures');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Starts scripts/serve.py on a port the system picks as free (no collisions between test files
 * or with other programs); resolves to { url, stop }. */
export async function serve(dist = path.join(root, 'dist')) {
  const child = spawn('python3', [path.join(root, 'scripts/serve.py'), dist, '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    child.stdout.once('data', (data) => resolve(String(data)));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const port = line.match(/127\.0\.0\.1:(\d+)/)?.[1];
  if (!port) throw new Error(`the server did not say its port: ${line}`);
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const open_browsers = new Set();

/** Closes every browser a test left open (a failed assertion skips its own `close`), so that a
 * failing test fails fast instead of keeping the run alive. */
export async function closeAll() {
  for (const context of open_browsers) await context.close().catch(() => {});
  open_browsers.clear();
}

/** A browser with a fresh profile directory (persistent, so restarts can be tested). */
export async function launch(userDataDir = mkdtempSync(path.join(tmpdir(), 'linimasa-e2e-')), options = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    locale: 'id-ID',
    ...options,
  });
  open_browsers.add(context);
  return {
    context,
    userDataDir,
    close: async ({ keep = false } = {}) => {
      open_browsers.delete(context);
      await context.close();
      if (!keep) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

export const ROUTES = ['/', '/import', '/audit', '/personas', '/calendar', '/listening', '/inbox',
  '/influencers', '/reports', '/settings'];

/** Opens the app and waits for the workspace to be loaded. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForFunction(() =>
    performance.getEntriesByName('workspace:load').length > 0
    || document.querySelector('[data-testid=error]') !== null);
}

/** Loads the demo workspace from the home page and waits for its profiles. */
export async function loadDemo(page) {
  await page.getByTestId('load-demo').first().click();
  const ok = page.getByTestId('confirm-ok');
  if (await ok.isVisible().catch(() => false)) await ok.click();
  await page.getByTestId('profile-row').first().waitFor();
}
