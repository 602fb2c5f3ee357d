#!/usr/bin/env bash
# Builds the import worker from the code as it is now into DIR (worker_bg.wasm and worker.js, as
# Trunk's release build makes them, without minifying), for `node bench.mjs ab`:
#   bash scripts/worker-variant.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: bash scripts/worker-variant.sh DIR}"
cargo build --quiet --profile worker --target wasm32-unknown-unknown --bin worker
mkdir -p "$dir"
wasm-bindgen --target no-modules --no-typescript --out-dir "$dir" --out-name worker \
  target/wasm32-unknown-unknown/worker/worker.wasm
ls -la "$dir/worker_bg.wasm" "$dir/worker.js"
