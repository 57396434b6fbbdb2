//! Moving decks to and from the tools colleagues use: Anki's text export and import format
//! (tab-separated with `#` header lines), Quizlet's term/definition export, and plain CSV/TSV.
//! Pure: text in, text out.

use std::collections::HashSet;

use super::cloze;
use super::model::{Deck, NoteKind, RawDeck, RawNote};
use super::validate::is_valid_id;
use crate::safe_text;
use crate::scheduler::fuzz::fnv1a;

/// Reads a CSV/TSV file, an Anki "Notes in Plain Text" export or a Quizlet export into a deck.
/// Columns: Anki's `#guid column`, `#notetype column`, `#tags column` headers when present; else
/// a header row naming `front`, `back`, `tags`, `guid`; else front, back, tags in that order.
/// Returns an error message naming the line of a row that cannot be read.
pub fn import_text(text: &str, deck_id: &str) -> Result<RawDeck, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut separator = None;
    let (mut guid_col, mut notetype_col, mut tags_col, mut html) = (None, None, None, false);
    let mut body = Vec::new();
    for line in text.lines() {
        match line.strip_prefix('#').and_then(|h| h.split_once(':')) {
            Some((key, value)) if body.is_empty() => {
                let value = value.trim();
                match key.trim() {
                    "separator" => {
                        separator = Some(match value.to_ascii_lowercase().as_str() {
                            "tab" => b'\t',
                            "comma" => b',',
                            "semicolon" => b';',
                            "pipe" => b'|',
                            "space" => b' ',
                            other => other.bytes().next().unwrap_or(b'\t'),
                        })
                    }
                    "html" => html = value == "true",
                    "guid column" => guid_col = value.parse::<usize>().ok().map(|c| c - 1),
                    "notetype column" => notetype_col = value.parse::<usize>().ok().map(|c| c - 1),
                    "tags column" => tags_col = value.parse::<usize>().ok().map(|c| c - 1),
                    _ => {}
                }
            }
            _ => body.push(line),
        }
    }
    let body = body.join("\n");
    let delimiter = separator.unwrap_or(if body.lines().next().unwrap_or("").contains('\t') { b'\t' } else { b',' });
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(body.as_bytes());
    // Anki's files are as Anki writes them; other CSV may come from kioku's own export, whose
    // formula guard (`safe_text::csv_cell`) comes off here.
    let anki = guid_col.is_some() || notetype_col.is_some() || separator.is_some();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("line {}: {e}", i + 1))?;
        rows.push(
            record.iter().map(|c| if anki { c } else { safe_text::csv_cell_read(c) }).map(str::to_string).collect(),
        );
    }
    // A header row naming the columns?
    let mut front_col = 0;
    let mut back_col = 1;
    if let Some(first) = rows.first() {
        let names: Vec<String> = first.iter().map(|c| c.trim().to_lowercase()).collect();
        if names.iter().any(|n| n == "front" || n == "term") {
            let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
            front_col = find(&["front", "term", "question"]).unwrap_or(0);
            back_col = find(&["back", "definition", "answer"]).unwrap_or(1);
            tags_col = find(&["tags"]).or(tags_col);
            guid_col = find(&["guid", "id"]).or(guid_col);
            rows.remove(0);
        } else if guid_col.is_none() && notetype_col.is_none() && tags_col.is_none() && first.len() >= 3 {
            tags_col = Some(2);
        }
    }
    // Field columns are those that are not guid, notetype or tags, in order.
    let special = [guid_col, notetype_col, tags_col];
    let mut notes = Vec::new();
    let mut ids = HashSet::new();
    for row in rows.iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())) {
        let fields: Vec<String> = if guid_col.is_some() || notetype_col.is_some() {
            row.iter().enumerate().filter(|(k, _)| !special.contains(&Some(*k))).map(|(_, v)| clean(v, html)).collect()
        } else {
            vec![
                clean(row.get(front_col).map_or("", String::as_str), html),
                clean(row.get(back_col).map_or("", String::as_str), html),
            ]
        };
        let notetype = notetype_col.and_then(|c| row.get(c)).map(|s| s.to_lowercase()).unwrap_or_default();
        let front = fields.first().cloned().unwrap_or_default();
        let back = fields.get(1).cloned().unwrap_or_default();
        let tags: Vec<String> = tags_col
            .and_then(|c| row.get(c))
            .map(|t| t.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        let base = match guid_col.and_then(|c| row.get(c)).map(|g| g.trim()).filter(|g| !g.is_empty()) {
            // Our own export: the guid is the note key.
            Some(g) if g.contains('/') => g.rsplit('/').next().unwrap_or(g).to_string(),
            Some(g) => format!(
                "anki-{}",
                g.chars()
                    .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
                    .collect::<String>()
            ),
            None => format!("n{:08x}", fnv1a(&[front.as_bytes()]) as u32),
        };
        let mut id = if is_valid_id(&base) { base } else { format!("n{:08x}", fnv1a(&[front.as_bytes()]) as u32) };
        let mut k = 2;
        while !ids.insert(id.clone()) {
            id = format!("{}-{k}", id.trim_end_matches(char::is_numeric).trim_end_matches('-'));
            k += 1;
        }
        let is_cloze = notetype.contains("cloze") || front.contains("{{c");
        let note = if is_cloze {
            RawNote {
                id: Some(id),
                cloze: Some(front),
                explanation: Some(back).filter(|b| !b.trim().is_empty()),
                ..RawNote::default()
            }
        } else {
            RawNote {
                id: Some(id),
                front: Some(front),
                back: Some(back),
                reverse: notetype.contains("reverse").then_some(true),
                ..RawNote::default()
            }
        };
        notes.push(RawNote { tags: (!tags.is_empty()).then_some(tags), ..note });
    }
    if notes.is_empty() {
        return Err("no rows with content".into());
    }
    if notes.iter().all(|n| n.back.as_deref().is_some_and(|b| b.trim().is_empty()) && n.cloze.is_none()) {
        return Err("every row has a single column: no separator was found; separate front and back with a tab or a comma (or add an Anki `#separator:` header line)".into());
    }
    Ok(RawDeck { deck: Some(deck_id.to_string()), cards: Some(notes), ..RawDeck::default() })
}

/// HTML from Anki: line breaks kept, tags dropped, the common entities decoded.
fn clean(field: &str, html: bool) -> String {
    if !html {
        return field.trim().to_string();
    }
    let with_breaks = field.replace("<br>", "\n").replace("<br/>", "\n").replace("<br />", "\n");
    let mut out = String::new();
    let mut in_tag = false;
    for c in with_breaks.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// A deck as a file Anki imports directly: tab-separated, with header lines for the separator,
/// HTML off, the notetype, tags and guid columns. The guid is the note key, so importing again
/// updates the notes instead of duplicating them. Front/back → Basic (or "Basic (and reversed
/// card)"), cloze → Cloze, choice, true/false and order → Basic with the options as text.
pub fn export_anki(deck: &Deck) -> String {
    let mut out = String::from("#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#tags column:3\n");
    let mut w = csv::WriterBuilder::new().delimiter(b'\t').has_headers(false).from_writer(Vec::new());
    for (note, (front, back, notetype)) in deck.notes.iter().zip(deck.notes.iter().map(render)) {
        let tags: Vec<&str> = deck.tags.iter().chain(&note.tags).map(String::as_str).collect();
        let _ = w.write_record([format!("{}/{}", deck.id, note.id), notetype.to_string(), tags.join(" "), front, back]);
    }
    out.push_str(&String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default());
    out
}

/// A deck as CSV: front, back, tags. A cell a spreadsheet would run as a formula gets a `'`
/// (`safe_text::csv_cell`), which `import_text` takes off again.
pub fn export_csv(deck: &Deck) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["front", "back", "tags"]);
    for note in &deck.notes {
        let (front, back, _) = render(note);
        let tags: Vec<&str> = deck.tags.iter().chain(&note.tags).map(String::as_str).collect();
        let cells = [front, back, tags.join(" ")];
        let _ = w.write_record(cells.iter().map(|c| safe_text::csv_cell(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A note as (front, back, Anki notetype).
fn render(note: &super::model::Note) -> (String, String, &'static str) {
    match &note.kind {
        NoteKind::Basic { front, back, reverse } => {
            (front.clone(), back.clone(), if *reverse { "Basic (and reversed card)" } else { "Basic" })
        }
        NoteKind::Cloze { text } => {
            // Bare deletions get their numbers written out so Anki reads them.
            let segments = cloze::parse(text).unwrap_or_default();
            let numbered: String = segments
                .iter()
                .map(|s| match s {
                    cloze::Segment::Text(t) => t.replace("{{", "\\{{"),
                    cloze::Segment::Deletion { number, text, hint: Some(h) } => {
                        format!("{{{{c{number}::{text}::{h}}}}}")
                    }
                    cloze::Segment::Deletion { number, text, hint: None } => format!("{{{{c{number}::{text}}}}}"),
                })
                .collect();
            (numbered, note.explanation.clone().unwrap_or_default(), "Cloze")
        }
        NoteKind::Choice { question, answer, distractors } => {
            let mut options: Vec<&String> = std::iter::once(answer).chain(distractors).collect();
            options.sort();
            let listed: Vec<String> = options.iter().map(|o| format!("・{o}")).collect();
            (format!("{question}\n{}", listed.join("\n")), answer.clone(), "Basic")
        }
        NoteKind::TrueFalse { statement, answer } => {
            (format!("{statement}\n(true or false?)"), if *answer { "true".into() } else { "false".into() }, "Basic")
        }
        NoteKind::Order { instruction, items } => {
            let mut shown = items.clone();
            shown.sort();
            (format!("{instruction}\n{}", shown.join(" / ")), items.join(" → "), "Basic")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quizlet_csv_and_anki_exports_import() {
        let quizlet = "CVID\t完全かつ検証可能で後戻りのできない非核化\n最大限の圧力\t安倍政権の対北朝鮮政策\n";
        let deck = import_text(quizlet, "q").unwrap();
        let notes = deck.cards.unwrap();
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].front.as_deref(), Some("CVID"));
        let csv = "front,back,tags\n\"Q, with comma\",A,korea term\n";
        let notes = import_text(csv, "c").unwrap().cards.unwrap();
        assert_eq!(notes[0].front.as_deref(), Some("Q, with comma"));
        assert_eq!(notes[0].tags.as_ref().unwrap(), &vec!["korea".to_string(), "term".to_string()]);
        let anki = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#tags column:5\nab1\tBasic\tQ<br>two\tA &amp; B\tt1\nab2\tCloze\t{{c1::x}} y\textra\t\n";
        let notes = import_text(anki, "a").unwrap().cards.unwrap();
        assert_eq!(notes[0].front.as_deref(), Some("Q\ntwo"));
        assert_eq!(notes[0].back.as_deref(), Some("A & B"));
        assert_eq!(notes[0].id.as_deref(), Some("anki-ab1"));
        assert_eq!(notes[1].cloze.as_deref(), Some("{{c1::x}} y"));
        assert!(import_text("", "e").is_err());
        let single = import_text("perro - dog\ngato - cat\n", "s").err().unwrap();
        assert!(single.contains("no separator was found"), "{single}");
    }
}
