#!/usr/bin/env python3
"""The same work with kioku and with Anki's engine (the `anki` Python package, Rust backend),
measured in one run: add N basic cards, build the queue to the first card (in process for Anki,
and as a whole process for both: what a student waits for when starting a session), answer
1,000 cards good (p50 and p99 per answer), peak memory. Run through run.sh (it makes the
virtualenv)."""
import os, re, resource, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.join(HERE, "..", "..", "target", "release", "kioku")
sys.path.insert(0, os.path.join(HERE, ".."))
from scale import age_files, answer_latencies  # noqa: E402  (the same timing as benches/scale.py)
ANSWERS = 1000
# A student's session from the shell: start Python, import Anki, open the collection, get a card.
ANKI_FIRST_CARD = "import sys; from anki.collection import Collection; c = Collection(sys.argv[1]); c.sched.getCard(); c.close()"


def median_of(n, f):
    return statistics.median(f() for _ in range(n))


def timed_process(args, **kw):
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=True, **kw)
    return time.perf_counter() - start


def anki_side(cards):
    from anki.collection import Collection

    tmp = tempfile.mkdtemp(prefix="anki-bench-")
    col = Collection(os.path.join(tmp, "collection.anki2"))
    col.set_config("fsrs", True)
    # The first card with the default daily limits (20 new, 200 reviews, as kioku's), then the
    # limits raised for 1,000 answers.
    conf = col.decks.config_dict_for_deck_id(1)
    conf["new"]["perDay"], conf["rev"]["perDay"] = 20, 200
    col.decks.update_config(conf)
    model = col.models.by_name("Basic")
    start = time.perf_counter()
    for i in range(cards):
        note = col.new_note(model)
        note["Front"], note["Back"] = f"問題 {i}", f"答え {i}"
        col.add_note(note, 1)
    add = time.perf_counter() - start
    # To the first card: open the collection and build the queue (as a student's session does).
    path = col.path
    col.close()
    process = median_of(3, lambda: timed_process([sys.executable, "-c", ANKI_FIRST_CARD, path]))
    start = time.perf_counter()
    col = Collection(path)
    card = col.sched.getCard()
    first = time.perf_counter() - start
    conf = col.decks.config_dict_for_deck_id(1)
    conf["new"]["perDay"] = conf["rev"]["perDay"] = 99999
    col.decks.update_config(conf)
    card = col.sched.getCard()
    lat = []
    for _ in range(min(ANSWERS, cards)):
        if card is None:
            break
        card.start_timer()
        t = time.perf_counter()
        col.sched.answerCard(card, 3)
        lat.append(time.perf_counter() - t)
        card = col.sched.getCard()
    col.close()
    lat.sort()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p50, p99 = lat[len(lat) // 2], lat[int(len(lat) * 0.99) - 1]
    # Anki's answers are only timed in process: the same figures stand in both rows.
    return add, first, process, p50, p99, p50, p99, peak


def kioku_side(cards):
    tmp = tempfile.mkdtemp(prefix="kioku-bench-")
    decks = os.path.join(tmp, "decks")
    os.makedirs(decks)
    with open(os.path.join(decks, "d.yaml"), "w") as f:
        f.write("deck: d\ncards:\n")
        for i in range(cards):
            f.write(f'  - id: n{i}\n    front: "問題 {i}"\n    back: "答え {i}"\n')
    env = {"PATH": os.environ.get("PATH", ""), "KIOKU_DB": os.path.join(tmp, "k.sqlite3"), "KIOKU_DECKS": decks, "KIOKU_TZ": "UTC"}
    start = time.perf_counter()
    subprocess.run([BIN, "due"], env=env, capture_output=True, check=True)
    add = time.perf_counter() - start
    # The deck was written before the session, as a learner's decks are.
    age_files(decks)
    subprocess.run([BIN, "due"], env=env, capture_output=True, check=True)
    first = median_of(5, lambda: timed_process([BIN, "review"], env=env, input=b":q\n"))
    p50, p99 = answer_latencies(env, min(ANSWERS, cards))
    # Peak memory of one review process (GNU time's maximum resident set size), else unknown.
    peak = float("nan")
    if os.path.exists("/usr/bin/time"):
        out = subprocess.run(["/usr/bin/time", "-f", "%M", BIN, "review"], env=env, input=b":q\n", capture_output=True)
        peak = int(out.stderr.decode().strip().splitlines()[-1]) / 1024
    # In process, as Anki is measured: opening the store and the first card, and 1,000 answers
    # (benches/latency.rs, same collection size).
    out = subprocess.run(["cargo", "bench", "--quiet", "--bench", "latency", "--", str(cards)],
                         cwd=os.path.join(HERE, "..", ".."), capture_output=True, check=True).stdout.decode()
    first_in = float(re.search(r"first card in process: ([0-9.]+) ms", out).group(1)) / 1000
    in_p50, in_p99 = (float(x) / 1000 for x in re.search(r"p50 ([0-9.]+) ms, p99 ([0-9.]+) ms", out).groups())
    return add, first_in, first, in_p50, in_p99, p50, p99, peak


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    print("| cards | measure | kioku | Anki 26.9.3 | Anki ÷ kioku |")
    print("| ---: | --- | ---: | ---: | ---: |")
    for n in sizes:
        k, a = kioku_side(n), anki_side(n)
        names = [
            "add the cards (kioku: first sync of the deck file)",
            "open and show the first card, in process",
            "start to the first card, whole process (Anki: Python starting, importing anki)",
            "answer p50, in process",
            "answer p99, in process",
            "answer p50 (kioku: whole process, through its pipe; Anki: in process)",
            "answer p99 (kioku: whole process, through its pipe; Anki: in process)",
        ]
        for name, kv, av in zip(names, k, a):
            print(f"| {n:,} | {name} | {kv * 1000:.2f} ms | {av * 1000:.2f} ms | {av / kv:.1f}× |")
        print(f"| {n:,} | peak memory (kioku: a review process; Anki: Python with the collection) | {k[7]:.0f} MB | {a[7]:.0f} MB | |")

if __name__ == "__main__":
    main()
