#!/usr/bin/env bash
# Sets up what is missing, builds Linimasa for release and serves it on http://127.0.0.1:8080/.
#   scripts/run.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
port=${1:-8080}
scripts/setup.sh build
# The import worker is compiled with WebAssembly SIMD throughout (Trunk builds only the worker;
# scripts/split_page.py builds the page without it): see ARCHITECTURE.md.
RUSTFLAGS="-C target-feature=+simd128" trunk build --release
exec python3 scripts/serve.py dist "$port"
