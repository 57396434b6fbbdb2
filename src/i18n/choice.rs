//! Which language to speak: `--lang`/`KIOKU_LANG` > the `language` setting > the locale.
//! Pure: the environment comes in as a lookup function, so the order is tested without
//! touching the process environment.

use super::Lang;

/// The process language: `given` (`--lang`, else `KIOKU_LANG`, already parsed), else the
/// `language` setting (None when it is `auto` or no database was read), else the locale.
/// `var` looks up an environment variable.
pub fn choose(given: Option<Lang>, setting: Option<Lang>, var: &dyn Fn(&str) -> Option<String>) -> Lang {
    given.or(setting).unwrap_or_else(|| from_locale(var))
}

/// The language the locale asks for: `LANGUAGE` (a colon list, as gettext reads it: its first
/// entry naming Japanese or English decides), then the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
/// that is set and not empty. A value starting with `ja` is Japanese; anything else (unset, `C`,
/// `C.UTF-8`, `POSIX`, `de_DE.UTF-8`) is English, so bug reports stay searchable.
pub fn from_locale(var: &dyn Fn(&str) -> Option<String>) -> Lang {
    let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
    if let Some(list) = set("LANGUAGE") {
        for entry in list.split(':').map(str::trim) {
            if is_japanese(entry) {
                return Lang::Ja;
            }
            if entry.to_ascii_lowercase().starts_with("en") {
                return Lang::En;
            }
        }
    }
    match ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|name| set(name)) {
        Some(locale) if is_japanese(&locale) => Lang::Ja,
        _ => Lang::En,
    }
}

/// `ja`, `ja_JP.UTF-8`, `ja-JP`: a locale whose language is Japanese.
fn is_japanese(locale: &str) -> bool {
    let lower = locale.trim().to_ascii_lowercase();
    lower == "ja" || lower.starts_with("ja_") || lower.starts_with("ja-") || lower.starts_with("ja.")
}

/// The language a browser asks for in `Accept-Language` (`ja,en-US;q=0.8`), by Fluent's own
/// negotiation (`fluent-langneg`); None when it names neither Japanese nor English.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    use fluent_langneg::{negotiate_languages, parse_accepted_languages, NegotiationStrategy};
    let requested = parse_accepted_languages(header);
    let available: Vec<unic_langid::LanguageIdentifier> =
        Lang::ALL.iter().map(|l| l.code().parse().expect("valid tag")).collect();
    let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup);
    chosen.first().and_then(|id| Lang::parse(id.language.as_str()))
}
