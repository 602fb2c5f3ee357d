// The calendar on a tablet without a network: after the first visit the app works offline; a
// touch viewport plans a week, moves a post by dragging it with a finger, submits and approves
// as an editor, reloads offline and finds it all, and exports an ICS file that ical.js (not our
// writer) reads. On a desktop: moving with the mouse and undo, CSV export and import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { closeAll, launch, loadDemo, open, root, serve, watchErrors } from './support.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await closeAll(); server.stop(); });

const iso = (d) => d.toISOString().slice(0, 10);

/** The Monday of the week after `today` (a yyyy-mm-dd string), and the next six days. */
function nextWeek(today) {
  const d = new Date(today + 'T00:00:00Z');
  const monday = new Date(d);
  monday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 7);
  return [...Array(7)].map((_, i) => {
    const x = new Date(monday);
    x.setUTCDate(monday.getUTCDate() + i);
    return iso(x);
  });
}

async function center(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with one finger through Chromium's touch input (pointer events of type touch). */
async function touchDrag(cdp, from, to) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= 12; i++) {
    const x = from.x + ((to.x - from.x) * i) / 12;
    const y = from.y + ((to.y - from.y) * i) / 12;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function openItem(page, title) {
  await page.getByTestId('calendar-item').filter({ hasText: title }).click();
  await page.getByTestId('plan-editor').waitFor();
}

async function actAs(page, member, title, action) {
  await page.getByTestId('member-select').selectOption(member);
  await openItem(page, title);
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('plan-editor').waitFor({ state: 'detached' });
}

test('a tablet plans a week offline, drags, approves, reloads and exports ICS', async () => {
  const browser = await launch(undefined, { viewport: { width: 768, height: 1024 }, hasTouch: true });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/calendar');
  await page.getByTestId('month-view').waitFor();
  // The service worker takes over once it has cached the build.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });

  await browser.context.setOffline(true);
  const today = await page.evaluate(() => document.querySelector('.lm-day--today')?.dataset.day);
  assert.ok(today, 'the month view marks today');
  const week = nextWeek(today);
  await page.goto(`${server.url}/calendar?view=week&date=${week[0]}`);
  await page.getByTestId('week-view').waitFor();
  assert.equal(await page.getByTestId('offline').count(), 1, 'the app says it is offline');

  // Plan Monday to Friday.
  const titles = week.slice(0, 5).map((_, i) => `Rencana offline ${i + 1}`);
  for (const [i, title] of titles.entries()) {
    await page.locator(`[data-day="${week[i]}"] [data-testid=add-on-day]`).click();
    await page.getByTestId('plan-title').fill(title);
    await page.locator('[data-testid^=plan-text-]').first().fill(`${title}: kopi susu gula aren #NgopiDulu`);
    await page.getByTestId('plan-save').click();
    await page.locator(`[data-testid=calendar-item][data-date="${week[i]}"]`, { hasText: title }).waitFor();
  }
  // A character count is shown against the platform's limit.
  await openItem(page, titles[1]);
  assert.match(await page.locator('[data-testid^=plan-count-]').first().innerText(), /\d+ \/ [\d.]+/);
  await page.getByTestId('plan-cancel').click();

  // Move Monday's post to Thursday with a finger.
  const cdp = await browser.context.newCDPSession(page);
  const chip = page.getByTestId('calendar-item').filter({ hasText: titles[0] });
  await touchDrag(cdp, await center(chip), await center(page.locator(`[data-day="${week[3]}"] .lm-day__number`)));
  await page.locator(`[data-testid=calendar-item][data-date="${week[3]}"]`, { hasText: titles[0] }).waitFor();

  // The author submits; an editor sees it waiting and approves.
  await actAs(page, 'm-sari', titles[2], 'submit');
  await page.locator('[data-testid=calendar-item][data-status=in-review]', { hasText: titles[2] }).waitFor();
  await page.getByTestId('member-select').selectOption('m-rina');
  await page.getByTestId('view-mine').click();
  await page.getByTestId('mine-view').getByText(titles[2]).waitFor();
  await page.getByTestId('view-week').click();
  await actAs(page, 'm-rina', titles[2], 'approve');
  await page.locator('[data-testid=calendar-item][data-status=approved]', { hasText: titles[2] }).waitFor();

  // Reload without a network: everything is still there.
  await page.reload();
  await page.getByTestId('week-view').waitFor();
  for (const [i, title] of titles.entries()) {
    const date = i === 0 ? week[3] : week[i];
    await page.locator(`[data-testid=calendar-item][data-date="${date}"]`, { hasText: title }).waitFor();
  }
  assert.equal(
    await page.locator('[data-testid=calendar-item]', { hasText: titles[2] }).getAttribute('data-status'),
    'approved',
  );
  await openItem(page, titles[2]);
  const history = await page.getByTestId('history').innerText();
  assert.match(history, /Rina Hartono/);
  await page.getByTestId('plan-cancel').click();

  // ICS of the week, read by ical.js.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  const byTitle = new Map(events.map((e) => [e.getFirstPropertyValue('summary'), e]));
  for (const title of titles) assert.ok(byTitle.has(title), `${title} is in the ICS`);
  const moved = byTitle.get(titles[0]);
  assert.equal(moved.getFirstProperty('dtstart').getParameter('tzid'), 'Asia/Jakarta');
  assert.equal(moved.getFirstPropertyValue('dtstart').toString().slice(0, 10), week[3]);
  assert.equal(byTitle.get(titles[2]).getFirstPropertyValue('status'), 'CONFIRMED');
  assert.equal(byTitle.get(titles[1]).getFirstPropertyValue('status'), 'TENTATIVE');
  for (const e of events) {
    assert.ok(e.getFirstPropertyValue('uid'));
    assert.ok(e.getFirstPropertyValue('dtstamp'));
  }
  assert.equal(calendar.getAllSubcomponents('vtimezone').length, 1);
  assert.deepEqual(errors, []);
  await browser.close();
});

test('on a desktop a post moves with the mouse and back with undo; the plan goes out and in as CSV', async () => {
  const browser = await launch(undefined, { viewport: { width: 1280, height: 900 } });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/calendar?view=month');
  const chip = page.locator('[data-testid=calendar-item][data-status=draft]').first();
  await chip.waitFor();
  const id = await chip.getAttribute('data-id');
  const from = await chip.getAttribute('data-date');
  const days = await page.locator('[data-testid=calendar-day]').evaluateAll((els) => els.map((e) => e.dataset.day));
  // Two days away in the same week row.
  const i = days.indexOf(from);
  const target = days[i % 7 >= 2 ? i - 2 : i + 2];
  await chip.scrollIntoViewIfNeeded();
  const start = await center(chip);
  const end = await center(page.locator(`[data-day="${target}"] .lm-day__number`));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 10 });
  await page.mouse.up();
  const moved = page.locator(`[data-testid=calendar-item][data-id="${id}"]`);
  await page.waitForFunction(([id, target]) =>
    document.querySelector(`[data-testid=calendar-item][data-id="${id}"]`)?.dataset.date === target, [id, target]);
  await page.getByTestId('undo').click();
  await page.waitForFunction(([id, from]) =>
    document.querySelector(`[data-testid=calendar-item][data-id="${id}"]`)?.dataset.date === from, [id, from]);
  assert.equal(await moved.count(), 1);

  // CSV out, then a bad file is refused with its row and column and changes nothing.
  await page.getByTestId('view-list').click();
  await page.getByTestId('list-view').waitFor();
  const count = await page.getByTestId('calendar-item').count();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv.split('\n')[0], /^date,time_24hr,message_text,link,platform,title,status/);
  const dir = mkdtempSync(path.join(tmpdir(), 'linimasa-plan-'));
  const bad = path.join(dir, 'rencana.csv');
  writeFileSync(bad, 'date,time_24hr,message_text,platform\n2026-12-01,09:00,ok,instagram\n2026-12-02,10:00,salah,myspace\n');
  await page.getByTestId('import-plan-csv').setInputFiles(bad);
  const error = page.getByTestId('error');
  await error.waitFor();
  assert.match(await error.innerText(), /rencana\.csv.*3.*platform.*myspace/s);
  assert.equal(await page.getByTestId('calendar-item').count(), count);
  // A good file adds its rows as drafts.
  const good = path.join(dir, 'bulk.csv');
  writeFileSync(good, 'date,time_24hr,message_text,link\n2026-12-12,08:15,Promo 12.12 dimulai,https://kopinusantara.co.id\n');
  await page.getByTestId('import-plan-csv').setInputFiles(good);
  await page.locator('[data-testid=calendar-item][data-date="2026-12-12"]', { hasText: 'Promo 12.12' }).waitFor();
  assert.equal(await page.getByTestId('calendar-item').count(), count + 1);

  // The idea board offers the demo's recent mentions with the most reach; one becomes an idea
  // and is no longer offered.
  await page.goto(server.url + '/calendar?view=board');
  const offered = page.getByTestId('listening-idea');
  await offered.first().waitFor();
  assert.equal(await offered.count(), 5);
  const first = (await offered.first().locator('span').nth(1).innerText()).trim();
  const firstId = await offered.first().getAttribute('data-mention');
  const ideas = page.locator('[data-stage=idea] [data-testid=calendar-item]');
  const before = await ideas.count();
  await offered.first().getByTestId('make-idea-listening').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-stage=idea] [data-testid=calendar-item]').length === n + 1, before);
  assert.equal(await page.locator('[data-stage=idea]').getByText(first.slice(0, 30), { exact: false }).count() >= 1, true);
  await page.waitForFunction((id) => document.querySelector('[data-testid=listening-idea]')?.dataset.mention !== id, firstId);
  assert.equal(await page.locator(`[data-testid=listening-idea][data-mention="${firstId}"]`).count(), 0);
  // And the competitors' best recent posts: one becomes an idea in the post's format, named
  // after the competitor, and is no longer offered.
  const rival = page.getByTestId('competitor-idea');
  assert.equal(await rival.count(), 5);
  const rivalId = await rival.first().getAttribute('data-post');
  const rivalHead = (await rival.first().locator('span').first().innerText()).trim();
  const withIdea = await ideas.count();
  await rival.first().getByTestId('make-idea-competitor').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-stage=idea] [data-testid=calendar-item]').length === n + 1, withIdea);
  const rivalName = rivalHead.split(' · ')[1];
  assert.ok(await page.locator('[data-stage=idea]').getByText(rivalName, { exact: false }).count() >= 1, rivalName);
  await page.waitForFunction((id) => document.querySelector('[data-testid=competitor-idea]')?.dataset.post !== id, rivalId);
  assert.equal(await page.locator(`[data-testid=competitor-idea][data-post="${rivalId}"]`).count(), 0);
  assert.deepEqual(errors, []);
  await browser.close();
});

test('on a phone a day of the month opens in full: every post with its title, a new post, close', async () => {
  const browser = await launch(undefined, { viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  await open(page, server.url + '/');
  await loadDemo(page);
  await page.goto(server.url + '/calendar?view=month');
  await page.getByTestId('calendar-item').first().waitFor();
  // The busiest day of the month on screen.
  const day = await page.getByTestId('calendar-day').evaluateAll((days) => days
    .map((d) => [d.dataset.day, d.querySelectorAll('[data-testid=calendar-item]').length])
    .sort((a, b) => b[1] - a[1])[0]);
  const cell = page.locator(`[data-testid=calendar-day][data-day="${day[0]}"]`);
  const ids = await cell.getByTestId('calendar-item').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.ok(day[1] >= 1, 'the demo month has posts');
  await cell.getByTestId('open-day').tap();
  const sheet = page.getByTestId('day-sheet');
  await sheet.waitFor();
  assert.equal(await sheet.getAttribute('data-date'), day[0]);
  assert.equal(await sheet.getByTestId('calendar-item').count(), day[1]);
  // The same posts, with room for the titles the cell cannot show; the focus is on its close button.
  assert.deepEqual(await sheet.getByTestId('calendar-item').evaluateAll((els) => els.map((e) => e.dataset.id)), ids);
  const title = sheet.getByTestId('calendar-item').first().locator('.lm-chip__title');
  assert.ok((await title.boundingBox()).width > 150, 'the title is readable');
  assert.ok((await cell.locator('.lm-chip__title').first().boundingBox() ?? { width: 0 }).width < 60);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'day-sheet-close');
  // A new post from the sheet is planned on that day.
  await sheet.getByTestId('day-sheet-new').tap();
  await page.getByTestId('plan-editor').waitFor();
  assert.equal(await page.getByTestId('plan-date').inputValue(), day[0]);
  await page.getByTestId('plan-cancel').tap();
  await page.getByTestId('plan-editor').waitFor({ state: 'detached' });
  await sheet.getByTestId('day-sheet-close').tap();
  await sheet.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await browser.close();
});

test('a new version waits until the user updates, and not while a post is being edited', async () => {
  // A copy of the build, so that a "new version" can be published under the running app.
  const copy = mkdtempSync(path.join(tmpdir(), 'linimasa-dist-'));
  cpSync(path.join(root, 'dist'), copy, { recursive: true });
  const own = await serve(copy);
  const browser = await launch(undefined, { viewport: { width: 1024, height: 800 } });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = watchErrors(page);
  try {
    await open(page, own.url + '/');
    await loadDemo(page);
    await page.goto(own.url + '/calendar?view=list');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
    const version = () => page.evaluate(async () => {
      const text = await (await fetch('sw.js', { cache: 'no-store' })).text();
      return text.match(/const VERSION = "([^"]+)"/)[1];
    });
    const before = await version();
    // Publish a new version and let the browser find it.
    const sw = path.join(copy, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(`"${before}"`, '"next-version"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByTestId('update-ready').waitFor({ timeout: 60000 });
    // With a post open in the editor, updating is refused and nothing is lost.
    await page.getByTestId('calendar-item').first().click();
    await page.getByTestId('plan-title').fill('Belum disimpan');
    // The dialog covers the page; the button is still reachable from the keyboard.
    await page.getByTestId('update-now').dispatchEvent('click');
    await page.getByTestId('notice').waitFor();
    assert.equal(await page.getByTestId('plan-title').inputValue(), 'Belum disimpan');
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-editor').waitFor({ state: 'detached' });
    // Now the update applies: the page reloads under the new worker, with the saved edit.
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-now').click()]);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const active = await page.evaluate(async () =>
      (await navigator.serviceWorker.getRegistration()).active.scriptURL);
    assert.match(active, /sw\.js$/);
    assert.equal(await version(), 'next-version');
    await page.getByTestId('calendar-item').filter({ hasText: 'Belum disimpan' }).waitFor();
    assert.equal(await page.getByTestId('update-ready').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    own.stop();
    rmSync(copy, { recursive: true, force: true });
  }
});
