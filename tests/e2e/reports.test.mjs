// End-to-end tests of reports: from the demo, a self-contained HTML file that opens offline with
// no request and no error, its CSV, and re-opening the file in Linimasa.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeAll, launch, loadDemo, open, root, serve, watchErrors } from './support.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await closeAll(); server.stop(); });

async function download(page, testid, dir, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const target = path.join(dir, name);
  await file.saveAs(target);
  return target;
}

test('a report exported from the demo opens offline, carries edits, and comes back into Linimasa', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/reports');
  // A management report: 90 days, competitors in, generated sentences with the numbers.
  await page.getByTestId('report-audience').selectOption('management-quarterly');
  const content = page.locator('[data-testid=report-summary][data-section=content]');
  await content.waitFor();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid=report-summary][data-section=audit]');
    return s && /\d+\/100/.test(s.value);
  });
  assert.match(await content.inputValue(), /\d/);
  assert.equal(await page.getByTestId('report-competitors').isChecked(), true);
  await page.getByTestId('report-name').fill('Kuartal untuk direksi');
  await page.getByTestId('report-name').press('Tab');
  await content.fill('Engagement naik berkat <b>Reels</b> & promo 12.12.');
  await content.press('Tab');
  // The brand's logo travels inside the file.
  await page.getByTestId('report-brand-logo').setInputFiles(path.join(root, 'public/icon-192.png'));
  await page.getByTestId('report-brand-logo-preview').waitFor();
  // … and the app's header shows it beside the workspace's name.
  assert.match(await page.getByTestId('workspace-logo').getAttribute('src'), /^data:image\/png;base64,/);

  const htmlFile = await download(page, 'export-report-html', browser.userDataDir, 'report.html');
  assert.match(path.basename(htmlFile), /\.html$/);
  const html = readFileSync(htmlFile, 'utf8');
  assert.ok(html.includes('Kuartal untuk direksi'));
  assert.match(html, /<img src="data:image\/png;base64,[A-Za-z0-9+/=]{100,}"[^>]*class="rp-logo"/);
  assert.ok(html.includes('Engagement naik berkat &lt;b&gt;Reels&lt;/b&gt; &amp; promo 12.12.'));
  for (const m of html.matchAll(/(?:src|href)="([^"]*)"|url\(([^)]*)\)/g)) {
    const target = m[1] ?? m[2];
    assert.ok(target === '' || target.startsWith('data:') || target.startsWith('#'), target);
  }
  const measures = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((m) => m.name === 'report:render').map((m) => m.detail.records));
  assert.ok(measures.length === 1 && measures[0] > 5000, JSON.stringify(measures));

  // Opened straight from disk: no request beyond the file, no error, the content is there.
  const viewer = await browser.context.newPage();
  const requests = [];
  viewer.on('request', (r) => requests.push(r.url()));
  const viewerErrors = watchErrors(viewer);
  await viewer.goto(pathToFileURL(htmlFile).href);
  await viewer.locator('[data-section=summary]').waitFor();
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  assert.deepEqual(viewerErrors, []);
  assert.ok(await viewer.locator('svg').count() >= 3);
  assert.ok(await viewer.locator('[data-testid=finding]').count() >= 1);
  await viewer.close();

  const csvFile = await download(page, 'export-report-csv', browser.userDataDir, 'report.csv');
  const csv = readFileSync(csvFile, 'utf8');
  assert.match(csv.split('\n')[1], /^metric,period,comparison/);
  assert.ok(!/(^|,)[=+@]/m.test(csv), 'no formula-like cell');
  const xlsxFile = await download(page, 'export-report-xlsx', browser.userDataDir, 'report.xlsx');
  const xlsx = readFileSync(xlsxFile);
  assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip package');
  assert.ok(xlsx.includes('xl/workbook.xml'), 'with a workbook');
  assert.ok(xlsx.includes('xl/worksheets/sheet2.xml'), 'one sheet per table');

  // Back into Linimasa (merged into the workspace): the report is listed and re-opens.
  await page.goto(server.url + '/settings');
  await page.waitForFunction(() => document.querySelector('[data-testid=time-zone-input]')?.value);
  await page.getByTestId('import-mode-merge').check();
  await page.getByTestId('import-workspace').setInputFiles(htmlFile);
  await page.getByTestId('confirm-dialog').waitFor();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('notice').filter({ hasText: 'report.html' }).waitFor();
  await page.goto(server.url + '/reports');
  const saved = page.getByTestId('saved-report').filter({ hasText: 'Kuartal untuk direksi' });
  await saved.waitFor();
  await saved.getByRole('button').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=report-name]')?.value === 'Kuartal untuk direksi');
  assert.equal(await content.inputValue(), 'Engagement naik berkat <b>Reels</b> & promo 12.12.');
  // A methodology note nobody edited follows a new period.
  const note = await page.getByTestId('report-methodology-input').inputValue();
  await page.getByTestId('report-period').selectOption('30');
  await page.waitForFunction((before) => {
    const now = document.querySelector('[data-testid=report-methodology-input]').value;
    return now !== before && now.length > 0;
  }, note);
  assert.deepEqual(errors, []);
});

test('a monthly report covers the last whole month and is prepared when the next one is due', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/reports');
  await page.locator('[data-testid=report-summary][data-section=content]').waitFor();
  const today = await page.evaluate(() => new Date());
  await page.getByTestId('report-cadence').selectOption('monthly');
  await page.getByTestId('report-name').fill('Rekap bulanan kedai');
  await page.getByTestId('report-name').press('Tab');
  await page.getByTestId('save-report').click();
  await page.getByTestId('saved-report').filter({ hasText: 'Rekap bulanan kedai' }).waitFor();
  // A month later the app opens, says the report is ready and has moved it to the new month.
  const later = new Date(today);
  later.setUTCMonth(later.getUTCMonth() + 1, 3);
  await page.clock.setFixedTime(later);
  await page.reload();
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Rekap bulanan kedai/);
  const month = new Date(Date.UTC(later.getUTCFullYear(), later.getUTCMonth() - 1, 1));
  const monthName = month.toLocaleDateString('id-ID', { month: 'short', timeZone: 'UTC' }).replace('.', '');
  assert.match(await notice.innerText(), new RegExp(`1 ${monthName}`, 'i'));
  assert.deepEqual(errors, []);
  await browser.close();
});
