//! Reading deck files: every file of the walk (`walk.rs`: every `*.yaml`/`*.yml` under the decks
//! folder, or the decks compiled into the binary), each checked on its own, then together (deck
//! ids are unique in a collection). `scan.rs` reads only the files whose fingerprint changed.

use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use super::model::{Deck, RawDeck};
use super::validate::validate;
use super::walk::{deck_files, duplicate_decks, DeckFile};
use super::yaml::{check_structure, parse_deck_all, Failure};
use crate::{Error, Result};

/// Deck files larger than this are refused (a deck is text; this is a mistake or an attack).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Clone, Debug)]
pub enum DeckSource {
    Dir(PathBuf),
    Bundled,
}

/// Every deck of a source, parsed and validated, sorted by id.
#[derive(Debug, Default)]
pub struct Collection {
    pub decks: Vec<Deck>,
}

impl Collection {
    /// The deck with id `id`; `Error::UnknownDeck` (listing the loaded ones) when there is none.
    pub fn deck(&self, id: &str) -> Result<&Deck> {
        self.decks.iter().find(|d| d.id == id).ok_or_else(|| Error::UnknownDeck {
            deck: id.to_string(),
            known: self.decks.iter().map(|d| d.id.clone()).collect(),
        })
    }
}

/// Loads (parses and validates) every deck of `source`, for commands that show whole decks
/// (`preview`, `export`); the daily commands read the store, synced by `scan`. Returns
/// `Error::Deck` with every problem found, each naming `file:line:col`, or `Error::DecksFolder` /
/// `Error::File` when the folder is missing, empty or unreadable.
pub fn load(source: &DeckSource) -> Result<Collection> {
    let mut collection = Collection::default();
    let mut diagnostics = Vec::new();
    for file in deck_files(source)? {
        let (shown, stem) = (file.shown(), file.stem());
        let loaded = match &file {
            DeckFile::Bundled(f) => load_text(f.contents(), &shown, &stem),
            DeckFile::Disk(path) => {
                read_deck_bytes(path, &shown).and_then(|(bytes, _)| load_text(&bytes, &shown, &stem))
            }
        };
        match loaded {
            Ok((deck, _)) => collection.decks.push(deck),
            Err(mut d) => diagnostics.append(&mut d),
        }
    }
    diagnostics.extend(duplicate_decks(collection.decks.iter().map(|d| (d.id.as_str(), d.file.as_str()))));
    if !diagnostics.is_empty() {
        return Err(Error::Deck(diagnostics));
    }
    collection.decks.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(collection)
}

/// Reads a deck file: a regular file of at most 10 MiB (read with a cap, so a file that grows or
/// a device is never read without end).
pub(super) fn read_deck_bytes(path: &Path, shown: &str) -> Result<(Vec<u8>, std::fs::Metadata), Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::error(shown, (1, 1), "unreadable", message)];
    let meta = std::fs::metadata(path).map_err(|e| fail(crate::tr!("deck-cannot-read", error = e.to_string())))?;
    if !meta.is_file() {
        return Err(fail(crate::tr!("deck-not-a-file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(crate::tr!("deck-too-big", mib = meta.len().div_ceil(1 << 20)))
            .into_iter()
            .map(|d| d.with_hint(crate::tr!("deck-too-big-hint")))
            .collect());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_FILE_BYTES + 1), &mut bytes))
        .map_err(|e| fail(crate::tr!("deck-cannot-read", error = e.to_string())))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(crate::tr!("deck-grew")));
    }
    Ok((bytes, meta))
}

/// Parses and validates one file's bytes: UTF-8 (a BOM is skipped; CRLF is fine), then YAML, then
/// kioku's rules.
pub(super) fn load_text(bytes: &[u8], shown: &str, stem: &str) -> Result<(Deck, RawDeck), Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(encoding) = utf16(bytes) {
        return Err(vec![Diagnostic::error(shown, (1, 1), "not-utf8", crate::tr!("deck-utf16", encoding = encoding))
            .with_hint(crate::tr!("deck-convert-hint", encoding = encoding, file = shown))]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = String::from_utf8_lossy(valid.rsplit(|&b| b == b'\n').next().unwrap_or(&[])).chars().count() + 1;
            return Err(vec![Diagnostic::error(shown, (line, col), "not-utf8", crate::tr!("deck-not-utf8"))
                .with_hint(crate::tr!("deck-convert-hint", encoding = "SHIFT_JIS", file = shown))]);
        }
    };
    let controls = raw_controls(text, shown);
    if !controls.is_empty() {
        return Err(controls);
    }
    load_str(text, shown, stem, true)
}

/// Parses and validates a deck file's text. When it is not well-formed and `slips` is set, the
/// slips of a Japanese keyboard in its structure (`slips.rs`) are looked for, and if there are
/// any they are reported with the problems of the text once they are mended.
fn load_str(text: &str, shown: &str, stem: &str, slips: bool) -> Result<(Deck, RawDeck), Vec<Diagnostic>> {
    let keyboard_slips = |found: Vec<Diagnostic>| {
        if !slips {
            return found;
        }
        let (slips, mended, columns) = super::slips::find(text);
        if slips.is_empty() {
            return found;
        }
        let slip_lines: std::collections::HashSet<usize> = slips.iter().map(|s| s.line).collect();
        // The first 20, as for control characters: a file of thousands says enough with those.
        let mut out: Vec<Diagnostic> = slips.iter().take(20).map(|s| s.diagnostic(shown, text)).collect();
        // The mended text's own problems, placed in the file as it is; on a slip's line, only
        // a problem of another kind (a misspelt field name) is kept: a YAML error there comes
        // from the mending (a guess at the indentation meant).
        let marker = crate::tr!("lint-yaml-unknown-field", place = "", field = "\u{0}", known = "");
        let unknown_field = marker.split('\u{0}').next().unwrap_or_default().to_string();
        if let Err(more) = load_str(&mended, shown, stem, false) {
            out.extend(
                more.into_iter()
                    .filter(|d| !slip_lines.contains(&d.line) || d.code != "yaml" || d.message.contains(&unknown_field))
                    .map(|d| {
                        let (line, col) = columns.original((d.line, d.col));
                        Diagnostic { line, col, ..d }.with_source(text)
                    }),
            );
        }
        out.sort_by_key(|d| (d.line, d.col));
        out
    };
    if let Err(e) = check_structure(text) {
        return Err(keyboard_slips(vec![Diagnostic::error(
            shown,
            e.position.unwrap_or((1, 1)),
            "structure",
            e.message,
        )
        .with_source(text)]));
    }
    let raw = match parse_deck_all(text) {
        Ok(raw) => raw,
        Err(failure) => {
            let located = std::cell::OnceCell::new();
            let locator = || located.get_or_init(|| super::yaml::Locator::new(text));
            let Failure { partial, errors } = *failure;
            let mut diagnostics: Vec<Diagnostic> = errors
                .into_iter()
                .map(|e| {
                    let mut d =
                        Diagnostic::error(shown, e.position.unwrap_or((1, 1)), "yaml", e.message).with_source(text);
                    d.hint = e.hint;
                    let tab_indented =
                        d.source_line.as_deref().is_some_and(|l| l.trim_start_matches(' ').starts_with('\t'));
                    // A note named as a teacher counts, and a hint for the YAML slips whose
                    // parser message says nothing a teacher can act on.
                    if let Some(named) =
                        super::authoring::name_card_in(&d.message, |i| locator().find(&format!("cards.{i}")).0)
                    {
                        d.message = named;
                    }
                    if d.hint.is_none() {
                        d.hint = d.source_line.as_deref().and_then(super::authoring::yaml_hint);
                    }
                    if tab_indented {
                        d.with_hint(crate::tr!("lint-tab-indent-hint"))
                    } else {
                        d
                    }
                })
                .collect();
            let syntax_line = partial.is_none().then(|| locator().syntax_error_line()).flatten();
            if let Some(Err(mut more)) = partial.map(|p| validate(&p, shown, stem, text)) {
                diagnostics.append(&mut more);
            }
            // A note that is not well-formed YAML: the rest of the file is read without it, so
            // every other mistake is reported in this run too.
            // (A note already set aside gives the same text back: no second round for it.)
            let mended = syntax_line.and_then(|line| super::authoring::without_note_at(text, line));
            if let Some((mended, lines)) = mended.filter(|(mended, _)| mended != text) {
                if let Err(more) = load_str(&mended, shown, stem, false) {
                    diagnostics
                        .extend(more.into_iter().filter(|d| !lines.contains(&d.line)).map(|d| d.with_source(text)));
                }
            }
            diagnostics.sort_by_key(|d| (d.line, d.col));
            return Err(keyboard_slips(diagnostics));
        }
    };
    let deck = validate(&raw, shown, stem, text)?;
    Ok((deck, raw))
}

/// The UTF-16 flavour of `bytes`, told by its byte-order mark or, without one, by NULs in every
/// other byte of the start (ASCII text in UTF-16); None for anything else.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("UTF-16");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16");
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    let nul_at = |odd: usize| head.len() >= 4 && head.iter().skip(odd).step_by(2).all(|&b| b == 0);
    if nul_at(1) && !nul_at(0) {
        Some("UTF-16LE")
    } else if nul_at(0) && !nul_at(1) {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Characters YAML refuses in a file (C0 controls but tab, LF and CR; DEL; C1 controls but NEL;
/// U+FFFE, U+FFFF), each where it is: the YAML parser's own message names a byte offset only.
/// At most the first 20, one per line.
fn raw_controls(text: &str, shown: &str) -> Vec<Diagnostic> {
    let refused = |c: char| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}')
            || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if !text.chars().any(refused) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        if let Some(col) = line.chars().position(refused) {
            let c = line.chars().nth(col).unwrap_or('\0');
            out.push(
                Diagnostic::error(
                    shown,
                    (n + 1, col + 1),
                    "control-character",
                    crate::tr!("deck-control-character", code = format!("U+{:04X}", c as u32)),
                )
                .with_source(text)
                .with_hint(crate::tr!("deck-control-character-hint")),
            );
            if out.len() == 20 {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_decks_load() {
        let c = load(&DeckSource::Bundled).unwrap();
        assert!(!c.decks.is_empty());
        let notes: usize = c.decks.iter().map(|d| d.notes.len()).sum();
        assert!(notes >= 30, "starter deck has {notes} notes");
    }

    #[test]
    fn a_statements_card_holds_its_truth_value_not_words() {
        let text = "deck: d\ncards:\n  - id: s\n    statement: 国会は戒厳を否定した。\n    answer: 誤り\n";
        let (deck, _) = load_text(text.as_bytes(), "d.yaml", "d").unwrap();
        let card = crate::deck::expand(&deck).remove(0);
        assert_eq!((card.answer.as_str(), card.short_answer.as_str()), ("false", "false"));
        assert_eq!(card.judge, crate::deck::Judge::TrueFalse { answer: false });
    }

    #[test]
    fn bom_crlf_and_shift_jis() {
        let (deck, _) =
            load_text(b"\xEF\xBB\xBFcards:\r\n  - id: a\r\n    front: x\r\n    back: y\r\n", "f.yaml", "f").unwrap();
        assert_eq!(deck.notes.len(), 1);
        // 日本 in Shift_JIS.
        let err = load_text(b"cards:\n  - id: a\n    front: \x93\xfa\x96\x7b\n", "f.yaml", "f").err().unwrap();
        assert_eq!((err[0].code, err[0].line, err[0].col), ("not-utf8", 3, 12));
    }

    #[test]
    fn every_problem_is_reported_with_its_position() {
        let text = "deck: d\ncards:\n  - id: a\n    front: x\n    back: y\n  - id: a\n    front: \"\"\n    back: z\n  - id: c\n    cloze: no deletion here\n  - front: q\n    back: r\n";
        let err = load_text(text.as_bytes(), "d.yaml", "d").err().unwrap();
        let got: Vec<(&str, usize, usize)> = err.iter().map(|d| (d.code, d.line, d.col)).collect();
        assert_eq!(
            got,
            vec![
                ("duplicate-id", 6, 9),
                ("empty-field", 7, 12),
                ("cloze-without-deletion", 10, 12),
                ("missing-id", 11, 5)
            ]
        );
    }

    #[test]
    fn field_errors_do_not_hide_other_problems() {
        let text = "tags: korea\ncards:\n  - id: a\n    front: Q\n    anwser: A\n  - id: b\n    front: Q\n    back: \"\"\n  - id: b\n    front: [1]\n    back: x\n  - id: b\n    front: q\n    back: x\n";
        let err = load_text(text.as_bytes(), "d.yaml", "d").err().unwrap();
        let got: Vec<(usize, usize, &str)> = err.iter().map(|d| (d.line, d.col, d.message.as_str())).collect();
        assert_eq!(got[0], (1, 7, "tags: wrong kind of value: a list was expected, found a string \"korea\""));
        assert_eq!((got[1].0, got[1].1), (5, 5));
        assert!(got[1].2.starts_with("card 1 (line 3): unknown field `anwser`"), "{}", got[1].2);
        assert_eq!(got[2], (8, 11, "`back` is empty"));
        assert_eq!(
            got[3],
            (10, 12, "card 3 (line 9): front: wrong kind of value: a string was expected, found a list")
        );
        assert_eq!(got[4], (12, 9, "duplicate note id 'b' (also used by card 2 (line 6))"));
        assert_eq!(got.len(), 5);
        let err = load_text(b"cards:\n\t- id: e\n", "d.yaml", "d").err().unwrap();
        assert_eq!(err[0].hint.as_deref(), Some("YAML indents with spaces; this line starts with a tab"));
    }
}
