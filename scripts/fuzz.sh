#!/usr/bin/env bash
# Fuzzes every importer family (and the plan CSV and workspace-file readers) for a bounded time
# each: cargo-fuzz with libFuzzer and AddressSanitizer on the nightly toolchain, both installed
# when missing. Seeds come from tests/fixtures. A crash fails the run and leaves its input in
# fuzz/artifacts/<target>/.
#   bash scripts/fuzz.sh            # FUZZ_SECONDS=20 per target by default
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${FUZZ_SECONDS:-20}

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "== installing the nightly toolchain (cargo-fuzz needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# Seeds: the rows below the header of the project's own fixtures (each target supplies its
# family's header), and whole files for the workbook, plan and workspace-file targets.
seed() { # target, then lines
  local dir="fuzz/corpus/$1"; shift
  mkdir -p "$dir"
  printf '%s\n' "$@" > "$dir/seed-inline"
}
rows() { # target, fixture file
  mkdir -p "fuzz/corpus/$1"
  tail -n +2 "$2" > "fuzz/corpus/$1/seed-$(basename "$2")"
}
F=tests/fixtures
rows meta_content "$F/import/meta-content-id-cp1252.csv"
rows mentions "$F/import/mentions-listening-id.csv"
rows benchmarks "$F/import/benchmarks-en.csv"
rows messages "$F/import/inbox-messages-id.csv"
rows tiktok "$F/import/tiktok-overview-invalid-utf8.csv"
rows web "$F/import/web-semicolon-dayfirst.csv"
rows x_content "$F/import/x-account-analytics-ja.csv"
rows people "$F/audience/members-semicolon.csv"
seed meta_series '"2026-11-01T08:00:00","1204"' '"2026-11-02T08:00:00","987"'
seed x_tweets '"1","https://twitter.com/a/status/1","hi","2025-03-01 10:00 +0000","100","5","0","1","2","-"'
seed youtube 'Total,,,,100,2.5,1,900' 'abc123,Video,"Jun 13, 2025",61,50,1.2,0,400'
seed competitors 'Kopi Nusantara,"12,500",340,"1,875",12' 'Kopi Senja,30100,910,6300,21' 'Average,1,1,1,1'
seed generic '03/02/2026 09:15;Promo;https://example.com/p/101;1.200;80'
mkdir -p fuzz/corpus/workbook fuzz/corpus/plan_csv fuzz/corpus/workspace_file
cp "$F/import/facebook-insights-page-level.xls" "$F/import/kopi-nusantara_competitor_analytics_1764200000000.xlsx" fuzz/corpus/workbook/
cp "$F/plan/bulk-semicolon.csv" fuzz/corpus/plan_csv/
cp "$F/workspace/v1-minimal.json" fuzz/corpus/workspace_file/

cd fuzz
log=$(mktemp)
for target in $(cargo +nightly fuzz list); do
  echo "== fuzzing $target for ${seconds}s"
  status=0
  cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -max_len=8192 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 > "$log" 2>&1 || status=$?
  grep -E '^stat::number_of_executed_units' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "fuzz: $target failed (exit $status); a failing input is kept in fuzz/artifacts/$target" >&2
    exit 1
  fi
done
echo "fuzz: every target ran ${seconds}s without a failure"
