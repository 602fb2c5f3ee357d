#!/usr/bin/env bash
# Sets up what is missing and runs every test: formatting and lints, native unit and integration
# tests, IndexedDB tests in headless Chromium, the release build with its size report, and the
# end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

step "setup"
scripts/setup.sh

step "format and lints"
cargo fmt --all -- --check
cargo clippy --no-default-features --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings
cargo clippy --target wasm32-unknown-unknown --bin linimasa --features catalog-file -- -D warnings

step "native tests (domain, sync, storage without a browser)"
cargo test --no-default-features

step "IndexedDB store in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=$(command -v chromedriver) cargo test --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release
node scripts/size.mjs dist

step "end-to-end tests in Chromium"
(cd tests/e2e && npm test)
