// End-to-end tests of the app shell, the demo workspace, languages, storage and workspace files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeAll, ROUTES, fixtures, launch, loadDemo, open, serve, watchErrors } from './support.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await closeAll(); server.stop(); });

test('an empty workspace says what to do, in the browser language', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await page.getByTestId('empty-workspace').waitFor();
  assert.equal(await page.getByTestId('load-demo').count(), 1);
  assert.match(await page.locator('.lm-nav').innerText(), /Beranda/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  const measures = await page.evaluate(() => performance.getEntriesByName('workspace:load')
    .map((m) => m.detail));
  assert.equal(measures.length, 1);
  assert.equal(typeof measures[0].records, 'number');
  assert.deepEqual(errors, []);
  await browser.close();
});

test('the demo loads, every route works on phone, tablet and desktop, deep links survive reload', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  const rows = await page.getByTestId('profile-row').evaluateAll((els) =>
    els.map((e) => [e.dataset.platform, e.dataset.profile]));
  const platforms = new Set(rows.map(([p]) => p));
  for (const p of ['facebook', 'instagram', 'x', 'linkedin', 'tiktok', 'youtube']) {
    assert.ok(platforms.has(p), `demo lacks ${p}`);
  }
  const posts = Number((await page.getByTestId('kpi-posts').innerText()).replace(/\D/g, ''));
  assert.ok(posts > 3000, `only ${posts} posts`);

  for (const [width, height] of [[360, 740], [768, 1024], [1280, 800]]) {
    await page.setViewportSize({ width, height });
    for (const route of ROUTES) {
      await page.goto(server.url + route);
      await page.locator('main h1').first().waitFor();
      // Pages computed by the engine say so until their content arrives.
      await page.locator('main [data-testid=busy]').waitFor({ state: 'detached', timeout: 30000 });
      const text = await page.locator('main').innerText();
      assert.ok(text.trim().length > 40, `${route} at ${width}px is nearly empty`);
      assert.equal(await page.getByTestId('not-found').count(), 0, `${route} is not found`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${route} at ${width}px scrolls sideways by ${overflow}px`);
    }
  }
  await page.goto(server.url + '/calendar?view=list');
  await page.reload();
  await page.getByTestId('calendar-item').first().waitFor();
  const statuses = new Set(await page.getByTestId('calendar-item').evaluateAll((els) =>
    els.map((e) => e.dataset.status)));
  assert.deepEqual([...statuses].sort(),
    ['approved', 'draft', 'idea', 'in-review', 'published', 'rejected', 'scheduled']);

  await page.goto(server.url + '/no-such-page');
  await page.getByTestId('not-found').waitFor();
  await page.goto(server.url + '/sub/app/settings');
  await page.getByTestId('settings').waitFor();
  assert.deepEqual(errors, []);
  await browser.close();
});

test('the language switch changes strings and number formats, and persists', async () => {
  // Without the service worker, whose cache would answer the texts' request itself.
  const browser = await launch(undefined, { serviceWorkers: 'block' });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await open(page, server.url + '/');
  await loadDemo(page);
  const idPosts = await page.getByTestId('kpi-posts').innerText();
  assert.match(idPosts, /^\d{1,3}(\.\d{3})+$/);
  // When the other language's texts cannot be fetched, the page says so and stays as it is.
  await page.route('**/i18n-en-*.json', (route) => route.abort());
  await page.getByTestId('language-select').selectOption('en');
  await page.getByText('Teks bahasa itu tidak dapat dimuat').waitFor();
  assert.equal(await page.getByTestId('language-select').inputValue(), 'id');
  assert.match(await page.locator('.lm-nav').innerText(), /Beranda/);
  await page.unroute('**/i18n-en-*.json');
  await page.getByTestId('language-select').selectOption('en');
  // The first switch to a language fetches its texts, then the whole page changes at once.
  await page.locator('html[lang=en]').waitFor();
  assert.match(await page.locator('.lm-nav').innerText(), /Home[\s\S]*Settings/);
  assert.doesNotMatch(await page.locator('.lm-nav').innerText(), /Beranda|Pengaturan/);
  assert.equal(await page.getByTestId('kpi-posts').innerText(), idPosts.replaceAll('.', ','));
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.reload();
  await page.getByTestId('profile-row').first().waitFor();
  assert.match(await page.locator('.lm-nav').innerText(), /Home/);
  await browser.close();
});

test('data survives closing and reopening the browser', async () => {
  const first = await launch();
  let page = first.context.pages()[0] ?? await first.context.newPage();
  await open(page, server.url + '/');
  await loadDemo(page);
  const posts = await page.getByTestId('kpi-posts').innerText();
  await first.close({ keep: true });

  const second = await launch(first.userDataDir);
  page = second.context.pages()[0] ?? await second.context.newPage();
  await open(page, server.url + '/');
  await page.getByTestId('profile-row').first().waitFor();
  assert.equal(await page.getByTestId('kpi-posts').innerText(), posts);
  await second.close();
});

test('two tabs on one workspace see each other\'s changes', async () => {
  const browser = await launch();
  const a = browser.context.pages()[0] ?? await browser.context.newPage();
  const b = await browser.context.newPage();
  await open(a, server.url + '/');
  await open(b, server.url + '/settings');
  await loadDemo(a);
  // Tab B follows without a reload.
  await b.goto(server.url + '/settings').catch(() => {});
  await b.getByTestId('workspace-name').filter({ hasText: 'Kopi Nusantara' }).waitFor();

  // A rename in B and a time-zone change in A: neither write is lost.
  await b.getByTestId('workspace-name-input').fill('Kopi Nusantara Group');
  await b.getByTestId('save-workspace').click();
  await a.getByTestId('workspace-name').filter({ hasText: 'Kopi Nusantara Group' }).waitFor();
  await a.goto(server.url + '/settings');
  await a.getByTestId('time-zone-input').fill('Asia/Makassar');
  await a.getByTestId('save-workspace').click();
  await b.waitForFunction(() =>
    document.querySelector('[data-testid=time-zone-input]')?.value === 'Asia/Makassar');
  await b.reload();
  await b.getByTestId('workspace-name').filter({ hasText: 'Kopi Nusantara Group' }).waitFor();
  assert.equal(await b.getByTestId('time-zone-input').inputValue(), 'Asia/Makassar');
  await browser.close();
});

async function exportWorkspace(page, dir, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-workspace').click(),
  ]);
  const file = path.join(dir, name);
  await download.saveAs(file);
  return file;
}

test('export, re-import (replace and merge) and refusing a damaged file', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/settings');
  const first = await exportWorkspace(page, browser.userDataDir, 'first.json');
  const exported = JSON.parse(readFileSync(first, 'utf8'));
  assert.equal(exported.format, 'linimasa-workspace');
  assert.ok(exported.workspace.posts.length > 3000);

  // Replace with the same file: asks first, then the workspace is identical.
  await page.getByTestId('import-workspace').setInputFiles(first);
  await page.getByTestId('confirm-dialog').waitFor();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('notice').filter({ hasText: 'first.json' }).waitFor();
  const second = await exportWorkspace(page, browser.userDataDir, 'second.json');
  assert.deepEqual(JSON.parse(readFileSync(second, 'utf8')).workspace, exported.workspace);

  // A damaged file is refused with a message and changes nothing.
  const damaged = path.join(browser.userDataDir, 'damaged.json');
  writeFileSync(damaged, readFileSync(first).subarray(0, 5000));
  await page.getByTestId('import-workspace').setInputFiles(damaged);
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').innerText(), /damaged\.json/);
  assert.equal(await page.getByTestId('confirm-dialog').count(), 0);

  // Merging a file from an older schema adds its profiles after confirmation.
  await page.getByTestId('import-mode-merge').check();
  await page.getByTestId('import-workspace').setInputFiles(path.join(fixtures, 'workspace/v1-minimal.json'));
  await page.getByTestId('confirm-dialog').waitFor();
  assert.match(await page.getByTestId('confirm-dialog').innerText(), /4/);
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('notice').filter({ hasText: /skema 1|schema 1/ }).waitFor();
  await page.goto(server.url + '/');
  await page.getByTestId('profile-row').first().waitFor();
  assert.equal(await page.getByTestId('profile-row').count(), exported.workspace.profiles.length + 2);
  assert.deepEqual(errors, []);
  await browser.close();
});

test('a full storage quota shows a clear message and keeps what was stored', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  // The override only takes effect for storage opened after it is set.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 64 * 1024 });
  await open(page, server.url + '/');
  await page.getByTestId('empty-workspace').waitFor();
  await page.getByTestId('load-demo').click();
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').innerText(), /penuh|full/);
  await page.reload();
  await page.getByTestId('empty-workspace').waitFor();
  assert.equal(await page.getByTestId('profile-row').count(), 0);
  await browser.close();
});

test('a database in the version-1 layout is upgraded by a worker when the app opens', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  // The app's origin, without the app: lay the database out as version 1 did.
  await page.goto(server.url + '/manifest.webmanifest');
  const file = JSON.parse(readFileSync(path.join(fixtures, 'workspace/v1-minimal.json'), 'utf8'));
  await page.evaluate(async (ws) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('linimasa', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('items');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('items', 'readwrite');
    const items = tx.objectStore('items');
    const put = (kind, id, body) => items.put({ v: 1, body: JSON.stringify(body) }, [ws.info.id, kind, id]);
    put('workspace', 'info', ws.info);
    for (const p of ws.profiles) put('profile', p.id, p);
    for (const p of ws.posts) put('post', p.id, p);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, file.workspace);
  await open(page, server.url + '/');
  await page.locator('[data-testid=profile-row][data-profile=fb-1]').waitFor();
  assert.match(await page.locator('main').innerText(), /Warung Kopi Lama/);
  const left = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('linimasa');
    open.onsuccess = () => {
      const count = open.result.transaction('items').objectStore('items').count();
      count.onsuccess = () => { resolve(count.result); open.result.close(); };
      count.onerror = () => reject(count.error);
    };
    open.onerror = () => reject(open.error);
  }));
  assert.equal(left, 0, 'the version-1 items were moved');
  assert.deepEqual(errors, []);
  await browser.close();
});
