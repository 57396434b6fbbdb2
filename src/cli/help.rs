//! `--help` in the interface language: clap's derived command with every about and help text
//! replaced from the catalogue (`cli-about-PATH`, `cli-arg-PATH-ID`, else `cli-arg-ID` for an
//! option several commands share, else `cli-arg-kioku-ID` for a global option), its headings translated, and the global options under a
//! heading of their own. PATH is `kioku` and the subcommand names joined by `-`
//! (`kioku-export-deck`). A text the catalogue lacks stays as the doc comment wrote it (the
//! tests require every one).

use clap::Command;

use crate::tr;

/// The command line definition in the process language.
pub fn localized(command: Command) -> Command {
    // Global options get their heading before `build` copies them into every subcommand.
    let global = tr!("cli-heading-global");
    let globals: Vec<String> =
        command.get_arguments().filter(|a| a.is_global_set()).map(|a| a.get_id().to_string()).collect();
    let mut command = command;
    for id in globals {
        let heading = global.clone();
        command = command.mut_arg(id, |a| a.help_heading(heading));
    }
    command.build();
    localize(command, "kioku")
}

fn localize(mut command: Command, path: &str) -> Command {
    // clap's `help` subcommands (`kioku help review`, `kioku config help`) repeat the texts
    // of the commands they name.
    let about_path = if path.ends_with("-help") { "kioku-help".to_string() } else { path.replace("-help-", "-") };
    if let Some(about) = text(&format!("cli-about-{about_path}")) {
        command = command.about(about).long_about(None);
    }
    if crate::i18n::lang() == crate::i18n::Lang::Ja {
        command = command.help_template(template());
    }
    command = command.subcommand_help_heading(tr!("cli-heading-commands"));
    let ids: Vec<(String, bool, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional(), a.get_help_heading().is_some()))
        .collect();
    for (id, positional, has_heading) in ids {
        let help = match id.as_str() {
            "help" => Some(tr!("cli-help-flag")),
            "version" => Some(tr!("cli-version-flag")),
            // This command's own text, a text shared by several commands, a global option's.
            _ => text(&format!("cli-arg-{path}-{id}"))
                .or_else(|| text(&format!("cli-arg-{id}")))
                .or_else(|| text(&format!("cli-arg-kioku-{id}"))),
        };
        command = command.mut_arg(&id, |mut a| {
            if let Some(help) = help {
                a = a.help(help).long_help(None);
            }
            if crate::i18n::lang() == crate::i18n::Lang::Ja {
                a = japanese_labels(a);
            }
            if !has_heading {
                a = a.help_heading(if positional { tr!("cli-heading-arguments") } else { tr!("cli-heading-options") });
            }
            a
        });
    }
    let names: Vec<String> = command.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let sub_path = format!("{path}-{name}");
        command = command.mut_subcommand(&name, |s| localize(s, &sub_path));
    }
    command
}

/// clap writes `[env: NAME=value]` and `[default: x]` after a help text in English: in Japanese
/// they are hidden and said after the text in the catalogue's words instead.
fn japanese_labels(mut a: clap::Arg) -> clap::Arg {
    let mut help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() && a.get_action().takes_values() {
        help.push_str(&format!(" {}", tr!("usage-help-default", value = defaults.join(", "))));
        a = a.hide_default_value(true);
    }
    if let Some(name) = a.get_env().map(|n| n.to_string_lossy().into_owned()) {
        if !a.is_hide_env_set() {
            help.push_str(&format!(" {}", tr!("usage-help-env", name = name)));
            a = a.hide_env(true);
        }
    }
    a.help(help)
}

/// clap's layout with the usage heading in the interface language.
fn template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr!("cli-heading-usage")
    )
}

/// The catalogue's text for `key`, if it has one.
fn text(key: &str) -> Option<String> {
    let found = tr!(key);
    (found != key).then_some(found)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use crate::i18n::{with_lang, Lang};

    /// Every about and help text of `command` and its subcommands: (path, text).
    fn texts(command: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.to_string(), command.get_about().map(|s| s.to_string()).unwrap_or_default()));
        for arg in command.get_arguments() {
            let help = arg.get_help().map(|s| s.to_string()).unwrap_or_default();
            out.push((format!("{path} {}", arg.get_id()), help));
        }
        for sub in command.get_subcommands() {
            texts(sub, &format!("{path}-{}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_option_has_japanese_help() {
        let command = with_lang(Lang::Ja, || super::localized(super::super::Cli::command()));
        let mut all = Vec::new();
        texts(&command, "kioku", &mut all);
        // Japanese text has kana or kanji; an English doc comment left over has neither.
        let japanese = |t: &str| {
            t.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
        };
        let english: Vec<_> = all.iter().filter(|(_, t)| !japanese(t)).collect();
        assert!(
            english.is_empty(),
            "no Japanese --help text (add cli-about-PATH / cli-arg-PATH-ID to locales/*/cli.ftl): {english:?}"
        );
        command.debug_assert();
    }

    #[test]
    fn english_help_keeps_the_doc_comments_and_groups_the_global_options() {
        let command = with_lang(Lang::En, || super::localized(super::super::Cli::command()));
        let review = command.find_subcommand("review").unwrap();
        let db = review.get_arguments().find(|a| a.get_id() == "db").unwrap();
        assert_eq!(db.get_help_heading(), Some("Global options"));
        assert_eq!(
            review.get_about().unwrap().to_string(),
            "Review today's cards (interactive in a terminal, the line protocol when piped)"
        );
        let limit = review.get_arguments().find(|a| a.get_id() == "limit").unwrap();
        assert_eq!(limit.get_help_heading(), Some("Options"));
        assert_eq!(limit.get_help().unwrap().to_string(), "Stop after N answers");
    }
}
