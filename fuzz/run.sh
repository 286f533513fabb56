#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 120) each, one after another.
# Needs the nightly toolchain and cargo-fuzz (`cargo install --locked cargo-fuzz`).
set -u
cd "$(dirname "$0")"
for target in ingest_auto ingest_format claims dates; do
    mkdir -p "corpus/$target" && cp -n ../examples/articles/* "corpus/$target/"
done
seconds="${1:-120}"
status=0
for target in $(cargo +nightly fuzz list); do
    mkdir -p "corpus/$target"
    echo "== $target (${seconds}s)"
    cargo +nightly fuzz run -O "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 2>&1 \
        | grep -E '^(#[0-9]+.*DONE|Done|==[0-9]+==|SUMMARY|.*panicked|artifact_prefix|Test unit written)' || true
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
exit $status
