// End-to-end tests of the home dashboard: key figures with comparisons, charts with text
// alternatives, a sortable posts table, and filters and order kept in the URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, launch, loadDemo, open, serve, watchErrors } from './support.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await closeAll(); server.stop(); });

const figure = async (page, id) => page.getByTestId(`dash-kpi-${id}`).innerText();

test('the dashboard shows figures, charts and top posts, and its filters live in the URL', async () => {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.getByTestId('dash-kpi-engagement').waitFor();
  for (const id of ['posts', 'followers', 'reach', 'engagement', 'rate', 'per-thousand', 'ctr']) {
    assert.match(await figure(page, id), /\d/, id);
  }
  for (const id of ['ad-spend', 'ad-cpc', 'response-rate', 'reply-mean', 'sessions', 'social-share']) {
    assert.match(await figure(page, id), /\d/, id);
  }
  const change = await page.getByTestId('dash-kpis').locator('[data-kpi=engagement]').getAttribute('data-change');
  assert.ok(Number.isFinite(Number(change)) && change !== '', change);
  // Charts carry their values as text.
  const label = await page.getByTestId('chart-engagement').locator('svg').getAttribute('aria-label');
  assert.match(label, /\d/);
  for (const id of ['chart-followers', 'chart-distribution', 'chart-formats', 'chart-when-posts-perform', 'chart-when-online']) {
    assert.equal(await page.getByTestId(id).count(), 1, id);
  }
  assert.match(await page.getByTestId('chart-when-online').locator('svg').getAttribute('aria-label'), /\d{2}:00/);
  // The charts are drawn (lines and heat-map cells), not only labelled.
  assert.ok(await page.getByTestId('chart-engagement').locator('svg polyline').count() >= 1);
  assert.ok(await page.getByTestId('chart-when-online').locator('svg rect').count() > 10);
  // The website by month: a line of sessions, and a table with the part from social media.
  assert.ok(await page.getByTestId('chart-web-sessions').locator('svg polyline').count() >= 1);
  const months = await page.getByTestId('dash-web-month').evaluateAll((els) =>
    els.map((e) => [e.dataset.month, Number(e.dataset.sessions), e.dataset.social]));
  assert.ok(months.length >= 2 && months.length <= 12, JSON.stringify(months));
  assert.ok(months.every(([month, sessions]) => /^\d{4}-\d{2}$/.test(month) && sessions > 0));
  assert.ok(months.some(([, , social]) => social !== ''), 'a month with a traffic-source breakdown');
  assert.equal(await page.getByTestId('top-post').count(), 10);
  const engagement = await page.getByTestId('top-post').evaluateAll((els) => els.map((e) => Number(e.dataset.engagement)));
  assert.deepEqual(engagement, [...engagement].sort((a, b) => b - a));
  for (const href of await page.getByTestId('top-posts').locator('a').evaluateAll((els) => els.map((e) => e.href))) {
    assert.match(href, /^https:\/\//);
  }

  // A longer period and one platform: the URL says so, and the figures follow.
  const posts30 = await figure(page, 'posts');
  await page.getByTestId('dash-period-select').selectOption('90');
  await page.waitForURL(/days=90/);
  await page.waitForFunction((before) =>
    document.querySelector('[data-testid=dash-kpi-posts]')?.innerText !== before, posts30);
  await page.getByTestId('dash-platform-select').selectOption('instagram');
  await page.waitForURL(/platform=instagram/);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=top-post]')]
    .every((e) => e.dataset.profile.startsWith('ig-')));
  const shown = await figure(page, 'posts');

  // The posts table sorts by a header's button: by reach from the highest, then reversed.
  // (Posts without reach, last in both orders, are left out of the comparison.)
  const reaches = () => page.getByTestId('top-post').evaluateAll((els) => els
    .filter((e) => e.dataset.reach !== '').map((e) => Number(e.dataset.reach)));
  await page.getByTestId('sort-reach').click();
  await page.waitForURL(/order=reach(?!-)/);
  await page.locator('[data-testid=top-posts][data-order=reach]').waitFor();
  const high = await reaches();
  assert.ok(high.length >= 5, `${high.length} posts with reach`);
  assert.deepEqual(high, [...high].sort((a, b) => b - a));
  assert.equal(await page.getByTestId('sort-reach').locator('xpath=..').getAttribute('aria-sort'), 'descending');
  // From the keyboard: the focused header's button keeps the focus when the table is redrawn.
  await page.getByTestId('sort-reach').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/order=reach-asc/);
  await page.locator('[data-testid=top-posts][data-order=reach-asc]').waitFor();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'sort-reach');
  const low = await reaches();
  assert.deepEqual(low, [...low].sort((a, b) => a - b));
  assert.ok(low[0] < high[0], `${low[0]} < ${high[0]}`);

  // The deep link survives a reload.
  await page.reload();
  await page.getByTestId('dash-kpi-posts').waitFor();
  assert.equal(await figure(page, 'posts'), shown);
  assert.equal(await page.getByTestId('dash-platform-select').inputValue(), 'instagram');
  assert.equal(await page.getByTestId('dash-period-select').inputValue(), '90');
  assert.equal(await page.getByTestId('top-posts').getAttribute('data-order'), 'reach-asc');
  assert.deepEqual(errors, []);
  await browser.close();
});
