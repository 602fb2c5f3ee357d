// End-to-end tests of the audit: findings with their hooks on the demo, and on imported specimens.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { closeAll, launch, loadDemo, open, root, serve, watchErrors } from './support.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await closeAll(); server.stop(); });

const findings = (page) => page.getByTestId('finding').evaluateAll((els) =>
  els.map((e) => ({ ...e.dataset, text: e.innerText })));

test('the demo audit lists findings with severity and profile, a score and its weights', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/audit');
  await page.getByTestId('finding').first().waitFor();
  const found = await findings(page);
  for (const f of found) {
    assert.ok(['critical', 'warning', 'info'].includes(f.severity), JSON.stringify(f));
    assert.ok(f.profile.length > 0, JSON.stringify(f));
  }
  // The demo's planted stories: Surabaya's engagement falls and it answers slowly; social
  // media brings the website little traffic.
  const about = (kind, profile) => found.find((f) => f.kind === kind && f.profile === profile);
  const falling = about('engagement-falling', 'fb-surabaya');
  assert.ok(falling, JSON.stringify(found.map((f) => [f.kind, f.profile])));
  assert.match(falling.text, /Surabaya/);
  assert.ok(about('slow-replies', 'fb-surabaya'));
  assert.ok(about('social-traffic-low', 'web-main'));
  // Most serious first.
  const rank = { critical: 0, warning: 1, info: 2 };
  const order = found.map((f) => rank[f.severity]);
  assert.deepEqual(order, [...order].sort((a, b) => a - b));

  const overall = Number(await page.getByTestId('audit-overall').innerText());
  assert.ok(overall >= 0 && overall <= 100, String(overall));
  assert.equal(await page.getByTestId('audit-weights').locator('tbody tr').count(), 6);
  assert.ok(await page.getByTestId('audit-profile-score').count() >= 8);
  assert.ok(await page.getByTestId('inventory-row').count() >= 10);
  // The competitor beside the own Instagram profiles, and the industry benchmark below them.
  const rows = await page.getByTestId('competitor-row').evaluateAll((els) =>
    els.map((e) => [e.dataset.profile, e.dataset.competitor]));
  assert.ok(rows.some(([p, c]) => p === 'ig-kopisenja' && c === 'true'), JSON.stringify(rows));
  assert.ok(rows.some(([p, c]) => p === 'ig-main' && c === 'false'), JSON.stringify(rows));
  assert.equal(await page.getByTestId('benchmark-row').count(), 1);
  // Platform choice: a verdict for each of the six platforms.
  const verdicts = await page.getByTestId('platform-choice').evaluateAll((els) =>
    els.map((e) => [e.dataset.platform, e.dataset.verdict]));
  assert.equal(verdicts.length, 6, JSON.stringify(verdicts));
  for (const [, v] of verdicts) assert.ok(['invest', 'maintain', 'reduce', 'undecided'].includes(v));
  const measures = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((m) => m.name === 'audit:run').map((m) => m.detail.records));
  assert.ok(measures.length >= 1 && measures[0] > 5000, JSON.stringify(measures));

  // The user answers what the data cannot; the audit is recomputed with it, and it is kept.
  const card = page.locator('[data-testid=platform-choice][data-platform=instagram]');
  assert.match(await card.innerText(), /belum dijawab/);
  await page.getByTestId('assessment-platform').selectOption('instagram');
  await page.getByTestId('assessment-q4').selectOption('1');
  await page.getByTestId('assessment-note4').fill('Puluhan kedai kopi lokal sudah aktif di sini');
  // Six note fields share a label: each tells screen readers which question it is about.
  assert.match(await page.getByTestId('assessment-note4').getAttribute('aria-label'), /^Catatan – .+/);
  assert.notEqual(await page.getByTestId('assessment-note4').getAttribute('aria-label'),
    await page.getByTestId('assessment-note0').getAttribute('aria-label'));
  await page.getByTestId('assessment-save').click();
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid=platform-choice][data-platform=instagram]');
    return c && !c.innerText.includes('belum dijawab') && c.innerText.includes('jawaban Anda');
  });
  assert.match(await card.getByTestId('assessment-note').innerText(), /Catatan: Puluhan kedai kopi lokal/);
  await page.reload();
  await page.getByTestId('finding').first().waitFor();
  await page.getByTestId('assessment-platform').selectOption('instagram');
  assert.equal(await page.getByTestId('assessment-q4').inputValue(), '1');
  assert.equal(await page.getByTestId('assessment-note4').inputValue(), 'Puluhan kedai kopi lokal sudah aktif di sini');

  // A benchmark entered for TikTok shows beside TikTok's profile; removing it asks first.
  await page.getByTestId('benchmark-label').fill('F&B Jakarta');
  await page.getByTestId('benchmark-platform').selectOption('tiktok');
  await page.getByTestId('benchmark-value').fill('5,5');
  await page.getByTestId('benchmark-add').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=benchmark-row]').length === 2);
  assert.ok(await page.locator('[data-testid=competitor-row][data-profile=tt-main]').count() === 1);
  assert.match(await page.getByTestId('benchmarks').innerText(), /F&B Jakarta · TikTok · [^·]*: 5,50%/);
  await page.getByTestId('benchmark-item').filter({ hasText: 'F&B Jakarta' }).getByTestId('benchmark-remove').click();
  await page.getByTestId('confirm-ok').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=benchmark-row]').length === 1);

  // The same findings in the other language.
  await page.getByTestId('language-select').selectOption('en');
  await page.getByText('Likely causes').first().waitFor();
  assert.equal((await findings(page)).length, found.length);
  assert.deepEqual(errors, []);
  await browser.close();
});

test('a profile marked as a competitor on the Import page is compared as one in the audit', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/import');
  const mark = page.locator('[data-testid=competitor-mark][data-profile=x-main]');
  assert.equal(await mark.isChecked(), false);
  assert.equal(await page.locator('[data-testid=competitor-mark][data-profile=ig-kopisenja]').isChecked(), true);
  await mark.check();
  await page.getByText('Tersimpan').first().waitFor();
  await page.reload();
  await page.locator('[data-testid=competitor-mark][data-profile=x-main]').waitFor();
  assert.equal(await page.locator('[data-testid=competitor-mark][data-profile=x-main]').isChecked(), true);
  await page.goto(server.url + '/audit');
  await page.locator('[data-testid=competitor-row][data-profile=x-main][data-competitor=true]').waitFor({ timeout: 30000 });
  assert.deepEqual(errors, []);
  await browser.close();
});

const specimens = process.env.LINIMASA_SPECIMENS || path.resolve(root, '../shared/specimens');
const instagram = path.join(specimens, 'instagram/meta-business-suite-instagram-posts.csv');

test('imported specimens are audited: the findings name the imported profile', { skip: !existsSync(instagram) }, async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/import');
  await page.getByTestId('import-input').setInputFiles([instagram]);
  await page.getByTestId('import-done').waitFor({ timeout: 60000 });
  await page.goto(server.url + '/audit');
  await page.getByTestId('finding').first().waitFor();
  const found = await findings(page);
  const profiles = await page.getByTestId('inventory-row').evaluateAll((els) => els.map((e) => e.dataset.profile));
  assert.equal(profiles.length, 1);
  const falling = found.find((f) => f.kind === 'engagement-falling');
  assert.ok(falling, JSON.stringify(found));
  assert.equal(falling.profile, profiles[0]);
  assert.equal(falling.severity, 'warning');
  assert.ok(found.some((f) => f.kind === 'below-plan' && f.profile === profiles[0]));
  assert.deepEqual(errors, []);
  await browser.close();
});
