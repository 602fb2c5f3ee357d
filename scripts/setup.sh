#!/usr/bin/env bash
# Installs what building and testing Linimasa needs, skipping what is already present at the
# right version. Safe to run again: a second run only checks.
#   scripts/setup.sh          everything (build tools, browser, end-to-end test packages)
#   scripts/setup.sh build    only what `trunk build` needs
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.3
# The CLI must equal the wasm-bindgen crate that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
what=${1:-all}

export PATH="$HOME/.cargo/bin:$PATH"
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
[ "$what" = all ] && apt_packages+=(chromium chromium-driver)
missing=()
for p in ${apt_packages[@]+"${apt_packages[@]}"}; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} from Debian"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  echo "setup: installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qF " $WASM_BINDGEN_VERSION"; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Not --locked: its lock file names a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Cuts the page into per-route chunks (scripts/split_page.py); it must match the
# wasm_split_helpers that leptos uses (Cargo.lock).
if ! command -v wasm-split-cli >/dev/null \
  || ! grep -qs "wasm_split_cli_support $WASM_SPLIT_VERSION " "$HOME/.cargo/.crates.toml"; then
  echo "setup: installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# wasm-opt from npm's binaryen: Debian's release is too old for wasm-bindgen's output. esbuild
# minifies the page's JavaScript glue.
if ! tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version_$(sed -n 's/.*"binaryen": "\([0-9]*\).*/\1/p' tools/package.json)" \
  || [ "$(tools/node_modules/.bin/esbuild --version 2>/dev/null)" != "$(sed -n 's/.*"esbuild": "\([0-9.]*\)".*/\1/p' tools/package.json)" ]; then
  echo "setup: installing wasm-opt (npm binaryen) and esbuild"
  (cd tools && npm ci --no-audit --no-fund)
fi

if [ "$what" = all ]; then
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/ical.js ] \
    || [ ! -d tests/e2e/node_modules/papaparse ]; then
    echo "setup: installing end-to-end test packages"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
fi
echo "setup: ready"
