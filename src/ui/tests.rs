//! Snapshots of the review screen at 80 and 40 columns (reviewed by eye: alignment of
//! double-width text, wrapping, nothing past the width).

use unicode_width::UnicodeWidthStr;

use super::render::*;
use super::wrap::{truncate, wrap};
use crate::answer::Verdict;
use crate::scheduler::Rating;

fn base() -> ReviewView {
    ReviewView {
        deck: "korea-2025-chronology".into(),
        tags: vec!["korea".into(), "chronology".into()],
        state: "new".into(),
        counts: (18, 2, 5),
        prompt: "尹錫悦大統領が非常戒厳を宣布したのはいつ？".into(),
        choices: vec![],
        hint: None,
        phase: Phase::Question { input: None },
        message: None,
        help: false,
        progress: None,
        keys: None,
    }
}

fn answer_phase() -> ReviewView {
    ReviewView {
        hint: Some("type the answer".into()),
        phase: Phase::Answer(Reveal {
            verdict: Some(Verdict::Almost),
            lines: vec!["answer: Pyongyang".into(), "you: Pyongyag".into(), "diff: pyongya[+n]g".into()],
            explanation: Some("本文は「昨年12月」と書く（本稿は2025年5月21日付）。韓国国会は非常戒厳を即座に否定し、大統領を弾劾した。".into()),
            intervals: vec![
                (Rating::Again, "1m".into()),
                (Rating::Hard, "6m".into()),
                (Rating::Good, "10m".into()),
                (Rating::Easy, "8d".into()),
            ],
            suggested: Rating::Hard,
        }),
        ..base()
    }
}

fn choice() -> ReviewView {
    ReviewView {
        prompt: "2022年3月の国連総会のロシア非難決議で、中国の投票は？".into(),
        choices: vec!["反対".into(), "賛成".into(), "棄権".into()],
        phase: Phase::Question { input: Some("3".into()) },
        message: Some("there is no option 9; type a number from 1 to 3".into()),
        ..base()
    }
}

fn screen(view: &ReviewView, width: usize) -> String {
    let lines = render(view, width);
    for l in &lines {
        assert!(l.text().width() <= width.max(MIN_WIDTH), "line wider than {width}: {:?}", l.text());
    }
    lines.iter().map(|l| l.text().trim_end().to_string()).collect::<Vec<_>>().join("\n")
}

#[test]
fn question_80_and_40() {
    insta::assert_snapshot!("question_80", screen(&base(), 80));
    insta::assert_snapshot!("question_40", screen(&base(), 40));
}

#[test]
fn answer_80_and_40() {
    insta::assert_snapshot!("answer_80", screen(&answer_phase(), 80));
    insta::assert_snapshot!("answer_40", screen(&answer_phase(), 40));
}

#[test]
fn choice_with_input_and_error_80_and_40() {
    insta::assert_snapshot!("choice_80", screen(&choice(), 80));
    insta::assert_snapshot!("choice_40", screen(&choice(), 40));
}

#[test]
fn tiny_and_help() {
    insta::assert_snapshot!("help_40", screen(&ReviewView { help: true, ..base() }, 40));
    // A terminal narrower than the minimum is drawn at the minimum and cut by the terminal
    // writer; the layout itself never exceeds MIN_WIDTH.
    let tiny = render(&answer_phase(), 5);
    assert!(tiny.iter().all(|l| l.text().width() <= MIN_WIDTH));
}

#[test]
fn wrapping_by_display_width() {
    assert_eq!(wrap("日本語の文章です", 6), vec!["日本語", "の文章", "です"]);
    assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
    assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
    assert_eq!(truncate("日本語", 5), "日本");
}

/// The exam and cram screens, built from a card as the terminal builds them (reviewed by eye).
mod quiz_screens {
    use super::screen;
    use crate::answer::Verdict;
    use crate::deck::{Card, CardKind, Judge};
    use crate::scheduler::Rating;
    use crate::session::exam_session::{ExamReport, Miss};
    use crate::session::judge::{Judged, Shown};
    use crate::ui::quiz::{question_view, report_view, reveal};
    use crate::ui::render::{Phase, ReviewView};

    fn choice_card() -> Card {
        Card {
            key: "korea-2025-chronology/un-vote".into(),
            deck: "korea-2025-chronology".into(),
            note_id: "un-vote".into(),
            kind: CardKind::Choice,
            prompt: "2022年3月の国連総会のロシア非難決議で、中国の投票は？".into(),
            answer: "棄権".into(),
            short_answer: "棄権".into(),
            judge: Judge::Choice { options: vec!["棄権".into(), "賛成".into(), "反対".into()] },
            tags: vec!["korea".into(), "china".into()],
            explanation: Some("中国は棄権した。".into()),
            section: None,
            renamed_from: None,
            category: None,
        }
    }

    fn exam_question() -> ReviewView {
        ReviewView {
            phase: Phase::Question { input: Some("4".into()) },
            message: Some("there is no option 4; type a number from 1 to 3".into()),
            keys: Some("enter answer · esc or :q end the exam (the rest count as wrong)".into()),
            ..question_view(&choice_card(), &[1, 0, 2], "exam", "question 2/10 · 4m left".into())
        }
    }

    fn exam_verdict() -> ReviewView {
        let judged = Judged {
            verdict: Verdict::Wrong,
            suggest: Rating::Again,
            answer: Shown::Option { number: 2, text: "棄権".into() },
            response: Some(Shown::Option { number: 1, text: "賛成".into() }),
            notes: Vec::new(),
            chosen: Some("賛成".into()),
        };
        ReviewView {
            phase: Phase::Answer(reveal(&choice_card(), Some(&judged), "1", false)),
            keys: Some("enter next question · esc end the exam".into()),
            ..question_view(&choice_card(), &[1, 0, 2], "exam", "question 2/10".into())
        }
    }

    fn cram_answer() -> ReviewView {
        let card = Card { kind: CardKind::Basic, judge: Judge::SelfGraded, ..choice_card() };
        ReviewView {
            phase: Phase::Answer(reveal(&card, None, "", true)),
            keys: Some("1-4 grade · enter good · u undo · q quit — cram changes no schedule".into()),
            ..question_view(&card, &[], "cram", "7 left".into())
        }
    }

    fn report() -> ReviewView {
        report_view(&ExamReport {
            score: 1,
            questions: 2,
            duration_secs: 75,
            timed_out: true,
            by_deck: vec![("korea-2025-chronology".into(), 1, 2)],
            by_tag: vec![("china".into(), 0, 1), ("korea".into(), 1, 2)],
            misses: vec![Miss {
                number: 2,
                prompt: "2022年3月の国連総会のロシア非難決議で、中国の投票は？".into(),
                answer: Shown::Text { text: "棄権".into() },
                explanation: Some("中国は棄権した。".into()),
            }],
            fed_to_review: None,
        })
    }

    #[test]
    fn exam_and_cram_screens_80_and_40() {
        for (name, view) in [
            ("exam_question", exam_question()),
            ("exam_verdict", exam_verdict()),
            ("cram_answer", cram_answer()),
            ("exam_report", report()),
        ] {
            insta::assert_snapshot!(format!("{name}_80"), screen(&view, 80));
            insta::assert_snapshot!(format!("{name}_40"), screen(&view, 40));
        }
    }
}

/// The explanation is the learning text: drawn in the terminal's normal colour, never dimmed
/// (issue 20: palette colour 8 was unreadable on many dark themes).
#[test]
fn the_explanation_is_in_the_normal_colour() {
    let lines = render(&answer_phase(), 80);
    let explanation: Vec<&Line> =
        lines.iter().filter(|l| l.text().contains("本文は") || l.text().contains("弾劾")).collect();
    assert!(!explanation.is_empty());
    for line in explanation {
        assert!(line.0.iter().all(|s| s.style == Style::Plain), "{:?}", line.0);
    }
}

/// After a choice judged on screen, the screen says the digits now grade (issue 20).
#[test]
fn after_a_judged_choice_the_screen_says_the_digits_now_grade() {
    let judged = ReviewView {
        phase: Phase::Answer(Reveal {
            verdict: Some(Verdict::Right),
            lines: vec!["answer: 3 棄権".into(), "you: 3 棄権".into()],
            explanation: None,
            intervals: vec![(Rating::Again, "1m".into()), (Rating::Good, "10m".into())],
            suggested: Rating::Good,
        }),
        ..choice()
    };
    let text = screen(&judged, 80);
    assert!(text.contains("now grade how well you knew it: 1-4, enter takes good"), "{text}");
    // A self-graded card's answer has no options: no such line.
    assert!(!screen(&answer_phase(), 80).contains("now grade"));
}
