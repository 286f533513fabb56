#!/usr/bin/env python3
"""Validates what Storyline publishes, with validators from PyPI.

    scripts/validate_site.py [PATH_TO_STORYLINE_BINARY]

Ingests the seed articles (examples/articles) into a temporary database,
publishes the static site (`storyline publish`), and checks:

- the OpenAPI document (`/api/v1/openapi.json`, from a short-lived
  `storyline serve`) with `openapi-spec-validator` (OpenAPI 3.1 schema);
- every Atom feed of the site (`feed.xml`, `stories/*/feed.xml`), parsed
  with `feedparser` (no bozo error) and checked against RFC 4287's
  required elements: feed `id`, `title`, `updated`, an author (on the feed
  or on every entry), a `rel="self"` or alternate link; entry `id`,
  `title`, `updated`, a link or content; ids as URIs; every date an RFC
  3339 date-time;
- every HTML page of the site parses (`html5lib`, strict) and has one `h1`.

Installs its own dependencies with pip (PyPI only) into a virtualenv under
target/validate-venv when they are missing. Prints 'N passed, N failed'
and exits non-zero on any failure.
"""

import glob
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "validate-venv")
DEPS = ["openapi-spec-validator==0.7.2", "feedparser==6.0.11", "html5lib==1.1"]
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def ensure_deps():
    """Re-runs this script in a virtualenv with the validators installed."""
    try:
        import feedparser  # noqa: F401
        import html5lib  # noqa: F401
        import openapi_spec_validator  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get("STORYLINE_VALIDATE_VENV"):
        sys.exit("the validators could not be imported after installing them")
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", *DEPS], check=True)
    env = dict(os.environ, STORYLINE_VALIDATE_VENV="1")
    sys.exit(subprocess.run([python, os.path.abspath(__file__), *sys.argv[1:]], env=env).returncode)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, seconds=30):
    deadline = time.time() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.read()
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def atom_problems(path):
    """RFC 4287's required elements, checked on the raw XML."""
    import feedparser

    problems = []
    parsed = feedparser.parse(path)
    if parsed.bozo:
        problems.append(f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "atom10":
        problems.append(f"not Atom 1.0 ({parsed.version})")
    feed = ET.parse(path).getroot()
    if feed.tag != ATOM + "feed":
        return problems + ["root is not atom:feed"]

    def need(el, name, where):
        found = el.findall(ATOM + name)
        if len(found) != 1 or not (found[0].text or "").strip():
            problems.append(f"{where}: exactly one non-empty atom:{name} required")
            return None
        return found[0].text.strip()

    def date(el, name, where):
        text = need(el, name, where)
        if text is not None and not RFC3339.match(text):
            problems.append(f"{where}: atom:{name} '{text}' is not an RFC 3339 date-time")

    def uri(text, where):
        if text is not None and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", text):
            problems.append(f"{where}: atom:id '{text}' is not an absolute IRI")

    uri(need(feed, "id", "feed"), "feed")
    need(feed, "title", "feed")
    date(feed, "updated", "feed")
    links = feed.findall(ATOM + "link")
    if not any(l.get("rel") in ("self", "alternate", None) for l in links):
        problems.append("feed: no self or alternate link")
    feed_author = feed.find(ATOM + "author")
    entries = feed.findall(ATOM + "entry")
    if not entries:
        problems.append("feed: no entries")
    for i, entry in enumerate(entries):
        where = f"entry {i + 1}"
        uri(need(entry, "id", where), where)
        need(entry, "title", where)
        date(entry, "updated", where)
        if entry.find(ATOM + "published") is not None:
            date(entry, "published", where)
        author = entry.find(ATOM + "author")
        if feed_author is None and author is None:
            problems.append(f"{where}: no author (and none on the feed)")
        for a in [x for x in (author, feed_author) if x is not None]:
            if not (a.findtext(ATOM + "name") or "").strip():
                problems.append(f"{where}: author without a name")
        has_alternate = any(l.get("rel") in ("alternate", None) for l in entry.findall(ATOM + "link"))
        if not has_alternate and entry.find(ATOM + "content") is None:
            problems.append(f"{where}: neither an alternate link nor content")
        if entry.find(ATOM + "content") is None and entry.find(ATOM + "summary") is None:
            problems.append(f"{where}: neither content nor summary")
    return problems


def main():
    ensure_deps()
    import html5lib
    from openapi_spec_validator import validate

    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "debug", "storyline")
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"), flush=True)

    work = tempfile.mkdtemp(prefix="storyline-validate-")
    env = dict(os.environ, RUST_BACKTRACE="0")
    db = os.path.join(work, "seed.db")
    site = os.path.join(work, "site")
    server = None
    try:
        subprocess.run([binary, "--db", db, "-q", "ingest", os.path.join(ROOT, "examples", "articles")],
                       check=True, env=env)
        subprocess.run([binary, "--db", db, "-q", "publish", site, "--site-url", "https://example.org"],
                       check=True, env=env)
        port = free_port()
        server = subprocess.Popen([binary, "--db", db, "-q", "serve", "--addr", f"127.0.0.1:{port}"], env=env)
        doc = json.loads(fetch(f"http://127.0.0.1:{port}/api/v1/openapi.json"))
        try:
            validate(doc)
            check("openapi.json validates (OpenAPI 3.1, openapi-spec-validator)", True)
        except Exception as e:  # the validator's own error types
            check("openapi.json validates (OpenAPI 3.1, openapi-spec-validator)", False, str(e)[:400])
        served_feed = os.path.join(work, "served-feed.xml")
        with open(served_feed, "wb") as f:
            f.write(fetch(f"http://127.0.0.1:{port}/feed.xml"))
        feeds = sorted(glob.glob(os.path.join(site, "**", "feed.xml"), recursive=True)) + [served_feed]
        check("the site has a site feed and story feeds", len(feeds) >= 3, f"{len(feeds)} feeds")
        for path in feeds:
            problems = atom_problems(path)
            check(f"Atom (RFC 4287) {os.path.relpath(path, work)}", not problems, "; ".join(problems[:5]))
        pages = sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True))
        parser = html5lib.HTMLParser(strict=True)
        bad = []
        for page in pages:
            with open(page, "rb") as f:
                data = f.read()
            try:
                tree = parser.parse(data)
            except Exception as e:  # html5lib's ParseError
                bad.append(f"{os.path.relpath(page, site)}: {e}")
                continue
            h1 = tree.findall(".//{http://www.w3.org/1999/xhtml}h1")
            if len(h1) != 1:
                bad.append(f"{os.path.relpath(page, site)}: {len(h1)} h1")
        check(f"{len(pages)} HTML pages parse strictly with one h1 each", pages and not bad, "; ".join(bad[:5]))
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)
    passed = sum(1 for r in results if r)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
