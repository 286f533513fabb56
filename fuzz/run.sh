#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 120) each, one after another.
# Needs the nightly toolchain and cargo-fuzz (`cargo install --locked cargo-fuzz`).
# Corpora (fuzz/corpus, not committed) are seeded from the repository's own
# article fixtures and every target replays its fixed crash inputs in
# fuzz/regressions/TARGET first. An input slower than 10 s is a finding.
set -u
cd "$(dirname "$0")"
for target in ingest_auto ingest_format claims dates; do
    mkdir -p "corpus/$target" && cp -n ../examples/articles/* "corpus/$target/"
done
for target in ingest_auto ingest_format; do
    # Named by content, as libFuzzer names its units (two fixtures share a name).
    for file in $(find ../testdata/articles ../testdata/invalid -type f); do
        cp -n "$file" "corpus/$target/$(sha1sum < "$file" | cut -d' ' -f1)"
    done
done
seconds="${1:-120}"
status=0
for target in $(cargo +nightly fuzz list); do
    mkdir -p "corpus/$target"
    seeds=()
    [ -d "regressions/$target" ] && seeds=("regressions/$target")
    echo "== $target (${seconds}s)"
    cargo +nightly fuzz run -O "$target" "corpus/$target" "${seeds[@]}" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 2>&1 \
        | grep -E '^(#[0-9]+.*DONE|Done|==[0-9]+==|SUMMARY|.*panicked|artifact_prefix|Test unit written)' || true
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
exit $status
