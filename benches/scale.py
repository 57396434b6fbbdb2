#!/usr/bin/env python3
"""Whole-process benchmarks of the release binary on generated collections.

Usage: cargo build --release && python3 benches/scale.py [1000 10000 100000] [--optimize]
Prints a Markdown table (the one in BENCHMARKS.md). Each collection: decks of 1,000 notes per
file, written an hour "before" (mtime); N cards; from 100,000 cards, 10 reviews per card are
inserted straight into the database so `stats` (and `optimize`, with --optimize) run over a long
history. Timings are medians of 5 runs (wall clock; first sync, one file changed and optimize
are single runs); peak memory is the resident set of one run of that command (GNU time).
Needs only Python 3's standard library and /usr/bin/time.
"""
import os, sqlite3, statistics, subprocess, sys, tempfile, time

# KIOKU_BIN times another build (say, the previous commit's) with the same harness.
BIN = os.environ.get("KIOKU_BIN") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "kioku")
NOW = "2025-06-01T09:00:00+09:00"


def run(args, env, stdin=b""):
    """Runs kioku once: (seconds, stdout)."""
    start = time.perf_counter()
    out = subprocess.run([BIN] + args, env=env, input=stdin, capture_output=True)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"kioku {' '.join(args)} failed: {out.stderr.decode()[:500]}")
    return elapsed, out.stdout


def peak_mb(args, env, stdin=b""):
    """Peak resident set of one run of kioku, in MB (GNU time's %M), or NaN without /usr/bin/time."""
    if not os.path.exists("/usr/bin/time"):
        return float("nan")
    out = subprocess.run(["/usr/bin/time", "-f", "%M", BIN] + args, env=env, input=stdin, capture_output=True)
    return int(out.stderr.decode().strip().splitlines()[-1]) / 1024


def median(f, n=5):
    return statistics.median(f() for _ in range(n))


def write_decks(folder, cards):
    os.makedirs(folder, exist_ok=True)
    for f in range(0, cards, 1000):
        with open(os.path.join(folder, f"d{f // 1000:04}.yaml"), "w") as out:
            out.write(f"deck: d{f // 1000:04}\ncards:\n")
            for i in range(f, min(f + 1000, cards)):
                out.write(f'  - id: n{i}\n    front: "問題 {i}"\n    back: "答え {i}"\n')
    age_files(folder)


def age_files(folder):
    """Dates the deck files an hour back, as a learner's decks are (written earlier): kioku hashes
    a file whose mtime is within 2 s of its record instead of trusting size and mtime."""
    past = time.time() - 3600
    for name in os.listdir(folder):
        os.utime(os.path.join(folder, name), (past, past))


def answer_latencies(env, count):
    """p50 and p99 of the time from sending a grade to reading its `saved` line."""
    p = subprocess.Popen([BIN, "review", "--new", str(count)], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    lat = []
    while len(lat) < count:
        line = p.stdout.readline()
        if not line:
            break
        if line.startswith(b"card "):
            p.stdin.write(b"\n")
            p.stdin.flush()
            # skip to the grade prompt, then time the commit
            while not p.stdout.readline().startswith(b"  grade:"):
                pass
            start = time.perf_counter()
            p.stdin.write(b"3\n")
            p.stdin.flush()
            while not p.stdout.readline().startswith(b"saved "):
                pass
            lat.append(time.perf_counter() - start)
    p.stdin.write(b":q\n")
    p.stdin.close()
    p.wait()
    lat.sort()
    return lat[len(lat) // 2], lat[int(len(lat) * 0.99) - 1]


def bench(cards):
    tmp = tempfile.mkdtemp(prefix=f"kioku-scale-{cards}-")
    decks, db = os.path.join(tmp, "decks"), os.path.join(tmp, "k.sqlite3")
    write_decks(decks, cards)
    env = {"PATH": os.environ.get("PATH", ""), "KIOKU_DB": db, "KIOKU_DECKS": decks, "KIOKU_TZ": "Asia/Tokyo", "KIOKU_NOW": NOW}
    row = {"cards": cards}
    # First sync: timed and its memory taken in the same run (GNU time adds about a millisecond).
    start = time.perf_counter()
    row["first sync (due) MB"] = peak_mb(["due"], env)
    row["first sync (due)"] = time.perf_counter() - start
    row["due, decks unchanged"] = median(lambda: run(["due"], env)[0])
    row["due, decks unchanged MB"] = peak_mb(["due"], env)
    with open(os.path.join(decks, "d0000.yaml"), "a") as out:
        out.write('  - id: extra\n    front: "追加"\n    back: "x"\n')
    age_files(decks)
    start = time.perf_counter()
    row["due after one file changed MB"] = peak_mb(["due"], env)
    row["due after one file changed"] = time.perf_counter() - start
    row["start to first card"] = median(lambda: run(["review"], env, b":q\n")[0])
    row["start to first card MB"] = peak_mb(["review"], env, b":q\n")
    p50, p99 = answer_latencies(env, min(1000, cards))
    row["answer p50"], row["answer p99"] = p50, p99
    if cards >= 100000:
        # A long history: 10 reviews per card (1,000,000 rows) written straight into the log.
        con = sqlite3.connect(db)
        ids = [r[0] for r in con.execute("SELECT id FROM cards")]
        day0 = 20000
        rows = ((cid, (day0 + k) * 86400000, 32400, day0 + k, 3, "review", 2, 2, 1, 86400, None, 5.0, 5.0, 8000, "{}")
                for cid in ids for k in range(10))
        con.executemany("INSERT INTO reviews (card_id, reviewed_at_ms, utc_offset_secs, study_day, rating, kind, state_before, state_after, elapsed_days, interval_secs, due_at_ms, stability, difficulty, duration_ms, card_before) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.commit()
        con.close()
        row["reviews in log"] = len(ids) * 10
    row["stats"] = median(lambda: run(["stats"], env)[0], 3)
    row["stats MB"] = peak_mb(["stats"], env)
    if "--optimize" in sys.argv:
        start = time.perf_counter()
        row["optimize --dry-run MB"] = peak_mb(["optimize", "--dry-run"], env)
        row["optimize --dry-run"] = time.perf_counter() - start
    return row


def main():
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [1000, 10000, 100000]
    rows = [bench(n) for n in sizes]
    keys = ["first sync (due)", "due, decks unchanged", "due after one file changed", "start to first card",
            "answer p50", "answer p99", "stats"] + (["optimize --dry-run"] if "--optimize" in sys.argv else [])
    print("| measure | " + " | ".join(f"{r['cards']:,} cards" for r in rows) + " |")
    print("| --- |" + " ---: |" * len(rows))
    for k in keys:
        cell = lambda r: f"{r[k] * 1000:.1f} ms" + (f" · {r[k + ' MB']:.0f} MB" if k + " MB" in r else "")
        print(f"| {k} | " + " | ".join(cell(r) for r in rows) + " |")


if __name__ == "__main__":
    main()
