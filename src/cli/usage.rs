//! clap's usage errors in the process language: the common kinds (an unknown option or command,
//! a value not among those allowed, a value refused, a missing argument, two options that
//! conflict) are said from their kind and context through the catalogue (`locales/*/usage.ftl`);
//! any other kind keeps clap's English. The option names, values and the usage line are quoted
//! as typed.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::tr;

/// The message for `e` (without `error: `), ending in a newline; None when clap's own words
/// are kept (a kind not in the table, or English).
pub fn message(e: &clap::Error) -> Option<String> {
    if crate::i18n::lang() == crate::i18n::Lang::En {
        return None;
    }
    let arg = text(e, ContextKind::InvalidArg);
    let value = text(e, ContextKind::InvalidValue);
    let mut lines = vec![match e.kind() {
        ErrorKind::UnknownArgument => tr!("usage-unknown-argument", arg = arg?),
        ErrorKind::InvalidSubcommand => {
            tr!("usage-unknown-command", command = text(e, ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue if value.as_deref() == Some("") => tr!("usage-value-missing", arg = arg?),
        ErrorKind::InvalidValue => tr!(
            "usage-value-not-allowed",
            arg = arg?,
            value = value?,
            allowed = quoted_list(e, ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e).map(reason).unwrap_or_default();
            tr!("usage-value-invalid", arg = arg?, value = value?, reason = reason)
        }
        ErrorKind::MissingRequiredArgument => tr!("usage-missing-argument", arg = arg?),
        ErrorKind::ArgumentConflict => {
            tr!("usage-conflict", arg = arg?, prior = text(e, ContextKind::PriorArg).unwrap_or_default())
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            tr!("usage-unexpected-value", value = value.or(arg)?)
        }
        _ => return None,
    }];
    if let Some(suggested) = text(e, ContextKind::SuggestedArg).or_else(|| text(e, ContextKind::SuggestedSubcommand)) {
        lines.push(String::new());
        lines.push(format!("  {}", tr!("usage-did-you-mean", suggestion = suggested)));
    }
    // clap's own text ends with the usage line and a pointer to --help: keep the usage line
    // (commands and options as typed), say the pointer in the language.
    let clap_text = e.render().to_string();
    if let Some(usage) = clap_text.lines().find(|l| l.starts_with("Usage: ")) {
        lines.push(String::new());
        lines.push(format!("{} {}", tr!("cli-heading-usage"), &usage["Usage: ".len()..]));
    }
    lines.push(String::new());
    lines.push(tr!("usage-more-help"));
    Some(lines.join("\n") + "\n")
}

/// Why a value parser refused a value: Rust's number parsing says it in English, our own
/// parsers already in the process language.
fn reason(source: &(dyn std::error::Error + 'static)) -> String {
    if source.is::<std::num::ParseIntError>() {
        tr!("usage-not-whole-number")
    } else if source.is::<std::num::ParseFloatError>() {
        tr!("usage-not-number")
    } else {
        source.to_string()
    }
}

/// The values a context names, each quoted, as a list in the process language.
fn quoted_list(e: &clap::Error, kind: ContextKind) -> String {
    let values: Vec<String> = match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    values
        .iter()
        .map(|v| tr!("usage-quoted", value = v.as_str()))
        .collect::<Vec<_>>()
        .join(&tr!("errors-list-separator"))
}

/// A context value as text (several joined by ", ").
fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
