#!/usr/bin/env python3
"""Python peers on the same pages as `storyline eval extraction` and
`storyline eval pubdates`, with the same metrics, so the README compares
like with like.

Usage (installs nothing itself; a virtualenv is the easy way; trafilatura
needs lxml_html_clean with recent lxml):
    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install trafilatura htmldate lxml_html_clean
    /tmp/peers/bin/python scripts/html_peers.py [../shared/data]

Prints one line per benchmark and tool: documents, precision, recall, F1
(and accuracy for dates). Only the page URL is passed with each page, as
storyline's eval does.
"""

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import htmldate
import trafilatura

WORD = re.compile(r"\w+", re.UNICODE)


def read_page(path):
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data  # trafilatura and htmldate detect the charset themselves


def shingles(text, n=4):
    tokens = WORD.findall(text or "")
    grams = [" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def zyte(data):
    folder = data / "extraction" / "zyte"
    truth = json.loads((folder / "ground-truth.json").read_text())
    precisions, recalls = [], []
    for key, entry in sorted(truth.items()):
        html = read_page(folder / "html" / f"{key}.html.gz")
        pred = trafilatura.extract(html, url=entry.get("url")) or ""
        t, p = shingles(entry["articleBody"]), shingles(pred)
        tp = sum(min(t[k], p[k]) for k in t)
        fp = sum(max(0, p[k] - t[k]) for k in p)
        fn = sum(max(0, t[k] - p[k]) for k in t)
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
        elif tp == 0:
            if fp:
                precisions.append(0.0)
            if fn:
                recalls.append(0.0)
        else:
            precisions.append(tp / (tp + fp))
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    report("zyte", f"trafilatura {trafilatura.__version__}", len(truth), p, r, 2 * p * r / (p + r))


def trafilatura_eval(data):
    folder = data / "extraction" / "trafilatura-eval-dev"
    cases = json.loads((folder / "evaldata.json").read_text())
    tp = fp = fn = tn = 0
    collapse = lambda s: " ".join(s.split())
    for key, entry in sorted(cases.items()):
        html = read_page(folder / "pages" / f"{entry['file']}.gz")
        url = key if key.startswith("http") else None
        text = collapse(trafilatura.extract(html, url=url) or "")
        for seg in entry.get("with", []):
            if collapse(seg) in text:
                tp += 1
            else:
                fn += 1
        for seg in entry.get("without", []):
            if collapse(seg) in text:
                fp += 1
            else:
                tn += 1
    p, r = tp / (tp + fp), tp / (tp + fn)
    report("trafilatura-eval-dev", f"trafilatura {trafilatura.__version__}", len(cases), p, r, 2 * tp / (2 * tp + fp + fn))


def pubdates(data):
    folder = data / "pubdates" / "htmldate"
    for mode, extensive in (("extensive", True), ("fast", False)):
        tp = fp = fn = tn = 0
        total = 0
        for name in ("eval_default.json", "eval_mediacloud_2020.json"):
            labels = json.loads((folder / name).read_text().replace(": NaN", ": null"))
            for url, entry in labels.items():
                total += 1
                html = read_page(folder / "pages" / f"{entry['file']}.gz")
                try:
                    got = htmldate.find_date(html, url=url, extensive_search=extensive, original_date=True)
                except Exception:  # a peer's crash counts as no output
                    got = None
                gold = entry.get("date")
                if got is None:
                    if gold is None:
                        tn += 1
                    else:
                        fn += 1
                elif gold is not None and got[:10] == gold[:10]:
                    tp += 1
                else:
                    fp += 1
        p, r = tp / (tp + fp), tp / (tp + fn)
        f = 2 * tp / (2 * tp + fp + fn)
        report("pubdates", f"htmldate {htmldate.__version__} ({mode})", total, p, r, f, (tp + tn) / total)


def report(bench, tool, n, p, r, f, acc=None):
    extra = f"  accuracy {acc:.3f}" if acc is not None else ""
    print(f"{bench:<22} {tool:<28} {n:>5} docs  P {p:.3f}  R {r:.3f}  F1 {f:.3f}{extra}", flush=True)


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    zyte(root)
    trafilatura_eval(root)
    pubdates(root)
