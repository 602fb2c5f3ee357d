// Browser benchmarks in headless Chromium, printed as a table (not tests: figures for notes).
//   node bench.mjs first-paint [runs]   home page with the demo workspace loaded, after a restart
//   node bench.mjs import FILE...       the import pipeline's User Timing measures per file
//   node bench.mjs papaparse FILE [runs]
//                                       PapaParse (decode + split into rows and fields) against
//                                       Linimasa's import:decode + import:parse on the same file,
//                                       both in this headless Chromium, medians of `runs`; the
//                                       file picked once the import worker is warm, then as the
//                                       Import page opens
//   node bench.mjs views [runs]         audit:run and dashboard:run on the demo (engine worker),
//                                       and the time until the audit's findings are on screen
//   node bench.mjs cluster [members] [runs]
//                                       cluster:run (automatic k in 2..10) on a generated audience
//                                       of 4 numeric, 4 categorical and 1 multi-valued column
//   node bench.mjs ab FILE RUNS NAME=DIR NAME=DIR...
//                                       import workers built from different code (each by
//                                       `bash scripts/worker-variant.sh DIR`) alternated run by
//                                       run, fresh browsers; dist/ gets its own worker back
//   node bench.mjs report [posts] [runs]
//                                       report:render of a 12-month report with every section
//                                       (HTML file, in the engine worker) over the demo grown to
//                                       `posts` posts (100,000 by default)
// Run after `trunk build --release` in the repository root.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, launch, open, serve, loadDemo } from './support.mjs';

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
  for (const [name, ms, records] of await importMeasures(args)) {
    if (name === 'import:memory') {
      console.log(`worker memory  ${(records / 1e6).toFixed(0).padStart(7)} MB at most`);
    } else {
      console.log(`${name.padEnd(14)} ${ms.toFixed(0).padStart(7)} ms  ${records} records`);
    }
  }
} else if (mode === 'papaparse') {
  const [file, runs = 3] = [args[0], Number(args[1] ?? 3)];
  // PapaParse in a blank page of the same browser: the bytes decoded as UTF-8, then split into
  // rows of string fields (no types, dates, numbers or records: less work than an import).
  // Each run starts after a full garbage collection (untimed), as each of Linimasa's starts in
  // a fresh browser: otherwise collecting a run's 7 million strings lands in a later run.
  const browser = await launch(undefined, { args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await page.setContent('<input type="file" id="file">');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('papaparse/papaparse.min.js') });
  await page.setInputFiles('#file', file);
  // Timed from the bytes in memory, and from the picked file (Linimasa's import:decode reads
  // the picked file itself, in slices).
  const papa = await page.evaluate(async (runs) => {
    const out = [];
    for (let i = 0; i < runs; i++) {
      globalThis.gc();
      const t0 = performance.now();
      const bytes = new Uint8Array(await document.getElementById('file').files[0].arrayBuffer());
      const t1 = performance.now();
      const text = new TextDecoder('utf-8').decode(bytes);
      const parsed = Papa.parse(text, { skipEmptyLines: true });
      const t2 = performance.now();
      out.push({ ms: t2 - t1, withRead: t2 - t0, rows: parsed.data.length, bytes: bytes.length });
    }
    return out;
  }, runs);
  await browser.close();
  // Linimasa through its Import page, in a fresh browser each run: the file picked once the
  // page has warmed its import worker (`import:warm`; a user takes longer than that to pick a
  // file), and picked straight after the page opens (the worker may still be starting).
  const ours = { warm: [], straight: [] };
  for (const [kind, warm] of [['warm', true], ['straight', false]]) {
    for (let i = 0; i < runs; i++) {
      const measures = Object.fromEntries((await importMeasures([file], { warm })).map(([name, ms, records]) => [name, { ms, records }]));
      ours[kind].push({
        ms: measures['import:decode'].ms + measures['import:parse'].ms,
        decode: measures['import:decode'].ms,
        parse: measures['import:parse'].ms,
        store: measures['import:store']?.ms,
        records: measures['import:parse'].records,
        memory: measures['import:memory']?.records,
        warmUp: measures['import:warm']?.ms,
      });
    }
  }
  const mb = papa[0].bytes / 1e6;
  const p = median(papa.map((r) => r.ms));
  const pr = median(papa.map((r) => r.withRead));
  console.log(`file: ${mb.toFixed(1)} MB, ${papa[0].rows} rows (PapaParse), ${ours.warm[0].records} records (Linimasa)`);
  console.log(`PapaParse decode + parse: ${p.toFixed(0)} ms, ${(mb / p * 1000).toFixed(1)} MB/s (runs: ${papa.map((r) => r.ms.toFixed(0)).join(', ')})`);
  console.log(`PapaParse with the file read from the picked file first: ${pr.toFixed(0)} ms`);
  for (const [kind, label] of [['warm', 'file picked after the worker is warm'], ['straight', 'file picked as the page opens']]) {
    const rows = ours[kind];
    const o = median(rows.map((r) => r.ms));
    console.log(`Linimasa import:decode + import:parse, ${label}: ${o.toFixed(0)} ms, ${(mb / o * 1000).toFixed(1)} MB/s (runs: ${rows.map((r) => r.ms.toFixed(0)).join(', ')})`);
    console.log(`  of which import:decode (the picked file read, decoded and split into rows of cells; a posts export's rows read into posts as they are split) ${median(rows.map((r) => r.decode)).toFixed(0)} ms, import:parse (the rest: rows to records, or a posts export's last checks) ${median(rows.map((r) => r.parse)).toFixed(0)} ms`);
    console.log(`  throughput against PapaParse: ${(p / o).toFixed(2)}× (its bytes already in memory), ${(pr / o).toFixed(2)}× (both reading the picked file); import:store ${median(rows.map((r) => r.store)).toFixed(0)} ms`);
    const memory = median(rows.map((r) => r.memory ?? 0));
    console.log(`  worker memory at most: ${(memory / 1e6).toFixed(0)} MB, ${(memory / papa[0].bytes).toFixed(1)}× the file (its WebAssembly memory, which never shrinks; the file is read in slices of 8 MB, the first of 4, and neither the page nor the worker holds it whole)`);
    if (kind === 'warm') console.log(`  import:warm (the worker reading a generated 3,000-post export six times, and preparing its working memory on a device of 8 GB or more, before the file came): ${median(rows.map((r) => r.warmUp ?? NaN)).toFixed(0)} ms`);
  }
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
} else if (mode === 'cluster') {
  const members = Number(args[0] ?? 100000);
  const runs = Number(args[1] ?? 3);
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const file = path.join(browser.userDataDir, `audience-${members}.csv`);
  writeFileSync(file, audience(members));
  await open(page, server.url + '/import');
  await page.getByTestId('import-input').setInputFiles([file]);
  await page.getByTestId('import-done').waitFor({ timeout: 600000 });
  await page.goto(server.url + '/personas');
  const rows = [];
  for (let i = 0; i < runs; i++) {
    await page.getByTestId('find-personas').click();
    await page.waitForFunction((n) => performance.getEntriesByName('cluster:run').length > n, i, { timeout: 600000 });
    rows.push(await page.evaluate(() => {
      const m = performance.getEntriesByName('cluster:run').at(-1);
      return { ms: m.duration, records: m.detail.records, personas: document.querySelectorAll('[data-testid=persona]').length };
    }));
  }
  console.log(`members: ${rows[0].records}, personas found: ${rows.map((r) => r.personas).join(', ')}`);
  console.log(`cluster:run ${median(rows.map((r) => r.ms)).toFixed(0)} ms (median of ${runs}, in a worker; all runs: ${rows.map((r) => r.ms.toFixed(0)).join(', ')})`);
  await browser.close();
} else if (mode === 'report') {
  const posts = Number(args[0] ?? 100000);
  const runs = Number(args[1] ?? 3);
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await open(page, server.url + '/');
  await loadDemo(page);
  // The demo's workspace file, its posts copied up to `posts` (new IDs, same days, words shuffled
  // and numbers scaled, seeded: identical copies would compress unrealistically well), replaces it.
  await page.goto(server.url + '/settings');
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-workspace').click()]);
  const file = path.join(browser.userDataDir, `workspace-${posts}.json`);
  await exported.saveAs(file);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const base = data.workspace.posts;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let copy = 1; data.workspace.posts.length < posts; copy++) {
    for (const p of base) {
      if (data.workspace.posts.length >= posts) break;
      const words = p.text.split(' ');
      for (let i = words.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [words[i], words[j]] = [words[j], words[i]];
      }
      const scale = 0.5 + random();
      const metrics = Object.fromEntries(Object.entries(p.metrics)
        .map(([k, v]) => [k, Number.isInteger(v) ? Math.round(v * scale) : v * scale]));
      data.workspace.posts.push({ ...p, id: `${p.id}-${copy}`, text: words.join(' '), metrics });
    }
  }
  writeFileSync(file, JSON.stringify(data));
  await page.getByTestId('import-workspace').setInputFiles(file);
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('notice').filter({ hasText: path.basename(file) }).waitFor({ timeout: 600000 });
  await page.goto(server.url + '/reports');
  await page.getByTestId('report-audience').selectOption('management-quarterly');
  await page.locator('[data-testid=report-summary][data-section=content]').waitFor({ timeout: 600000 });
  await page.getByTestId('report-period').selectOption('365');
  for (const box of await page.locator('[data-testid=report-section]').all()) {
    if (!(await box.isChecked())) await box.check();
  }
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const [report] = await Promise.all([
      page.waitForEvent('download', { timeout: 600000 }),
      page.getByTestId('export-report-html').click(),
    ]);
    const saved = path.join(browser.userDataDir, `report-${i}.html`);
    await report.saveAs(saved);
    if (process.env.BENCH_KEEP) await report.saveAs(process.env.BENCH_KEEP);
    rows.push(await page.evaluate(() => {
      const m = performance.getEntriesByName('report:render').at(-1);
      return { ms: m.duration, records: m.detail.records };
    }));
    const html = readFileSync(saved, 'utf8');
    rows.at(-1).bytes = html.length;
    rows.at(-1).meta = (html.match(/class="rp-meta">([\s\S]*?)<\/dl>/)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  }
  console.log(rows[0].meta);
  console.log(`records (posts + daily rows): ${rows[0].records}, file: ${(rows[0].bytes / 1e6).toFixed(1)} MB`);
  console.log(`report:render ${median(rows.map((r) => r.ms)).toFixed(0)} ms (median of ${runs}, in the engine worker; all runs: ${rows.map((r) => r.ms.toFixed(0)).join(', ')})`);
  await browser.close();
} else if (mode === 'ab') {
  // Import workers built from different code (`bash scripts/worker-variant.sh DIR` for each),
  // compared by alternating them run by run in fresh browsers: a difference of about 10 ms
  // shows here, where two separate `papaparse` runs differ by more than that.
  const [file, runs, ...variants] = args;
  if (!file || !(Number(runs) > 0) || variants.length < 2) {
    throw new Error('usage: node bench.mjs ab FILE RUNS NAME=DIR NAME=DIR...');
  }
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
  const worker = ['worker_bg.wasm', 'worker.js'];
  const kept = Object.fromEntries(worker.map((f) => [f, readFileSync(path.join(dist, f))]));
  const results = {};
  try {
    for (let i = 0; i < Number(runs); i++) {
      for (const variant of variants) {
        const [name, dir] = variant.split('=');
        for (const f of worker) copyFileSync(path.join(dir, f), path.join(dist, f));
        const m = Object.fromEntries((await importMeasures([file])).map(([n, ms]) => [n, ms]));
        (results[name] ??= []).push({ ms: m['import:decode'] + m['import:parse'], warm: m['import:warm'] });
      }
    }
  } finally {
    for (const f of worker) writeFileSync(path.join(dist, f), kept[f]);
  }
  console.log(`import:decode + import:parse, file picked once the worker is warm, ${runs} alternating runs each:`);
  for (const [name, rows] of Object.entries(results)) {
    const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`  ${name.padEnd(12)} median ${median(ms).toFixed(0)} ms (runs: ${ms.map((x) => x.toFixed(0)).join(', ')}); import:warm ${median(rows.map((r) => r.warm)).toFixed(0)} ms`);
  }
}
server.stop();

/** Imports files through the Import page of a fresh browser; its `import:*` User Timing measures.
 * With `warm`, the files are picked once the page's import worker is warm (`import:warm`). */
async function importMeasures(files, { warm = true } = {}) {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await open(page, server.url + '/import');
  if (warm) await page.waitForFunction(() => performance.getEntriesByName('import:warm').length > 0, null, { timeout: 60000 });
  await page.getByTestId('import-input').setInputFiles(files);
  await page.getByTestId('import-done').waitFor({ timeout: 600000 });
  const measures = await page.evaluate(() => [
    ...performance.getEntriesByType('measure')
      .filter((m) => m.name.startsWith('import:')).map((m) => [m.name, m.duration, m.detail.records]),
    // The worker's WebAssembly memory at the end: the most the import held at once.
    ...performance.getEntriesByName('import:memory').map((m) => [m.name, 0, m.detail.bytes]),
  ]);
  await browser.close();
  return measures;
}

/** A CRM-like audience with five planted groups (seeded, so every run sees the same file). */
function audience(n) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const normal = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const pick = (options, own) => (random() < 0.8 ? options[own % options.length] : options[Math.floor(random() * options.length)]);
  const cities = ['Jakarta', 'Bandung', 'Surabaya', 'Medan', 'Makassar', 'Denpasar'];
  const items = ['kopi', 'lari', 'yoga', 'musik', 'game', 'travel', 'buku', 'film'];
  const lines = ['member_id,age,income,visits,spend,gender,city,segment,device,interests'];
  for (let i = 0; i < n; i++) {
    const g = i % 5;
    const interests = [0, 1, 2].filter(() => random() < 0.7).map((k) => items[(g * 2 + k) % items.length]);
    lines.push([
      `M${i}`, (22 + 11 * g + 3 * normal()).toFixed(0), (3 + 4 * g + normal()).toFixed(1),
      Math.max(0, 2 + 3 * g + normal()).toFixed(0), (50 + 40 * g + 15 * normal()).toFixed(0),
      pick(['F', 'M'], g), pick(cities, g), pick(['a', 'b', 'c', 'd', 'e'], g), pick(['android', 'ios', 'desktop'], g),
      `"${interests.join(';')}"`,
    ].join(','));
  }
  return lines.join('\n') + '\n';
}
