//! The web's language: per request, the `language` setting, else the browser's
//! `Accept-Language` (DESIGN.md, "Language"), else English. Messages come from the catalogue
//! (`locales/{en,ja}/web.ftl`) through `tr_in!`.

use axum::http::{header, HeaderMap};

pub use crate::i18n::Lang;

/// The language of a request: the `language` setting when it names one, else the first
/// language kioku speaks in the browser's `Accept-Language`, else English.
pub fn lang(headers: &HeaderMap, setting: Option<Lang>) -> Lang {
    if let Some(lang) = setting {
        return lang;
    }
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    crate::i18n::from_accept_language(accept).unwrap_or(Lang::En)
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
    fn the_setting_wins_over_the_browser_which_wins_over_english() {
        assert_eq!(lang(&headers("ja,en-US;q=0.9"), None), Lang::Ja);
        assert_eq!(lang(&headers("en-GB,ja;q=0.8"), None), Lang::En);
        assert_eq!(lang(&headers("fr-FR, ja;q=0.5"), None), Lang::Ja);
        assert_eq!(lang(&headers("zh-CN"), None), Lang::En);
        assert_eq!(lang(&HeaderMap::new(), None), Lang::En);
        assert_eq!(lang(&headers("ja"), Some(Lang::En)), Lang::En);
        assert_eq!(lang(&headers("en"), Some(Lang::Ja)), Lang::Ja);
    }
}
