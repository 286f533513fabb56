#!/usr/bin/env python3
"""Builds a large JSON Lines batch of articles for load tests, from real text.

    python3 scripts/bench_generate.py --count 100000 --out /tmp/bench.jsonl \
        [--data ../shared/data] [--seed 7] [--years 10]

Nothing here is invented text: every title and paragraph comes from
Reuters-21578 (`corpora/reuters21578.jsonl.gz`, 19,043 dated wire stories
with bodies), and every outlet from the hostnames of the UCI News Aggregator
sample (`uci-news/`). The texts are recombined so that 100,000 articles
are not 100,000 copies of 19,043:

- Reuters documents are grouped by (first topic, first place) and each group
  is cut, in its original date order, into chunks of at most 30 documents:
  wire stories adjacent in time on the same topic and place are the nearest
  thing Reuters has to a developing story.
- A generated story draws one chunk. Its articles each take the title and
  first paragraph of one chunk document, then one to three paragraphs of
  the chunk's other documents, in random order: the articles of a story
  share vocabulary (so the clusterer can group them) without being copies
  (a few are, as in real syndication).
- Story sizes are heavy-tailed (most 1-10 articles, a few hundred for some,
  one story of 2,000); a story's articles are spread over its span
  (1-25 days, exponential gaps) and stories start uniformly over `--years`
  years from 2016, so that only a bounded number of stories is active at
  any time (the clusterer compares a new article with the stories of the
  last 30 days).
- Each article has its own URL under its outlet's domain, so its id is
  stable and the batch is the same for the same seed.

The output is read by `storyline ingest FILE.jsonl` (JSON Lines: `title`,
`text`, `url`, `published_at`, `source_domain`).
"""

import argparse
import csv
import datetime as dt
import gzip
import io
import json
import os
import random
import sys
from collections import Counter, defaultdict

CHUNK = 30
BIG_STORY = 2000


def reuters_chunks(data):
    path = os.path.join(data, "corpora", "reuters21578.jsonl.gz")
    groups = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            body = (doc.get("body") or "").strip()
            title = (doc.get("title") or "").strip()
            if not body or not title:
                continue
            paragraphs = [
                " ".join(p.split())
                for p in body.replace("\r", "").split("\n    ")
                if len(p.split()) >= 5
            ]
            if not paragraphs:
                continue
            key = ((doc.get("topics") or ["-"])[0], (doc.get("places") or ["-"])[0])
            groups[key].append((doc["newid"], title.title(), paragraphs))
    chunks = []
    for key in sorted(groups):
        docs = sorted(groups[key])
        for i in range(0, len(docs), CHUNK):
            chunks.append(docs[i : i + CHUNK])
    return chunks


def outlets(data):
    path = os.path.join(data, "uci-news", "uci-news-aggregator.prefix6366.csv.gz")
    counts = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            host = row["HOSTNAME"].lower()
            for prefix in ("www.", "m."):
                if host.startswith(prefix):
                    host = host[len(prefix) :]
            if host:
                counts[host] += 1
    hosts = sorted(counts)
    return hosts, [counts[h] for h in hosts]


def story_sizes(count, rng):
    sizes = [BIG_STORY] if count >= 10 * BIG_STORY else []
    total = sum(sizes)
    while total < count:
        size = min(400, max(1, int(rng.paretovariate(1.3))))
        size = min(size, count - total)
        sizes.append(size)
        total += size
    rng.shuffle(sizes)
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--years", type=float, default=10.0)
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"no data folder at {args.data} (pass --data ../shared/data)")
    rng = random.Random(args.seed)
    chunks = reuters_chunks(args.data)
    hosts, weights = outlets(args.data)
    start = dt.datetime(2016, 1, 1, tzinfo=dt.timezone.utc)
    range_seconds = args.years * 365 * 86400
    written = 0
    with io.open(args.out, "w", encoding="utf-8") as out:
        for story, size in enumerate(story_sizes(args.count, rng)):
            chunk = rng.choice(chunks)
            span_days = 1 + min(24, size / 20) if size > 1 else 0
            t = start + dt.timedelta(seconds=rng.uniform(0, range_seconds))
            gap = span_days * 86400 / max(1, size)
            for n in range(size):
                own = rng.choice(chunk)
                others = [d for d in chunk if d is not own]
                paragraphs = [own[2][0]]
                for _ in range(rng.randint(1, 3)):
                    source = rng.choice(others or [own])
                    paragraphs.append(rng.choice(source[2]))
                rest = paragraphs[1:]
                rng.shuffle(rest)
                host = rng.choices(hosts, weights)[0]
                record = {
                    "title": own[1],
                    "text": "\n\n".join([paragraphs[0]] + rest),
                    "url": f"https://{host}/bench/{story}/{n}-{own[0]}",
                    "published_at": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "source_domain": host,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
                t += dt.timedelta(seconds=rng.expovariate(1 / gap) if gap else 0)
    print(f"wrote {written} articles in {story + 1} generated stories to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
