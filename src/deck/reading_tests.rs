//! Readings parsed, written back, rendered, and the slips lint warns about.

use super::*;

fn ruby(base: &str, reading: &str) -> Segment {
    Segment::Ruby { base: base.into(), reading: reading.into() }
}

fn text(t: &str) -> Segment {
    Segment::Text(t.into())
}

#[test]
fn a_reading_after_a_kanji_base_at_the_start() {
    assert_eq!(parse("文在寅[ムン・ジェイン]"), vec![ruby("文在寅", "ムン・ジェイン")]);
    assert_eq!(display("文在寅[ムン・ジェイン]", true), "文在寅(ムン・ジェイン)");
    assert_eq!(display("文在寅[ムン・ジェイン]", false), "文在寅");
    assert_eq!(base("文在寅[ムン・ジェイン]"), "文在寅");
    assert_eq!(reading("文在寅[ムン・ジェイン]"), "ムン・ジェイン");
}

#[test]
fn the_base_runs_back_to_a_space_which_is_not_shown() {
    let s = parse("韓国の 文在寅[ムン・ジェイン]政権");
    assert_eq!(s, vec![text("韓国の"), ruby("文在寅", "ムン・ジェイン"), text("政権")]);
    assert_eq!(display("韓国の 文在寅[ムン・ジェイン]政権", true), "韓国の文在寅(ムン・ジェイン)政権");
    assert_eq!(base("韓国の 文在寅[ムン・ジェイン]政権"), "韓国の文在寅政権");
    assert_eq!(reading("韓国の 文在寅[ムン・ジェイン]政権"), "韓国のムン・ジェイン政権");
    // A full-width space separates too; only one space is taken.
    assert_eq!(base("韓国の\u{3000}文在寅[ムン]"), "韓国の文在寅");
    assert_eq!(base("a  文[ぶん]"), "a 文");
    // A line break ends the base but stays.
    assert_eq!(parse("問\n文[ぶん]"), vec![text("問\n"), ruby("文", "ぶん")]);
    // Without a space the base runs back to the field's start, as in Anki.
    assert_eq!(parse("韓国の文在寅[ムン]"), vec![ruby("韓国の文在寅", "ムン")]);
}

#[test]
fn readings_in_a_row_and_mixed_text() {
    assert_eq!(parse("日本[にほん]語[ご]"), vec![ruby("日本", "にほん"), ruby("語", "ご")]);
    assert_eq!(display("日本[にほん]語[ご]を話す", true), "日本(にほん)語(ご)を話す");
    assert_eq!(
        parse("大統領は 尹錫悦[ユン・ソンニョル]、首相は 韓悳洙[ハン・ドクス]。"),
        vec![
            text("大統領は"),
            ruby("尹錫悦", "ユン・ソンニョル"),
            text("、首相は"),
            ruby("韓悳洙", "ハン・ドクス"),
            text("。")
        ]
    );
    // Spaces and the long-vowel mark are allowed in a reading; its edges are trimmed.
    assert_eq!(parse("金正恩[ キム ジョンウン ]"), vec![ruby("金正恩", "キム ジョンウン")]);
    assert_eq!(reading("東京[トーキョー]"), "トーキョー");
    // Half-width katakana count as kana.
    assert_eq!(reading("東京[ﾄｰｷｮｰ]"), "ﾄｰｷｮｰ");
}

#[test]
fn a_latin_base() {
    assert_eq!(
        parse("the IAEA[アイエーイーエー] said"),
        vec![text("the"), ruby("IAEA", "アイエーイーエー"), text(" said")]
    );
    assert_eq!(display("Grossi[グロッシ]", true), "Grossi(グロッシ)");
    assert_eq!(base("Ｇ７[じーせぶん]"), "Ｇ７[じーせぶん]", "a digit does not end a base");
    assert_eq!(base("Café[カフェ]"), "Café");
}

#[test]
fn other_brackets_are_literal_text() {
    for literal in [
        "[sic]",
        "Smith [sic] said",
        "note[1]",
        "文[1]",
        "文[sic]",
        "[ムン]",
        "は[ムン]",
        "2025[にせん]",
        "文[]",
        "文[ ]",
        "文[ムン",
        "文[ム[ン]",
        "a]b[c",
    ] {
        assert_eq!(parse(literal), vec![text(literal)], "{literal}");
        assert_eq!(display(literal, true), literal);
        assert_eq!(base(literal), literal);
    }
    // Kanji inside the brackets make it text, not a reading.
    assert_eq!(base("文在寅[文在寅]"), "文在寅[文在寅]");
}

#[test]
fn a_backslash_escapes_a_bracket() {
    assert_eq!(parse("文在寅\\[ムン]"), vec![text("文在寅[ムン]")]);
    assert_eq!(display("文在寅\\[ムン]", true), "文在寅[ムン]");
    assert_eq!(base("注\\[1]"), "注[1]");
    // An escaped bracket then a reading: the base includes the bracket.
    assert_eq!(parse("\\[文[ぶん]"), vec![ruby("[文", "ぶん")]);
    // A backslash not before a bracket stays.
    assert_eq!(base("a\\b 文[ぶん]"), "a\\b文");
    // `\[` cannot end a base: `\[[ぶん]` is two literal brackets' worth of text.
    assert_eq!(base("文\\[[ぶん]"), "文[[ぶん]");
}

#[test]
fn markup_round_trips_and_joins_fields() {
    for markup in [
        "文在寅[ムン・ジェイン]",
        "韓国の 文在寅[ムン・ジェイン]政権",
        "a  文[ぶん]",
        "日本[にほん]語[ご]",
        "文在寅\\[ムン]",
        "\\[文[ぶん]",
        "[sic] 文[1]",
        "問\n文[ぶん]",
        "a\\\\[ぶん]",
    ] {
        let segments = parse(markup);
        assert_eq!(parse(&to_markup(&segments)), segments, "{markup}");
    }
    // Parts of different fields keep their own bases when joined.
    let mut joined = parse("金正恩[キム・ジョンウン]");
    joined.push(text(" → "));
    joined.extend(parse("文在寅[ムン・ジェイン]"));
    joined.push(text(" と"));
    joined.extend(parse("尹錫悦[ユン・ソンニョル]"));
    let markup = to_markup(&joined);
    assert_eq!(markup, "金正恩[キム・ジョンウン] →  文在寅[ムン・ジェイン] と 尹錫悦[ユン・ソンニョル]");
    assert_eq!(display(&markup, true), "金正恩(キム・ジョンウン) → 文在寅(ムン・ジェイン) と尹錫悦(ユン・ソンニョル)");
    // A bracket a cloze adds after a kanji is escaped when it would read as a reading.
    let cloze = vec![text("大統領"), text("["), text("ムン"), text("]")];
    assert_eq!(to_markup(&cloze), "大統領\\[ムン]");
    assert_eq!(display(&to_markup(&cloze), true), "大統領[ムン]");
    assert_eq!(to_markup(&[text("判決は[…]")]), "判決は[…]");
    // Plain text without readings is written as it was.
    assert_eq!(to_markup(&parse("憲法裁判所は[…]、弾劾を妥当")), "憲法裁判所は[…]、弾劾を妥当");
}

proptest::proptest! {
    /// Over text made of the pieces that matter (bases, kana, brackets, escapes,
    /// spaces, line breaks): segments are well formed, and markup written from them reads
    /// back as the same segments.
    #[test]
    fn markup_reads_back_as_the_same_segments(
        picks in proptest::collection::vec(0usize..15, 0..40)
    ) {
        // Pieces rather than characters, so that readings are common.
        let pieces = ["文在", "a", "ムン", "・ー", " ", "\u{3000}", "[", "]", "\\", "\n", "の", "1", "[ムン]", "\\[", "[]"];
        let text: String = picks.iter().map(|&k| pieces[k]).collect();
        let segments = parse(&text);
        for pair in segments.windows(2) {
            proptest::prop_assert!(!matches!(pair, [Segment::Text(_), Segment::Text(_)]), "{:?}", segments);
        }
        for segment in &segments {
            if let Segment::Ruby { base, reading } = segment {
                proptest::prop_assert!(base.chars().next_back().is_some_and(ends_base), "{:?}", segment);
                proptest::prop_assert!(!base.contains(char::is_whitespace), "{:?}", segment);
                proptest::prop_assert!(reading.chars().any(is_kana), "{:?}", segment);
            }
        }
        proptest::prop_assert_eq!(parse(&to_markup(&segments)), segments);
        proptest::prop_assert_eq!(display(&text, false), base(&text));
    }
}

#[test]
fn slips_for_lint() {
    assert_eq!(slips("文在寅[ムン・ジェイン"), vec![(3, Slip::Unclosed)]);
    // Unclosed in the middle of a field, with text after it.
    assert_eq!(slips("文在寅[ムン・ジェイン は誰？"), vec![(3, Slip::Unclosed)]);
    assert_eq!(slips("文在寅[ムン・ジェインは誰？"), vec![(3, Slip::Unclosed)]);
    assert_eq!(slips("文在寅[]"), vec![(3, Slip::Empty)]);
    assert_eq!(slips("文在寅[ ]"), vec![(3, Slip::Empty)]);
    assert_eq!(slips("韓国の文在寅[ムン・ジェイン]"), vec![(6, Slip::LongBase("韓国の文在寅".into()))]);
    assert_eq!(slips("大統領、文在寅[ムン]"), vec![(7, Slip::LongBase("大統領、文在寅".into()))]);
    assert_eq!(split_long_base("韓国の文在寅"), "韓国の 文在寅");
    assert_eq!(split_long_base("韓国の大統領は文在寅"), "韓国の大統領は 文在寅");
    // Right as written: nothing to say.
    for fine in [
        "韓国の 文在寅[ムン・ジェイン]",
        "振り仮名[ふりがな]",
        "[sic]",
        "note[1]",
        "文\\[ムン",
        "日本[にほん]語[ご]",
        "",
    ] {
        assert_eq!(slips(fine), vec![], "{fine}");
    }
}
