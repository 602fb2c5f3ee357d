#!/usr/bin/env bash
# Times the import phases of one file in WebAssembly, in Node's V8 (the engine of the import
# worker), without a browser: the worker's code and build profile, compiled for WASI.
#   bash scripts/wasm-phases.sh FILE        (RUNS=5 for more runs)
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1
cargo build --quiet --profile worker --target wasm32-wasip1 --no-default-features --example phases
node --no-warnings scripts/wasm-phases.mjs target/wasm32-wasip1/worker/examples/phases.wasm "$1"
