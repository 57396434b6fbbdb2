//! The review, exam, cram and stats screens in Japanese (`KIOKU_LANG=ja`), at 80 and 40 columns,
//! built from the same functions the screens use, with every text from the catalogue. Reviewed by
//! eye: wording, alignment of double-width text, nothing past the width. And: no Japanese screen
//! shows an English grade name.

use super::render::*;
use crate::answer::Check;
use crate::deck::{Card, CardKind, Judge};
use crate::i18n::durations::human_interval;
use crate::i18n::{with_lang, Lang};
use crate::scheduler::{Rating, State, StudyDay};
use crate::session::exam_piped::progress;
use crate::session::exam_session::{ExamReport, Miss};
use crate::session::judge::judge;
use crate::session::judge::Shown;
use crate::session::piped::summary_lines;
use crate::session::review::Summary;
use crate::tr;
use crate::ui::quiz::{question_view, report_view, reveal};

fn typed_card() -> Card {
    Card {
        key: "korea-2025-chronology/martial-law-date".into(),
        deck: "korea-2025-chronology".into(),
        note_id: "martial-law-date".into(),
        kind: CardKind::Typed,
        prompt: "尹錫悦(ユン・ソンニョル)大統領が非常戒厳を宣布したのはいつ？".into(),
        answer: "2024年12月".into(),
        short_answer: "2024年12月".into(),
        judge: Judge::Typed { check: Check::Date, expected: "2024年12月".into(), accept: vec![], names: vec![] },
        tags: vec!["korea".into(), "chronology".into()],
        explanation: Some(
            "本文は「昨年12月」と書く（本稿は2025年5月21日付）。韓国国会は非常戒厳を即座に否定した。".into(),
        ),
        section: None,
        renamed_from: None,
        category: None,
    }
}

fn choice_card() -> Card {
    Card {
        key: "korea-2025-chronology/un-vote".into(),
        kind: CardKind::Choice,
        prompt: "2022年3月の国連総会のロシア非難決議で、中国の投票は？".into(),
        answer: "棄権".into(),
        short_answer: "棄権".into(),
        judge: Judge::Choice { options: vec!["棄権".into(), "賛成".into(), "反対".into()] },
        tags: vec!["korea".into(), "china".into()],
        explanation: Some("中国は棄権した。".into()),
        ..typed_card()
    }
}

/// The review screen's question and answer sides of the typed card, as `ui::terminal` builds
/// them (its `view` needs a live session; these are the same parts).
fn review_views() -> Vec<(&'static str, ReviewView)> {
    let card = typed_card();
    let question = ReviewView {
        deck: card.deck.clone(),
        tags: card.tags.clone(),
        state: State::New.label(),
        counts: (18, 2, 5),
        prompt: card.prompt.clone(),
        choices: vec![],
        hint: Some(tr!("review-hint-typed")),
        phase: Phase::Question { input: Some("2024-12".into()) },
        message: None,
        help: false,
        progress: None,
        keys: None,
    };
    let judged = judge(&card, 0, "2024-12").unwrap().unwrap();
    let secs = [60, 360, 600, 8 * 86_400];
    let answer = ReviewView {
        phase: Phase::Answer(Reveal {
            verdict: Some(judged.verdict),
            lines: judged.lines(crate::i18n::lang()),
            explanation: card.explanation.clone(),
            intervals: Rating::ALL.iter().zip(secs).map(|(&r, s)| (r, human_interval(s))).collect(),
            suggested: judged.suggest,
        }),
        message: Some(tr!("review-leech", key = card.key.as_str(), n = 8)),
        ..question.clone()
    };
    let help = ReviewView { help: true, phase: Phase::Question { input: None }, ..question.clone() };
    vec![("review_question", question), ("review_answer", answer), ("review_help", help)]
}

fn summary() -> Vec<String> {
    summary_lines(&Summary {
        saved: 12,
        true_retention_today: Some((9, 10)),
        time_spent_secs: 427,
        due_tomorrow: 14,
        streak_days: 3,
        left_today: (0, 1, 0),
        next_learning_in_secs: Some(540),
        backlog: None,
        new_held: None,
        next_due_in_secs: None,
    })
}

fn exam_views() -> Vec<(&'static str, ReviewView)> {
    let card = choice_card();
    // The options in the order the judge numbers them.
    let order = crate::session::judge::display_order(&card, 0);
    let question = ReviewView {
        phase: Phase::Question { input: Some("4".into()) },
        message: Some(judge(&card, 0, "4").unwrap_err()),
        keys: Some(tr!("exam-keys-typing")),
        ..question_view(&card, &order, &tr!("exam-label"), progress(1, 10, Some(240)))
    };
    let judged = judge(&card, 0, "反対").unwrap().unwrap();
    let verdict = ReviewView {
        phase: Phase::Answer(reveal(&card, Some(&judged), "反対", false)),
        keys: Some(tr!("exam-keys-answer")),
        ..question_view(&card, &order, &tr!("exam-label"), progress(1, 10, None))
    };
    let report = report_view(&ExamReport {
        score: 1,
        questions: 2,
        duration_secs: 75,
        timed_out: true,
        by_deck: vec![("korea-2025-chronology".into(), 1, 2)],
        by_tag: vec![("china".into(), 0, 1), ("korea".into(), 1, 2)],
        misses: vec![Miss {
            number: 2,
            prompt: card.prompt.clone(),
            answer: Shown::Text { text: "棄権".into() },
            explanation: Some("中国は棄権した。".into()),
        }],
        fed_to_review: Some(1),
    });
    let self_graded = Card { kind: CardKind::Basic, judge: Judge::SelfGraded, ..choice_card() };
    let cram = ReviewView {
        phase: Phase::Answer(reveal(&self_graded, None, "", true)),
        keys: Some(tr!("cram-keys-answer", grade = Rating::Good.label())),
        ..question_view(&self_graded, &[], &tr!("cram-label"), tr!("cram-left", n = 7))
    };
    vec![("exam_question", question), ("exam_verdict", verdict), ("exam_report", report), ("cram_answer", cram)]
}

/// A stats report from a small hand-made log (the figures are checked in `stats::report`).
fn stats_lines(columns: usize) -> Vec<String> {
    use crate::scheduler::CardSchedule;
    use crate::stats::report::{build, CardInfo};
    use crate::store::{ReviewKind, ReviewRow};
    use crate::ui::stats::render;
    // 2025-05-21 (a Wednesday) is study day 20229 (days since 1970-01-01).
    let today = StudyDay(20_229);
    let review = |due: i32| CardSchedule { state: State::Review, due_day: Some(StudyDay(due)), ..Default::default() };
    let (a, b, c) = (review(today.0 + 2), review(today.0 - 1), CardSchedule::default());
    let tags = vec!["korea".to_string()];
    let cards = [
        CardInfo {
            key: "korea-2025-terms/cvid",
            deck: "korea-2025-terms",
            tags: &tags,
            schedule: &a,
            retrievability: Some(0.95),
        },
        CardInfo {
            key: "korea-2025-terms/nlL",
            deck: "korea-2025-terms",
            tags: &tags,
            schedule: &b,
            retrievability: Some(0.6),
        },
        CardInfo {
            key: "korea-2025-terms/new",
            deck: "korea-2025-terms",
            tags: &[],
            schedule: &c,
            retrievability: None,
        },
    ];
    let row = |key: &str, day: i32, before: State, rating: u8| ReviewRow {
        card_key: key.into(),
        reviewed_at_ms: day as i64 * 86_400_000 + 36_000_000,
        utc_offset_secs: 32_400,
        study_day: StudyDay(day),
        rating,
        kind: ReviewKind::Review,
        state_before: before,
        state_after: State::Review,
        elapsed_days: 0,
        interval_secs: 3 * 86_400,
        due_at_ms: None,
        stability: None,
        difficulty: None,
        duration_ms: 12_000,
        action: None,
        chosen_option: None,
    };
    let rows = vec![
        row("korea-2025-terms/cvid", today.0 - 3, State::New, 3),
        row("korea-2025-terms/nlL", today.0 - 3, State::New, 3),
        row("korea-2025-terms/cvid", today.0, State::Review, 3),
        row("korea-2025-terms/nlL", today.0 - 1, State::Review, 1),
    ];
    let lines = render(&build(&cards, &rows, today), today, columns);
    for l in &lines {
        assert!(unicode_width::UnicodeWidthStr::width(l.as_str()) <= columns, "wider than {columns}: {l:?}");
    }
    lines
}

fn text(view: &ReviewView, width: usize) -> String {
    let lines = render(view, width);
    for l in &lines {
        assert!(
            unicode_width::UnicodeWidthStr::width(l.text().as_str()) <= width,
            "wider than {width}: {:?}",
            l.text()
        );
    }
    lines.iter().map(|l| l.text().trim_end().to_string()).collect::<Vec<_>>().join("\n")
}

/// Every Japanese screen, by name (at 80 and 40 columns where the layout follows the width).
fn japanese_screens() -> Vec<(String, String)> {
    with_lang(Lang::Ja, || {
        let mut screens = Vec::new();
        for (name, view) in review_views().into_iter().chain(exam_views()) {
            for width in [80, 40] {
                screens.push((format!("ja_{name}_{width}"), text(&view, width)));
            }
        }
        for width in [80, 40] {
            let lines = render_summary(&summary(), Some(&tr!("review-nothing-to-undo")), width);
            let body = lines.iter().map(|l| l.text().trim_end().to_string()).collect::<Vec<_>>().join("\n");
            screens.push((format!("ja_review_summary_{width}"), body));
        }
        // `kioku stats` follows the terminal's width (80 for pipes and files).
        for width in [80, 40] {
            screens.push((format!("ja_stats_{width}"), stats_lines(width).join("\n")));
        }
        screens
    })
}

#[test]
fn japanese_screens_80_and_40() {
    for (name, screen) in japanese_screens() {
        insta::assert_snapshot!(name, screen);
    }
}

#[test]
fn stats_fit_80_columns_in_japanese() {
    let lines = with_lang(Lang::Ja, || stats_lines(80));
    assert!(lines.iter().all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 80), "{lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("  水 ")), "weekday rows in Japanese: {lines:#?}");
}

#[test]
fn no_japanese_screen_shows_an_english_grade_name() {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).map(str::to_ascii_lowercase).collect()
    };
    for (name, screen) in japanese_screens() {
        let english: Vec<String> =
            words(&screen).into_iter().filter(|w| ["again", "hard", "good", "easy"].contains(&w.as_str())).collect();
        assert!(english.is_empty(), "{name} shows {english:?}:\n{screen}");
        // The Japanese grade names are there instead, where grades are shown.
        if name.contains("review_answer") {
            for grade in ["もう一度", "難しい", "正解", "簡単"] {
                assert!(screen.contains(grade), "{name} lacks {grade}:\n{screen}");
            }
        }
    }
}

/// Issue 20's lines in Japanese: why an empty review shows nothing (the day's new cards used up,
/// with the way out, and when the next card is due), u/s/b's messages, the grading step.
#[test]
fn an_empty_review_and_the_step_messages_speak_japanese() {
    use crate::session::idle::NewHold;
    let idle = Summary {
        saved: 0,
        true_retention_today: None,
        time_spent_secs: 0,
        due_tomorrow: 0,
        streak_days: 0,
        left_today: (0, 0, 0),
        next_learning_in_secs: None,
        backlog: None,
        new_held: Some((7, NewHold::DailyLimit { per_day: 20, introduced: 20 })),
        next_due_in_secs: Some(3 * 3600),
    };
    let lines = with_lang(Lang::Ja, || summary_lines(&idle));
    for want in [
        "新規カード 7 枚が待っています。今日の新規カードは使い切りました(new_per_day 20 枚のうち 20 枚を導入済み)",
        "今すぐもっと学ぶには kioku review --new N、毎日増やすには kioku config set new_per_day N",
        "次のカードの期日まで 3時間",
    ] {
        assert!(lines.iter().any(|l| l == want), "{want}: {lines:#?}");
    }
    let en = with_lang(Lang::En, || summary_lines(&idle));
    assert!(en.iter().any(|l| l == "the next card is due in 3h"), "{en:#?}");
    assert!(en.iter().any(|l| l.starts_with("7 new cards wait: today's new cards are used up (20 of new_per_day 20")));
    let ja = |key: &str| with_lang(Lang::Ja, || tr!(key, key = "k/yoon"));
    assert_eq!(ja("session-buried"), "k/yoon を明日まで延期しました");
    assert_eq!(ja("session-undone"), "k/yoon の回答を取り消しました。もう一度出題します");
    assert_eq!(
        with_lang(Lang::Ja, || tr!("session-grade-now", suggested = Rating::Good.label())),
        "どのくらい覚えていたか評価してください: 1-4、Enter で「正解」"
    );
}
