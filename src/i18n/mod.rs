//! Every string a person reads, in English and Japanese: a Fluent message catalogue
//! (`locales/{en,ja}/AREA.ftl`, embedded in the binary) and the choice of the process language.
//!
//! - [`Lang`]: the two languages kioku speaks.
//! - [`tr!`](crate::tr) formats a message in the process language (chosen once at startup by
//!   `cli::run`: `--lang`/`KIOKU_LANG` > the `language` setting > the locale, see [`choose`]);
//!   [`tr_in!`](crate::tr_in) in an explicit language (the web server: per request).
//! - A message missing in one language falls back to the other, never to its key; a test fails
//!   when the two catalogues differ in their keys.
//!
//! What never changes with the language: the piped protocol's keywords, JSON keys, lint codes,
//! exit codes.

mod catalogue;
mod choice;
pub mod dates;
pub mod durations;

pub use catalogue::message;
#[cfg(test)]
use catalogue::AREAS;
#[cfg(test)]
use choice::from_locale;
pub use choice::{choose, from_accept_language};
pub use fluent_bundle::FluentArgs;

use std::sync::atomic::{AtomicU8, Ordering};

/// A language of kioku's interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 tag (`en`, `ja`): the folder under `locales/` and the value of `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// `ja` or `en` (any case, surrounding spaces ignored); None for anything else.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (where a missing message is looked up).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ja,
            Lang::Ja => Lang::En,
        }
    }
}

/// The process language: English until `set_lang` is called.
static PROCESS_LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language `tr!` uses for the rest of the process.
pub fn set_lang(lang: Lang) {
    PROCESS_LANG.store(lang as u8, Ordering::Relaxed);
}

thread_local! {
    /// A language for this thread only (`with_lang`), over the process language.
    static THREAD_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language `tr!` uses: this thread's (`with_lang`), else the process language.
pub fn lang() -> Lang {
    if let Some(lang) = THREAD_LANG.with(|l| l.get()) {
        return lang;
    }
    match PROCESS_LANG.load(Ordering::Relaxed) {
        1 => Lang::Ja,
        _ => Lang::En,
    }
}

/// Runs `f` with `tr!` speaking `lang` on this thread (a web request, a test that renders a
/// Japanese screen while other tests run in English), then restores what was there.
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD_LANG.with(|l| l.set(self.0));
        }
    }
    let _restore = Restore(THREAD_LANG.with(|l| l.replace(Some(lang))));
    f()
}

/// The message `key` in the process language: `tr!("review-left")`, or with arguments
/// `tr!("review-saved", n = 3, deck = name)`. Argument values are anything Fluent takes (`&str`,
/// `String`, `&String`, integers, floats); format a fraction yourself (`format!("{:.1}", x)`)
/// before passing it, since Fluent writes an `f64` with every digit.
#[macro_export]
macro_rules! tr {
    ($key:expr $(,)?) => {
        $crate::i18n::message($crate::i18n::lang(), $key, None)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::tr_in!($crate::i18n::lang(), $key, $($name = $value),+)
    };
}

/// The message `key` in an explicit language: `tr_in!(Lang::Ja, "web-review-title")`.
#[macro_export]
macro_rules! tr_in {
    ($lang:expr, $key:expr $(,)?) => {
        $crate::i18n::message($lang, $key, None)
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::message($lang, $key, Some(&args))
    }};
}

#[cfg(test)]
mod tests;
