//! clap's usage errors in the process language: the common kinds (an unknown option or command,
//! a value not among those allowed, a value refused, a missing argument, two options that
//! conflict) are said from their kind and context through the catalogue (`locales/*/usage.ftl`);
//! any other kind keeps clap's English. The option names, values and the usage line are quoted
//! as typed.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::tr;

/// The message for `e` (without `error: `), ending in a newline; None when clap's own words
/// are kept (a kind not in the table, or English).
pub fn message(e: &clap::Error, command: &clap::Command) -> Option<String> {
    let own = nearest_option(e, command);
    if crate::i18n::lang() == crate::i18n::Lang::En {
        return own.map(|suggested| english_with(e, &suggested));
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
    let suggested = text(e, ContextKind::SuggestedArg).or_else(|| text(e, ContextKind::SuggestedSubcommand));
    if let Some(suggested) = suggested.or(own) {
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

/// The global options a variable may set (`KIOKU_DB` …), as clap writes them in a usage line.
const ENV_GLOBALS: &[(&str, &str)] =
    &[("--db", "<PATH>"), ("--decks", "<DIR>"), ("--now", "<RFC3339>"), ("--tz", "<ZONE>"), ("--lang", "<ja|en>")];

/// `text` (a usage error) with the global options set only by their variables taken out of its
/// usage lines: clap counts a value from `KIOKU_DB` as given and writes `kioku preview --db
/// <PATH> --lang <ja|en> <DECK>`, which shows an option the user never typed. `typed` is the
/// command line; an option typed there (`--db x`, `--db=x`) stays.
pub fn hide_variable_globals(text: &str, typed: &[String]) -> String {
    let usage_heading = tr!("cli-heading-usage");
    let given =
        |flag: &str| typed.iter().take_while(|a| *a != "--").any(|a| a == flag || a.starts_with(&format!("{flag}=")));
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let mut line = line.to_string();
        if line.starts_with("Usage: ") || line.starts_with(&usage_heading) {
            for (flag, value) in ENV_GLOBALS.iter().filter(|(flag, _)| !given(flag)) {
                line = line.replace(&format!(" {flag} {value}"), "");
            }
        }
        out.push(line);
    }
    out.join("\n")
}

/// For an unknown `--option` clap found nothing like (its similarity measure misses a swap of
/// two letters: `--nwe` for `--new`): the command's option at most two edits away.
fn nearest_option(e: &clap::Error, command: &clap::Command) -> Option<String> {
    if e.kind() != ErrorKind::UnknownArgument || e.get(ContextKind::SuggestedArg).is_some() {
        return None;
    }
    let typed = text(e, ContextKind::InvalidArg)?;
    let typed = typed.strip_prefix("--")?.split('=').next()?.to_string();
    // The usage line names the (sub)command the option was typed for: `Usage: kioku export deck …`.
    let rendered = e.render().to_string();
    let usage = rendered.lines().find_map(|l| l.strip_prefix("Usage: "))?;
    let mut command = command;
    for word in usage.split_whitespace().skip(1).take_while(|w| !w.starts_with(['[', '<', '-'])) {
        command = command.find_subcommand(word)?;
    }
    command
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| a.get_long())
        .map(|long| (crate::answer::osa_distance(&typed, long), long))
        .filter(|&(d, _)| d <= 2 && d < typed.chars().count())
        .min()
        .map(|(_, long)| format!("--{long}"))
}

/// clap's English text with its tip (`to pass '--nwe' as a value, use '-- --nwe'`, beside the
/// point when an option was mistyped) replaced by the option meant.
fn english_with(e: &clap::Error, suggested: &str) -> String {
    let rendered = e.render().to_string();
    let rendered = rendered.strip_prefix("error: ").unwrap_or(&rendered);
    let tip = format!("  {}", tr!("usage-did-you-mean", suggestion = suggested));
    let mut lines: Vec<String> =
        rendered.lines().filter(|l| !l.trim_start().starts_with("tip: ")).map(String::from).collect();
    // After the first line and its blank line, where clap puts its own tips.
    lines.insert(1.min(lines.len()), String::new());
    lines.insert(2.min(lines.len()), tip);
    lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
    lines.join("\n") + "\n"
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globals_set_by_variables_are_not_shown_in_usage_lines() {
        let text = "the following required arguments were not provided:\n  <DECK>\n\nUsage: kioku preview --db <PATH> --lang <ja|en> <DECK>\n";
        let typed = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        let shown = crate::i18n::with_lang(crate::i18n::Lang::En, || {
            hide_variable_globals(text, &typed(&["kioku", "preview"]))
        });
        assert!(shown.contains("\nUsage: kioku preview <DECK>\n"), "{shown}");
        // Typed on the command line, it stays (either spelling); other lines are untouched.
        let kept = crate::i18n::with_lang(crate::i18n::Lang::En, || {
            hide_variable_globals(text, &typed(&["kioku", "--db=x", "preview"]))
        });
        assert!(kept.contains("Usage: kioku preview --db <PATH> <DECK>"), "{kept}");
        assert!(kept.starts_with("the following required arguments were not provided:\n  <DECK>\n"));
        let ja = "使い方: kioku preview --db <PATH> --lang <ja|en> <DECK>";
        let shown = crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
            hide_variable_globals(ja, &typed(&["kioku", "--lang", "ja", "preview"]))
        });
        assert_eq!(shown, "使い方: kioku preview --lang <ja|en> <DECK>");
    }
}
