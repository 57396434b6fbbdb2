//! The exam and cram engines driven in process through the `Storage` trait, without the binary:
//! a fixed clock, a store in a temporary folder. Neither changes a card's schedule; exam rows
//! and the paper are saved, cram rows are saved and undone, and another learner's rows are never
//! read from a personal database.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use kioku::testing::answer::Verdict;
use kioku::testing::deck::{self, DeckSource, Judge};
use kioku::testing::scheduler::{DayClock, Rating};
use kioku::testing::session::cram::CramSession;
use kioku::testing::session::exam;
use kioku::testing::session::exam_session::{ExamCard, ExamOptions, ExamSession, Submitted};
use kioku::testing::store::{LearnerId, LogStorage, Storage, Store, SyncStorage};

use common::EVERY_KIND_DECK as DECK;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap()
}

fn days() -> DayClock {
    DayClock::new(chrono_tz::UTC, 4)
}

fn setup() -> (common::Env, Store) {
    let env = common::Env::new();
    env.write_deck("k.yaml", DECK);
    let collection = deck::load(&DeckSource::Dir(env.decks())).unwrap();
    let cards: Vec<_> = collection.decks.iter().flat_map(deck::expand).collect();
    let mut store = Store::open(&env.db(), now()).unwrap();
    store.sync_cards(LearnerId::PERSONAL, &cards, now().timestamp_millis()).unwrap();
    (env, store)
}

fn count(store: &Store, sql: &str) -> i64 {
    rusqlite::Connection::open(store.path()).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The right response to a question, read from the deck's definition (options[0] is the right
/// option, items are listed in order) and the order shown.
fn right_response(judge: &Judge, order: &[usize]) -> String {
    let shown_at = |i: usize| (order.iter().position(|&o| o == i).unwrap() + 1).to_string();
    match judge {
        Judge::Choice { .. } => shown_at(0),
        Judge::Order { .. } => (0..order.len()).map(shown_at).collect::<Vec<_>>().join(" "),
        Judge::TrueFalse { answer } => if *answer { "t" } else { "f" }.into(),
        Judge::Typed { expected, .. } => expected.clone(),
        Judge::SelfGraded => unreachable!("papers hold judged questions only"),
    }
}

fn options(time_limit_secs: Option<i64>) -> ExamOptions {
    ExamOptions { seed: 7, time_limit_secs, feed_review: false, scope: "k".into() }
}

#[test]
fn an_exam_saves_each_answer_and_the_paper_and_leaves_schedules_alone() {
    let (_env, mut store) = setup();
    let storage: &mut dyn Storage = &mut store;
    let cards = ExamCard::in_scope(storage, LearnerId::PERSONAL, &|deck, _| deck == "k").unwrap();
    assert_eq!(cards.len(), 9);
    let pool: Vec<_> = cards.iter().map(|c| &c.card).collect();
    let paper = exam::build_paper(&pool, 10, 7);
    // One question per judged note (date, text, choice, true/false, order); basic and cloze
    // (self-graded, no category) cannot be asked.
    assert_eq!(paper.len(), 5);
    let mut session = ExamSession::new(LearnerId::PERSONAL, cards, paper, options(None), now());
    // The first question answered right, the second wrong ("don't know"), then quit.
    let (_, card) = session.current().unwrap();
    let line = right_response(&card.judge, &session.display_order());
    let judged = session.judge(&line).unwrap();
    assert_eq!(judged.verdict, Verdict::Right, "{line}");
    assert!(matches!(session.submit(storage, &days(), judged, now(), now()).unwrap(), Submitted::Judged(_)));
    let judged = session.judge("").unwrap();
    assert_eq!(judged.verdict, Verdict::Wrong);
    session.submit(storage, &days(), judged, now(), now()).unwrap();
    session.quit();
    assert!(session.current().is_none());
    let report = session.finish(storage, &days(), now() + Duration::seconds(90)).unwrap();
    assert_eq!((report.score, report.questions, report.duration_secs), (1, 5, 90));
    // Numbers 2 to 5: the wrong answer and the three never answered.
    assert_eq!(report.misses.iter().map(|m| m.number).collect::<Vec<_>>(), [2, 3, 4, 5]);
    assert_eq!(report.by_deck, [("k".to_string(), 1, 5)]);
    assert_eq!(count(&store, "SELECT count(*) FROM reviews WHERE kind = 'exam'"), 2);
    assert_eq!(count(&store, "SELECT count(*) FROM exams WHERE score = 1 AND questions = 5 AND seed = 7"), 1);
    // No schedule moved: every card is still new, version 0.
    assert_eq!(count(&store, "SELECT count(*) FROM cards WHERE state = 0 AND version = 0"), 9);
}

#[test]
fn a_response_after_the_time_limit_is_not_counted() {
    let (_env, mut store) = setup();
    let cards = ExamCard::in_scope(&store, LearnerId::PERSONAL, &|_, _| true).unwrap();
    let pool: Vec<_> = cards.iter().map(|c| &c.card).collect();
    let paper = exam::build_paper(&pool, 2, 7);
    let mut session = ExamSession::new(LearnerId::PERSONAL, cards, paper, options(Some(60)), now());
    assert_eq!(session.time_left_secs(now() + Duration::seconds(45)), Some(15));
    let judged = session.judge("").unwrap();
    let late = now() + Duration::seconds(61);
    assert!(matches!(session.submit(&mut store, &days(), judged, late, now()).unwrap(), Submitted::TimeUp));
    assert!(session.current().is_none());
    let report = session.finish(&mut store, &days(), late).unwrap();
    assert!(report.timed_out);
    assert_eq!((report.score, report.questions), (0, 2));
    assert_eq!(count(&store, "SELECT count(*) FROM reviews"), 0);
}

#[test]
fn cram_logs_each_grade_requeues_again_and_undoes_through_the_storage_trait() {
    let (_env, mut store) = setup();
    let storage: &mut dyn Storage = &mut store;
    let cards = ExamCard::in_scope(storage, LearnerId::PERSONAL, &|_, _| true).unwrap();
    let keys: Vec<String> = cards.iter().map(|c| c.card.key.clone()).collect();
    let mut cram = CramSession::new(LearnerId::PERSONAL, cards, Some(3));
    // The limit, not the nine cards, is what is left.
    assert_eq!(cram.left(), 3);
    let first = cram.next_card().unwrap();
    assert_eq!(cram.grade(storage, &days(), Rating::Again, now(), now()).unwrap(), keys[first]);
    let second = cram.next_card().unwrap();
    assert_ne!(second, first, "again sends the card to the end of the queue");
    cram.grade(storage, &days(), Rating::Good, now(), now()).unwrap();
    assert_eq!((cram.saved(), cram.left()), (2, 1));
    // Undo takes back the second answer: its row is deleted and it is shown next.
    assert_eq!(cram.undo(storage).unwrap(), Some(second));
    assert_eq!(cram.next_card(), Some(second));
    cram.grade(storage, &days(), Rating::Easy, now(), now()).unwrap();
    let third = cram.next_card().unwrap();
    cram.grade(storage, &days(), Rating::Good, now(), now()).unwrap();
    assert_ne!(third, first);
    // Three answers: the limit is reached although the first card, again, is still queued.
    assert_eq!((cram.saved(), cram.left(), cram.next_card()), (3, 0, None));
    assert_eq!(count(&store, "SELECT count(*) FROM reviews WHERE kind = 'cram'"), 3);
    assert_eq!(count(&store, "SELECT count(*) FROM reviews WHERE kind = 'cram' AND rating = 4"), 1);
    assert_eq!(count(&store, "SELECT count(*) FROM cards WHERE state = 0 AND version = 0"), 9);
}

/// Another learner in the same database (a class) sees none of this learner's cards, answers
/// or files, and cannot delete this learner's rows.
#[test]
fn another_learner_sees_and_changes_none_of_the_personal_learners_rows() {
    let (_env, mut store) = setup();
    let mut seen = 0;
    ExamCard::in_scope(&store, LearnerId(7), &|_, _| true).unwrap().iter().for_each(|_| seen += 1);
    assert_eq!(seen, 0);
    assert!(LogStorage::missed_since(&store, LearnerId(7), 0).unwrap().is_empty());
    assert!(SyncStorage::file_records(&store, LearnerId(7)).unwrap().is_empty());
    let before = count(&store, "SELECT count(*) FROM reviews");
    LogStorage::delete_log_row(&mut store, LearnerId(7), 1).unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM reviews"), before);
}
