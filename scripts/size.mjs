#!/usr/bin/env node
// Reports the initial transfer of a build (wasm + js + css + html, and the texts of one language,
// gzipped) against the 400 KB budget, and apart from it what is fetched later: each page's chunks
// (on its first visit), the other language's texts (on a switch) and the import worker (on first
// use).
//   node scripts/size.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET = 400 * 1024;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);

// The page's own folder (scripts/split_page.py): its glue, main module and split loader load at
// start-up; `split_*` are the routes' chunks and `chunk_*` the code several routes share.
const files = [];
for (const name of readdirSync(dist)) {
  const full = path.join(dist, name);
  if (statSync(full).isDirectory()) {
    for (const inner of readdirSync(full)) files.push(path.join(name, inner));
  } else {
    files.push(name);
  }
}

let initial = 0;
let worker = 0;
let routes = 0;
const rows = [];
const routeRows = [];
// The message catalogs (scripts/catalog.py): the page fetches the one of the language it shows;
// the larger one is counted.
const catalogs = files.filter((name) => /(^|\/)i18n-[a-z]+-[0-9a-f]+\.json$/.test(name));
if (catalogs.length > 0) {
  const sizes = catalogs.map((name) => [name, gz(path.join(dist, name))]);
  const largest = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
  initial += largest[1];
  rows.push([`${largest[0]} (one language's texts)`, largest[1]]);
}
for (const name of files) {
  if (!/\.(wasm|js|css|html)$/.test(name)) continue;
  const size = gz(path.join(dist, name));
  const base = path.basename(name);
  if (base.startsWith('worker')) {
    worker += size;
    console.log(`${kb(size)} KB gz  (on first import) ${name}`);
  } else if (base.startsWith('split_') || base.startsWith('chunk_')) {
    routes += size;
    if (base.startsWith('split_')) routeRows.push([name, size]);
  } else {
    initial += size;
    rows.push([name, size]);
  }
}
routeRows.sort((a, b) => b[1] - a[1]);
for (const [name, size] of routeRows) console.log(`${kb(size)} KB gz  (on first visit)  ${name}`);
rows.sort((a, b) => b[1] - a[1]);
for (const [name, size] of rows) console.log(`${kb(size)} KB gz  (at start-up)     ${name}`);
console.log(`pages' chunks, each fetched on the page's first visit: ${(routes / 1024).toFixed(1)} KB gzipped in all`);
console.log(`import worker, loaded on first import: ${(worker / 1024).toFixed(1)} KB gzipped`);
const verdict = initial <= BUDGET ? 'within' : 'OVER';
console.log(`initial transfer: ${(initial / 1024).toFixed(1)} KB gzipped (${verdict} the ${BUDGET / 1024} KB budget)`);
