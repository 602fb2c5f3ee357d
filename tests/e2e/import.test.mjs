// End-to-end tests of the Import page: several files at once through the worker, one result per
// file with its attributes, all-or-nothing per file, re-import without duplicates, timings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeAll, fixtures, launch, loadDemo, open, root, serve, watchErrors } from './support.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await closeAll(); server.stop(); });

const F = (name) => path.join(fixtures, 'import', name);

async function importFiles(page, files) {
  await page.getByTestId('import-input').setInputFiles(files);
  await page.getByTestId('import-done').waitFor({ timeout: 60000 });
  return page.getByTestId('import-result').evaluateAll((els) => els.map((e) => ({ ...e.dataset, text: e.innerText })));
}

test('several files import at once, each with its own result, and a bad file stores nothing', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/import');
  // The page starts the next import's worker ahead of it and warms it by reading a generated
  // 3,000-post export (nothing of it is stored: the workspace below has only the files' profiles).
  await page.waitForFunction(() => performance.getEntriesByName('import:warm').length > 0, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => performance.getEntriesByName('import:warm')[0].detail.records), 3000);
  const bad = path.join(browser.userDataDir, 'harga.csv');
  writeFileSync(bad, 'produk,harga\nKopi susu,25000\n');
  const results = await importFiles(page, [
    F('meta-content-id-cp1252.csv'), F('x-account-analytics-ja.csv'),
    F('tiktok-overview-invalid-utf8.csv'), F('mentions-listening-id.csv'), bad,
  ]);
  const byFile = Object.fromEntries(results.map((r) => [r.file, r]));
  assert.deepEqual(Object.keys(byFile).sort(),
    ['harga.csv', 'mentions-listening-id.csv', 'meta-content-id-cp1252.csv',
      'tiktok-overview-invalid-utf8.csv', 'x-account-analytics-ja.csv']);
  assert.deepEqual(
    [byFile['meta-content-id-cp1252.csv'].status, byFile['meta-content-id-cp1252.csv'].platform,
      byFile['meta-content-id-cp1252.csv'].kind, byFile['meta-content-id-cp1252.csv'].rows,
      byFile['meta-content-id-cp1252.csv'].skipped],
    ['ok', 'facebook', 'posts', '2', '1']);
  assert.equal(byFile['x-account-analytics-ja.csv'].platform, 'x');
  assert.equal(byFile['x-account-analytics-ja.csv'].rows, '2');
  // One damaged byte: imported, with a warning that says so.
  assert.equal(byFile['tiktok-overview-invalid-utf8.csv'].status, 'warning');
  assert.equal(byFile['tiktok-overview-invalid-utf8.csv'].platform, 'tiktok');
  // A listening tool's export: mentions, not a profile of the brand.
  const mentions = byFile['mentions-listening-id.csv'];
  assert.deepEqual([mentions.status, mentions.kind, mentions.rows, mentions.skipped],
    ['warning', 'mentions', '3', '2']);
  assert.equal(byFile['harga.csv'].status, 'error');
  assert.equal(byFile['harga.csv'].rows, '0');
  assert.match(byFile['harga.csv'].text, /harga\.csv/);
  assert.equal(await page.getByTestId('error').count(), 1);

  // Timings per file, with record counts.
  const measures = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith('import:')).map((m) => [m.name, m.detail.records]));
  for (const name of ['import:decode', 'import:parse', 'import:store']) {
    assert.ok(measures.some(([n, r]) => n === name && r === 2), `${name} missing: ${JSON.stringify(measures)}`);
  }
  // The worker's memory at the end of the import, for the memory benchmark.
  const memory = await page.evaluate(() => performance.getEntriesByName('import:memory').at(-1)?.detail.bytes);
  assert.ok(memory > 1e6, `import:memory ${memory}`);

  // The listening page shows the imported mentions, escaped, with their period.
  await page.goto(server.url + '/listening');
  await page.getByTestId('listening-period').waitFor();
  assert.match(await page.getByTestId('report-listening').innerText(), /: 3 /);
  assert.match(await page.getByTestId('listening').innerText(), /Antrean di cabang Dago/);
  await page.getByTestId('listening-window').selectOption('365');
  await page.waitForFunction(() => /365|2025/.test(document.querySelector('[data-testid=listening-period]')?.textContent ?? ''));

  // The workspace has the new profiles; importing the same file again adds nothing.
  await page.goto(server.url + '/');
  await page.getByTestId('profile-row').first().waitFor();
  const profiles = await page.getByTestId('profile-row').count();
  assert.equal(profiles, 3);
  const posts = await page.getByTestId('kpi-posts').innerText();
  await page.goto(server.url + '/import');
  const again = await importFiles(page, [F('meta-content-id-cp1252.csv')]);
  assert.equal(again[0].status, 'ok');
  assert.match(again[0].text, /0 baru, 0 diperbarui, 2 tidak berubah/);
  await page.getByTestId('import-batch').first().waitFor();
  // A newer export of the same posts: the history says what changed.
  const newer = path.join(browser.userDataDir, 'meta-newer.csv');
  writeFileSync(newer, Buffer.from(readFileSync(F('meta-content-id-cp1252.csv'), 'latin1')
    .replace('"12.600"', '"13.000"'), 'latin1'));
  const [updated] = await importFiles(page, [newer]);
  assert.match(updated.text, /0 baru, 1 diperbarui, 1 tidak berubah/);
  await page.waitForFunction(() => /\+400 /.test(
    document.querySelector('[data-testid=import-batch-changes]')?.textContent ?? ''));
  await page.goto(server.url + '/');
  await page.getByTestId('profile-row').first().waitFor();
  assert.equal(await page.getByTestId('profile-row').count(), profiles);
  assert.equal(await page.getByTestId('kpi-posts').innerText(), posts);
  assert.deepEqual(errors, []);
  await browser.close();
});

/** Writes the benchmarks' generated Meta Business Suite posts export (`scripts/gen-meta-posts.py`:
 * UTF-8 with a byte-order mark, multi-line quoted descriptions with multi-byte characters) of
 * `rows` posts to `file`, then a last row repeating the first post's ID. */
function writeMetaExport(file, rows) {
  execFileSync('python3', [path.join(root, 'scripts/gen-meta-posts.py'), String(rows), file]);
  const id = '1127805492717580';
  appendFileSync(file, [id, '100064644191880', 'Kopi Nusantara', '', 'kopi', '', '01/02/2025 10:00', '',
    `https://www.facebook.com/100064644191880/posts/${id}`, 'No', 'No', 'Photos', '', '', '', '', 'Lifetime',
    10, 5, 3, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, '', '', '', 0].join(',') + '\r\n');
}

test('a large export is read in pieces on two threads like any file: every post once, the file known again', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/import');
  const file = path.join(browser.userDataDir, 'kopi-posts-large.csv');
  writeMetaExport(file, 25000);
  // More than two 4 MB pieces: read by the import worker's helper while the last is split.
  assert.ok(readFileSync(file).length > 9e6);
  const [first] = await importFiles(page, [file]);
  assert.deepEqual([first.status, first.platform, first.kind, first.rows, first.skipped],
    ['ok', 'facebook', 'posts', '25000', '1'], first.text);
  // The same file again: recognised by its fingerprint, nothing added or changed.
  await page.goto(server.url + '/import');
  const [again] = await importFiles(page, [file]);
  assert.match(again.text, /0 baru, 0 diperbarui, 25[.,]?000 tidak berubah/);
  assert.match(again.text, /sudah diimpor/);
  assert.deepEqual(errors, []);
  await browser.close();
});

const specimens = path.resolve(root, '../shared/specimens');
test('real exports import through the page', { skip: !existsSync(specimens) && 'no specimens here' }, async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await open(page, server.url + '/import');
  const files = ['facebook/meta-business-suite-facebook-posts.csv', 'tiktok/Overview.csv',
    'youtube/Table data.csv', 'twitter/tweet_activity_metrics_rOpenSci_20161201_20170101_en.csv',
    'web-analytics/ga4-api-acquisition.csv'].map((f) => path.join(specimens, f));
  const results = await importFiles(page, files);
  const rows = Object.fromEntries(results.map((r) => [r.file, [r.status, r.platform, r.rows]]));
  assert.deepEqual(rows, {
    'meta-business-suite-facebook-posts.csv': ['ok', 'facebook', '152'],
    'Overview.csv': ['ok', 'tiktok', '365'],
    'Table data.csv': ['ok', 'youtube', '442'],
    'tweet_activity_metrics_rOpenSci_20161201_20170101_en.csv': ['ok', 'x', '37'],
    'ga4-api-acquisition.csv': ['ok', 'web-analytics', '32'],
  });
  await browser.close();
});

test('an inbox export becomes messages: the inbox shows what waits for a reply', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  // Without messages the inbox says how to get them.
  await open(page, server.url + '/inbox');
  await page.getByText('Sprout Social').waitFor();
  await page.goto(server.url + '/import');
  const [result] = await importFiles(page, [F('inbox-messages-id.csv')]);
  assert.deepEqual([result.status, result.kind, result.rows, result.skipped], ['warning', 'messages', '4', '2']);
  await page.goto(server.url + '/inbox');
  const summary = await page.getByTestId('inbox-summary').innerText();
  assert.match(summary, /Pesan diterima: 4 /);
  assert.match(summary, /Menunggu balasan pertama: 1 /);
  assert.match(summary, /Tingkat respons: 67%/);
  const inbox = await page.getByTestId('inbox').innerText();
  assert.match(inbox, /Kopi Nusantara Jakarta/);
  assert.match(inbox, /Pesanan saya salah lagi, kopinya dingin/);
  assert.deepEqual(errors, []);
  await browser.close();
});

test('a benchmark table becomes benchmarks, shown beside the dashboard\'s own figures and in the audit', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/import');
  const [result] = await importFiles(page, [F('benchmarks-en.csv')]);
  assert.deepEqual([result.status, result.kind, result.rows, result.skipped], ['warning', 'benchmarks', '4', '3']);
  assert.match(result.text, /Unknown scope|Cakupan tidak dikenal/);
  await page.goto(server.url + '/');
  await page.getByTestId('dash-benchmarks').waitFor({ timeout: 30000 });
  const rows = await page.getByTestId('dash-benchmark').evaluateAll((els) =>
    els.map((e) => [e.dataset.platform, e.dataset.versus, e.innerText]));
  // The demo's own benchmark and the file's four.
  assert.equal(rows.length, 5, JSON.stringify(rows));
  const ctr = rows.find(([, , text]) => text.includes('Southeast Asia'));
  assert.equal(ctr[0], 'facebook');
  assert.match(ctr[2], /CTR/);
  assert.match(ctr[2], /0,90%/);
  const weekly = rows.find(([, , text]) => text.includes('Postingan per minggu'));
  assert.equal(weekly[0], '');
  assert.ok(Number(weekly[1]) > 0, 'the demo posts every week');
  await page.goto(server.url + '/audit');
  await page.getByTestId('benchmark-item').first().waitFor();
  assert.equal(await page.getByTestId('benchmark-item').count(), 5);
  assert.match(await page.getByTestId('benchmarks').innerText(), /Food & beverage \(Indonesia\) · TikTok · [^·]*: 4,10%/);
  assert.deepEqual(errors, []);
  await browser.close();
});

test('a LinkedIn competitor export gives the own page and each competitor their totals, compared in the audit', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/import');
  const [result] = await importFiles(page, [F('kopi-nusantara_competitor_analytics_1764200000000.xlsx')]);
  assert.deepEqual([result.status, result.platform, result.kind, result.rows, result.skipped],
    ['warning', 'linkedin', 'competitors', '3', '1'], JSON.stringify(result));
  // The page of the file is the demo's own LinkedIn page; the two others are competitors'
  // (listed once the workspace is reloaded after the import).
  await page.locator('[data-testid=competitor-mark][data-profile^="linkedin-"]').nth(1).waitFor({ timeout: 30000 });
  const marks = await page.getByTestId('competitor-mark').evaluateAll((els) =>
    els.map((e) => [e.dataset.profile, e.checked]));
  const competitors = marks.filter(([id, checked]) => id.startsWith('linkedin-') && checked);
  assert.equal(competitors.length, 2, JSON.stringify(marks));
  await page.goto(server.url + '/audit');
  await page.getByTestId('competitor-totals-row').first().waitFor({ timeout: 30000 });
  const rows = await page.getByTestId('competitor-totals-row').evaluateAll((els) =>
    els.map((e) => [e.dataset.profile, e.dataset.competitor, e.innerText]));
  assert.equal(rows.length, 3, JSON.stringify(rows));
  const own = rows.find(([id]) => id === 'li-main');
  assert.ok(own && own[1] === 'false', JSON.stringify(rows));
  const senja = rows.find(([, , text]) => text.includes('Kopi Senja'));
  assert.equal(senja[1], 'true');
  assert.match(senja[2], /30\.100/);
  assert.match(senja[2], /28 Okt 2026|28 Oktober 2026/);
  assert.deepEqual(errors, []);
  await browser.close();
});

test('a file no family knows is imported through a column mapping, saved for the next file', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/import');
  const csv = 'Tanggal Posting;Caption;Link;Jangkauan;Suka;Komentar;Kampanye\n'
    + '03/02/2026 09:15;Promo gula aren;https://example.com/p/101;1.200;80;5;A\n'
    + '25/02/2026 19:00;Latte pandan;https://example.com/p/102;2.500;150;12;B\n';
  const file = path.join(browser.userDataDir, 'later.csv');
  writeFileSync(file, csv);
  // With a file of a known family beside it, whose result must stay on screen.
  const [asked, known] = await importFiles(page, [file, F('x-account-analytics-ja.csv')]);
  assert.equal(asked.status, 'error');
  assert.equal(known.status, 'ok');
  // Each column with an example and a suggested field.
  const row = (name) => page.locator(`[data-testid=mapping-row][data-column="${name}"]`);
  await row('Jangkauan').waitFor();
  assert.equal(await page.getByTestId('mapping-row').count(), 7);
  assert.equal(await row('Jangkauan').getByTestId('mapping-field').inputValue(), 'reach');
  assert.equal(await row('Kampanye').getByTestId('mapping-field').inputValue(), '');
  assert.match(await row('Tanggal Posting').innerText(), /03\/02\/2026 09:15/);
  await row('Tanggal Posting').getByTestId('mapping-field').selectOption('published');
  await page.getByTestId('mapping-platform').selectOption('instagram');
  await page.getByTestId('mapping-profile').fill('Kopi Nusantara Bandung');
  await page.getByTestId('mapping-apply').click();
  await page.locator('[data-testid=import-result][data-file="later.csv"][data-status=ok]').waitFor({ timeout: 60000 });
  const results = await page.getByTestId('import-result').evaluateAll((els) => els.map((e) => ({ ...e.dataset })));
  assert.deepEqual(results.map((r) => [r.file, r.status]), [['later.csv', 'ok'], ['x-account-analytics-ja.csv', 'ok']]);
  assert.deepEqual([results[0].platform, results[0].kind, results[0].rows], ['instagram', 'posts', '2']);
  // The next file with these columns is read without asking.
  const next = path.join(browser.userDataDir, 'later-maret.csv');
  writeFileSync(next, csv.replace('101', '103').replace('03/02/2026', '03/03/2026'));
  const [again] = await importFiles(page, [next]);
  assert.deepEqual([again.status, again.platform, again.rows], ['ok', 'instagram', '2']);
  assert.equal(await page.getByTestId('mapping').count(), 0);
  // Both mapped files went to one new profile, named as the user typed it (beside the X one).
  await page.goto(server.url + '/');
  const profile = page.getByTestId('profile-row').filter({ hasText: 'Kopi Nusantara Bandung' });
  await profile.waitFor();
  assert.equal(await page.getByTestId('profile-row').count(), 2);
  assert.equal(await page.getByTestId('kpi-posts').innerText(), '5');
  assert.deepEqual(errors, []);
  await browser.close();
});

test('a profile an import created moves onto the one it really is', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/import');
  const [result] = await importFiles(page, [F('meta-content-id-cp1252.csv')]);
  assert.equal(result.status, 'ok');
  // The file's page is a new Facebook profile; the demo's Facebook profiles are offered.
  const rows = page.getByTestId('reassign-row');
  const created = rows.filter({ has: page.locator('th', { hasText: 'Kopi Café Bandung' }) });
  await created.waitFor();
  const from = await created.getAttribute('data-profile');
  // The last of the offered profiles (not the one selected at first), so the choice itself counts.
  const target = await created.getByTestId('reassign-select').locator('option').last().getAttribute('value');
  const count = async (id) => Number((await page.locator(`[data-testid=reassign-row][data-profile="${id}"] .lm-num`).innerText()).replace(/\D/g, ''));
  const [moving, staying] = [await count(from), await count(target)];
  assert.equal(moving, 2);
  await created.getByTestId('reassign-select').selectOption(target);
  await created.getByTestId('reassign-button').click();
  await page.getByTestId('confirm-ok').click();
  await page.locator(`[data-testid=reassign-row][data-profile="${from}"]`).waitFor({ state: 'detached' });
  assert.equal(await count(target), staying + moving);
  // Stored: a reload finds it so.
  await page.reload();
  await page.locator(`[data-testid=reassign-row][data-profile="${target}"]`).waitFor();
  assert.equal(await page.locator(`[data-testid=reassign-row][data-profile="${from}"]`).count(), 0);
  assert.equal(await count(target), staying + moving);
  // The same export again goes to the profile it was moved onto: no new profile, no new posts.
  const [again] = await importFiles(page, [F('meta-content-id-cp1252.csv')]);
  assert.equal(again.status, 'ok');
  assert.equal(await rows.filter({ has: page.locator('th', { hasText: 'Kopi Café Bandung' }) }).count(), 0);
  assert.equal(await count(target), staying + moving);
  assert.deepEqual(errors, []);
  await browser.close();
});
