//! Readings and kanji forms, from the tables in `data/` (built by `tools/build_answer_tables.py`
//! from IPADIC and Unihan; licences beside them): the reading of a kanji answer typed in kana
//! (ひかくか for 非核化), a kanji of the same reading chosen by the input method (安部 for 安倍),
//! and old kanji forms read as the new (國 = 国).
//!
//! The tables are compiled in and searched where they lie: the readings with a binary search of
//! the sorted bytes (no index, nothing built at start-up); the 279 variant pairs are read into a
//! sorted list the first time a kanji is folded.

/// `surface<TAB>reading<SP>reading…<LF>`, sorted by the surface's bytes; a reading is one byte per
/// katakana (0x80 + code point − U+30A0), `*` first for a word whose kana spelling is ordinary.
static READINGS: &[u8] = include_bytes!("data/readings.bin");
/// `old new` per line, sorted by the old form.
static VARIANTS: &str = include_str!("data/variants.txt");

/// The new form of an old kanji (國 → 国, 會 → 会), or the character itself. The pairs
/// (`data/variants.txt`, built by `tools/build_answer_tables.py`) come from Unihan and kyujipy's
/// Jōyō/Jinmeiyō table; never a simplified or semantic variant (后/後, 芸/藝, 悳/徳).
pub fn new_form(c: char) -> char {
    if (c as u32) < 0x3400 {
        return c;
    }
    static PAIRS: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    let pairs = PAIRS.get_or_init(|| {
        VARIANTS
            .lines()
            .filter_map(|line| {
                let mut chars = line.chars();
                match (chars.next(), chars.next(), chars.next()) {
                    (Some(old), Some(' '), Some(new)) => Some((old, new)),
                    _ => None,
                }
            })
            .collect()
    });
    pairs.binary_search_by_key(&c, |&(old, _)| old).map_or(c, |k| pairs[k].1)
}

/// A reading of a word and whether writing the word in kana is ordinary (a verb, an adverb…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub kana: Vec<char>,
    pub kana_ok: bool,
}

/// The readings of `word` (exactly as written), empty when the table does not have it.
pub fn readings(word: &str) -> Vec<Reading> {
    let key = word.as_bytes();
    let (mut lo, mut hi) = (0, READINGS.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = READINGS[..mid].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1).max(lo);
        let end = READINGS[start..].iter().position(|&b| b == b'\n').map_or(READINGS.len(), |p| start + p);
        let line = &READINGS[start..end];
        let Some(tab) = line.iter().position(|&b| b == b'\t') else { return Vec::new() };
        match line[..tab].cmp(key) {
            std::cmp::Ordering::Equal => return decode(&line[tab + 1..]),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    Vec::new()
}

fn decode(bytes: &[u8]) -> Vec<Reading> {
    bytes
        .split(|&b| b == b' ')
        .map(|r| {
            let (kana_ok, r) = match r.split_first() {
                Some((b'*', rest)) => (true, rest),
                _ => (false, r),
            };
            let kana = r.iter().filter_map(|&b| char::from_u32(0x30A0 + u32::from(b) - 0x80)).collect();
            Reading { kana, kana_ok }
        })
        .collect()
}

/// How a typed answer spells the expected one through readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Respelling {
    /// Kana only where Japanese writes kana as often as kanji (できる for 出来る).
    Ordinary,
    /// The reading of a kanji word written in kana (ひかくか for 非核化).
    Kana,
    /// Another kanji word of the same reading (安部 for 安倍).
    SameReading,
}

/// The longest word looked up; longer words are split (the table leaves out such compounds).
const MAX_WORD: usize = 8;
/// Texts longer than this (in chars) are not respelt: the search is bounded by their product.
pub const MAX_RESPELL: usize = 48;

/// Whether `typed` (comparable: folded, katakana, no punctuation) spells `expected` through the
/// readings of its words, and how (the mildest way found); None when it does not. Each part of
/// `expected` is written as it is, in the kana of one of its readings, or as another word of
/// the table with that reading.
pub fn respell(expected: &str, typed: &str) -> Option<Respelling> {
    let e: Vec<char> = expected.chars().collect();
    let t: Vec<char> = typed.chars().collect();
    if e.len() > MAX_RESPELL || t.len() > MAX_RESPELL * 4 || e == t {
        return None;
    }
    // Words of the table starting at each position of both texts.
    let words = |s: &[char]| -> Vec<Vec<(usize, Vec<Reading>)>> {
        (0..s.len())
            .map(|i| {
                (1..=MAX_WORD.min(s.len() - i))
                    // Every word of the table has a kanji.
                    .filter(|&n| s[i..i + n].iter().any(|&c| is_kanji(c)))
                    .filter_map(|n| {
                        let w: String = s[i..i + n].iter().collect();
                        let r = readings(&w);
                        (!r.is_empty()).then_some((n, r))
                    })
                    .collect()
            })
            .collect()
    };
    let (ew, tw) = (words(&e), words(&t));
    // best[i][j]: the mildest respelling of e[i..] as t[j..] (None: impossible); filled backwards.
    // `Some(None)` in the cell means "possible without any respelling" (identical so far).
    let width = t.len() + 1;
    let mut best: Vec<Option<Option<Respelling>>> = vec![None; (e.len() + 1) * width];
    best[e.len() * width + t.len()] = Some(None);
    let join = |a: Option<Respelling>, b: Option<Respelling>| a.max(b);
    for i in (0..=e.len()).rev() {
        for j in (0..=t.len()).rev() {
            if i == e.len() && j == t.len() {
                continue;
            }
            let mut here: Option<Option<Respelling>> = None;
            let mut offer = |v: Option<Option<Respelling>>, how: Option<Respelling>| {
                if let Some(rest) = v {
                    let total = join(rest, how);
                    here = Some(match here {
                        // Lower is milder; None (no respelling) is the mildest of all.
                        Some(prev) => prev.min(total),
                        None => total,
                    });
                }
            };
            if i < e.len() && j < t.len() && e[i] == t[j] {
                offer(best[(i + 1) * width + j + 1], None);
            }
            for (n, rs) in ew.get(i).into_iter().flatten() {
                for r in rs {
                    let k = r.kana.len();
                    if t.len() - j >= k && t[j..j + k] == r.kana[..] {
                        let how = if r.kana_ok { Respelling::Ordinary } else { Respelling::Kana };
                        offer(best[(i + n) * width + j + k], Some(how));
                    }
                    for (m, ts) in tw.get(j).into_iter().flatten() {
                        if e[i..i + n] != t[j..j + m] && ts.iter().any(|x| x.kana == r.kana) {
                            offer(best[(i + n) * width + j + m], Some(Respelling::SameReading));
                        }
                    }
                }
            }
            best[i * width + j] = here;
        }
    }
    best[0].flatten()
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}' | '々')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::normalize::comparable;

    fn r(e: &str, t: &str) -> Option<Respelling> {
        respell(&comparable(e), &comparable(t))
    }

    #[test]
    fn tables() {
        assert_eq!(new_form('國'), '国');
        assert_eq!(new_form('惠'), '恵');
        assert_eq!(new_form('嚴'), '厳');
        assert_eq!(new_form('彈'), '弾');
        assert_eq!(new_form('德'), '徳');
        // The Jōyō list's bracketed old forms that Unihan does not give (from kyujipy's table;
        // the Jōyō list brackets 會 after 会, 學 after 学, 擧 after 挙, 經 after 経).
        assert_eq!(new_form('會'), '会');
        assert_eq!(new_form('學'), '学');
        assert_eq!(new_form('擧'), '挙');
        assert_eq!(new_form('經'), '経');
        // 悳 is a Jinmeiyō kanji of its own (a semantic variant of 徳 in Unihan), not its old form.
        assert_eq!(new_form('悳'), '悳');
        // Not simplified or semantic variants, nor 藝 → 芸 (芸 is also another word).
        assert_eq!(new_form('后'), '后');
        assert_eq!(new_form('藝'), '藝');
        assert_eq!(new_form('国'), '国');
        assert_eq!(new_form('a'), 'a');
        assert!(readings("安倍").iter().any(|r| r.kana.iter().collect::<String>() == "アベ"));
        assert!(readings("出来ル").iter().any(|r| r.kana_ok));
        assert!(readings("存在しない語").is_empty());
    }

    #[test]
    fn respellings() {
        assert_eq!(r("非核化", "ひかくか"), Some(Respelling::Kana));
        assert_eq!(r("非核化", "非かくか"), Some(Respelling::Kana));
        assert_eq!(r("出来る", "できる"), Some(Respelling::Ordinary));
        assert_eq!(r("且つ", "かつ"), Some(Respelling::Ordinary));
        assert_eq!(r("安倍", "安部"), Some(Respelling::SameReading));
        assert_eq!(r("金正恩", "金正日"), None);
        assert_eq!(r("非核化", "ひかくかではない"), None);
        assert_eq!(r("非核化", "非核化"), None);
    }
}
