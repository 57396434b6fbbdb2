//! The web's language: per request, the `language` setting, else the browser's
//! `Accept-Language`, else the language `kioku serve` was started in (`--lang`, `KIOKU_LANG`,
//! the locale), which is English unless one of those says Japanese. Messages come from the
//! catalogue (`locales/{en,ja}/web.ftl`) through `tr_in!`.

use axum::http::{header, HeaderMap};

pub use crate::i18n::Lang;

/// The request's `Accept-Language`, if it sent one.
pub fn accept(headers: &HeaderMap) -> Option<String> {
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(str::to_string)
}

/// The language of a request: the `language` setting when it names one, else the first
/// language kioku speaks in `accept` (the browser's `Accept-Language`), else the process
/// language.
pub fn choose(accept: Option<&str>, setting: Option<Lang>) -> Lang {
    setting.or_else(|| crate::i18n::from_accept_language(accept.unwrap_or(""))).unwrap_or_else(crate::i18n::lang)
}

/// [`choose`] for a request's headers.
pub fn lang(headers: &HeaderMap, setting: Option<Lang>) -> Lang {
    choose(accept(headers).as_deref(), setting)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, accept.parse().unwrap());
        h
    }

    #[test]
    fn the_setting_wins_over_the_browser_which_wins_over_the_process_language() {
        assert_eq!(lang(&headers("ja,en-US;q=0.9"), None), Lang::Ja);
        assert_eq!(lang(&headers("en-GB,ja;q=0.8"), None), Lang::En);
        assert_eq!(lang(&headers("fr-FR, ja;q=0.5"), None), Lang::Ja);
        // Neither the setting nor the browser: the process language (English in unit tests,
        // where nothing sets it).
        assert_eq!(lang(&headers("zh-CN"), None), Lang::En);
        assert_eq!(lang(&HeaderMap::new(), None), Lang::En);
        assert_eq!(crate::i18n::with_lang(Lang::Ja, || lang(&HeaderMap::new(), None)), Lang::Ja);
        assert_eq!(crate::i18n::with_lang(Lang::Ja, || lang(&headers("en"), None)), Lang::En);
        assert_eq!(lang(&headers("ja"), Some(Lang::En)), Lang::En);
        assert_eq!(lang(&headers("en"), Some(Lang::Ja)), Lang::Ja);
    }
}
