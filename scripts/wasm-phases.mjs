// Runs a WASI build of an example in Node (V8, the engine of the import worker), with the
// directory of FILE readable: node scripts/wasm-phases.mjs EXAMPLE.wasm FILE
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WASI } from 'node:wasi';

const [wasm, file] = process.argv.slice(2);
const dir = path.dirname(path.resolve(file));
const wasi = new WASI({
  version: 'preview1',
  args: ['phases', path.join('/data', path.basename(file))],
  env: { RUNS: process.env.RUNS ?? '3' },
  preopens: { '/data': dir },
});
const module = await WebAssembly.compile(readFileSync(wasm));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
// Node 20's V8 can crash collecting garbage while a WebAssembly memory grows in many steps:
// the memory is grown once, to 2 GB, before the run.
const memory = instance.exports.memory;
memory.grow(Math.max(0, 32768 - memory.buffer.byteLength / 65536));
wasi.start(instance);
