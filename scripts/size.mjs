#!/usr/bin/env node
// Reports the initial transfer of a build (wasm + js + css, gzipped) against the 400 KB budget.
//   node scripts/size.mjs [dist]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET = 400 * 1024;
let total = 0;
const rows = [];
let later = 0;
for (const name of readdirSync(dist)) {
  if (!/\.(wasm|js|css|html)$/.test(name)) continue;
  // The import worker is fetched when the user first imports, not at start-up.
  if (name.startsWith('worker')) {
    const gz = gzipSync(readFileSync(path.join(dist, name)), { level: 9 }).length;
    later += gz;
    console.log(`${(gz / 1024).toFixed(1).padStart(8)} KB gz  (on first import) ${name}`);
    continue;
  }
  const bytes = readFileSync(path.join(dist, name));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  rows.push([name, bytes.length, gz]);
}
rows.sort((a, b) => b[2] - a[2]);
for (const [name, raw, gz] of rows) {
  console.log(`${(gz / 1024).toFixed(1).padStart(8)} KB gz ${(raw / 1024).toFixed(1).padStart(9)} KB  ${name}`);
}
console.log(`import worker, loaded on first import: ${(later / 1024).toFixed(1)} KB gzipped`);
const verdict = total <= BUDGET ? 'within' : 'OVER';
console.log(`initial transfer: ${(total / 1024).toFixed(1)} KB gzipped (${verdict} the ${BUDGET / 1024} KB budget)`);
