#!/usr/bin/env python3
"""`kioku optimize --from-csv` against the reference FSRS engine (PyPI `fsrs-rs-python`).

Run by tests/anki_interop.rs as `python fsrs_reference.py KIOKU_BINARY BUNDLED_DECKS_DIR`.
A seeded learner studies the bundled decks for 40 days with kioku (reviews with learning steps,
cram sessions, exams, a suspend), `kioku export reviews` writes the log, and the reference
builds its own training items from that file: scheduled reviews only (`review_kind` review),
elapsed days in study days of the learner's zone with the rollover hour. kioku's figures must
equal the reference's. Prints `N passed, M failed`, and what the figures become when cram and
exam rows are kept or days are counted in UTC (what the README explains).
"""
import csv
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from zoneinfo import ZoneInfo

import fsrs_rs_python as fsrs

KIOKU, BUNDLED = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ZONE = "Asia/Tokyo"
passed, failed = 0, []


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failed.append(what)
        print("FAIL:", what, flush=True)


def kioku(home, now, *args, stdin=None):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "KIOKU_DB": os.path.join(home, "kioku.sqlite3"),
           "KIOKU_DECKS": os.path.join(home, "decks"), "KIOKU_NOW": now, "KIOKU_TZ": ZONE, "KIOKU_LANG": "en"}
    r = subprocess.run([KIOKU, *args], env=env, cwd=home, input=stdin, capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise AssertionError(f"kioku {' '.join(args)}: {r.returncode} {r.stderr}")
    return r.stdout


def learner_log():
    """A seeded learner's review log as `kioku export reviews` writes it."""
    home = tempfile.mkdtemp(prefix="kioku-fsrs-")
    os.makedirs(os.path.join(home, "decks"))
    for name in os.listdir(BUNDLED):
        with open(os.path.join(BUNDLED, name)) as src, open(os.path.join(home, "decks", name), "w") as dst:
            dst.write(src.read())
    rng = random.Random(23)
    start = dt.datetime(2026, 3, 1, 9, 0, tzinfo=ZoneInfo(ZONE))
    kioku(home, start.isoformat(), "config", "set", "new_per_day", "12")
    for day in range(40):
        now = (start + dt.timedelta(days=day, minutes=rng.randrange(0, 600))).isoformat()
        # An empty response is valid for every kind of card; the grade line decides.
        grades = rng.choices("1234", weights=[15, 10, 60, 15], k=300)
        kioku(home, now, "review", stdin="".join(f"\n{g}\n" for g in grades))
        if day % 7 == 3:
            kioku(home, now, "cram", "--limit", "8", stdin="".join(f"\n{g}\n" for g in grades[:40]))
        if day % 10 == 5:
            kioku(home, now, "exam", "--count", "5", "--seed", str(day), stdin="\n" * 10)
        if day == 20:
            key = json.loads(kioku(home, now, "history", "--json"))[0]["card"]
            kioku(home, now, "suspend", key)
            kioku(home, now, "unsuspend", key)
    path = os.path.join(home, "reviews.csv")
    kioku(home, (start + dt.timedelta(days=40)).isoformat(), "export", "reviews", "-o", path)
    return home, path


def items_from(path, kinds, zone, rollover):
    """Training items as Anki builds them, from the CSV alone."""
    by_card = defaultdict(list)
    with open(path) as f:
        for row in csv.DictReader(f):
            rating = int(row["review_rating"])
            # The reference accepts a manual row's rating 0 as a review, if it is given one.
            if row["review_kind"] not in kinds or not 0 <= rating <= 4:
                continue
            at = dt.datetime.fromtimestamp(int(row["review_time"]) / 1000, dt.timezone.utc)
            by_card[int(row["card_id"])].append((at, rating))
    items = []
    for n, (card, reviews) in enumerate(sorted(by_card.items())):
        reviews.sort()
        history, last = [], None
        for at, rating in reviews:
            day = (at.astimezone(ZoneInfo(zone)) - dt.timedelta(hours=rollover)).date()
            delta = 0 if last is None else (day - last).days
            last = day
            history.append(fsrs.FSRSReview(rating, delta))
            if len(history) > 1 and delta > 0:
                items.append((at, n, fsrs.FSRSItem(list(history))))
    items.sort(key=lambda x: (x[0], x[1]))
    return [i for _, _, i in items], [c for _, c, _ in items]


def reference(items, card_ids):
    default = fsrs.FSRS(fsrs.DEFAULT_PARAMETERS).evaluate(items)
    try:
        trained = fsrs.FSRS(fsrs.DEFAULT_PARAMETERS).compute_parameters(items, card_ids=card_ids, enable_short_term=True)
    except ValueError as e:  # training refuses a rating 0, evaluation takes it
        return len(items), default.log_loss, default.rmse_bins, str(e)
    fit = fsrs.FSRS(trained).evaluate(items)
    return len(items), default.log_loss, default.rmse_bins, fit.log_loss, fit.rmse_bins


def kioku_figures(home, path, *extra):
    out = kioku(home, "2026-04-15T09:00:00+09:00", "optimize", "--from-csv", path, *extra)
    items = int(re.search(r"→ (\d+) training items", out).group(1))
    default = re.search(r"current \(FSRS-6 defaults\)\s+([\d.]+)\s+([\d.]+)", out)
    trained = re.search(r"trained on this history\s+([\d.]+)\s+([\d.]+)", out)
    return items, float(default.group(1)), float(default.group(2)), float(trained.group(1)), float(trained.group(2))


def main():
    home, path = learner_log()
    with open(path) as f:
        kinds = sorted({row["review_kind"] for row in csv.DictReader(f)})
    check(kinds == ["cram", "exam", "manual", "review"], f"the log has every kind of row: {kinds}")
    ours = kioku_figures(home, path)
    ref = reference(*items_from(path, {"review"}, ZONE, 4))
    print(f"kioku     {ours}\nreference {tuple(round(x, 4) for x in ref)}")
    check(ours[0] == ref[0], f"same items: kioku {ours[0]}, reference {ref[0]}")
    for k, name in ((1, "default log loss"), (2, "default RMSE(bins)")):
        check(abs(ours[k] - ref[k]) < 0.00051, f"{name}: kioku {ours[k]}, reference {ref[k]:.4f}")
    for k, name in ((3, "trained log loss"), (4, "trained RMSE(bins)")):
        check(abs(ours[k] - ref[k]) < 0.002, f"{name}: kioku {ours[k]}, reference {ref[k]:.4f}")
    # `export reviews --kind review` is the file other FSRS tools should get: kioku reads it alike.
    kioku(home, "2026-04-15T09:00:00+09:00", "export", "reviews", "--kind", "review", "-o", "only-reviews.csv")
    only = os.path.join(home, "only-reviews.csv")
    with open(only) as f:
        check({row["review_kind"] for row in csv.DictReader(f)} == {"review"}, "--kind review keeps review rows only")
    check(kioku_figures(home, only)[:3] == ours[:3], "the filtered file gives the same figures")
    # What other ways of reading the same file give (for the README).
    for label, kinds, zone, rollover in (("cram and exam rows kept", {"review", "cram", "exam"}, ZONE, 4),
                                         ("every row kept", {"review", "cram", "exam", "manual"}, ZONE, 4),
                                         ("days in UTC, no rollover", {"review"}, "UTC", 0)):
        variant = reference(*items_from(path, kinds, zone, rollover))
        print(f"reference, {label}: {tuple(round(x, 4) if isinstance(x, float) else x for x in variant)}")
    print(f"{passed} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
