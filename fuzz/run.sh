#!/usr/bin/env bash
# Runs every fuzz target (or the TARGETs named) for SECONDS (default 120)
# each, one after another: run.sh [SECONDS [TARGET...]].
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
# The targets that read a selector byte first get each seed behind it.
for target in post_body html_page; do
    mkdir -p "corpus/$target"
    for file in ../examples/articles/* ../testdata/articles/*/*; do
        name="$(sha1sum < "$file" | cut -d' ' -f1)"
        for selector in 0 1 2; do
            [ -e "corpus/$target/$selector-$name" ] \
                || { printf '%s' "$selector"; cat "$file"; } > "corpus/$target/$selector-$name"
        done
    done
done
# JSON bodies as the API documents them (selector '0' is JSON for post_body).
printf '0{"title": "A", "body": "Text.", "date": "2020-09-30", "authors": ["Ann"], "categories": ["x"], "lead": "L", "url": "https://x.com/a", "source": "x.com", "language": "en", "image": "https://x.com/i.jpg"}' \
    > corpus/post_body/json-one
printf '0[{"title": "A", "text": "One."}, {"title": "B", "body": "Two.", "published_at": "Tue, 29 Sep 2020 10:00:00 +0200"}]' \
    > corpus/post_body/json-array
# Selector '2': one JSON article's fields, NUL-separated, in ArticleInput's order.
printf '2A headline\000Body text.\000The lead\000https://x.com/a\0002020-09-30\000x.com\000Ann\000sport\000en\000https://x.com/i.jpg' \
    > corpus/post_body/fields
mkdir -p corpus/charset && cp -n ../testdata/articles/html/* corpus/charset/
gzip -c ../testdata/articles/html/harbour-bridge.html > corpus/charset/harbour-bridge.html.gz
seconds="${1:-120}"
status=0
targets=("${@:2}")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo +nightly fuzz list)
for target in "${targets[@]}"; do
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
