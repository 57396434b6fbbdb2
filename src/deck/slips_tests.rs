//! Each slip where it breaks the structure, and the same characters as content.

use super::*;
use crate::deck::load::load_text;

/// (line, col, code) of every error `text` gets.
fn errors(text: &str) -> Vec<(usize, usize, &'static str)> {
    match load_text(text.as_bytes(), "d.yaml", "d") {
        Ok(_) => Vec::new(),
        Err(d) => d.iter().map(|d| (d.line, d.col, d.code)).collect(),
    }
}

fn first_error(text: &str) -> Diagnostic {
    match load_text(text.as_bytes(), "d.yaml", "d") {
        Ok(_) => panic!("no error"),
        Err(mut d) => d.remove(0),
    }
}

#[test]
fn a_full_width_colon_after_a_field_name() {
    // Today YAML says "could not find expected ':'" at line 4, the line after the slip.
    let text = "cards:\n  - id: a\n    front：尹錫悦\n    back: x\n";
    assert_eq!(errors(text), [(3, 10, "fullwidth-colon")]);
    let d = first_error(text);
    assert!(d.message.contains("`front`"), "{}", d.message);
    assert_eq!(
        d.hint.as_deref(),
        Some("replace ： (U+FF1A FULLWIDTH COLON) with a half-width colon and a space: `front: `")
    );
    // The same after a list dash, with a space before the colon, at the end of a line.
    assert_eq!(errors("cards:\n  - id：a\n    front: x\n    back: y\n"), [(2, 7, "fullwidth-colon")]);
    assert_eq!(errors("deck ：d\ncards:\n  - id: a\n    front: x\n    back: y\n"), [(1, 6, "fullwidth-colon")]);
    assert_eq!(errors("cards：\n  - id: a\n    front: x\n    back: y\n"), [(1, 6, "fullwidth-colon")]);
}

#[test]
fn indentation_with_full_width_spaces() {
    // Today: unknown field `　　front`, the spaces invisible.
    let text = "cards:\n  - id: a\n　　front: x\n    back: y\n";
    assert_eq!(errors(text), [(3, 1, "fullwidth-space")]);
    let d = first_error(text);
    assert_eq!(
        d.hint.as_deref(),
        Some("replace each 「　」 (U+3000 IDEOGRAPHIC SPACE, a full-width space) with two half-width spaces")
    );
    // Mixed with half-width spaces, and on a line holding nothing else.
    assert_eq!(errors("cards:\n  - id: a\n  　front: x\n    back: y\n"), [(3, 3, "fullwidth-space")]);
    assert_eq!(errors("cards:\n  - id: a\n    front: x\n　\n    back: y\n"), [(4, 1, "fullwidth-space")]);
}

#[test]
fn a_full_width_space_after_a_colon_or_a_dash() {
    let text = "cards:\n  - id: a\n    front:　x\n    back: y\n";
    assert_eq!(errors(text), [(3, 11, "fullwidth-space")]);
    assert!(first_error(text).hint.unwrap().contains("U+3000"));
    assert_eq!(errors("cards:\n  -　id: a\n    front: x\n    back: y\n"), [(2, 4, "fullwidth-space")]);
}

#[test]
fn a_full_width_dash_or_middle_dot_as_a_list_dash() {
    let text = "cards:\n  － id: a\n    front: x\n    back: y\n";
    assert_eq!(errors(text), [(2, 3, "fullwidth-dash")]);
    assert!(first_error(text).hint.unwrap().contains("－ (U+FF0D FULLWIDTH HYPHEN-MINUS)"));
    let choice =
        "cards:\n  - id: a\n    question: q\n    answer: 棄権\n    distractors:\n      ・ 賛成\n      ・反対\n";
    assert_eq!(errors(choice), [(6, 7, "fullwidth-dash"), (7, 7, "fullwidth-dash")]);
    assert!(first_error(choice).hint.unwrap().contains("・ (U+30FB KATAKANA MIDDLE DOT)"));
    // The long-vowel mark, which the minus key gives in kana mode.
    assert_eq!(errors("cards:\n  ー id: a\n    front: x\n    back: y\n"), [(2, 3, "fullwidth-dash")]);
}

#[test]
fn a_full_width_hash_as_a_comment() {
    let text = "# 年表\ncards:\n  ＃ 2024年\n  - id: a\n    front: x\n    back: y\n";
    assert_eq!(errors(text), [(3, 3, "fullwidth-hash")]);
    assert!(first_error(text).hint.unwrap().contains("＃ (U+FF03 FULLWIDTH NUMBER SIGN)"));
    assert_eq!(errors("＃ 年表\ncards:\n  - id: a\n    front: x\n    back: y\n"), [(1, 1, "fullwidth-hash")]);
}

#[test]
fn the_same_characters_inside_values_are_content() {
    let text = "\
title: 年表：2025年 ＃1
cards:
  - id: a
    front: 答え：いつ？　全角の空白
    back: ＃1 ・項目 － ー
    explanation: 三点。
      ・一つ目
      ＃二つ目
  - id: b
    front: |
      ・箇条書き
      ＃見出し
      　字下げした段落
      key：value
    back: y
  - id: c
    question: 中国の投票は？
    answer: ・棄権
    distractors:
      - ・賛成
      - ＃反対
  - id: d
    front:
      ・次の行の値
    back: z
";
    let (deck, _) = load_text(text.as_bytes(), "d.yaml", "d").expect("loads");
    let notes = &deck.notes;
    assert_eq!(notes.len(), 4);
    assert_eq!(deck.title.as_deref(), Some("年表：2025年 ＃1"));
    match &notes[0].kind {
        crate::deck::NoteKind::Basic { front, back, .. } => {
            assert_eq!(front, "答え：いつ？　全角の空白");
            assert_eq!(back, "＃1 ・項目 － ー");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(notes[0].explanation.as_deref(), Some("三点。 ・一つ目 ＃二つ目"));
    match &notes[1].kind {
        crate::deck::NoteKind::Basic { front, .. } => {
            assert_eq!(front, "・箇条書き\n＃見出し\n　字下げした段落\nkey：value\n")
        }
        other => panic!("{other:?}"),
    }
    match &notes[2].kind {
        crate::deck::NoteKind::Choice { answer, distractors, .. } => {
            assert_eq!(answer, "・棄権");
            assert_eq!(distractors, &["・賛成".to_string(), "＃反対".to_string()]);
        }
        other => panic!("{other:?}"),
    }
    // A file broken for another reason still reports no slip in its values.
    let broken = text.replace("  - id: d\n", "  - id: d\n    anwser: 1\n");
    assert_eq!(errors(&broken), [(23, 5, "yaml")]);
}

#[test]
fn other_mistakes_are_reported_with_the_slips_and_their_echoes_are_not() {
    // The slip on line 3; an unknown field on line 7; a duplicate id on line 8. YAML's own
    // "could not find expected ':'" at line 4 was only the slip's echo.
    let text = "cards:\n  - id: a\n    front：x\n    back: y\n  - id: b\n    front: x2\n    anwser: z\n  - id: a\n    front: x3\n    back: w\n";
    let found = errors(text);
    assert_eq!(found[0], (3, 10, "fullwidth-colon"));
    assert!(found.contains(&(7, 5, "yaml")), "{found:?}");
    assert!(found.iter().any(|&(l, _, c)| l == 8 && c == "duplicate-id"), "{found:?}");
    assert!(!found.iter().any(|&(l, _, _)| l == 4), "{found:?}");
    // An unknown field name on the slip's own line stays reported, in the file's columns.
    let typo = "cards:\n  - id: a\n    fornt：x\n    back: y\n";
    let d = load_text(typo.as_bytes(), "d.yaml", "d").err().unwrap();
    assert!(d.iter().any(|d| (d.line, d.col, d.code) == (3, 10, "fullwidth-colon")), "{d:?}");
    let unknown = d.iter().find(|d| d.message.contains("unknown field `fornt`")).expect("the unknown field");
    assert_eq!((unknown.line, unknown.col), (3, 5));
    assert_eq!(unknown.source_line.as_deref(), Some("    fornt：x"));
}

#[test]
fn mended_columns_map_back_to_the_file() {
    let (slips, mended, columns) = find("cards:\n  - id: a\n　　front：x\n");
    assert_eq!(slips.len(), 2);
    assert_eq!(mended, "cards:\n  - id: a\n    front: x\n");
    // `x` is at column 12 of the mended line and column 9 of the file; the space added after
    // the colon is the colon's; past the end stays past the end.
    assert_eq!(columns.original((3, 12)), (3, 9));
    assert_eq!(columns.original((3, 11)), (3, 8));
    assert_eq!(columns.original((3, 13)), (3, 10));
    assert_eq!(columns.original((2, 5)), (2, 5));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    /// Any arrangement of YAML's structure characters and their full-width twins loads or gets
    /// diagnostics, never a panic, and every position named is in the file (or just after its
    /// end, where the YAML parser places a document left unfinished).
    #[test]
    fn never_panics_and_positions_stay_in_the_file(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "cards", ":", "：", " ", "　", "-", "－", "・", "ー", "#", "＃", "\n", "id", "front", "back", "x", "|", "\"",
        ]), 0..60)
    ) {
        let text: String = parts.concat();
        if let Err(diagnostics) = load_text(text.as_bytes(), "d.yaml", "d") {
            let lines: Vec<&str> = text.split('\n').collect();
            for d in diagnostics {
                proptest::prop_assert!(d.line >= 1 && d.line <= lines.len() + 1, "{d:?}");
                let len = lines.get(d.line - 1).map_or(0, |l| l.chars().count());
                proptest::prop_assert!(d.col >= 1 && d.col <= len + 2, "{d:?} in {text:?}");
            }
        }
    }
}
