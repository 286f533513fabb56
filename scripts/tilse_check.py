#!/usr/bin/env python3
"""Check Storyline's timeline scorer against the reference implementation.

Scores the timelines that `storyline eval timeline DIR --dump OUT` wrote with
tilse (Martschat & Markert; PyPI `tilse`, ROUGE-1.5.5 Perl script, as the
published T17 figures were computed) and prints tilse's Date-F1, AR1-F and
AR2-F (`align_date_content_costs_many_to_one`) beside Storyline's.

Usage:
    storyline --json eval timeline ../shared/data/timelines/t17 --dump /tmp/tl > /tmp/tl.json
    python3 scripts/tilse_check.py /tmp/tl /tmp/tl.json [--limit N]

Last run (18 T17 timelines): Date-F1 identical on every timeline; AR1-F and
AR2-F within 0.0025 of tilse per timeline (means 0.0833 vs 0.0835 and 0.0241
vs 0.0241). The remainder is the stemmer: Snowball here, Porter plus
WordNet exceptions in ROUGE-1.5.5.

Needs perl with DB_File. Installs tilse (without its heavy optional
dependencies: spacy, textacy, numba are only used by its models) plus numpy,
scipy and nltk into a virtualenv under the system temp dir on first use.
"""

import argparse
import datetime
import json
import os
import stat
import subprocess
import sys
import tempfile

VENV = os.path.join(tempfile.gettempdir(), "storyline-tilse-venv")


def ensure_tilse():
    """Re-runs this script inside a virtualenv that has tilse."""
    if os.environ.get("STORYLINE_TILSE_VENV") == "1":
        return
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        pip = [python, "-m", "pip", "install", "-q"]
        subprocess.check_call(pip + ["--no-deps", "tilse==0.2.1"])
        subprocess.check_call(pip + ["numpy", "scipy", "nltk"])
    env = dict(os.environ, STORYLINE_TILSE_VENV="1")
    os.execve(python, [python] + sys.argv, env)


def load(path):
    from tilse.data.timelines import Timeline

    with open(path) as f:
        entries = json.load(f)
    return Timeline(
        {
            datetime.date.fromisoformat(e["date"]): list(e["sentences"])
            for e in entries
        }
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump_dir", help="folder written by --dump")
    parser.add_argument("report", help="the --json output of the same run")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N timelines")
    args = parser.parse_args()
    ensure_tilse()

    import pyrouge
    from tilse.data.timelines import GroundTruth
    from tilse.evaluation import dates, rouge

    # The wheel does not keep the Perl script's executable bit.
    script = os.path.join(pyrouge.base.ROUGE_EVAL_HOME, "ROUGE-1.5.5.pl")
    os.chmod(script, os.stat(script).st_mode | stat.S_IXUSR)

    with open(args.report) as f:
        report = json.load(f)
    evaluator = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"})
    topics = report["topics"][: args.limit or None]
    header = f"{'timeline':<50} {'Date-F1':>15} {'AR1-F':>15} {'AR2-F':>15}"
    print(header + "\n" + " " * 51 + "   ours / tilse" * 3)
    worst = 0.0
    for topic in topics:
        stem = topic["gold"][: -len(".timeline.json")]
        base = os.path.join(args.dump_dir, f"{topic['topic']}__{stem}")
        system = load(base + ".system.json")
        gold = GroundTruth([load(base + ".gold.json")])
        ar = evaluator.evaluate_align_date_content_costs_many_to_one(system, gold)
        theirs = (
            dates.evaluate_dates(system, gold)["f_score"],
            ar["rouge_1"]["f_score"],
            ar["rouge_2"]["f_score"],
        )
        ours = (topic["date"]["f1"], topic["ar1"]["f1"], topic["ar2"]["f1"])
        worst = max(worst, *(abs(a - b) for a, b in zip(ours, theirs)))
        cells = " ".join(f"{a:>7.4f}/{b:<7.4f}" for a, b in zip(ours, theirs))
        print(f"{topic['topic'] + '/' + stem:<50} {cells}", flush=True)
    print(f"largest absolute difference: {worst:.4f}")


if __name__ == "__main__":
    main()
