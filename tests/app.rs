//! The application layer in process, as a front end other than the command line calls it:
//! opening a collection (warnings as values, the session lock), recording a plan in one
//! transaction with the reviews it moves, what is due and a server's re-sync, undoing the last
//! review answer, the orphan-prune policy (the retention suggestion is tested beside its code, on a curve whose
//! answer is known: the simulator takes minutes in a debug build).

mod common;

use chrono::{DateTime, TimeZone, Utc};
use kioku::testing::app::{self, Access, Orphan, Paths, UndoOutcome, Warning};
use kioku::testing::deck::DeckSource;
use kioku::testing::scheduler::{CardSchedule, DayClock, Scheduler, State, StudyDay};
use kioku::testing::settings::Settings;
use kioku::testing::store::{CardIndexRow, LearnerId, Plan, ReviewRowTime, Store};
use kioku::Error;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap()
}

fn paths(env: &common::Env) -> Paths {
    Paths { db: env.db(), decks: DeckSource::Dir(env.decks()) }
}

const DECK_A: &str =
    "deck: a\ncards:\n  - id: one\n    front: One\n    back: 1\n  - id: two\n    front: Two\n    back: 2\n";
const DECK_B: &str = "deck: b\ncards:\n  - id: three\n    front: Three\n    back: 3\n";

fn no_check(_: app::Names, _: app::Names) -> kioku::Result<()> {
    Ok(())
}

fn count(env: &common::Env, sql: &str) -> i64 {
    rusqlite::Connection::open(env.db()).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn opening_returns_warnings_as_values_and_honours_the_session_lock() {
    let env = common::Env::new();
    env.write_deck("a.yaml", DECK_A);
    let (collection, warnings) = paths(&env).open_collection(&no_check, Access::Exclusive, now()).unwrap();
    assert_eq!(warnings, [Warning::CreatedDatabase { path: env.db() }]);
    assert_eq!(collection.store.cards_in_decks(LearnerId::PERSONAL).unwrap().len(), 2);
    // While it is open (its lock held), a changed deck is not synced by a reading use case…
    env.write_deck("b.yaml", DECK_B);
    let (shared, warnings) = paths(&env).open_collection(&no_check, Access::Shared, now()).unwrap();
    assert_eq!(warnings, [Warning::SessionOpenNotSynced]);
    assert_eq!(shared.store.cards_in_decks(LearnerId::PERSONAL).unwrap().len(), 2);
    // …and a writing one is refused before anything is written.
    let refused = paths(&env).open_collection(&no_check, Access::Exclusive, now());
    assert!(matches!(refused, Err(Error::Locked { .. })), "{:?}", refused.err());
    drop(collection);
    let (synced, warnings) = paths(&env).open_collection(&no_check, Access::Shared, now()).unwrap();
    assert_eq!(warnings, []);
    assert_eq!(synced.store.cards_in_decks(LearnerId::PERSONAL).unwrap().len(), 3);
    // A name check that fails changes nothing.
    env.write_deck("b.yaml", "deck: b\ncards: []\n");
    let check = |_: app::Names, _: app::Names| Err(Error::Input("no such deck".into()));
    assert!(paths(&env).open_collection(&check, Access::Exclusive, now()).is_err());
    assert_eq!(count(&env, "SELECT count(*) FROM cards WHERE position IS NOT NULL"), 3);
}

/// The collection with card `a/one` a review card due on 2025-06-20 (stability 20 days, last
/// reviewed on 2025-05-31), as a manual change.
fn with_a_review_due_late(env: &common::Env) -> (app::Collection, DayClock) {
    env.write_deck("a.yaml", DECK_A);
    let (mut c, _) = paths(env).open_collection(&no_check, Access::Exclusive, now()).unwrap();
    let days = DayClock::new(chrono_tz::UTC, 4);
    let row = c.store.cards_in_decks(LearnerId::PERSONAL).unwrap().into_iter().find(|r| r.key == "a/one").unwrap();
    let day = |d: u32| StudyDay::from_date(chrono::NaiveDate::from_ymd_opt(2025, 6, d).unwrap());
    let after = CardSchedule {
        state: State::Review,
        stability: Some(20.0),
        difficulty: Some(5.0),
        due_day: Some(day(20)),
        due_at_ms: Some(days.day_start(day(20)).timestamp_millis()),
        last_review_day: Some(StudyDay(day(1).0 - 1)),
        last_review_at_ms: Some(now().timestamp_millis() - 86_400_000),
        reps: 1,
        ..row.schedule.clone()
    };
    set_schedule(&mut c.store, &row, &after, &days, "test");
    (c, days)
}

/// Gives the personal learner's card `row` the schedule `after`, logged as a manual `action`.
fn set_schedule(store: &mut Store, row: &CardIndexRow, after: &CardSchedule, days: &DayClock, action: &str) {
    let at = ReviewRowTime::new(now(), days);
    store.record_manual(LearnerId::PERSONAL, row.id, &row.key, &row.schedule, after, at, action).unwrap();
}

fn plan_on(day: u32) -> Plan {
    Plan {
        id: 0,
        exam_day: StudyDay::from_date(chrono::NaiveDate::from_ymd_opt(2025, 6, day).unwrap()),
        target: 0.95,
        decks: vec!["a".into()],
        tags: vec![],
        created_at_ms: now().timestamp_millis(),
    }
}

#[test]
fn a_plan_is_recorded_with_the_reviews_it_moves() {
    let env = common::Env::new();
    let (mut c, days) = with_a_review_due_late(&env);
    let scheduler = Scheduler::new(Settings { fuzz: false, ..Settings::default() }, None).unwrap();
    // Due on the 20th, after an exam on the 15th: moved before it.
    let recorded = app::record_plan(&mut c.store, LearnerId::PERSONAL, &scheduler, &days, &plan_on(15), now()).unwrap();
    assert_eq!(recorded.moved, 1);
    assert_eq!(c.store.plans(LearnerId::PERSONAL).unwrap().iter().map(|p| p.id).collect::<Vec<_>>(), [recorded.id]);
    let due: i64 = count(&env, "SELECT due_day FROM cards WHERE key = 'a/one'");
    assert!(due < plan_on(15).exam_day.0 as i64, "{due}");
    assert_eq!(count(&env, "SELECT count(*) FROM reviews WHERE kind = 'manual'"), 2);
}

#[test]
fn a_plan_whose_moves_fail_is_not_recorded_at_all() {
    let env = common::Env::new();
    let (mut c, days) = with_a_review_due_late(&env);
    let scheduler = Scheduler::new(Settings { fuzz: false, ..Settings::default() }, None).unwrap();
    // Any further manual row fails, as a full disk would.
    rusqlite::Connection::open(env.db())
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER no_more BEFORE INSERT ON reviews WHEN NEW.kind = 'manual' BEGIN SELECT RAISE(ABORT, 'full'); END;",
        )
        .unwrap();
    assert!(app::record_plan(&mut c.store, LearnerId::PERSONAL, &scheduler, &days, &plan_on(15), now()).is_err());
    assert_eq!(count(&env, "SELECT count(*) FROM plans"), 0, "the plan went with its moves");
}

#[test]
fn only_orphans_of_loaded_decks_may_be_pruned_and_not_after_the_decks_changed() {
    let env = common::Env::new();
    env.write_deck("a.yaml", DECK_A);
    env.write_deck("b.yaml", DECK_B);
    let (mut c, _) = paths(&env).open_collection(&no_check, Access::Exclusive, now()).unwrap();
    let days = DayClock::new(chrono_tz::UTC, 4);
    for row in c.store.cards_in_decks(LearnerId::PERSONAL).unwrap() {
        let after = CardSchedule { suspended: true, ..row.schedule.clone() };
        set_schedule(&mut c.store, &row, &after, &days, "suspend");
    }
    drop(c);
    // Note `two` leaves deck a; deck b's file goes (it may only be missing).
    env.write_deck("a.yaml", "deck: a\ncards:\n  - id: one\n    front: One\n    back: 1\n");
    std::fs::remove_file(env.decks().join("b.yaml")).unwrap();
    let (mut c, _) = paths(&env).open_collection(&no_check, Access::Exclusive, now()).unwrap();
    let orphans = app::find_orphans(&c.store, LearnerId::PERSONAL).unwrap();
    assert_eq!(
        orphans,
        [
            Orphan { key: "a/two".into(), reviews: 1, deck_loaded: true },
            Orphan { key: "b/three".into(), reviews: 1, deck_loaded: false },
        ]
    );
    let doomed = app::prunable(&orphans);
    assert_eq!(doomed, ["a/two"]);
    // A deck file saved meanwhile: nothing is deleted.
    env.write_deck("a.yaml", DECK_A);
    assert!(app::prune(&paths(&env), &mut c.store, LearnerId::PERSONAL, &doomed).is_err());
    assert_eq!(count(&env, "SELECT count(*) FROM cards WHERE key = 'a/two'"), 1);
    env.write_deck("a.yaml", "deck: a\ncards:\n  - id: one\n    front: One\n    back: 1\n");
    drop(c);
    let (mut c, _) = paths(&env).open_collection(&no_check, Access::Exclusive, now()).unwrap();
    assert_eq!(app::prune(&paths(&env), &mut c.store, LearnerId::PERSONAL, &doomed).unwrap(), 1);
    assert_eq!(count(&env, "SELECT count(*) FROM cards WHERE key = 'a/two'"), 0);
    assert_eq!(count(&env, "SELECT count(*) FROM cards WHERE key = 'b/three'"), 1);
}

#[test]
fn undo_takes_back_the_newest_review_answer_only_while_it_is_its_cards_newest_row() {
    let env = common::Env::new();
    env.write_deck("a.yaml", DECK_A);
    // Opened as `kioku undo` opens it: no decks read, no lock taken (undo takes it).
    let store = |env: &common::Env| paths(env).open_existing_store(now()).unwrap().unwrap();
    drop(paths(&env).open_collection(&no_check, Access::Exclusive, now()).unwrap());
    assert_eq!(app::undo_last_review(&mut store(&env), LearnerId::PERSONAL).unwrap(), UndoOutcome::NoReview);
    let before = env.schedules();
    // Two answers through the piped protocol: a/one good, then a/two again.
    env.kioku("2025-06-01T09:00:00Z").arg("review").write_stdin("\n3\n\n1\n:q\n").assert().success();
    let UndoOutcome::Undone(undone) = app::undo_last_review(&mut store(&env), LearnerId::PERSONAL).unwrap() else {
        panic!("the answer to a/two was not undone");
    };
    assert_eq!((undone.card_key.as_str(), undone.rating), ("a/two", 1));
    assert_eq!(count(&env, "SELECT count(*) FROM reviews"), 1);
    let after = env.schedules();
    assert_eq!(after["a/two"], before["a/two"], "a/two is new again");
    assert_ne!(after["a/one"], before["a/one"], "a/one keeps its answer");
    // While a session holds the lock, undo waits for it and is refused: nothing changes.
    let session = paths(&env).open_collection(&no_check, Access::Exclusive, now()).unwrap();
    let refused = app::undo_last_review(&mut store(&env), LearnerId::PERSONAL);
    assert!(matches!(refused, Err(Error::Locked { .. })), "{refused:?}");
    assert_eq!(count(&env, "SELECT count(*) FROM reviews"), 1);
    drop(session);
    // A later manual row of a/one (a suspend) makes undoing its answer take back more: refused.
    env.kioku("2025-06-01T09:05:00Z").args(["suspend", "a/one"]).assert().success();
    let outcome = app::undo_last_review(&mut store(&env), LearnerId::PERSONAL).unwrap();
    assert!(matches!(&outcome, UndoOutcome::NotNewest(r) if r.card_key == "a/one"), "{outcome:?}");
    assert_eq!(count(&env, "SELECT count(*) FROM reviews"), 2);
}

#[test]
fn what_is_due_the_streak_and_a_resync_as_a_server_asks_for_them() {
    let env = common::Env::new();
    env.write_deck("a.yaml", DECK_A);
    let (mut c, _) = paths(&env).open_collection(&no_check, Access::Exclusive, now()).unwrap();
    let days = DayClock::new(chrono_tz::UTC, 4);
    let due = app::due_today(&c.store, LearnerId::PERSONAL, &c.settings, &days, now()).unwrap();
    let counts = |new| app::DueCounts { new, learning: 0, review: 0 };
    assert_eq!(due.decks, [app::DeckDue { deck: "a".into(), counts: counts(2) }]);
    assert_eq!(due.total, counts(2));
    // A deck file added while the collection stays open (a server holding the lock).
    env.write_deck("b.yaml", DECK_B);
    app::resync_decks(&DeckSource::Dir(env.decks()), &mut c.store, LearnerId::PERSONAL, now()).unwrap();
    let due = app::due_today(&c.store, LearnerId::PERSONAL, &c.settings, &days, now()).unwrap();
    assert_eq!(due.decks.iter().map(|d| (d.deck.as_str(), d.counts.new)).collect::<Vec<_>>(), [("a", 2), ("b", 1)]);
    // The daily limit caps the total, not the decks' counts.
    let one_a_day = Settings { new_per_day: 1, ..c.settings.clone() };
    assert_eq!(app::due_today(&c.store, LearnerId::PERSONAL, &one_a_day, &days, now()).unwrap().total, counts(1));
    // A broken deck is the error and changes nothing.
    env.write_deck("b.yaml", "deck: b\ncards: [");
    assert!(app::resync_decks(&DeckSource::Dir(env.decks()), &mut c.store, LearnerId::PERSONAL, now()).is_err());
    assert_eq!(count(&env, "SELECT count(*) FROM cards WHERE position IS NOT NULL"), 3);
    let today = days.study_day(now());
    assert_eq!(app::streak_days(&c.store, LearnerId::PERSONAL, today).unwrap(), 0);
    let stats = app::stats_report(&c.store, LearnerId::PERSONAL, &c.scheduler().unwrap(), &Default::default(), today);
    assert_eq!(stats.unwrap().cards.new, 3);
}
