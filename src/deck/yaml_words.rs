//! The YAML parsers' own English messages (saphyr-parser's and libyaml's through serde_yaml, and
//! serde's), for the mistakes teachers make most, in the catalogue's words (`locales/*/yaml.ftl`).
//! A message not in the table keeps its English words after the catalogue's label, so nothing a
//! parser says is lost; file:line:col come from the diagnostic as before.

use crate::tr;

/// A syntax message (`mapping values are not allowed in this context`) in the process language.
pub fn syntax(info: &str) -> String {
    let info = info.trim();
    // Longer, more precise phrases first: the parsers prefix some with "while parsing …, ".
    const TABLE: &[(&str, &str)] = &[
        ("mapping values are not allowed", "yaml-mapping-values"),
        ("did not find expected '-' indicator", "yaml-expected-dash"),
        ("did not find expected key", "yaml-expected-key"),
        ("block sequence entries are not allowed", "yaml-dash-not-allowed"),
        ("expected ',' or ']'", "yaml-flow-sequence"),
        ("expected ',' or '}'", "yaml-flow-mapping"),
        ("misplaced bracket", "yaml-flow-sequence"),
        ("could not find expected ':'", "yaml-expected-colon"),
        ("simple key expect", "yaml-expected-colon"),
        ("tab", "yaml-tab"),
        ("found unexpected end of stream", "yaml-unclosed-quote"),
        ("unexpected eof", "yaml-unclosed-quote"),
        ("unknown escape character", "yaml-escape"),
        ("found unknown anchor", "yaml-unknown-anchor"),
        ("found character that cannot start any token", "yaml-cannot-start"),
        ("invalid indentation", "yaml-indentation"),
        ("wrongly indented", "yaml-indentation"),
    ];
    match TABLE.iter().find(|(phrase, _)| info.contains(phrase)) {
        Some((_, key)) => tr!(key),
        None => tr!("lint-yaml-syntax", info = info),
    }
}

/// A serde message about a field (`cards[2].front: invalid type: sequence, expected a string`)
/// in the process language; its place (`cards[2].front: `) is kept as written. Syntax messages
/// that reach serde_yaml go through `syntax`.
pub fn serde(message: &str) -> String {
    let (place, text) = split_place(message);
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return tr!("yaml-invalid-type", place = place, found = kind(found), expected = kind(expected));
        }
    }
    if let (true, Some(field)) = (text.starts_with("missing field `"), quoted(text)) {
        return tr!("yaml-missing-field", place = place, field = field);
    }
    if let (true, Some(field)) = (text.starts_with("duplicate field `"), quoted(text)) {
        return tr!("yaml-duplicate-field", place = place, field = field);
    }
    if text.starts_with("duplicate entry") || text.contains("duplicated key") {
        return tr!("yaml-duplicate-key", place = place);
    }
    if let Some(rest) = text.strip_prefix("unknown variant `") {
        if let Some((value, known)) = rest.split_once("`, expected ") {
            let known = known.trim_start_matches("one of ");
            return tr!("yaml-unknown-value", place = place, value = value, known = known);
        }
    }
    format!("{place}{}", syntax(text))
}

/// `cards[2].front: rest` → (`cards[2].front: `, `rest`); no place → (``, message).
fn split_place(message: &str) -> (&str, &str) {
    match message.split_once(": ") {
        Some((place, rest)) if !place.contains(' ') && !place.is_empty() => (&message[..place.len() + 2], rest),
        _ => ("", message),
    }
}

/// serde's name of a kind of value (`a string`, `sequence`, `string "korea"`…) in the process
/// language, the value it quotes kept.
fn kind(text: &str) -> String {
    let words = text.trim().trim_start_matches("a ").trim_start_matches("an ");
    let quoted = words.find([' ', '`']).map(|i| words[i..].trim()).filter(|q| q.starts_with(['"', '`']));
    let key = match words {
        w if w.starts_with("string") => "yaml-kind-string",
        w if w.starts_with("sequence") => "yaml-kind-sequence",
        w if w.starts_with("map") || w.starts_with("struct") => "yaml-kind-map",
        w if w.starts_with("boolean") => "yaml-kind-boolean",
        w if w.starts_with("unit") || w.starts_with("null") => "yaml-kind-empty",
        w if w.contains("integer") || w.contains("number") || w.contains("float") => "yaml-kind-number",
        _ => return text.to_string(),
    };
    match quoted {
        Some(value) => format!("{} {value}", tr!(key)),
        None => tr!(key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_lang, Lang};

    #[test]
    fn common_messages_read_in_japanese_with_their_place() {
        with_lang(Lang::Ja, || {
            assert_eq!(syntax("mapping values are not allowed in this context"), tr!("yaml-mapping-values"));
            assert_eq!(syntax("while parsing a block mapping, did not find expected key"), tr!("yaml-expected-key"));
            let typed = serde("cards[2].front: invalid type: sequence, expected a string");
            assert_eq!(typed, "cards[2].front: 値の種類が違います: 文字列を書くところにリストがあります");
            assert_eq!(serde("missing field `cards`"), "フィールド `cards` がありません");
            let quoted = serde("tags: invalid type: string \"korea\", expected a sequence");
            assert_eq!(quoted, "tags: 値の種類が違います: リストを書くところに文字列 \"korea\"があります");
        });
    }

    #[test]
    fn an_unknown_message_keeps_the_parsers_words() {
        with_lang(Lang::En, || {
            assert_eq!(syntax("something new"), "YAML syntax: something new");
            assert_eq!(serde("cards[1]: something new"), "cards[1]: YAML syntax: something new");
        });
    }
}
