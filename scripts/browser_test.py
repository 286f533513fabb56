#!/usr/bin/env python3
"""Browser test of `storyline serve` in a real headless Chromium.

Ingests the seed articles into a temporary database, starts the server on a
free port, drives Debian's chromium through chromedriver (the W3C WebDriver
protocol over plain HTTP, so only the Python standard library is needed),
and checks what a reader sees: the story list, a click into the seed story,
its timeline and its feed link (the feed must be Atom), and an entity
page reached from the story. Screenshots at 360
and 1280 px wide go to target/screenshots/.

Usage: scripts/browser_test.py [PATH_TO_STORYLINE_BINARY]
Prints 'N passed, N failed' and exits non-zero on any failure.
"""

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, "target", "screenshots")
ATOM = "{http://www.w3.org/2005/Atom}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.read()
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


class Driver:
    """The few WebDriver commands the test needs."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None
        self.width = 1280

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        url = self.base + (f"/session/{self.session}" if self.session else "") + path
        req = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read())["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"{method} {path}: {e.read().decode()[:500]}") from None

    def start(self, profile):
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--hide-scrollbars"]
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": shutil.which("chromium") or "/usr/bin/chromium",
                                   "args": args}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def quit(self):
        if self.session:
            try:
                self.call("DELETE", "")
            except Exception:
                pass

    def goto(self, url):
        self.call("POST", "/url", {"url": url})

    def url(self):
        return self.call("GET", "/url")

    def size(self, width, height):
        # Headless windows have a minimum width (about 500 px), so the
        # viewport is set through the DevTools protocol instead.
        self.width = width
        self.call("POST", "/goog/cdp/execute", {
            "cmd": "Emulation.setDeviceMetricsOverride",
            "params": {"width": width, "height": height, "deviceScaleFactor": 1,
                       "mobile": width < 600}})

    def find_all(self, css):
        found = self.call("POST", "/elements", {"using": "css selector", "value": css})
        return [next(iter(e.values())) for e in found]

    def text(self, element):
        return self.call("GET", f"/element/{element}/text")

    def prop(self, element, name):
        return self.call("GET", f"/element/{element}/property/{name}")

    def click(self, element):
        self.call("POST", f"/element/{element}/click", {})

    def wait_until(self, condition, seconds=15):
        """Polls `condition` until it holds; False after `seconds`."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if condition():
                    return True
            except RuntimeError:
                pass  # the page changed under the query: try again
            time.sleep(0.1)
        return False

    def type(self, element, text):
        self.call("POST", f"/element/{element}/clear", {})
        self.call("POST", f"/element/{element}/value", {"text": text})

    def run(self, script):
        return self.call("POST", "/execute/sync", {"script": script, "args": []})

    def screenshot(self, path):
        # Full-page: grow the window to the document's height first.
        height = self.run("return document.documentElement.scrollHeight")
        self.size(self.width, min(max(int(height), 600), 4000))
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.call("GET", "/screenshot")))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "debug", "storyline")
    os.makedirs(SHOTS, exist_ok=True)
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"), flush=True)

    work = tempfile.mkdtemp(prefix="storyline-browser-")
    db = os.path.join(work, "seed.db")
    env = dict(os.environ, RUST_BACKTRACE="0")
    subprocess.run([binary, "--db", db, "-q", "ingest", os.path.join(ROOT, "examples", "articles")],
                   check=True, env=env)
    port, driver_port = free_port(), free_port()
    site = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([binary, "--db", db, "serve", "--addr", f"127.0.0.1:{port}"], env=env)
    chromedriver = subprocess.Popen([shutil.which("chromedriver") or "/usr/bin/chromedriver",
                                     f"--port={driver_port}"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = Driver(driver_port)
    try:
        wait_for(site + "/")
        wait_for(f"http://127.0.0.1:{driver_port}/status")
        driver.start(os.path.join(work, "profile"))
        try:
            from openapi_spec_validator import validate
        except ImportError:
            print("skip openapi validation: openapi-spec-validator is not installed")
        else:
            try:
                validate(json.loads(wait_for(site + "/api/v1/openapi.json")))
                check("the OpenAPI document validates", True)
            except Exception as e:
                check("the OpenAPI document validates", False, str(e)[:300])

        driver.size(1280, 900)
        driver.goto(site + "/")
        links = driver.find_all("ol.stories h2 a")
        check("story list shows the seed story", len(links) == 1 and "Smalling" in driver.text(links[0]),
              f"{len(links)} links")
        check("story list has landmarks", len(driver.find_all("header, main, footer, nav")) >= 4)
        state = driver.find_all("ol.stories p.state")
        check("story list gives the state of play in one line",
              len(state) == 1 and "£13.5m" in driver.text(state[0]),
              driver.text(state[0]) if state else "none")
        driver.screenshot(os.path.join(SHOTS, "index-1280.png"))
        for name, expected in [("the Red Devils", 1), ("Jadon Sancho", 0)]:
            boxes = driver.find_all("form.filter input[name=entity]")
            buttons = driver.find_all("form.filter button")
            if not boxes or not buttons:
                check("story list has an entity filter", False)
                break
            driver.type(boxes[0], name)
            driver.click(buttons[0])
            # The click only starts the form's navigation: wait for the
            # filtered page before reading it.
            wanted = "entity=" + urllib.parse.quote_plus(name)
            arrived = driver.wait_until(
                lambda: wanted in driver.url()
                and driver.run("return document.readyState") == "complete")
            found = driver.find_all("ol.stories h2 a")
            check(f"entity filter '{name}' lists {expected} stories",
                  arrived and len(found) == expected,
                  f"{len(found)} at {driver.url()}")
        driver.goto(site + "/")
        driver.wait_until(lambda: driver.url() == site + "/"
                          and driver.run("return document.readyState") == "complete")
        links = driver.find_all("ol.stories h2 a")
        if links:
            driver.size(1280, 900)
            driver.click(links[0])
            check("click leads to the story page", "/stories/" in driver.url(), driver.url())
            entries = driver.find_all("ol.timeline > li")
            # Five reported developments, then the two deadlines seed 000 announces.
            check("timeline has five developments and two upcoming deadlines",
                  len(entries) == 7, f"{len(entries)} entries")
            upcoming = [e for e in entries if "Upcoming" in driver.text(e)]
            check("the deadlines are marked upcoming", len(upcoming) == 2, f"{len(upcoming)} marked")
            charts = driver.find_all("section[aria-labelledby=figures] svg")
            check("the two moving figure series are charted", len(charts) == 2, f"{len(charts)} charts")
            sides = driver.find_all("ul.disagreements > li")
            check("the disagreement is shown", len(sides) >= 1, f"{len(sides)} disagreements")
            first = driver.text(entries[0]) if entries else ""
            check("timeline names day and sources", "2020-09-03" in first and "dailymail.co.uk" in first, first)
            feeds = driver.find_all("a.feed")
            href = driver.prop(feeds[0], "href") if feeds else ""
            check("story page links its feed", href.endswith("/feed.xml"), href)
            if href:
                feed = ET.fromstring(wait_for(href))
                n = len(feed.findall(ATOM + "entry"))
                ok = (feed.tag == ATOM + "feed" and n == 7
                      and feed.find(ATOM + "updated") is not None)
                check("the story feed is Atom with one entry per development", ok, f"{n} entries")
            story_url = driver.url()
            driver.screenshot(os.path.join(SHOTS, "story-1280.png"))
            people = [e for e in driver.find_all("ul.entities a") if driver.text(e) == "Chris Smalling"]
            check("story page links its entities", len(people) == 1, f"{len(people)} links")
            if people:
                driver.click(people[0])
                check("entity link leads to the entity page", "/entities/" in driver.url(), driver.url())
                heading = driver.find_all("h1")
                check("entity page names the entity",
                      bool(heading) and driver.text(heading[0]) == "Chris Smalling")
                back = driver.find_all("ul.stories a")
                check("entity page lists the seed story",
                      len(back) == 1 and driver.prop(back[0], "href") == story_url,
                      f"{len(back)} stories")
                driver.screenshot(os.path.join(SHOTS, "entity-1280.png"))
            driver.size(360, 800)
            driver.goto(story_url)
            overflow = driver.run("return document.documentElement.scrollWidth > window.innerWidth")
            check("story page fits 360 px without sideways scrolling", not overflow)
            driver.screenshot(os.path.join(SHOTS, "story-360.png"))
        driver.size(360, 800)
        driver.goto(site + "/")
        overflow = driver.run("return document.documentElement.scrollWidth > window.innerWidth")
        check("story list fits 360 px without sideways scrolling", not overflow)
        driver.screenshot(os.path.join(SHOTS, "index-360.png"))
    except Exception as e:  # report, then fail
        check("browser session", False, str(e))
    finally:
        driver.quit()
        chromedriver.terminate()
        server.terminate()
        for p in (chromedriver, server):
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)
    passed = sum(results)
    failed = len(results) - passed
    print(f"screenshots in {SHOTS}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
