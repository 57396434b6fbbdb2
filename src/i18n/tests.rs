use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::catalogue::{bundle_from, message_from};
use super::*;

/// The message ids of one Fluent file; panics on a syntax error (naming the file).
fn keys(area: &str, lang: Lang, source: &str) -> BTreeSet<String> {
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/{}/{area}.ftl does not parse: {errors:?}", lang.code()));
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_keys_in_every_area() {
    let mut seen = BTreeMap::new();
    for &(area, en, ja) in AREAS {
        let (en_keys, ja_keys) = (keys(area, Lang::En, en), keys(area, Lang::Ja, ja));
        let only_en: Vec<_> = en_keys.difference(&ja_keys).collect();
        let only_ja: Vec<_> = ja_keys.difference(&en_keys).collect();
        assert!(
            only_en.is_empty() && only_ja.is_empty(),
            "area {area}: keys only in locales/en: {only_en:?}; only in locales/ja: {only_ja:?}"
        );
        for key in en_keys {
            assert!(key.starts_with(&format!("{area}-")), "{key} in area {area} must start with '{area}-'");
            if let Some(other) = seen.insert(key.clone(), area) {
                panic!("{key} is in both area {other} and area {area}");
            }
        }
    }
}

#[test]
fn every_key_in_the_source_is_in_the_catalogue() {
    // Every literal key given to tr!/tr_in! under src/ (a key built at run time is not seen here).
    fn visit(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // Code lines only: doc comments show made-up keys.
                let code: String =
                    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
                for (i, _) in code.match_indices("tr!(\"").chain(code.match_indices("tr_in!(")) {
                    let rest = &code[i..];
                    let Some(start) = rest.find('"') else { continue };
                    let rest = &rest[start + 1..];
                    let key = &rest[..rest.find('"').unwrap_or(0)];
                    // tr_in!(lang, "key", …): only literal keys made of key characters.
                    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                        found.push((path.display().to_string(), key.to_string()));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    visit(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
    assert!(found.iter().any(|(_, k)| k == "due-streak"), "the scan finds the keys in use");
    let all: BTreeSet<String> = AREAS.iter().flat_map(|&(area, en, _)| keys(area, Lang::En, en)).collect();
    let missing: Vec<_> = found.iter().filter(|(_, k)| !all.contains(k)).collect();
    assert!(missing.is_empty(), "keys used but in no catalogue: {missing:?}");
}

#[test]
fn messages_format_plurals_and_arguments_without_isolation_marks() {
    assert_eq!(tr_in!(Lang::En, "due-streak", n = 1), "streak: 1 day");
    assert_eq!(tr_in!(Lang::En, "due-streak", n = 4), "streak: 4 days");
    assert_eq!(tr_in!(Lang::Ja, "due-streak", n = 4), "連続学習: 4日");
    let invalid = tr_in!(Lang::En, "cli-lang-invalid", value = "fr");
    assert_eq!(invalid, "'fr' is not a language kioku speaks: use ja or en");
    assert!(!invalid.contains(['\u{2068}', '\u{2069}']), "no FSI/PDI marks in terminal text");
}

#[test]
fn a_missing_message_falls_back_to_the_other_language() {
    let en = bundle_from(Lang::En, ["t-both = both\nt-en-only = only English\n"]);
    let ja = bundle_from(Lang::Ja, ["t-both = 両方\n"]);
    assert_eq!(message_from(&ja, &en, "t-both", None), "両方");
    assert_eq!(message_from(&ja, &en, "t-en-only", None), "only English");
}

#[test]
fn bundles_are_shared_between_threads() {
    fn sync<T: Sync + Send>() {}
    sync::<super::catalogue::Bundle>();
    let handle = std::thread::spawn(|| tr_in!(Lang::Ja, "due-col-new"));
    assert_eq!(handle.join().unwrap(), "新規");
}

fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
}

#[test]
fn the_locale_picks_japanese_only_for_ja() {
    assert_eq!(from_locale(&env(&[])), Lang::En, "unset");
    for english in ["C", "C.UTF-8", "POSIX", "en_US.UTF-8", "de_DE.UTF-8", "jv_ID", ""] {
        let var = move |name: &str| (name == "LANG").then(|| english.to_string());
        assert_eq!(from_locale(&var), Lang::En, "LANG={english}");
    }
    for japanese in ["ja_JP.UTF-8", "ja", "ja_JP.eucJP", "JA_JP"] {
        let var = move |name: &str| (name == "LANG").then(|| japanese.to_string());
        assert_eq!(from_locale(&var), Lang::Ja, "LANG={japanese}");
    }
}

#[test]
fn the_locale_variables_are_read_in_gettext_order() {
    // LC_ALL over LC_MESSAGES over LANG; an empty one counts as unset.
    assert_eq!(from_locale(&env(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")])), Lang::En);
    assert_eq!(from_locale(&env(&[("LC_ALL", ""), ("LANG", "ja_JP.UTF-8")])), Lang::Ja);
    assert_eq!(from_locale(&env(&[("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "C")])), Lang::Ja);
    assert_eq!(from_locale(&env(&[("LC_ALL", "ja_JP.UTF-8"), ("LC_MESSAGES", "C")])), Lang::Ja);
    // LANGUAGE, a colon list, comes first: its first Japanese or English entry decides.
    assert_eq!(from_locale(&env(&[("LANGUAGE", "ja:en"), ("LANG", "C")])), Lang::Ja);
    assert_eq!(from_locale(&env(&[("LANGUAGE", "fr:ja:en"), ("LANG", "C")])), Lang::Ja);
    assert_eq!(from_locale(&env(&[("LANGUAGE", "en_GB:ja"), ("LANG", "ja_JP.UTF-8")])), Lang::En);
    assert_eq!(from_locale(&env(&[("LANGUAGE", "fr"), ("LANG", "ja_JP.UTF-8")])), Lang::Ja, "no match: go on");
}

#[test]
fn flag_or_variable_beats_setting_beats_locale() {
    let japanese_locale = env(&[("LANG", "ja_JP.UTF-8")]);
    assert_eq!(choose(Some(Lang::En), Some(Lang::Ja), &japanese_locale), Lang::En);
    assert_eq!(choose(None, Some(Lang::En), &japanese_locale), Lang::En);
    assert_eq!(choose(None, None, &japanese_locale), Lang::Ja);
    assert_eq!(choose(None, Some(Lang::Ja), &env(&[("LANG", "C")])), Lang::Ja);
}

#[test]
fn accept_language_is_negotiated() {
    assert_eq!(from_accept_language("ja,en-US;q=0.8"), Some(Lang::Ja));
    assert_eq!(from_accept_language("en-GB,ja;q=0.5"), Some(Lang::En));
    assert_eq!(from_accept_language("ja-JP"), Some(Lang::Ja));
    assert_eq!(from_accept_language("fr-FR, de;q=0.9"), None);
    assert_eq!(from_accept_language(""), None);
}

#[test]
fn a_thread_may_speak_its_own_language() {
    assert_eq!(lang(), Lang::En, "the process language of the test binary is never changed");
    let inside =
        with_lang(Lang::Ja, || (tr!("due-col-new"), with_lang(Lang::En, || tr!("due-col-new")), tr!("due-col-new")));
    assert_eq!(inside, ("新規".to_string(), "new".to_string(), "新規".to_string()));
    assert_eq!(tr!("due-col-new"), "new");
}

#[test]
fn every_setting_has_its_meaning_in_the_catalogue() {
    let all: BTreeSet<String> = AREAS.iter().flat_map(|&(area, en, _)| keys(area, Lang::En, en)).collect();
    for spec in crate::settings::SPECS {
        let key = format!("manage-setting-{}", spec.key);
        assert!(
            all.contains(&key),
            "add {key} to locales/en/manage.ftl and locales/ja/manage.ftl (`config list` shows it)"
        );
    }
}

/// Screen lines the READMEs quote are the catalogue's words, so the docs stay true when the
/// wording changes (a newcomer compared them and found two that differed).
#[test]
fn screen_lines_quoted_in_the_readmes_are_the_catalogues() {
    let readme_en = include_str!("../../README.md");
    let readme_ja = include_str!("../../README.ja.md");
    for (lang, readme) in [(Lang::En, readme_en), (Lang::Ja, readme_ja)] {
        let good = tr_in!(lang, "review-grade-good");
        let quoted = [tr_in!(lang, "session-grade-now", suggested = good.as_str()), tr_in!(lang, "review-true")];
        for line in quoted {
            assert!(readme.contains(&format!("`{line}`")), "{lang:?} README: {line}");
        }
    }
}
