//! The embedded Fluent catalogue: one bundle per language, built on first use.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::Lang;

/// One area's catalogue files: (area, English source, Japanese source).
pub type Area = (&'static str, &'static str, &'static str);

/// Registers `locales/en/AREA.ftl` and `locales/ja/AREA.ftl`.
macro_rules! area {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/", $name, ".ftl")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/ja/", $name, ".ftl")),
        )
    };
}

/// Every area's files. Each key starts with its area's name and a hyphen (`review-left`).
/// A new area is one line here (and its two files).
pub const AREAS: &[Area] = &[
    area!("cli"),
    area!("startup"),
    area!("usage"),
    area!("breaks"),
    area!("orphans"),
    area!("optimize"),
    area!("yaml"),
    area!("due"),
    area!("errors"),
    area!("time"),
    area!("review"),
    area!("answer"),
    area!("exam"),
    area!("cram"),
    area!("stats"),
    area!("manage"),
    area!("lint"),
    area!("deck"),
    area!("interchange"),
    area!("web"),
    area!("plan"),
    area!("setup"),
    area!("session"),
    area!("authoring"),
    area!("decktext"),
    area!("dates"),
    area!("class"),
    area!("teacher"),
];

/// Bundles are `Sync` (the concurrent memoizer), so the web server's threads share them.
pub(super) type Bundle = FluentBundle<FluentResource>;

struct Catalogue {
    en: Bundle,
    ja: Bundle,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| Catalogue { en: bundle(Lang::En), ja: bundle(Lang::Ja) });

/// The bundle of `lang` from every area's file. A syntax error drops only the broken entry (the
/// tests reject any), so one slip never costs a whole screen.
fn bundle(lang: Lang) -> Bundle {
    bundle_from(lang, AREAS.iter().map(|&(_, en, ja)| if lang == Lang::En { en } else { ja }))
}

/// A bundle of `lang` from Fluent sources.
pub(super) fn bundle_from<'a>(lang: Lang, sources: impl IntoIterator<Item = &'a str>) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("en and ja are valid language tags");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks (FSI/PDI around each argument) are for bidirectional text in a
    // browser; in a terminal they show as junk or break alignment, and we have no RTL language.
    bundle.set_use_isolating(false);
    let _ = bundle.add_builtins();
    for source in sources {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

fn bundle_of(lang: Lang) -> &'static Bundle {
    match lang {
        Lang::En => &CATALOGUE.en,
        Lang::Ja => &CATALOGUE.ja,
    }
}

/// Formats `key` in `lang`, else in the other language. A key in neither catalogue (a bug the
/// tests catch: every `tr!` key is checked) gives the key itself rather than nothing.
pub fn message(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    message_from(bundle_of(lang), bundle_of(lang.other()), key, args)
}

/// `key` from `primary`, else from `fallback`, else the key.
pub(super) fn message_from(primary: &Bundle, fallback: &Bundle, key: &str, args: Option<&FluentArgs>) -> String {
    format_in(primary, key, args).or_else(|| format_in(fallback, key, args)).unwrap_or_else(|| key.to_string())
}

/// `key` formatted by `bundle`, if it has it.
fn format_in(bundle: &Bundle, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}
