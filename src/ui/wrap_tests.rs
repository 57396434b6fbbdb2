//! Line breaking: sentences of the essay checked by hand at a 40-column terminal, and properties
//! over random text (no line too wide, nothing lost, kinsoku kept unless it cannot be).

use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

use super::*;

/// Characters a Japanese line must not start with, listed by hand (JIS X 4051's 行頭禁則: closing
/// brackets and punctuation, the long-vowel mark, small kana, iteration marks, middle dot).
const NO_START: &str = "。、，．」』）〕】〉》？！：；・ーゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
/// Characters a line must not end with (行末禁則: opening brackets).
const NO_END: &str = "「『（〔【〈《";

/// A terminal 40 columns wide shows a prompt or an explanation after a 2-column indent.
fn at_40(text: &str) -> Vec<String> {
    wrap_indented(text, 40, "  ").into_iter().map(|l| l[2..].to_string()).collect()
}

// Expected lines below were counted by hand: 19 double-width characters fill the 38 columns
// left after the indent (20 fill a bare 40), and where that cut would start a line with a
// forbidden character the character before it moves down with it.

#[test]
fn essay_at_40_columns_a_closing_bracket_never_starts_a_line() {
    // Cut at 19: 「…金正恩は「新冷戦」 would leave 」 to start line 2; 戦 goes down with it.
    assert_eq!(
        at_40("ウクライナ侵攻の前年、金正恩は「新冷戦」に言及する。"),
        ["ウクライナ侵攻の前年、金正恩は「新冷", "戦」に言及する。"]
    );
}

#[test]
fn essay_at_40_columns_the_long_vowel_mark_and_small_kana_never_start_a_line() {
    // カ|ード would start line 3 with ー; ではあ|ったものの would start line 3 with っ.
    assert_eq!(
        at_40("しかも中国が大きくなればなるほど、中国にとっての北朝鮮の意味は、対米交渉のカードということになる。"),
        ["しかも中国が大きくなればなるほど、中国", "にとっての北朝鮮の意味は、対米交渉の", "カードということになる。"]
    );
    assert_eq!(
        at_40("もとより、北朝鮮の内部変化についての評価については関係国間で検討が必要ではあったものの、北朝鮮に対する抑止政策を前提に日米韓は協力体制を維持できていた。"),
        [
            "もとより、北朝鮮の内部変化についての評",
            "価については関係国間で検討が必要では",
            "あったものの、北朝鮮に対する抑止政策を",
            "前提に日米韓は協力体制を維持できてい",
            "た。"
        ]
    );
}

#[test]
fn essay_at_40_columns_commas_and_full_stops_never_start_a_line() {
    // 韓国では|、: the 、 takes は with it.
    assert_eq!(
        at_40("保守派と進歩派の支持が拮抗する韓国では、双方中道をいかに取り込むかが課題とされるが、保守派は候補の一本化が最大の課題だ。"),
        ["保守派と進歩派の支持が拮抗する韓国で", "は、双方中道をいかに取り込むかが課題と", "されるが、保守派は候補の一本化が最大の", "課題だ。"]
    );
    // The whole 40 columns (no indent): 考えれば|、 and 否決され|、.
    assert_eq!(
        wrap("トランプ政権にとっての優先順位を考えれば、朝鮮半島問題は、ウクライナ、ガザの次だろう。", 40),
        ["トランプ政権にとっての優先順位を考えれ", "ば、朝鮮半島問題は、ウクライナ、ガザの次", "だろう。"]
    );
    assert_eq!(
        wrap("これにたいして金文洙は「正当に選出された候補資格を剝奪した政治クーデターだ」と公認取り消しの効力停止を求める仮処分を裁判所に申請、同日、「国民の力」は党員投票を実施し、公認取り消しが反対多数で否決され、金文洙が候補に復活し、一方、韓悳洙は出馬の取りやめを表明した。", 40),
        [
            "これにたいして金文洙は「正当に選出された",
            "候補資格を剝奪した政治クーデターだ」と公",
            "認取り消しの効力停止を求める仮処分を裁判",
            "所に申請、同日、「国民の力」は党員投票を",
            "実施し、公認取り消しが反対多数で否決さ",
            "れ、金文洙が候補に復活し、一方、韓悳洙は",
            "出馬の取りやめを表明した。"
        ]
    );
}

#[test]
fn essay_at_40_columns_an_opening_bracket_never_ends_a_line() {
    // The 19th character is 「: it goes to the next line, before what it opens.
    assert_eq!(
        at_40("平岩俊司（南山大学総合政策学部教授）「第二期トランプ政権と朝鮮半島情勢」"),
        ["平岩俊司（南山大学総合政策学部教授）", "「第二期トランプ政権と朝鮮半島情勢」"]
    );
}

#[test]
fn mixed_scripts_break_at_spaces_and_between_japanese_characters() {
    // The essay writes numbers half-width between spaces: a break falls on a space, which goes.
    assert_eq!(
        wrap("本年 4 月 4 日、韓国の憲法裁判所は弾劾妥当との判断を下した。", 20),
        ["本年 4 月 4 日、韓国", "の憲法裁判所は弾劾妥", "当との判断を下した。"]
    );
    assert_eq!(wrap("one two three", 7), ["one two", "three"]);
    assert_eq!(
        wrap("CVID（完全かつ検証可能で後戻りのできない非核化）", 16),
        ["CVID（完全かつ検", "証可能で後戻りの", "できない非核化）"]
    );
    // The text's own line breaks stay; a paragraph's leading full-width space stays.
    assert_eq!(wrap("a\nb", 10), ["a", "b"]);
    assert_eq!(wrap("　第二期トランプ政権", 10), ["　第二期ト", "ランプ政権"]);
    assert_eq!(wrap("", 10), [""]);
}

#[test]
fn a_run_wider_than_a_line_is_cut_where_kinsoku_allows() {
    // A long word has no break opportunity: cut where the line is full.
    assert_eq!(wrap("internationalization", 10), ["internatio", "nalization"]);
    // A Latin word glued to a full stop (no opportunity between them) is cut before its last
    // letter rather than before the 。.
    assert_eq!(wrap("abcdef。", 6), ["abcde", "f。"]);
    // Nothing else fits: a width of one character.
    assert_eq!(wrap("あ。", 2), ["あ", "。"]);
}

#[test]
fn typed_text_wraps_by_characters_and_the_cursor_follows() {
    assert_eq!(wrap_typed("ab cdef", 4), ["ab c", "def"]);
    assert_eq!(wrap_typed("日本語。", 5), ["日本", "語。"]);
    assert_eq!(cursor_at("ab c", 4), (1, 0));
    assert_eq!(cursor_at("日本語", 5), (1, 2));
    assert_eq!(cursor_at("", 5), (0, 0));
}

#[test]
fn truncate_and_fit_count_display_width() {
    assert_eq!(truncate("日本語", 5), "日本");
    assert_eq!(fit("日本語", 5), "日本 ");
    assert_eq!(fit("ab", 4), "ab  ");
    // A variation selector makes ❤ wide; it is never cut from its character.
    assert_eq!(truncate("❤\u{fe0f}x", 1), "");
}

/// Text of Japanese, Latin letters, digits, punctuation and brackets; `spaces` adds spaces,
/// full-width spaces and line breaks.
fn text(spaces: bool) -> impl Strategy<Value = String> {
    let mut alphabet: Vec<char> =
        "日本語第二期政権朝鮮半島情勢あいうかきくをのにはがトランプカードabcXYZ019".chars().collect();
    alphabet.extend(NO_START.chars().chain(NO_END.chars()).chain("」）".chars()));
    if spaces {
        alphabet.extend([' ', ' ', '　', '\n']);
    }
    prop::collection::vec(prop::sample::select(alphabet), 0..120).prop_map(|v| v.into_iter().collect())
}

fn width_of(c: char) -> usize {
    c.to_string().width()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_line_is_wider_than_the_width_and_no_text_is_lost(text in text(true), width in 2usize..50) {
        let lines = wrap(&text, width);
        for l in &lines {
            prop_assert!(l.width() <= width, "{l:?} is wider than {width}");
        }
        let kept: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
        let given: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(kept, given);
        // Each line break of the text is still one.
        prop_assert!(lines.len() > text.matches('\n').count());
    }

    #[test]
    fn kinsoku_holds_unless_no_other_cut_fits(text in text(false), width in 2usize..40) {
        let lines = wrap(&text, width);
        for pair in lines.windows(2) {
            let (line, next) = (&pair[0], &pair[1]);
            let Some(first) = next.chars().next() else { continue };
            let chars: Vec<char> = line.chars().collect();
            let broken = NO_START.contains(first) || chars.last().is_some_and(|&c| NO_END.contains(c));
            if !broken {
                continue;
            }
            // Unavoidable: every earlier cut on this line would break the rules too, or move
            // more onto the next line than fits there.
            for k in 1..chars.len() {
                let moved: usize = chars[k..].iter().map(|&c| width_of(c)).sum::<usize>() + width_of(first);
                let bad = NO_START.contains(chars[k]) || NO_END.contains(chars[k - 1]);
                prop_assert!(
                    bad || moved > width,
                    "{line:?} / {next:?}: cutting before {:?} would keep kinsoku", chars[k]
                );
            }
        }
    }
}
