#!/usr/bin/env python3
"""Builds the answer checker's compact tables in src/answer/data/ from registry packages.

Run after `apt-get install mecab-ipadic unicode-data` (Debian) and `pip download --no-deps
kyujipy==0.6.8` (PyPI; MIT licence, in src/answer/data/LICENSE-KYUJIPY.txt):

    python3 tools/build_answer_tables.py [--kyujipy PATH/TO/kyujipy-0.6.8-py3-none-any.whl]

- readings.bin: IPADIC (mecab-ipadic, its source CSVs in EUC-JP) words written with at least one
  kanji, each with its readings: one line per word, `surface<TAB>reading<SP>reading…<LF>`, the
  surface in UTF-8, each reading one byte per katakana (0x80 + code point − U+30A0, so ア = 0x82,
  ー = 0xDC), sorted by the surface's UTF-8 bytes (the checker binary-searches the bytes, no index
  built). A reading starting with `*` is of a verb, adjective, adverb, conjunction or auxiliary:
  words that Japanese writes in kana as often as in kanji (出来る/できる, 且つ/かつ), so kana for
  them is a spelling, not a slip. A noun whose every reading is spelt by shorter words of the
  table (政策 = 政 + 策) is left out: the checker splits words the same way.
- variants.txt: Japanese old (旧字体) and new (新字体) kanji forms, `old new` per line (sorted by
  the old form's code point; the new form is the one kanji reads both as), from Unihan
  (unicode-data): the Jinmeiyō list's old forms of Jōyō kanji (kJinmeiyoKanji `2010:U+…`), except
  where the new form is itself a traditional character of another word (its kTraditionalVariant
  does not list the old form: 藝 is not taken to 芸, which is also the herb 芸); and kZVariant pairs
  (the same character, another glyph) where neither is a simplified form. Never kSemanticVariant
  or kSimplifiedVariant, which can be other words (后/後). Then the old forms bracketed in the Jōyō
  and Jinmeiyō lists that Unihan does not give (會/会, 學/学 …), from kyujipy's
  kyujitai_simplified.cson (Jōyō, Jinmeiyō, and the extended new forms of other kanji), except
  藝/芸 (芸 is also the herb) — DESIGN.md, "Answer judging".
Nothing is downloaded.
"""
import bz2
import glob
import os
import re
import sys

IPADIC = "/usr/share/mecab/dic/ipadic"
UNIHAN = "/usr/share/unicode"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "answer", "data")

KANA_OK = ("動詞", "形容詞", "副詞", "接続詞", "連体詞", "助動詞")


def is_kanji(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF or c == "々"


def readings():
    table = {}
    for path in sorted(glob.glob(os.path.join(IPADIC, "*.csv"))):
        with open(path, encoding="euc_jp", errors="strict") as f:
            for line in f:
                cols = line.rstrip("\n").split(",")
                if len(cols) < 12:
                    continue
                surface, pos, form, reading = cols[0], cols[4], cols[9], cols[11]
                if not any(is_kanji(c) for c in surface) or reading in ("", "*"):
                    continue
                if not re.fullmatch(r"[\u30A1-\u30FC]+", reading):
                    continue
                kana_ok = pos in KANA_OK
                if kana_ok and form not in ("基本形", "*"):
                    continue
                entry = ("*" if kana_ok else "") + reading
                # The checker folds hiragana to katakana before looking words up (出来る → 出来ル).
                surface = "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in surface)
                table.setdefault(surface, [])
                if entry not in table[surface]:
                    table[surface].append(entry)
    drop = {s for s in table if composable(table, s)}
    rows = sorted((kv for kv in table.items() if kv[0] not in drop), key=lambda kv: kv[0].encode("utf-8"))
    with open(os.path.join(OUT, "readings.bin"), "wb") as f:
        for surface, rs in rows:
            f.write(surface.encode("utf-8") + b"\t" + b" ".join(encode(r) for r in rs) + b"\n")
    return len(rows)


def encode(reading):
    return bytes(0x2A if c == "*" else 0x80 + ord(c) - 0x30A0 for c in reading)


def composable(table, surface):
    """Whether every reading of a noun is spelt by splitting it into shorter words of the table."""
    if len(surface) < 2 or any(r.startswith("*") for r in table[surface]):
        return False
    want = {r.lstrip("*") for r in table[surface]}
    return want <= spelt(table, surface, True)


def spelt(table, text, proper, memo={}):
    """Readings of `text` as shorter table words (a proper split when `proper`), at most 64."""
    key = (text, proper)
    if key in memo:
        return memo[key]
    out = set() if proper else {r.lstrip("*") for r in table.get(text, [])}
    for i in range(1, len(text)):
        for head in table.get(text[:i], []):
            for tail in spelt(table, text[i:], False):
                out.add(head.lstrip("*") + tail)
                if len(out) > 64:
                    memo[key] = out
                    return out
    memo[key] = out
    return out


def unihan(name):
    fields = {}
    with bz2.open(os.path.join(UNIHAN, name), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            fields.setdefault(chr(int(code[2:], 16)), {})[field] = value
    return fields


def chars(value):
    return [chr(int(u[2:], 16)) for u in re.findall(r"U\+[0-9A-F]+", value)]


def variants():
    other = unihan("Unihan_OtherMappings.txt.bz2")
    var = unihan("Unihan_Variants.txt.bz2")
    standard = {c for c, f in other.items() if f.get("kJoyoKanji") == "2010" or f.get("kJinmeiyoKanji") == "2010"}
    to = {}
    for old, f in other.items():
        value = f.get("kJinmeiyoKanji", "")
        if "U+" not in value:
            continue
        (new,) = chars(value)
        trad = var.get(new, {}).get("kTraditionalVariant")
        if trad and old not in chars(trad):
            continue
        to[old] = new
    simplified = lambda c: any(t != c for t in chars(var.get(c, {}).get("kTraditionalVariant", "")))
    for a, f in var.items():
        for b in chars(f.get("kZVariant", "")):
            if a == b or simplified(a) or simplified(b):
                continue
            # The standard Japanese form is the one kept; else the lower code point.
            keep, other_form = (b, a) if b in standard or (a not in standard and b < a) else (a, b)
            if other_form not in to and other_form not in standard:
                to[other_form] = keep
    for old, new in kyujipy_pairs():
        if old not in to and (old, new) != ("藝", "芸"):
            to[old] = new
    def final(c, seen=()):
        return final(to[c], seen + (c,)) if c in to and to[c] not in seen else c
    with open(os.path.join(OUT, "variants.txt"), "w", encoding="utf-8", newline="\n") as f:
        for a in sorted(to):
            if final(a) != a:
                f.write(a + " " + final(a) + "\n")
    return len(to)


def kyujipy_pairs():
    """(old, new) pairs of kyujipy's kyujitai_simplified.cson, read from its wheel."""
    import zipfile
    wheel = sys.argv[sys.argv.index("--kyujipy") + 1] if "--kyujipy" in sys.argv else "kyujipy-0.6.8-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as z:
        text = z.read("kyujipy/data/kyujitai_simplified.cson").decode("utf-8")
    return [(old, new) for new, old in re.findall(r'\["(.)",\s*"(.)"\]', text)]


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    if "--variants-only" not in sys.argv:
        print("readings:", readings(), "words", file=sys.stderr)
    print("variants:", variants(), "pairs", file=sys.stderr)
