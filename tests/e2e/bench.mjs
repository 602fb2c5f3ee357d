// Browser benchmarks in headless Chromium, printed as a table (not tests: figures for notes).
//   node bench.mjs first-paint [runs]   home page with the demo workspace loaded, after a restart
//   node bench.mjs import FILE...       the import pipeline's User Timing measures per file
//   node bench.mjs views [runs]         audit:run and dashboard:run on the demo (engine worker),
//                                       and the time until the audit's findings are on screen
// Run after `trunk build --release` in the repository root.
import { launch, open, serve, loadDemo } from './support.mjs';

const [mode = 'first-paint', ...args] = process.argv.slice(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve();

if (mode === 'first-paint') {
  const runs = Number(args[0] ?? 5);
  const setup = await launch();
  const page = setup.context.pages()[0] ?? await setup.context.newPage();
  await open(page, server.url + '/');
  await loadDemo(page);
  await setup.close({ keep: true });
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const browser = await launch(setup.userDataDir);
    const p = browser.context.pages()[0] ?? await browser.context.newPage();
    await p.goto(server.url + '/');
    await p.getByTestId('profile-row').first().waitFor();
    rows.push(await p.evaluate(() => {
      const paint = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      const load = performance.getEntriesByName('workspace:load')[0];
      return {
        fcp: paint('first-contentful-paint'),
        workspaceLoad: load.duration,
        records: load.detail.records,
        homeWithData: performance.now(),
      };
    }));
    await browser.close({ keep: true });
  }
  const f = (k) => median(rows.map((r) => r[k])).toFixed(0);
  console.log(`runs: ${runs}, records in the workspace: ${rows[0].records}`);
  console.log(`first contentful paint (shell): ${f('fcp')} ms (median)`);
  console.log(`workspace:load: ${f('workspaceLoad')} ms (median)`);
  console.log(`home page showing the demo's profiles: <= ${f('homeWithData')} ms after navigation (median)`);
} else if (mode === 'import') {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await open(page, server.url + '/import');
  await page.getByTestId('import-input').setInputFiles(args);
  await page.getByTestId('import-done').waitFor({ timeout: 600000 });
  const measures = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith('import:')).map((m) => [m.name, m.duration, m.detail.records]));
  for (const [name, ms, records] of measures) console.log(`${name.padEnd(14)} ${ms.toFixed(0).padStart(7)} ms  ${records} records`);
  await browser.close();
} else if (mode === 'views') {
  const runs = Number(args[0] ?? 5);
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await open(page, server.url + '/');
  await loadDemo(page);
  const rows = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(server.url + '/');
    await page.getByTestId('dash-kpi-posts').waitFor();
    const dashboard = await page.evaluate(() => performance.getEntriesByName('dashboard:run').at(-1).duration);
    const t0 = Date.now();
    await page.goto(server.url + '/audit');
    await page.getByTestId('finding').first().waitFor();
    const shown = Date.now() - t0;
    rows.push(await page.evaluate(([shown, dashboard]) => {
      const audit = performance.getEntriesByName('audit:run').at(-1);
      return { audit: audit.duration, dashboard, records: audit.detail.records, shown };
    }, [shown, dashboard]));
  }
  const f = (k) => median(rows.map((r) => r[k])).toFixed(0);
  console.log(`runs: ${runs}, records: ${rows[0].records}`);
  console.log(`audit:run ${f('audit')} ms, dashboard:run ${f('dashboard')} ms (median, in the engine worker)`);
  console.log(`audit page: findings on screen ${f('shown')} ms after navigation (median; a fresh page load: page start, engine start, workspace load in the engine, audit)`);
  await browser.close();
}
server.stop();
