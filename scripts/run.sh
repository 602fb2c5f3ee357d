#!/usr/bin/env bash
# Sets up what is missing, builds Linimasa for release and serves it on http://127.0.0.1:8080/.
#   scripts/run.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
port=${1:-8080}
scripts/setup.sh build
trunk build --release
exec python3 scripts/serve.py dist "$port"
