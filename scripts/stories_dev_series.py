#!/usr/bin/env python3
"""Figure series and disagreements of each stories-dev story, ingested alone.

For every labeled story in a stories-dev folder, writes that story's pages as
JSON Lines (text, headline, and the label's url, outlet and date, as a
crawler would know them; never the story label), ingests them into a fresh
SQLite store, and prints the `series[]` and `contradictions[]` of every story
the clusterer made from them (`storyline story ID --json`).

Then reads the money, count, duration and percentage figures quoted in `stories.md`
("double quotes") and says, for each gold fact line, which quoted figures
appear as a point of some series, with that point's holder, kind, date and
source, so the result can be checked against the gold by eye.

Usage:
    python3 scripts/stories_dev_series.py [--data ../shared/data/stories-dev]
        [--bin target/debug/storyline] [--story ID] [--json OUT]

Standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
SCALE = {
    "bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "mn": 1e6,
    "milljónir": 1e6, "miljoen": 1e6, "milhões": 1e6, "millioner": 1e6,
    "milioni": 1e6, "milijardo": 1e9, "bilyong": 1e9, "k": 1e3,
    "миллионное": 1e6, "हजार": 1e3,
}


def read_labels(data):
    """The label lines of `labels.jsonl`, keyed by article id."""
    labels = {}
    with open(os.path.join(data, "labels.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                value = json.loads(line)
                labels[value["id"]] = value
    return labels


def page_record(data, label):
    """One JSON Lines record for a page: its text and the label's crawler fields."""
    with open(os.path.join(data, "articles", label["id"] + ".txt"), encoding="utf-8") as f:
        text = f.read()
    date = label.get("date")
    match = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s*", text)
    if match:
        date = date or match.group(1)
        text = text[match.end():]
    record = {"text": text.strip(), "url": label["url"], "source_domain": label["outlet"]}
    first, _, rest = text.strip().partition("\n")
    # A section label above the headline ("Sports") is not the headline a
    # crawler would read from the page: take the line under it.
    if len(first.split()) <= 2 and rest.strip() and not any(c.isdigit() for c in first):
        first, _, rest = rest.strip().partition("\n")
    if rest.strip() and len(first) <= 200 and not first.rstrip().endswith((".", "!", "?")):
        record = {"title": first.strip(), **record, "text": rest.strip()}
    if date:
        record["date"] = date
    if label.get("lang"):
        record["language"] = label["lang"]
    return record


def run(binary, db, *args):
    """Runs the CLI against `db` and returns its standard output."""
    out = subprocess.run(
        [binary, "--db", db, *args], capture_output=True, text=True, check=False
    )
    if out.returncode not in (0, 3):
        sys.exit(f"{binary} {' '.join(args)} failed ({out.returncode}): {out.stderr}")
    return out.stdout


def story_views(binary, data, labels, story):
    """`story --json` of every story made from one labeled story's pages alone."""
    ids = {}
    with tempfile.TemporaryDirectory() as tmp:
        pages = os.path.join(tmp, "pages.jsonl")
        with open(pages, "w", encoding="utf-8") as f:
            for label in labels.values():
                if label.get("story") == story:
                    record = page_record(data, label)
                    ids[record["url"]] = label["id"]
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
        db = os.path.join(tmp, "store.db")
        run(binary, db, "ingest", pages)
        stories = json.loads(run(binary, db, "--json", "stories", "--limit", "100"))
        views = [json.loads(run(binary, db, "--json", "story", s["id"])) for s in stories]
        articles = json.loads(run(binary, db, "--json", "articles"))
    by_article = {a["id"]: ids.get(a.get("url"), a["id"]) for a in articles}
    return views, by_article


def gold_facts(data):
    """Each story's gold fact lines from `stories.md`, with their quoted figures."""
    facts, story = {}, None
    with open(os.path.join(data, "stories.md"), encoding="utf-8") as f:
        for line in f:
            heading = re.match(r"## (\S+)", line)
            if heading:
                story = heading.group(1)
                continue
            if story and line.startswith("- "):
                quotes = re.findall(r"\"([^\"]*)\"", line)
                figures = [q for q in quotes if NUMBER.search(q)]
                facts.setdefault(story, []).append((line[2:].strip(), figures))
    return facts


def amounts_in(quote):
    """The numeric values a quote may stand for (as written, and scaled)."""
    values = set()
    # "US$44-billion": a hyphen may join the figure to its scale word.
    # The scale word may be of any script ("35 हजार", "90 миллионное").
    for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)(?:-|\s*)([^\s\d.,;:()\"$£€-]+)?", quote):
        raw = m.group(1).replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        values.add(round(value, 3))
        scale = SCALE.get((m.group(2) or "").lower())
        if scale:
            values.add(round(value * scale, 3))
    return values


def point_values(point):
    """The values a series point gives (amount or count), as numbers."""
    amount = point.get("amount") or {}
    values = set()
    for key in ("value", "min", "max"):
        v = amount.get(key) if isinstance(amount, dict) else None
        if isinstance(v, (int, float)):
            values.add(round(float(v), 3))
    if isinstance(point.get("value"), (int, float)):
        values.add(round(float(point["value"]), 3))
    return values


def describe_amount(point):
    amount = point.get("amount")
    if isinstance(amount, dict):
        cur = amount.get("currency") or amount.get("unit") or ""
        value = amount.get("value")
        if amount.get("min") is not None and amount.get("min") != amount.get("max"):
            value = f"{amount.get('min')}-{amount.get('max')}"
        return f"{value} {cur}".strip()
    return str(amount)


def quote_articles(fact, quote):
    """The article ids a quoted figure is credited to: the bracketed ids
    that first follow the quote in its fact line."""
    at = fact.find('"' + quote + '"')
    match = re.search(r"((?:\[dev-\d+\]\s*)+)", fact[at:] if at >= 0 else fact)
    return re.findall(r"dev-\d+", match.group(1)) if match else []


def squash(text):
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()


def claim_values(claim):
    """The numbers a claim gives (amount bounds or quantity)."""
    values = set()
    for field in ("amount", "quantity"):
        part = claim.get(field) or {}
        for key in ("value", "min", "max"):
            if isinstance(part.get(key), (int, float)):
                values.add(round(float(part[key]), 3))
    return values


def point_key(claim):
    """(article, value) of a claim: a series keeps one point per article and
    figure, so an article's repeat of a charted figure is that point."""
    return (claim.get("article"), tuple(sorted(claim_values(claim))))


def placement(claim, charted, by_id):
    """Where a claim shows in the story view."""
    if claim["id"] in charted:
        return "series"
    charted_keys = {point_key(by_id[c]) for c in charted if c in by_id}
    # A series keeps one point per article and figure: an article's repeat
    # of a figure it already charted in the same series is that point.
    series_key = lambda c: (c.get("subject"), c.get("holder"), c.get("kind"))
    if any(
        point_key(by_id[c]) == point_key(claim) and series_key(by_id[c]) == series_key(claim)
        for c in charted if c in by_id
    ):
        return "series (the article's repeat of its point)"
    for link in ("same_as", "part_of"):
        other = claim.get(link)
        if other:
            root = by_id.get(other) if isinstance(other, str) else None
            if root and (root["id"] in charted or point_key(root) in charted_keys):
                return f"{link} a series point"
            return link
    if claim.get("historic"):
        return "historic (not charted)"
    if claim["kind"] in ("count", "duration", "percent"):
        return "claim (counts, durations and percentages are compared, not charted)"
    return f"not charted (kind {claim['kind']})"


DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Sept\.)\s+\d|\bp\.m\.|\buntil \d{4}\b"
)


def is_date(quote):
    """Quotes that give a date or a time, not a figure ("August 10 deadline")."""
    return DATE.search(quote) is not None


def with_copies(arts, labels):
    """The credited articles with their labeled copies and originals: a copy
    is stored as a duplicate, so its figures are read from its original."""
    out = set(arts)
    for label in labels.values():
        original = label.get("duplicate_of")
        if original and (original in arts or label["id"] in arts):
            out.update((original, label["id"]))
    return out


def find_claims(quote, arts, claims, by_article):
    """The story claims that report a quoted figure in the credited articles."""
    wanted = amounts_in(quote)
    near = [c for c in claims if by_article.get(c["article"]) in arts and claim_values(c) & wanted]
    exact = [c for c in near if squash(c["text"]) in squash(quote) or squash(quote) in squash(c["text"])]
    # An article can give the same figure twice ("the £100m West Ham want",
    # then "a fixed £100 million transfer fee"): the claim whose sentence
    # holds the whole quote is the one quoted.
    in_sentence = [c for c in exact if squash(quote) in squash(c.get("sentence") or "")]
    return in_sentence or exact or near


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/stories-dev")
    parser.add_argument("--bin", default="target/debug/storyline")
    parser.add_argument("--story", action="append")
    parser.add_argument("--json", help="write every story's series, contradictions and fact rows here")
    parser.add_argument("--quiet-series", action="store_true", help="print only the fact table")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"no stories-dev folder at {args.data}")
    labels = read_labels(args.data)
    facts = gold_facts(args.data)
    stories = args.story or [s for s in facts if s not in ("Distractors", "Duplicates")]
    dump, totals = {}, {"quotes": 0, "found": 0, "series": 0, "contradictions": 0}
    for story in stories:
        views, by_article = story_views(args.bin, args.data, labels, story)
        claims = [c for v in views for c in v.get("claims", [])]
        by_id = {c["id"]: c for c in claims}
        charted = {p.get("claim") for v in views for s in v.get("series", []) for p in s.get("points", [])}
        print(f"\n## {story}: {len(views)} stories made")
        for view in views:
            if args.quiet_series:
                break
            for series in view.get("series", []):
                print(f"- series subject={series.get('subject')!r} holder={series.get('holder')!r} kind={series.get('kind')}")
                for p in series.get("points", []):
                    art = by_article.get(p.get("article"), p.get("article"))
                    print(f"    {(p.get('date') or '')[:10]} {describe_amount(p)} {p.get('status')} [{art}] by {p.get('attributed_to')}")
        for view in views:
            for c in view.get("contradictions", []):
                totals["contradictions"] += 1
                sides = "; ".join(
                    f"{s.get('value')} [{', '.join(by_article.get(a, a) for a in s.get('articles', []))}]"
                    for s in c.get("sides", [])
                )
                print(f"- CONTRADICTION {c.get('kind')} subject={c.get('subject')!r} holder={c.get('holder')!r} {c.get('state')}: {sides}")
        print(f"\n### {story}: gold figures")
        rows = []
        for fact, figures in facts.get(story, []):
            for quote in figures:
                arts = quote_articles(fact, quote)
                if is_date(quote):
                    print(f"| {','.join(arts)} | \"{quote}\" | a date, not a figure |")
                    continue
                found = find_claims(quote, with_copies(arts, labels), claims, by_article)
                totals["quotes"] += 1
                if found:
                    totals["found"] += 1
                    c = found[0]
                    where = placement(c, charted, by_id)
                    totals["series"] += where.startswith(("series", "same_as a", "part_of a"))
                    desc = (f"{where}: {c['kind']} holder={c.get('holder')} subject={c.get('subject')} "
                            f"status={c.get('status')} {(c.get('published_at') or 'undated')[:10]} by {c.get('attributed_to')}")
                else:
                    desc = "NO CLAIM"
                print(f"| {','.join(arts)} | \"{quote}\" | {desc} |")
                rows.append({"quote": quote, "articles": arts, "claims": found, "fact": fact})
        dump[story] = {"views": [{k: v.get(k, []) for k in ("series", "contradictions")} for v in views], "facts": rows}
    print(f"\nquoted figures {totals['quotes']}, with a claim {totals['found']}, "
          f"charted or linked to a series point {totals['series']}; contradictions {totals['contradictions']}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(dump, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
