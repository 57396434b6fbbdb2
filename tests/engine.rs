//! The review engine driven in process, without the binary: a fixed clock, a store in a
//! temporary folder, every card kind, undo, suspend, bury, and a stale action refused. The
//! engine owns its state and borrows no database, so two sessions (two windows, two devices)
//! can run over one database at once; the database refuses the second answer to one showing.

mod common;
// For its review session as `kioku review` starts one; the simulator's other parts are unused here.
#[allow(dead_code)]
mod sim;

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use kioku::testing::answer::Verdict;
use kioku::testing::deck::{self, DeckSource, Judge};
use kioku::testing::scheduler::{DayClock, Rating, Scheduler, State};
use kioku::testing::session::review::{Hide, ReviewSession};
use kioku::testing::settings::Settings;
use kioku::testing::store::{LearnerId, Store};
use kioku::Error;

use common::EVERY_KIND_DECK as DECK;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap()
}

fn setup() -> (common::Env, Store, Arc<Scheduler>) {
    let env = common::Env::new();
    env.write_deck("k.yaml", DECK);
    let collection = deck::load(&DeckSource::Dir(env.decks())).unwrap();
    let cards: Vec<_> = collection.decks.iter().flat_map(deck::expand).collect();
    let mut store = Store::open(&env.db(), now()).unwrap();
    store.sync_cards(LearnerId::PERSONAL, &cards, now().timestamp_millis()).unwrap();
    let settings = Settings { bury_siblings: false, fuzz: false, ..Settings::default() };
    (env, store, Arc::new(Scheduler::new(settings, None).unwrap()))
}

fn session(store: &Store, scheduler: &Arc<Scheduler>) -> ReviewSession {
    sim::review_session(store, scheduler, DayClock::new(chrono_tz::UTC, 4), now())
}

/// The right response for each judged kind, read from the card and its display order.
fn right_response(s: &ReviewSession, index: usize) -> String {
    let card = s.card(index);
    let order = s.display_order(index);
    match &card.judge {
        Judge::Choice { options } => {
            let right = options.iter().position(|o| o == "棄権").unwrap();
            (order.iter().position(|&i| i == right).unwrap() + 1).to_string()
        }
        // Items are listed in the right order in the deck: item i is the (i+1)-th.
        Judge::Order { .. } => (0..order.len())
            .map(|i| (order.iter().position(|&o| o == i).unwrap() + 1).to_string())
            .collect::<Vec<_>>()
            .join(" "),
        Judge::TrueFalse { .. } => "t".into(),
        Judge::Typed { expected, .. } => expected.clone(),
        Judge::SelfGraded => String::new(),
    }
}

#[test]
fn every_card_kind_is_judged_and_saved_through_the_engine() {
    let (_env, mut store, scheduler) = setup();
    let mut s = session(&store, &scheduler);
    let mut seen = Vec::new();
    while let Some(index) = s.next(now()) {
        let key = s.card(index).key.clone();
        if seen.contains(&key) {
            break; // learning steps bring cards back; every card has been seen once
        }
        let judged = s.judge(index, &right_response(&s, index)).unwrap();
        if let Some(j) = &judged {
            assert_eq!(j.verdict, Verdict::Right, "{key}");
            assert_eq!(j.suggest, Rating::Good, "{key}");
        } else {
            assert!(matches!(s.card(index).judge, Judge::SelfGraded), "{key}");
        }
        let outcome = s.answer(&mut store, index, Rating::Good, now(), now()).unwrap();
        // Good on a new card with steps 1m 10m: the second step, ten minutes on.
        assert_eq!(outcome.card.state, State::Learning, "{key}");
        assert_eq!(outcome.interval_secs, 600, "{key}");
        seen.push(key);
    }
    // basic, its reverse, two cloze deletions, date, text, choice, true/false, order.
    assert_eq!(seen.len(), 9, "{seen:?}");
    assert_eq!(s.saved(), 9);
    let rows: i64 = store_count(&store, "SELECT count(*) FROM reviews WHERE kind = 'review'");
    assert_eq!(rows, 9);
}

fn store_count(store: &Store, sql: &str) -> i64 {
    rusqlite::Connection::open(store.path()).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn undo_suspend_and_bury_through_the_engine() {
    let (_env, mut store, scheduler) = setup();
    let mut s = session(&store, &scheduler);
    let first = s.next(now()).unwrap();
    let key = s.card(first).key.clone();
    s.answer(&mut store, first, Rating::Easy, now(), now()).unwrap();
    assert_eq!(s.schedule(first).state, State::Review);
    // Undo restores the state saved with the row and asks the card again next.
    assert_eq!(s.undo(&mut store).unwrap(), Some(first));
    assert_eq!(s.schedule(first).state, State::New);
    assert_eq!(s.next(now()), Some(first));
    assert_eq!(s.undo(&mut store).unwrap(), None, "nothing left to undo");
    // Suspend and bury take cards out of today's queue and log manual rows.
    s.hide(&mut store, first, Hide::Suspend, now()).unwrap();
    let second = s.next(now()).unwrap();
    assert_ne!(second, first);
    s.hide(&mut store, second, Hide::Bury, now()).unwrap();
    assert_ne!(s.next(now()), Some(second));
    let (_, schedule) = store.schedule(LearnerId::PERSONAL, &key).unwrap();
    assert!(schedule.suspended);
    assert_eq!(store_count(&store, "SELECT count(*) FROM reviews WHERE kind = 'manual'"), 2);
    assert_eq!(store_count(&store, "SELECT count(*) FROM reviews WHERE kind = 'review'"), 0);
}

#[test]
fn an_answer_to_a_card_changed_elsewhere_is_refused_and_not_saved() {
    let (_env, mut store, scheduler) = setup();
    // Two windows open on the same day's queue.
    let mut tab_a = session(&store, &scheduler);
    let mut tab_b = session(&store, &scheduler);
    let a = tab_a.next(now()).unwrap();
    let b = tab_b.next(now()).unwrap();
    assert_eq!(tab_a.card(a).key, tab_b.card(b).key, "both show the same card");
    tab_a.answer(&mut store, a, Rating::Good, now(), now()).unwrap();
    let stale = tab_b.answer(&mut store, b, Rating::Again, now(), now());
    assert!(matches!(stale, Err(Error::Stale { .. })), "{stale:?}");
    assert_eq!(store_count(&store, "SELECT count(*) FROM reviews"), 1, "saved once");
    // A suspend from the stale window is refused too; the fresh window goes on.
    assert!(matches!(tab_b.hide(&mut store, b, Hide::Suspend, now()), Err(Error::Stale { .. })));
    let key = tab_a.card(a).key.clone();
    assert!(!store.schedule(LearnerId::PERSONAL, &key).unwrap().1.suspended);
    // A session rebuilt from storage (a reload) sees the card as it is now and can act on it.
    let mut reloaded = session(&store, &scheduler);
    let index = reloaded.index_of(&key).unwrap();
    assert_eq!(reloaded.schedule(index).state, State::Learning);
    reloaded.hide(&mut store, index, Hide::Bury, now()).unwrap();
    // Undo in the first window after the reload's bury: the answer is taken back, the bury kept.
    assert_eq!(tab_a.undo(&mut store).unwrap(), Some(a));
    assert!(store.schedule(LearnerId::PERSONAL, &key).unwrap().1.buried_until_day.is_some());
}

/// The piped driver writes each step's lines in one write: counted on a writer that records
/// every `write` call it receives.
#[test]
fn the_piped_protocol_writes_each_step_at_once() {
    use std::io::Write;
    struct Counting(std::rc::Rc<std::cell::RefCell<Vec<usize>>>);
    impl Write for Counting {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().push(buf.len());
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let (_env, mut store, scheduler) = setup();
    let mut s = session(&store, &scheduler);
    let writes = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let mut out = std::io::BufWriter::new(Counting(writes.clone()));
    let mut input: &[u8] = b"x\n3\n\n3\n";
    let mut err = Vec::new();
    let mut io = kioku::testing::session::piped::Io { input: &mut input, out: &mut out, err: &mut err };
    let summary = kioku::testing::session::piped::run(&mut s, &mut store, &|| now(), &mut io).unwrap();
    out.flush().unwrap();
    assert_eq!(summary.saved, 2);
    // One write each time kioku waits for a line: card 1; its reveal; `saved` with card 2; its
    // reveal; `saved` with card 3; then, at end of input, `done` and the summary.
    assert_eq!(writes.borrow().len(), 6, "{:?}", writes.borrow());
}
