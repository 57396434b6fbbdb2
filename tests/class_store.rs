//! Many learners in one database (issue 16, storage): every storage call names the learner, and
//! one learner's calls never see or change another's rows. Proved by comparing everything a
//! learner can read in a database where another learner studied (answers, a suspended card, an
//! exam row and paper, a plan, a break, settings, trained parameters) with the same learner in a
//! database where no one else did anything; and by every write aimed at the other's rows being
//! refused or changing nothing.

use chrono::{DateTime, TimeZone, Utc};
use kioku::testing::deck::{self, DeckSource, FileCache};
use kioku::testing::scheduler::breaks::Break;
use kioku::testing::scheduler::{CardSchedule, State, StudyDay};
use kioku::testing::store::{
    CalendarStorage, CardList, CardStorage, ExamRecord, ExamStorage, LearnerId, LogStorage, Plan, PlanStorage,
    ReviewKind, ReviewRow, ReviewRowTime, Store, SyncStorage,
};

const A: LearnerId = LearnerId(1);
const B: LearnerId = LearnerId(2);

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 2, 9, 0, 0).unwrap()
}

const TODAY: StudyDay = StudyDay(20_241);

fn at() -> ReviewRowTime {
    ReviewRowTime { at_ms: now().timestamp_millis(), utc_offset_secs: 0, study_day: TODAY }
}

/// Syncs the bundled decks for `who`.
fn sync(store: &mut Store, who: LearnerId) {
    let records = SyncStorage::file_records(store, who).unwrap();
    let scan = deck::scan(&DeckSource::Bundled, &records).unwrap();
    SyncStorage::apply_scan(store, who, &scan, &[], now().timestamp_millis()).unwrap();
}

/// The first `n` new cards of `who`: (row id, key, schedule, version).
fn new_cards(store: &Store, who: LearnerId, n: usize) -> Vec<(i64, String, CardSchedule, i64)> {
    let mut found = Vec::new();
    CardStorage::visit_cards(store, who, CardList::New, &[], &mut |row| {
        let key = CardStorage::stored_card(store, who, &row).unwrap().key;
        found.push((row.id, key, row.schedule.clone(), row.version));
        Ok(found.len() < n)
    })
    .unwrap();
    found
}

struct Traces {
    review_id: i64,
    exam_row_id: i64,
    card_id: i64,
}

/// `who` studies: two answers (the first again), a suspended card, an exam row and paper, a
/// plan, a break, a setting and trained parameters.
fn study(store: &mut Store, who: LearnerId) -> Traces {
    let cards = new_cards(store, who, 3);
    let (id, key, before, version) = cards[0].clone();
    let after = CardSchedule {
        state: State::Review,
        stability: Some(3.0),
        difficulty: Some(5.0),
        due_day: Some(StudyDay(TODAY.0 + 3)),
        due_at_ms: Some(now().timestamp_millis() + 3 * 86_400_000),
        last_review_at_ms: Some(now().timestamp_millis()),
        last_review_day: Some(TODAY),
        reps: 1,
        ..before.clone()
    };
    let mut row = ReviewRow::log_only(&key, &before, ReviewKind::Review, 1, at(), 4_000);
    row.state_after = State::Review;
    let review_id = LogStorage::record_if_unchanged(store, who, id, version, &before, &after, &row).unwrap();
    let (id2, key2, before2, _) = cards[1].clone();
    let suspended = CardSchedule { suspended: true, ..before2.clone() };
    LogStorage::record_manual(store, who, id2, &key2, &before2, &suspended, at(), "suspend").unwrap();
    let (id3, key3, before3, _) = cards[2].clone();
    let exam_row = ReviewRow::log_only(&key3, &before3, ReviewKind::Exam, 1, at(), 2_000);
    let exam_row_id = LogStorage::record_log_only(store, who, id3, &before3, &exam_row).unwrap();
    let paper = ExamRecord {
        taken_at_ms: now().timestamp_millis(),
        utc_offset_secs: 0,
        seed: 7,
        scope: "all decks".into(),
        questions: 1,
        score: 0,
        duration_ms: 2_000,
        results: "[]".into(),
    };
    ExamStorage::save_exam(store, who, &paper).unwrap();
    let plan =
        Plan { id: 0, exam_day: StudyDay(TODAY.0 + 20), target: 0.9, decks: vec![], tags: vec![], created_at_ms: 0 };
    store.add_plan(who, &plan).unwrap();
    store.add_break(who, StudyDay(TODAY.0 + 5), StudyDay(TODAY.0 + 6), 0).unwrap();
    store.set_setting(who, "new_per_day", "3").unwrap();
    store.set_parameters(who, &[0.5; 21]).unwrap();
    Traces { review_id, exam_row_id, card_id: id }
}

/// Everything `who` can read, as text (row ids included: they must be the same rows).
fn observe(store: &Store, who: LearnerId) -> Vec<String> {
    let mut seen = Vec::new();
    let mut note = |name: &str, value: String| seen.push(format!("{name}: {value}"));
    note("plans", format!("{:?}", PlanStorage::plans(store, who).unwrap()));
    note("answered_on", format!("{:?}", LogStorage::answered_on(store, who, TODAY).unwrap()));
    note("answers_on", format!("{:?}", LogStorage::answers_on(store, who, TODAY).unwrap()));
    for list in [CardList::Learning { before_ms: i64::MAX }, CardList::Due { by: StudyDay(i32::MAX) }, CardList::New] {
        let mut rows = Vec::new();
        CardStorage::visit_cards(store, who, list, &[], &mut |r| {
            rows.push(format!("{} {} {} {} {:?}", r.id, r.deck, r.position, r.version, r.schedule));
            Ok(true)
        })
        .unwrap();
        note("visit_cards", rows.join("\n"));
    }
    note("new_card_tags", format!("{:?}", CardStorage::new_card_tags(store, who, TODAY).unwrap().len()));
    let mut per_day: Vec<_> = CardStorage::reviews_per_due_day(store, who).unwrap().into_iter().collect();
    per_day.sort();
    note("reviews_per_due_day", format!("{per_day:?}"));
    note("due_on", format!("{:?}", CardStorage::due_on(store, who, StudyDay(TODAY.0 + 3), 0, i64::MAX).unwrap()));
    note("recent_review_days", format!("{:?}", LogStorage::recent_review_days(store, who, TODAY).unwrap()));
    let breaks: Vec<Break> = CalendarStorage::breaks(store, who).unwrap();
    note("breaks", format!("{breaks:?}"));
    note(
        "due_review_counts",
        format!("{:?}", CalendarStorage::due_review_counts(store, who, StudyDay(TODAY.0 + 9), &[]).unwrap()),
    );
    let mut between: Vec<_> =
        CalendarStorage::reviews_due_between(store, who, TODAY, StudyDay(TODAY.0 + 9)).unwrap().into_iter().collect();
    between.sort();
    note("reviews_due_between", format!("{between:?}"));
    note(
        "review_answers_before",
        format!("{:?}", CalendarStorage::review_answers_before(store, who, StudyDay(TODAY.0 + 1), 9).unwrap()),
    );
    let mut scope = Vec::new();
    CardStorage::cards_in_scope(store, who, &|_, _| true, &mut |id, card, s| {
        scope.push(format!("{id} {} {s:?}", card.key))
    })
    .unwrap();
    note("cards_in_scope", scope.join("\n"));
    note("missed_since", format!("{:?}", LogStorage::missed_since(store, who, 0).unwrap()));
    let records: FileCache = SyncStorage::file_records(store, who).unwrap();
    let mut paths: Vec<_> = records.values().map(|r| format!("{} {}", r.path, r.deck_id)).collect();
    paths.sort();
    note("file_records", format!("{paths:?}"));
    note("tags", format!("{:?}", CardStorage::tags(store, who, &|_| true).unwrap()));
    note("history", format!("{:?}", store.history(who, None).unwrap()));
    note("exams", format!("{:?}", store.exams(who).unwrap()));
    note("settings", format!("{:?}", store.settings(who).unwrap()));
    note("parameters", format!("{:?}", store.parameters(who).unwrap()));
    note("cards_in_decks", format!("{}", store.cards_in_decks(who).unwrap().len()));
    let mut counts: Vec<_> = store.review_counts(who).unwrap().into_iter().filter(|(_, n)| *n > 0).collect();
    counts.sort();
    note("review_counts", format!("{counts:?}"));
    note("newest_review", format!("{:?}", store.newest_review(who).unwrap().map(|r| r.review_id)));
    note("scheduled_answers", format!("{:?}", store.scheduled_answers(who).unwrap()));
    note("manual_actions", format!("{:?}", store.manual_actions(who).unwrap()));
    note("review_days", format!("{:?}", store.review_days(who).unwrap()));
    note("latest_review_at_ms", format!("{:?}", store.latest_review_at_ms(who).unwrap()));
    note("due_counts", format!("{:?}", store.due_counts(who, StudyDay(TODAY.0 + 9), i64::MAX).unwrap()));
    seen
}

#[test]
fn one_learners_calls_never_see_or_change_another_learners_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut shared = Store::open(&dir.path().join("class.sqlite3"), now()).unwrap();
    let mut alone = Store::open(&dir.path().join("alone.sqlite3"), now()).unwrap();
    // B's rows first in both, so B's row ids are the same in both databases.
    sync(&mut shared, B);
    sync(&mut alone, B);
    let b_alone = observe(&alone, B);
    assert!(b_alone.iter().any(|l| l.starts_with("visit_cards") && l.len() > 1000), "B has cards");

    sync(&mut shared, A);
    let a_traces = study(&mut shared, A);
    let a_seen = observe(&shared, A);
    assert!(a_seen.iter().any(|l| l.starts_with("history") && l.contains("suspend")), "A's rows are there");
    assert_eq!(observe(&shared, B), b_alone, "B sees nothing of A's");

    // Writes by B aimed at A's rows are refused or change nothing.
    let a_card = shared.schedule(A, &new_cards(&shared, B, 1)[0].1).unwrap().1;
    assert!(LogStorage::card_version(&shared, B, a_traces.card_id).is_err());
    let row = ReviewRow::log_only("x", &a_card, ReviewKind::Review, 3, at(), 1);
    assert!(LogStorage::record_if_unchanged(&mut shared, B, a_traces.card_id, 1, &a_card, &a_card, &row).is_err());
    assert!(
        LogStorage::record_manual(&mut shared, B, a_traces.card_id, "x", &a_card, &a_card, at(), "suspend").is_err()
    );
    assert!(LogStorage::record_log_only(&mut shared, B, a_traces.card_id, &a_card, &row).is_err());
    assert!(LogStorage::undo(&mut shared, B, a_traces.review_id).is_err());
    LogStorage::delete_log_row(&mut shared, B, a_traces.exam_row_id).unwrap();
    let a_plan = shared.plans(A).unwrap()[0].id;
    assert!(!shared.remove_plan(B, a_plan).unwrap());
    let a_break = shared.breaks(A).unwrap()[0].id;
    assert!(!shared.remove_break(B, a_break).unwrap());
    shared.delete_cards(B, &[]).unwrap();
    assert_eq!(observe(&shared, A), a_seen, "A's rows are untouched by B's calls");
    assert_eq!(observe(&shared, B), b_alone);
}
