//! Advice for a teacher writing a deck: the slips that load without an error but do not mean
//! what was meant (a reading in round brackets, an option's number written as the answer), and
//! hints for the field names and YAML mistakes a newcomer makes. Pure: text in, findings out;
//! `lint` and `load` place them in the file and word them through the catalogue.

use super::reading::{is_kana, is_kanji};

/// A reading written in brackets kioku does not read as one: `非常戒厳(ひじょうかいげん)`,
/// `金文洙（キム・ムンス）`, `非常戒厳【ひじょうかいげん】`, `尹錫悦［ユン・ソンニョル］`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BracketReading {
    /// Character offset of the base's first kanji in the field.
    pub offset: usize,
    /// The text as written, base and bracket: `非常戒厳(ひじょうかいげん)`.
    pub written: String,
    /// The same in deck syntax, with the separating space a base needs when text runs into it
    /// (`韓国の 金文洙[キム・ムンス]`, with the text before it for context).
    pub fixed: String,
}

/// Brackets a reading is often written in, by hand or as publishers print it, with their
/// closing forms (round brackets close with either width).
const BRACKETS: [(char, &[char]); 5] =
    [('(', &[')', '）']), ('（', &[')', '）']), ('【', &['】']), ('［', &['］', ']']), ('〔', &['〕'])];

/// Whether `inner` holds only kana, ー, ・ and spaces, with a kana: what a reading holds.
fn reads_as_kana(inner: &[char]) -> bool {
    inner.iter().any(|&c| is_kana(c))
        && inner.iter().all(|&c| is_kana(c) || matches!(c, 'ー' | 'ｰ' | '・' | '･' | ' ' | '\u{3000}'))
}

/// Every kanji base in `text` followed by a bracket of another kind than `[…]` that holds only
/// kana: a reading written so is shown as it stands and, in an answer, expected typed too.
pub fn bracket_readings(text: &str) -> Vec<BracketReading> {
    let mut out = Vec::new();
    if !text.contains(|c| BRACKETS.iter().any(|&(open, _)| open == c)) {
        return out;
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let Some(&(_, closers)) = BRACKETS.iter().find(|&&(open, _)| open == c) else { continue };
        if i == 0 || !is_kanji(chars[i - 1]) {
            continue;
        }
        let Some(close) = chars[i + 1..].iter().position(|c| closers.contains(c) || *c == '\n').map(|p| p + i + 1)
        else {
            continue;
        };
        if chars[close] == '\n' || !reads_as_kana(&chars[i + 1..close]) {
            continue;
        }
        let start = chars[..i].iter().rposition(|&c| !is_kanji(c)).map_or(0, |p| p + 1);
        let base: String = chars[start..i].iter().collect();
        let reading: String = chars[i + 1..close].iter().collect::<String>().trim().to_string();
        // A base runs back to a space: text before it without one would join the base.
        let before = chars[..start].iter().rev().take_while(|&&c| !c.is_whitespace()).count().min(6);
        let context: String = chars[start - before..start].iter().collect();
        let joined = before > 0 && chars[start - 1] != ']';
        let fixed = format!("{context}{}{base}[{reading}]", if joined { " " } else { "" });
        out.push(BracketReading { offset: start, written: chars[start..=close].iter().collect(), fixed });
    }
    out
}

/// For a choice note whose `answer` is a bare whole number (`2`, `２`) while no distractor is a
/// number: the answer was most likely meant as an option's number, which kioku would show as
/// an option of its own. Returns Some(the distractor that number points at, counting from 1,
/// if any).
pub fn answer_as_number<'a>(answer: &str, distractors: &'a [String]) -> Option<Option<&'a str>> {
    let folded = crate::answer::normalize::fold(answer);
    let n: usize = folded.trim().parse().ok().filter(|_| folded.trim().bytes().all(|b| b.is_ascii_digit()))?;
    let numeric = |d: &str| {
        let f = crate::answer::normalize::fold(d);
        let f = f.trim().trim_start_matches(['-', '+']);
        !f.is_empty() && f.parse::<f64>().is_ok()
    };
    if distractors.is_empty() || distractors.iter().any(|d| numeric(d)) {
        return None;
    }
    Some(n.checked_sub(1).and_then(|k| distractors.get(k)).map(String::as_str))
}

/// Field names a newcomer writes for a field kioku calls otherwise (the English word most tools
/// use, or the Japanese one), as the hint naming kioku's field.
pub fn field_meant(unknown: &str) -> Option<String> {
    let field = match unknown.trim().to_lowercase().as_str() {
        "options" | "option" | "choices" | "choice" | "alternatives" | "wrong" | "wrong_answers" | "wrong-answers"
        | "選択肢" | "誤答" => return Some(crate::tr!("authoring-options-hint")),
        "correct" | "correct_answer" | "right" | "solution" | "答え" | "正解" => "answer",
        "問題" | "問い" | "質問" => "question",
        "表" | "おもて" => "front",
        "裏" | "うら" | "答" => "back",
        "解説" | "説明" => "explanation",
        "タグ" => "tags",
        "穴埋め" => "cloze",
        _ => return None,
    };
    Some(crate::tr!("lint-did-you-mean", field = field))
}

/// A hint for a YAML syntax error on `line` (the source line it points into), for the two slips
/// whose parser message says nothing a teacher can act on: a flow list (`[a, b]`) whose items
/// hold brackets, and a plain value holding `: `.
pub fn yaml_hint(line: &str) -> Option<String> {
    let body = line.trim_start().trim_start_matches("- ");
    let (key, value) = body.split_once(':')?;
    let value = value.trim();
    if key.contains(['"', '\'', '[', '{']) || value.starts_with(['"', '\'', '|', '>']) {
        return None;
    }
    if let Some(list) = value.strip_prefix('[') {
        // `[金文洙[キム・ムンス], 李在明[イ・ジェミョン]]`: a bracket inside an item ends or
        // nests the list.
        if list.trim_end().strip_suffix(']').unwrap_or(list).contains(['[', ']']) {
            return Some(crate::tr!("authoring-flow-list-hint", key = key.trim()));
        }
        return None;
    }
    if value.contains(": ") || value.ends_with(':') {
        return Some(crate::tr!("authoring-quote-colon-hint", key = key.trim(), value = value));
    }
    None
}

/// The text with the note (an item of the top-level `cards:` block list) holding `line` (1-based)
/// replaced by an empty note, `- {}`, on its first line and empty lines after it, so that the line
/// numbers and the other notes' numbers stay; and the lines it spanned. None when `line` is not
/// inside such a note. Used to read the rest of a file whose note has a YAML syntax error: each
/// mistake is then reported at once, not one per run.
pub fn without_note_at(text: &str, line: usize) -> Option<(String, std::ops::RangeInclusive<usize>)> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let blank = |l: &str| l.trim().is_empty() || l.trim_start().starts_with('#');
    let is_item = |l: &str, at: usize| indent(l) == at && (l[at..].starts_with("- ") || l[at..].trim_end() == "-");
    let cards = lines.iter().position(|l| {
        l.strip_prefix("cards:").is_some_and(|rest| rest.trim().is_empty() || rest.trim_start().starts_with('#'))
    })?;
    let first = (cards + 1..lines.len()).find(|&k| !blank(lines[k]))?;
    let item_indent = indent(lines[first]);
    if !is_item(lines[first], item_indent) || line <= first {
        return None;
    }
    // Item starts, and where the list ends (a line less indented, or as indented but no item).
    let mut starts = Vec::new();
    let mut end = lines.len();
    for (k, l) in lines.iter().enumerate().skip(first) {
        if blank(l) {
            continue;
        }
        if is_item(l, item_indent) {
            starts.push(k);
        } else if indent(l) <= item_indent {
            end = k;
            break;
        }
    }
    let index = line - 1;
    if index >= end {
        return None;
    }
    let at = starts.iter().rposition(|&s| s <= index)?;
    let (from, to) = (starts[at], starts.get(at + 1).map_or(end, |&next| next) - 1);
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[from] = format!("{}- {{}}", " ".repeat(item_indent));
    for l in &mut out[from + 1..=to] {
        l.clear();
    }
    let mut mended = out.join("\n");
    if text.ends_with('\n') {
        mended.push('\n');
    }
    Some((mended, from + 1..=to + 1))
}

/// A parser's message that names a note by its path from 0 (`cards[2].front: …`, `cards[0]: …`)
/// with the note named as a teacher counts (`card 3 (line 10): front: …`); None when it names
/// none. `line_of` gives the line the `index`-th note starts on.
pub fn name_card_in(message: &str, line_of: impl Fn(usize) -> usize) -> Option<String> {
    let rest = message.strip_prefix("cards[")?;
    let (index, rest) = rest.split_once(']')?;
    let index: usize = index.parse().ok()?;
    let rest = rest.trim_start_matches('.').trim_start_matches(':').trim_start();
    Some(crate::tr!("authoring-in-card", card = card_name(index, line_of(index)), rest = rest))
}

/// How lint names the `index`-th note (0-based) of a file, starting on `line`: `card 3 (line
/// 12)`, as a teacher counts.
pub fn card_name(index: usize, line: usize) -> String {
    crate::tr!("authoring-card", n = index + 1, line = line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> Vec<(usize, String, String)> {
        bracket_readings(text).into_iter().map(|b| (b.offset, b.written, b.fixed)).collect()
    }

    #[test]
    fn readings_in_other_brackets() {
        assert_eq!(
            fixed("非常戒厳(ひじょうかいげん)の宣布"),
            vec![(0, "非常戒厳(ひじょうかいげん)".into(), "非常戒厳[ひじょうかいげん]".into())]
        );
        assert_eq!(
            fixed("非常戒厳【ひじょうかいげん】"),
            vec![(0, "非常戒厳【ひじょうかいげん】".into(), "非常戒厳[ひじょうかいげん]".into())]
        );
        assert_eq!(
            fixed("尹錫悦［ユン・ソンニョル］"),
            vec![(0, "尹錫悦［ユン・ソンニョル］".into(), "尹錫悦[ユン・ソンニョル]".into())]
        );
        assert_eq!(
            fixed("金文洙（キム・ムンス）"),
            vec![(0, "金文洙（キム・ムンス）".into(), "金文洙[キム・ムンス]".into())]
        );
        // Text running into the base needs the separating space, which the fix shows.
        assert_eq!(
            fixed("韓国の金文洙（キム・ムンス）氏"),
            vec![(3, "金文洙（キム・ムンス）".into(), "韓国の 金文洙[キム・ムンス]".into())]
        );
        assert_eq!(
            fixed("元 大統領 文在寅(ムン・ジェイン)"),
            vec![(6, "文在寅(ムン・ジェイン)".into(), "文在寅[ムン・ジェイン]".into())]
        );
        // Not readings: a gloss with kanji or Latin text, a kana word before the bracket, the
        // deck syntax itself, an unclosed bracket.
        for fine in [
            "国際原子力機関(IAEA)",
            "CVID（シーブイアイディー）",
            "北朝鮮(朝鮮民主主義人民共和国)",
            "これ(かな)",
            "文在寅[ムン・ジェイン]",
            "非常戒厳(ひじょうかいげん",
            "年(2024)",
            "",
        ] {
            assert_eq!(fixed(fine), vec![], "{fine}");
        }
    }

    #[test]
    fn a_broken_note_is_set_aside_keeping_lines_and_numbers() {
        let text = "deck: d\ncards:\n  - id: a\n    front: 問: x\n    back: y\n\n  - id: b\n    front: q\ntags: [t]\n";
        let (mended, lines) = without_note_at(text, 4).unwrap();
        assert_eq!(mended, "deck: d\ncards:\n  - {}\n\n\n\n  - id: b\n    front: q\ntags: [t]\n");
        assert_eq!(lines, 3..=6);
        let (mended, lines) = without_note_at(text, 8).unwrap();
        assert_eq!(mended, "deck: d\ncards:\n  - id: a\n    front: 問: x\n    back: y\n\n  - {}\n\ntags: [t]\n");
        assert_eq!(lines, 7..=8);
        // Outside the notes: nothing to set aside.
        assert_eq!(without_note_at(text, 1), None);
        assert_eq!(without_note_at(text, 9), None);
        assert_eq!(without_note_at("cards: [a, b]\n", 1), None);
        // Items at the key's own indentation.
        let (mended, _) = without_note_at("cards:\n- id: a\n  front: [\n- id: b\n", 3).unwrap();
        assert_eq!(mended, "cards:\n- {}\n\n- id: b\n");
    }

    #[test]
    fn parser_paths_name_cards_from_one() {
        crate::i18n::with_lang(crate::i18n::Lang::En, || {
            let line_of = |i: usize| 3 + 4 * i;
            assert_eq!(
                name_card_in("cards[2].front: wrong kind of value", line_of).unwrap(),
                "card 3 (line 11): front: wrong kind of value"
            );
            assert_eq!(
                name_card_in("cards[0]: unknown field `x`", line_of).unwrap(),
                "card 1 (line 3): unknown field `x`"
            );
            assert_eq!(name_card_in("tags: wrong kind", line_of), None);
        });
        crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
            assert_eq!(name_card_in("cards[1].back: x", |_| 7).unwrap(), "2 枚目（7 行目）：back: x");
        });
    }

    #[test]
    fn an_answer_that_is_an_options_number() {
        let d = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(answer_as_number("2", &d(&["30日", "90日"])), Some(Some("90日")));
        assert_eq!(answer_as_number("２", &d(&["30日", "90日"])), Some(Some("90日")));
        assert_eq!(answer_as_number("3", &d(&["30日", "90日"])), Some(None));
        // Numbers among numbers are options like any other; text answers are text.
        assert_eq!(answer_as_number("2", &d(&["3", "4"])), None);
        assert_eq!(answer_as_number("1990", &d(&["１９９１", "1992年"])), None);
        assert_eq!(answer_as_number("60日", &d(&["30日", "90日"])), None);
        assert_eq!(answer_as_number("2", &[]), None);
    }

    #[test]
    fn hints_for_yaml_slips() {
        crate::i18n::with_lang(crate::i18n::Lang::En, yaml_hints_in_english);
    }

    fn yaml_hints_in_english() {
        let flow = yaml_hint("    distractors: [金文洙[キム・ムンス], 李在明[イ・ジェミョン]]").unwrap();
        assert!(flow.contains("distractors") && flow.contains("quote"), "{flow}");
        let colon = yaml_hint("    front: 問: 金文洙は誰？").unwrap();
        assert!(colon.contains("\"問: 金文洙は誰？\""), "{colon}");
        assert_eq!(yaml_hint("    front: \"問: 金文洙は誰？\""), None);
        assert_eq!(yaml_hint("    distractors: [賛成, 反対]"), None);
        assert_eq!(yaml_hint("  - id: a"), None);
    }

    #[test]
    fn field_names_a_newcomer_writes() {
        crate::i18n::with_lang(crate::i18n::Lang::En, || {
            assert!(field_meant("options").unwrap().contains("`distractors`"));
            assert!(field_meant("options").unwrap().contains("`answer`"));
            assert_eq!(field_meant("正解").unwrap(), "did you mean `answer`?");
            assert_eq!(field_meant("colour"), None);
        });
    }
}
