//! User settings (`kioku config`): their names, defaults and validation. Pure: the store keeps
//! the validated text; this module turns text into typed values.

use std::collections::BTreeMap;

use crate::error::Expected;
use crate::scheduler::balance::EasyDays;
use crate::{Error, Result};

/// One setting: its key, default value (as stored text) and what it means.
pub struct SettingSpec {
    pub key: &'static str,
    pub default: &'static str,
    pub help: &'static str,
}

/// Every setting kioku knows, in the order `config list` shows them.
pub const SPECS: &[SettingSpec] = &[
    SettingSpec {
        key: "desired_retention",
        default: "0.9",
        help: "probability of recall the scheduler aims for when a card is due, 0.70–0.99",
    },
    SettingSpec {
        key: "new_per_day",
        default: "20",
        help: "new cards introduced per study day, all decks together, 0–9999",
    },
    SettingSpec {
        key: "reviews_per_day",
        default: "200",
        help: "review cards shown per study day, all decks together, 0–99999",
    },
    SettingSpec {
        key: "learning_steps",
        default: "1m 10m",
        help: "delays between first answers of a new card, e.g. \"1m 10m\" (units s m h d; may be empty)",
    },
    SettingSpec {
        key: "relearning_steps",
        default: "10m",
        help: "delays after a lapse before the card returns to review, e.g. \"10m\" (may be empty)",
    },
    SettingSpec { key: "max_interval_days", default: "36500", help: "longest review interval in days, 1–36500" },
    SettingSpec { key: "rollover_hour", default: "4", help: "local hour at which a new study day begins, 0–23" },
    SettingSpec {
        key: "fuzz",
        default: "true",
        help: "spread review intervals slightly so cards learned together do not stay together (true/false)",
    },
    SettingSpec {
        key: "bury_siblings",
        default: "true",
        help: "hide other cards of a note answered today until the next study day (true/false)",
    },
    SettingSpec {
        key: "leech_threshold",
        default: "8",
        help: "lapses after which a card is tagged leech and suspended (again every half as many more), 1–999",
    },
    SettingSpec {
        key: "load_balance",
        default: "true",
        help: "within its fuzz range, put a review on a day with fewer reviews already due (needs fuzz; true/false)",
    },
    SettingSpec {
        key: "easy_days",
        default: "",
        help: "weekdays with fewer reviews: the share of a normal day's load, e.g. \"sat:0.5 sun:0\" (needs fuzz; empty = none)",
    },
    SettingSpec {
        key: "backlog_pause_new",
        default: "true",
        help: "no new cards while more reviews are due than the day's limit, unless an exam plan needs them (true/false)",
    },
    SettingSpec {
        key: "readings",
        default: "show",
        help: "readings (furigana) written 文在寅[ムン・ジェイン] in decks: show them as 文在寅(ムン・ジェイン), or hide them (show/hide)",
    },
    SettingSpec {
        key: "new_card_order",
        default: "deck",
        help: "which new cards come first: \"deck\" (the decks' order) or \"random\" (a fixed shuffle of every new card, the same on every run)",
    },
    SettingSpec {
        key: "language",
        default: "auto",
        help: "language of kioku's screens and messages unless --lang or KIOKU_LANG says otherwise: ja, en, or auto (the locale's: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)",
    },
    SettingSpec {
        key: "decks",
        default: "",
        help: "the folder of your deck files wherever you run kioku, stored as an absolute path (--decks and KIOKU_DECKS win; empty = ./decks if present, else the bundled decks)",
    },
];

/// Which new cards a study day introduces, and in what order (setting `new_card_order`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewCardOrder {
    /// Decks by id, notes in file order, a note's cards in order.
    Deck,
    /// By a fixed hash of each card key (`scheduler::queue::new_card_rank`), over every new card
    /// in scope, as Anki's random order: neighbours in a deck are not met one after the other.
    Random,
}

/// The typed settings in force.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Target probability of recall at the due date, 0.70–0.99.
    pub desired_retention: f32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    /// Learning step delays in seconds, each ≥ 1.
    pub learning_steps_secs: Vec<u32>,
    /// Relearning step delays in seconds, each ≥ 1.
    pub relearning_steps_secs: Vec<u32>,
    pub max_interval_days: u32,
    /// Local hour (0–23) at which the study day changes.
    pub rollover_hour: u32,
    pub fuzz: bool,
    pub bury_siblings: bool,
    pub leech_threshold: u32,
    /// Prefer lighter days when fuzz picks a review's day (`scheduler::balance`).
    pub load_balance: bool,
    /// Share of a normal day's reviews on each weekday.
    pub easy_days: EasyDays,
    /// Pause new cards while the reviews due exceed the day's limit.
    pub backlog_pause_new: bool,
    /// Whether the terminal shows readings after their bases (`文在寅(ムン・ジェイン)`).
    pub show_readings: bool,
    pub new_card_order: NewCardOrder,
    /// The interface language; None = `auto` (the locale decides).
    pub language: Option<crate::i18n::Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::from_stored(&BTreeMap::new()).expect("defaults are valid")
    }
}

impl Settings {
    /// Builds settings from stored key/value text; missing keys take their defaults.
    /// Returns `Error::Input` naming the key when a stored value is invalid.
    pub fn from_stored(stored: &BTreeMap<String, String>) -> Result<Settings> {
        let get = |key: &str| -> &str {
            stored.get(key).map(String::as_str).unwrap_or_else(|| spec(key).map(|s| s.default).unwrap_or(""))
        };
        Ok(Settings {
            desired_retention: parse_retention(get("desired_retention"))?,
            new_per_day: parse_int("new_per_day", get("new_per_day"), 0, 9999)?,
            reviews_per_day: parse_int("reviews_per_day", get("reviews_per_day"), 0, 99_999)?,
            learning_steps_secs: parse_steps("learning_steps", get("learning_steps"))?,
            relearning_steps_secs: parse_steps("relearning_steps", get("relearning_steps"))?,
            max_interval_days: parse_int("max_interval_days", get("max_interval_days"), 1, 36_500)?,
            rollover_hour: parse_int("rollover_hour", get("rollover_hour"), 0, 23)?,
            fuzz: parse_bool("fuzz", get("fuzz"))?,
            bury_siblings: parse_bool("bury_siblings", get("bury_siblings"))?,
            leech_threshold: parse_int("leech_threshold", get("leech_threshold"), 1, 999)?,
            load_balance: parse_bool("load_balance", get("load_balance"))?,
            easy_days: parse_easy_days(get("easy_days"))?,
            backlog_pause_new: parse_bool("backlog_pause_new", get("backlog_pause_new"))?,
            show_readings: parse_readings(get("readings"))?,
            new_card_order: parse_new_card_order(get("new_card_order"))?,
            language: parse_language(get("language"))?,
        })
    }
}

/// The spec of `key`, if kioku knows it.
pub fn spec(key: &str) -> Option<&'static SettingSpec> {
    SPECS.iter().find(|s| s.key == key)
}

/// Validates `value` for `key` and returns the canonical text to store.
/// Returns `Error::Input` for an unknown key or a value out of range, with the accepted range.
pub fn validate(key: &str, value: &str) -> Result<String> {
    let value = value.trim();
    let canonical = match key {
        "desired_retention" => parse_retention(value)?.to_string(),
        "new_per_day" => parse_int(key, value, 0, 9999)?.to_string(),
        "reviews_per_day" => parse_int(key, value, 0, 99_999)?.to_string(),
        "max_interval_days" => parse_int(key, value, 1, 36_500)?.to_string(),
        "rollover_hour" => parse_int(key, value, 0, 23)?.to_string(),
        "leech_threshold" => parse_int(key, value, 1, 999)?.to_string(),
        "fuzz" | "bury_siblings" | "load_balance" | "backlog_pause_new" => parse_bool(key, value)?.to_string(),
        "easy_days" => parse_easy_days(value)?.to_string(),
        "readings" => if parse_readings(value)? { "show" } else { "hide" }.to_string(),
        "new_card_order" => match parse_new_card_order(value)? {
            NewCardOrder::Deck => "deck".to_string(),
            NewCardOrder::Random => "random".to_string(),
        },
        "language" => parse_language(value)?.map_or("auto", crate::i18n::Lang::code).to_string(),
        // Made absolute by `config set` (which knows the working folder) before it comes here.
        "decks" if value.is_empty() || std::path::Path::new(value).is_absolute() => value.to_string(),
        "decks" => return Err(Error::Input(format!("decks must be an absolute path, not '{value}'"))),
        "learning_steps" | "relearning_steps" => {
            parse_steps(key, value)?;
            value.split_whitespace().collect::<Vec<_>>().join(" ")
        }
        _ => {
            let known = SPECS.iter().map(|s| s.key.to_string()).collect();
            return Err(Error::UnknownSetting { key: key.to_string(), known });
        }
    };
    Ok(canonical)
}

fn parse_new_card_order(value: &str) -> Result<NewCardOrder> {
    match value.to_ascii_lowercase().as_str() {
        "deck" => Ok(NewCardOrder::Deck),
        "random" => Ok(NewCardOrder::Random),
        _ => Err(Error::Invalid {
            name: "new_card_order".into(),
            value: value.into(),
            expected: Expected::OneOf(&["deck", "random"]),
        }),
    }
}

/// `ja`, `en`, or `auto` (also empty) for the locale's choice.
pub fn parse_language(value: &str) -> Result<Option<crate::i18n::Lang>> {
    match value.trim().to_ascii_lowercase().as_str() {
        "auto" | "" => Ok(None),
        other => crate::i18n::Lang::parse(other).map(Some).ok_or_else(|| Error::Invalid {
            name: "language".into(),
            value: value.into(),
            expected: Expected::OneOf(&["ja", "en", "auto"]),
        }),
    }
}

fn parse_easy_days(value: &str) -> Result<EasyDays> {
    EasyDays::parse(value).map_err(|e| Error::Invalid {
        name: "easy_days".into(),
        value: value.into(),
        expected: Expected::Other(e.to_string()),
    })
}

fn parse_retention(value: &str) -> Result<f32> {
    match value.parse::<f32>() {
        Ok(r) if (0.70..=0.99).contains(&r) => Ok(r),
        _ => Err(Error::Invalid {
            name: "desired_retention".into(),
            value: value.into(),
            expected: Expected::Number { min: 0.70, max: 0.99 },
        }),
    }
}

fn parse_int(key: &str, value: &str, min: u32, max: u32) -> Result<u32> {
    match value.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => {
            Err(Error::Invalid { name: key.into(), value: value.into(), expected: Expected::WholeNumber { min, max } })
        }
    }
}

fn parse_bool(key: &str, value: &str) -> Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(Error::Invalid { name: key.into(), value: value.into(), expected: Expected::Bool }),
    }
}

/// `show` → true, `hide` → false (case-insensitive).
fn parse_readings(value: &str) -> Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "show" => Ok(true),
        "hide" => Ok(false),
        _ => Err(Error::Invalid {
            name: "readings".into(),
            value: value.into(),
            expected: Expected::OneOf(&["show", "hide"]),
        }),
    }
}

/// Parses a list of step delays such as `"1m 10m"` into seconds. Units: s, m, h, d; a bare number
/// is minutes (as in Anki). Each step is 1 s to 365 d; the list may be empty.
pub fn parse_steps(key: &str, value: &str) -> Result<Vec<u32>> {
    value
        .split_whitespace()
        .map(|step| {
            let bad = || Error::Invalid { name: key.into(), value: step.into(), expected: Expected::Step };
            let (number, unit) = match step.find(|c: char| c.is_ascii_alphabetic()) {
                Some(i) => (&step[..i], &step[i..]),
                None => (step, "m"),
            };
            let n: f64 = number.parse().map_err(|_| bad())?;
            let factor = match unit {
                "s" => 1.0,
                "m" => 60.0,
                "h" => 3600.0,
                "d" => 86_400.0,
                _ => return Err(bad()),
            };
            let secs = (n * factor).round();
            if !(1.0..=365.0 * 86_400.0).contains(&secs) {
                return Err(Error::Invalid { name: key.into(), value: step.into(), expected: Expected::StepRange });
            }
            Ok(secs as u32)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_design() {
        let s = Settings::default();
        assert_eq!(s.desired_retention, 0.9);
        assert_eq!(s.new_per_day, 20);
        assert_eq!(s.reviews_per_day, 200);
        assert_eq!(s.learning_steps_secs, vec![60, 600]);
        assert_eq!(s.relearning_steps_secs, vec![600]);
        assert_eq!(s.max_interval_days, 36_500);
        assert_eq!(s.rollover_hour, 4);
        assert!(s.fuzz && s.bury_siblings);
        assert_eq!(s.leech_threshold, 8);
        assert!(s.load_balance && s.backlog_pause_new && s.easy_days.is_normal());
        assert!(s.show_readings, "readings are shown by default (DESIGN.md, Readings)");
        assert_eq!(s.new_card_order, NewCardOrder::Deck);
        assert_eq!(s.language, None, "the language follows the locale until set");
    }

    #[test]
    fn validation_rejects_out_of_range_and_unknown() {
        assert!(validate("desired_retention", "1.5").is_err());
        assert!(validate("desired_retention", "abc").is_err());
        assert!(validate("rollover_hour", "24").is_err());
        assert!(validate("new_per_day", "-1").is_err());
        assert!(validate("learning_steps", "1x").is_err());
        assert!(validate("fuzz", "maybe").is_err());
        assert!(validate("colour", "red").is_err());
        assert_eq!(validate("learning_steps", " 30s   2h ").unwrap(), "30s 2h");
        assert_eq!(parse_steps("k", "30s 2h 1d").unwrap(), vec![30, 7200, 86_400]);
        assert_eq!(validate("fuzz", "No").unwrap(), "false");
        assert_eq!(validate("relearning_steps", "").unwrap(), "");
        assert_eq!(validate("easy_days", " Sun:0  sat:0.5 ").unwrap(), "sat:0.5 sun:0");
        assert!(validate("easy_days", "sat:2").is_err());
        assert!(validate("easy_days", "someday:0").is_err());
        assert_eq!(validate("load_balance", "off").unwrap(), "false");
        assert_eq!(validate("readings", " Hide ").unwrap(), "hide");
        assert!(validate("readings", "off").is_err());
        assert_eq!(validate("new_card_order", " Random ").unwrap(), "random");
        assert_eq!(validate("new_card_order", "deck").unwrap(), "deck");
        assert!(validate("new_card_order", "shuffled").is_err());
        assert_eq!(validate("language", " JA ").unwrap(), "ja");
        assert_eq!(validate("language", "en").unwrap(), "en");
        assert_eq!(validate("language", "Auto").unwrap(), "auto");
        assert!(validate("language", "fr").is_err());
    }
}
