// End-to-end tests of personas: from an imported per-person file to persona cards, through the
// worker; snapshots kept across a reload and compared; the demo audience's planted segments.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeAll, launch, loadDemo, open, serve, watchErrors } from './support.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await closeAll(); server.stop(); });

/** A CRM export with three planted groups (semicolon-separated, comma decimals, a list column). */
function crm(rows) {
  const groups = [
    { age: 22, city: 'Bandung', spend: '35,5', interests: 'fotografi, musik' },
    { age: 38, city: 'Jakarta', spend: '120,0', interests: 'lari, kopi spesialti' },
    { age: 55, city: 'Surabaya', spend: '60,25', interests: 'berkebun, travel' },
  ];
  const lines = ['ID Pelanggan;Usia;Kota;Belanja (ribu);Minat'];
  for (let i = 0; i < rows; i++) {
    const g = groups[i % 3];
    lines.push([`C${1000 + i}`, g.age + (i % 7) - 3, g.city, g.spend, g.interests].join(';'));
  }
  return lines.join('\n') + '\n';
}

const cards = (page) => page.getByTestId('persona').evaluateAll((els) =>
  els.map((e) => ({ size: Number(e.dataset.size), name: e.querySelector('[data-testid=persona-name]').value, text: e.innerText })));

test('an imported audience file becomes persona cards, and a saved snapshot survives a reload', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/personas');
  await page.getByTestId('empty-workspace').waitFor();
  const file = path.join(browser.userDataDir, 'crm-pelanggan.csv');
  writeFileSync(file, crm(300));
  await page.goto(server.url + '/import');
  await page.getByTestId('import-input').setInputFiles([file]);
  await page.getByTestId('import-done').waitFor({ timeout: 60000 });
  const result = await page.getByTestId('import-result').evaluate((e) => ({ ...e.dataset }));
  assert.equal(result.kind, 'audience');
  assert.equal(result.rows, '300');

  await page.goto(server.url + '/personas');
  await page.getByTestId('persona-column').first().waitFor();
  const kinds = await page.getByTestId('persona-column').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(kinds, ['identifier', 'numeric', 'categorical', 'numeric', 'multi-valued']);
  await page.getByTestId('find-personas').click();
  await page.getByTestId('persona').first().waitFor({ timeout: 60000 });
  const found = await cards(page);
  assert.equal(found.length, 3, JSON.stringify(found));
  assert.deepEqual(found.map((c) => c.size), [100, 100, 100]);
  // Each planted group is named after what sets it apart.
  assert.ok(found.some((c) => /Surabaya|berkebun|travel/.test(c.name)), JSON.stringify(found.map((c) => c.name)));
  assert.match(found[0].text, /×/);
  const measures = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((m) => m.name === 'cluster:run').map((m) => m.detail.records));
  assert.deepEqual(measures, [300]);

  // Rename one, save, reload: the snapshot is shown with the new name.
  const name = page.getByTestId('persona-name').first();
  await name.fill('Pekerja kantoran Jakarta');
  await name.press('Tab');
  await page.getByTestId('save-personas').click();
  await page.getByTestId('persona-snapshot').first().waitFor();
  await page.reload();
  await page.getByTestId('persona').first().waitFor();
  assert.equal(await page.getByTestId('persona-name').first().inputValue(), 'Pekerja kantoran Jakarta');
  assert.equal(await page.getByTestId('persona-snapshot').count(), 1);

  // A fixed k, and a column left out: the run honours both.
  await page.getByTestId('persona-k').selectOption('2');
  await page.getByTestId('find-personas').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=persona]').length === 2);
  await page.getByTestId('save-personas').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=persona-snapshot]').length === 2);
  const snapshots = await page.getByTestId('drift-before').locator('option').evaluateAll((os) => os.map((o) => o.value));
  await page.getByTestId('drift-before').selectOption(snapshots[0]);
  await page.getByTestId('drift-after').selectOption(snapshots[1]);
  const drift = await page.getByTestId('drift-line').allInnerTexts();
  assert.ok(drift.length >= 2, JSON.stringify(drift));
  assert.deepEqual(errors, []);
});

test('the demo audience gives its four planted segments, and a run can be cancelled', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/personas');
  // Each profile's audience make-up from its platform demographics, computed by the engine.
  await page.getByTestId('makeup-row').first().waitFor();
  assert.ok(await page.getByTestId('makeup-row').count() >= 6);
  await page.getByTestId('find-personas').click();
  await page.getByTestId('persona-cancel').click();
  assert.equal(await page.getByTestId('persona').count(), 0);
  await page.getByTestId('find-personas').click();
  await page.getByTestId('persona').first().waitFor({ timeout: 60000 });
  const found = await cards(page);
  assert.equal(found.length, 4, JSON.stringify(found.map((c) => [c.size, c.name])));
  const members = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((m) => m.name === 'cluster:run').map((m) => m.detail.records));
  assert.equal(found.reduce((s, c) => s + c.size, 0), members.at(-1));
  // Each persona is placed on the profiles whose platform demographics resemble it.
  const channels = await page.getByTestId('persona').evaluateAll((els) =>
    els.map((e) => [...e.querySelectorAll('[data-testid=persona-channel]')].map((c) => c.dataset.platform)));
  assert.ok(channels.every((c) => c.length >= 1), JSON.stringify(channels));
  assert.ok(new Set(channels.map((c) => c[0])).size >= 2, JSON.stringify(channels));
  assert.deepEqual(errors, []);
});
