//! Reading a CSV/TSV file, an Anki "Notes in Plain Text" export (with any of its options: HTML,
//! tags, deck name, note type, guid) or a Quizlet export into notes. Columns come from Anki's
//! `#… column:` header lines, else a header row naming them, else front, back, tags in order.
//! Pure: text in, notes and warnings out.

use std::collections::{BTreeMap, HashSet};

use super::anki::{self, AnkiLang};
use super::html;
use crate::deck::model::RawNote;
use crate::deck::validate::is_valid_id;
use crate::rng::fnv1a;

/// What a file gave: notes in row order, where each came from, and what was left out or changed.
#[derive(Debug, Default)]
pub struct Imported {
    pub notes: Vec<RawNote>,
    /// Parallel to `notes`: the line of the row, and whether its id came from a guid/id column.
    pub origins: Vec<Origin>,
    /// The deck id of a kioku export (every guid `deck/note`, one deck).
    pub kioku_deck: Option<String>,
    /// Anki deck names found (`#deck:` or the deck column), in order of first appearance.
    pub anki_decks: Vec<String>,
    /// Rows skipped or fields changed, each naming its line.
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub line: usize,
    pub id_from_column: bool,
    /// The row's guid, when the file has a guid column.
    pub guid: Option<String>,
}

/// Columns of the file (0-based).
#[derive(Default)]
struct Layout {
    separator: Option<u8>,
    html: bool,
    guid: Option<usize>,
    id: Option<usize>,
    notetype: Option<usize>,
    deck: Option<usize>,
    tags: Option<usize>,
    /// Named field columns (from a header row); else every other column is a field in order.
    front: Option<usize>,
    back: Option<usize>,
    explanation: Option<usize>,
    /// kioku's own columns (its CSV export): reverse wanted, check, accepted answers (one a
    /// line), category.
    reverse: Option<usize>,
    check: Option<usize>,
    accept: Option<usize>,
    category: Option<usize>,
    /// `#notetype:`, `#deck:` and `#tags:` lines: for every row.
    notetype_all: Option<String>,
    deck_all: Option<String>,
    tags_all: Vec<String>,
}

/// What an Anki note type means for kioku, in any of Anki's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Meaning {
    Basic,
    Reversed,
    /// A third field, non-empty, asks for the reverse card.
    OptionalReversed,
    Typed,
    Cloze,
    /// kioku's own: Front, Back, Add Reverse, Explanation.
    KiokuBasic,
    /// Image occlusion: nothing kioku can show.
    Unsupported,
}

fn meaning(notetype: &str) -> Meaning {
    let name = notetype.trim();
    // Anki adds `-xxxxx` to a note type imported beside one of the same name.
    let is = |stock: &str| name == stock || name.strip_prefix(stock).is_some_and(|rest| rest.starts_with('-'));
    if is(anki::KIOKU_BASIC) {
        return Meaning::KiokuBasic;
    }
    for names in [AnkiLang::En.stock(), AnkiLang::Ja.stock()] {
        if is(names.image_occlusion) {
            return Meaning::Unsupported;
        }
        if is(names.optional_reversed) {
            return Meaning::OptionalReversed;
        }
        if is(names.reversed) {
            return Meaning::Reversed;
        }
        if is(names.typed) {
            return Meaning::Typed;
        }
        if is(names.cloze) || is(anki::KIOKU_CLOZE) {
            return Meaning::Cloze;
        }
    }
    let lower = name.to_lowercase();
    if lower.contains("cloze") || name.contains("穴埋め") {
        Meaning::Cloze
    } else {
        Meaning::Basic
    }
}

fn column(value: &str) -> Option<usize> {
    value.trim().parse::<usize>().ok().filter(|&c| c > 0).map(|c| c - 1)
}

/// Reads the file's text. Returns an error naming the line of a row that cannot be read, or
/// saying why nothing could be read.
pub fn import_text(text: &str) -> Result<Imported, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut layout = Layout::default();
    let mut header_lines = 0;
    let mut column_names: Option<String> = None;
    for line in text.lines() {
        let Some((key, value)) = line.strip_prefix('#').and_then(|h| h.split_once(':')) else { break };
        header_lines += 1;
        let value = value.trim_end_matches('\r');
        match key.trim() {
            "separator" => {
                layout.separator = Some(match value.trim().to_ascii_lowercase().as_str() {
                    "tab" => b'\t',
                    "comma" => b',',
                    "semicolon" => b';',
                    "pipe" => b'|',
                    "space" => b' ',
                    "colon" => b':',
                    // One ASCII character, as Anki writes; anything else (、 or ，, say) would split
                    // characters in half, so it is refused by its line.
                    other => match other.as_bytes() {
                        [byte] if byte.is_ascii() => *byte,
                        _ => {
                            return Err(crate::tr!(
                                "interchange-bad-separator",
                                line = header_lines,
                                separator = format!("{:?}", value.trim())
                            ))
                        }
                    },
                })
            }
            "html" => layout.html = value.trim() == "true",
            "guid column" => layout.guid = column(value),
            "notetype column" => layout.notetype = column(value),
            "deck column" => layout.deck = column(value),
            "tags column" => layout.tags = column(value),
            "notetype" => layout.notetype_all = Some(value.trim().to_string()),
            "deck" => layout.deck_all = Some(value.trim().to_string()),
            "tags" => layout.tags_all = value.split_whitespace().map(str::to_string).collect(),
            "columns" => column_names = Some(value.to_string()),
            _ => {}
        }
    }
    let body: String = text.lines().skip(header_lines).collect::<Vec<_>>().join("\n");
    let delimiter =
        layout.separator.unwrap_or(if body.lines().next().unwrap_or("").contains('\t') { b'\t' } else { b',' });
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(body.as_bytes());
    // Anki's files (with `#` header lines) are as Anki writes them; other CSV may come from
    // kioku's own export, whose formula guard (`safe_text::csv_cell`) comes off here.
    let anki = header_lines > 0;
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| match e.position() {
            Some(p) => crate::tr!("interchange-line", line = header_lines as u64 + p.line(), error = e.to_string()),
            None => e.to_string(),
        })?;
        let line = header_lines + record.position().map_or(0, |p| p.line() as usize);
        let cells = record.iter().map(|c| if anki { c } else { crate::safe_text::csv_cell_read(c) });
        rows.push((line, cells.map(str::to_string).collect()));
    }
    // Column names: a `#columns:` line, else a first row that names them.
    let names_row = match column_names {
        Some(names) => Some(names.split(delimiter as char).map(|n| n.trim().to_lowercase()).collect::<Vec<_>>()),
        None => {
            rows.first().map(|(_, r)| r.iter().map(|c| c.trim().to_lowercase()).collect::<Vec<_>>()).filter(|names| {
                // 表,裏 alone is as likely a note as a header: a Japanese name makes a header
                // row only with rows after it.
                let named = |list: &[&str]| names.iter().any(|n| list.contains(&n.as_str()));
                named(FRONT_NAMES) || (named(FRONT_NAMES_JA) && rows.len() > 1)
            })
        }
    };
    if let Some(names) = &names_row {
        let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
        layout.front = find(FRONT_NAMES).or_else(|| find(FRONT_NAMES_JA)).or(Some(0));
        layout.back = find(&["back", "definition", "answer", "裏面", "裏", "答え", "解答", "正解"]).or(Some(1));
        layout.explanation = find(&["explanation", "back extra", "extra", "解説", "説明"]);
        layout.tags = find(&["tags", "tag", "タグ"]).or(layout.tags);
        layout.guid = find(&["guid"]).or(layout.guid);
        layout.id = find(&["id"]);
        layout.deck = find(&["deck", "デッキ"]).or(layout.deck);
        layout.notetype = find(&["notetype", "note type", "ノートタイプ"]).or(layout.notetype);
        layout.reverse = find(&["reverse", "逆向き"]);
        layout.check = find(&["check", "判定"]);
        layout.accept = find(&["accept", "別解"]);
        layout.category = find(&["category", "分類", "カテゴリ", "カテゴリー"]);
        if rows.first().is_some_and(|(_, r)| r.iter().map(|c| c.trim().to_lowercase()).eq(names.iter().cloned())) {
            rows.remove(0);
        }
    } else if layout.guid.is_none()
        && layout.notetype.is_none()
        && layout.tags.is_none()
        && layout.deck.is_none()
        && rows.first().is_some_and(|(_, r)| r.len() >= 3)
    {
        // Plain CSV/TSV without headers: front, back, tags.
        layout.tags = Some(2);
    }
    let rows: Vec<(usize, Vec<String>)> =
        rows.into_iter().filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty())).collect();
    if rows.is_empty() {
        return Err(crate::tr!("interchange-no-rows"));
    }
    if rows.iter().all(|(_, r)| r.len() < 2) && layout.notetype.is_none() && layout.notetype_all.is_none() {
        return Err(crate::tr!("interchange-one-column"));
    }
    Ok(build(&layout, &rows))
}

/// Header names of the front column (any one of them makes the first row a header row): Anki's,
/// Quizlet's and kioku's in English, and the Japanese a teacher's spreadsheet uses (表, 問題).
const FRONT_NAMES: &[&str] = &["front", "term", "question", "表面", "text"];
const FRONT_NAMES_JA: &[&str] = &["表", "問題", "質問", "問い"];

/// Notes from the rows.
fn build(layout: &Layout, rows: &[(usize, Vec<String>)]) -> Imported {
    let mut out = Imported::default();
    let guids: Vec<&str> = rows
        .iter()
        .filter_map(|(_, r)| layout.guid.and_then(|c| r.get(c)).map(|g| g.trim()).filter(|g| !g.is_empty()))
        .collect();
    // A kioku export: most guids `deck/note` with one deck.
    let mut kioku_decks: BTreeMap<&str, usize> = BTreeMap::new();
    for (deck, _) in guids.iter().filter_map(|g| anki::kioku_guid(g)) {
        *kioku_decks.entry(deck).or_default() += 1;
    }
    let own_deck =
        kioku_decks.into_iter().max_by_key(|&(_, n)| n).filter(|&(_, n)| n * 2 > guids.len()).map(|(d, _)| d);
    out.kioku_deck = own_deck.map(str::to_string);
    let special = [layout.guid, layout.id, layout.notetype, layout.deck, layout.tags];
    let mut ids = HashSet::new();
    let mut dropped_from: HashSet<String> = HashSet::new();
    for (line, row) in rows {
        let line = *line;
        let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map(|s| s.trim()).unwrap_or("");
        let deck_name = match cell(layout.deck) {
            "" => layout.deck_all.clone(),
            name => Some(name.to_string()),
        };
        if let Some(name) = deck_name.filter(|n| !out.anki_decks.contains(n)) {
            out.anki_decks.push(name);
        }
        let notetype = match cell(layout.notetype) {
            "" => layout.notetype_all.clone().unwrap_or_default(),
            name => name.to_string(),
        };
        // The fields, cleaned of HTML, in order.
        let raw_fields: Vec<&str> = if layout.front.is_some() {
            [layout.front, layout.back, layout.explanation].iter().map(|&c| cell(c)).collect()
        } else {
            row.iter().enumerate().filter(|(k, _)| !special.contains(&Some(*k))).map(|(_, v)| v.as_str()).collect()
        };
        let mut media = Vec::new();
        let fields: Vec<String> = raw_fields
            .iter()
            .map(|f| {
                let (text, found) = if layout.html { html::from_html(f) } else { html::from_plain(f) };
                media.extend(found);
                text
            })
            .collect();
        for m in &media {
            out.warnings.push(crate::tr!("interchange-media", line = line, media = m.as_str()));
        }
        let field = |k: usize| fields.get(k).cloned().unwrap_or_default();
        let kind = if notetype.is_empty() {
            if field(0).contains("{{c") {
                Meaning::Cloze
            } else {
                Meaning::Basic
            }
        } else {
            meaning(&notetype)
        };
        // Fields past those the note type's meaning uses are dropped: say so once per note type.
        let used = match kind {
            Meaning::KiokuBasic => 4,
            Meaning::OptionalReversed => 3,
            _ if layout.explanation.is_some() => 3,
            _ => 2,
        };
        if kind != Meaning::Unsupported
            && fields.iter().skip(used).any(|f| !f.trim().is_empty())
            && dropped_from.insert(notetype.clone())
        {
            let name =
                if notetype.is_empty() { crate::tr!("interchange-notetype-none") } else { format!("'{notetype}'") };
            out.warnings.push(crate::tr!("interchange-extra-fields", line = line, notetype = name, used = used));
        }
        if kind == Meaning::Unsupported {
            out.warnings.push(crate::tr!("interchange-image-occlusion", line = line, notetype = notetype.as_str()));
            continue;
        }
        // The id: from an id column, a guid (kioku's own `deck/note`, or any Anki guid), else the front.
        let (base, from_column) = match (cell(layout.id), cell(layout.guid)) {
            (id, _) if is_valid_id(id) => (id.to_string(), true),
            (id, _) if !id.is_empty() => (anki::id_from_guid(id), true),
            (_, guid) if !guid.is_empty() => match anki::kioku_guid(guid) {
                Some((deck, note)) if Some(deck) == own_deck => (note.to_string(), true),
                _ => (anki::id_from_guid(guid), true),
            },
            _ => (format!("n{:08x}", fnv1a(&[field(0).as_bytes()]) as u32), false),
        };
        let mut id = base.clone();
        let mut k = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        if from_column && id != base {
            out.warnings.push(crate::tr!("interchange-id-taken", line = line, base = base.as_str(), id = id.as_str()));
        }
        let mut tags: Vec<String> = layout.tags_all.clone();
        tags.extend(cell(layout.tags).split_whitespace().map(str::to_string));
        let explanation = |text: String| Some(text).filter(|t| !t.trim().is_empty());
        // kioku's own columns, when the file has them.
        let check = Some(cell(layout.check).to_string()).filter(|c| !c.is_empty());
        let accept: Vec<String> =
            cell(layout.accept).lines().map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect();
        let category = Some(cell(layout.category).to_string()).filter(|c| !c.is_empty());
        let reverse_cell =
            !matches!(cell(layout.reverse).to_lowercase().as_str(), "" | "no" | "false" | "0" | "いいえ");
        let note = match kind {
            Meaning::Cloze => RawNote {
                cloze: Some(field(0)),
                // kioku's CSV has the explanation in its column and an empty back.
                explanation: explanation(field(1)).or_else(|| explanation(field(2))),
                check: check.clone(),
                ..RawNote::default()
            },
            _ => RawNote {
                front: Some(field(0)),
                back: Some(field(1)),
                reverse: match kind {
                    Meaning::Reversed => Some(true),
                    Meaning::OptionalReversed | Meaning::KiokuBasic => (!field(2).trim().is_empty()).then_some(true),
                    _ => reverse_cell.then_some(true),
                },
                check: (kind == Meaning::Typed).then(|| "text".to_string()).or(check.clone()),
                explanation: match kind {
                    Meaning::KiokuBasic => explanation(field(3)),
                    _ if layout.explanation.is_some() => explanation(field(2)),
                    _ => None,
                },
                ..RawNote::default()
            },
        };
        let accept = (!accept.is_empty()).then_some(accept);
        let tags = (!tags.is_empty()).then_some(tags);
        out.notes.push(RawNote { id: Some(id), tags, accept, category, ..note });
        let guid = Some(cell(layout.guid).to_string()).filter(|g| !g.is_empty());
        out.origins.push(Origin { line, id_from_column: from_column, guid });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quizlet_and_csv_with_a_header_row() {
        let quizlet = "CVID\t完全かつ検証可能で後戻りのできない非核化\n最大限の圧力\t安倍政権の対北朝鮮政策\n";
        let notes = import_text(quizlet).unwrap().notes;
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].front.as_deref(), Some("CVID"));
        let csv = "front,back,tags\n\"Q, with comma\",A,korea term\n";
        let notes = import_text(csv).unwrap().notes;
        assert_eq!(notes[0].front.as_deref(), Some("Q, with comma"));
        assert_eq!(notes[0].tags.as_ref().unwrap(), &vec!["korea".to_string(), "term".to_string()]);
        assert!(import_text("").is_err());
        let single = import_text("perro - dog\ngato - cat\n").err().unwrap();
        assert!(single.contains("no separator was found"), "{single}");
    }

    #[test]
    fn an_id_column_gives_the_ids() {
        let notes = import_text("id,front,back\ncvid,CVID,非核化\n,x,y\n").unwrap();
        assert_eq!(notes.notes[0].id.as_deref(), Some("cvid"));
        assert_eq!(notes.origins[0], Origin { line: 2, id_from_column: true, guid: None });
        assert!(!notes.origins[1].id_from_column);
    }

    /// The header lines and column order Anki 26.9 writes with every option on (seen with PyPI
    /// `anki`): guid, note type, deck, then the fields, then tags.
    #[test]
    fn anki_export_with_every_option_maps_columns_by_its_headers() {
        // With a 3-field note type among them, Anki pads the 2-field rows and puts tags in column 7.
        let anki = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:7\n\
            s2&jC5,A|n\tBasic\tKorea::Terms\tIt&#x27;s<div>two</div>\tA &amp; B\t\tt1 t2\n\
            ab/c\t穴埋め問題\tKorea::Terms\t{{c1::x}} y\textra<br>\t\t\n\
            q1\t基本 (表面と裏面を反転したカードも作成)\tKorea::Terms\t表\t裏\t\t\n\
            q2\tBasic (optional reversed card)\tKorea::Terms\tf\tb\t\t\n\
            q3\t基本 (任意で反転カードを作成)\tKorea::Terms\tf3\tb3\ty\t\n";
        let imported = import_text(anki).unwrap();
        let n = &imported.notes;
        assert_eq!(n[0].front.as_deref(), Some("It's\ntwo"));
        assert_eq!(n[0].back.as_deref(), Some("A & B"));
        assert_eq!(n[0].id.as_deref(), Some("anki-s2-26jC5-2cA-7cn"));
        assert_eq!(n[0].tags.as_ref().unwrap(), &vec!["t1".to_string(), "t2".to_string()]);
        assert_eq!(n[1].cloze.as_deref(), Some("{{c1::x}} y"));
        assert_eq!(n[1].explanation.as_deref(), Some("extra"));
        assert_eq!(n[1].id.as_deref(), Some("anki-ab-2fc"));
        assert_eq!((n[2].reverse, n[3].reverse, n[4].reverse), (Some(true), None, Some(true)));
        assert_eq!(imported.anki_decks, vec!["Korea::Terms".to_string()]);
        assert_eq!(imported.kioku_deck, None);
    }

    #[test]
    fn a_separator_that_is_not_one_ascii_character_is_refused_by_its_line() {
        let err = import_text("#html:false\n#separator:、\n表、裏\n").unwrap_err();
        assert_eq!(
            err,
            "line 2: the separator \"、\" is not one Anki knows: use tab, comma, semicolon, pipe, space or colon"
        );
        let imported = import_text("#separator:;\n表;裏\n").unwrap();
        assert_eq!(imported.notes[0].back.as_deref(), Some("裏"));
    }

    #[test]
    fn a_japanese_header_row_names_the_columns() {
        let notes = import_text("タグ,表,裏,解説\nkorea term,CVID,完全かつ検証可能で不可逆的な非核化,米国の要求\n")
            .unwrap()
            .notes;
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].front.as_deref(), Some("CVID"));
        assert_eq!(notes[0].back.as_deref(), Some("完全かつ検証可能で不可逆的な非核化"));
        assert_eq!(notes[0].explanation.as_deref(), Some("米国の要求"));
        assert_eq!(notes[0].tags.as_ref().unwrap(), &vec!["korea".to_string(), "term".to_string()]);
        let notes = import_text("問題,答え,別解,判定\n戒厳はいつ？,2024年12月,2024/12,date\n").unwrap().notes;
        assert_eq!((notes[0].front.as_deref(), notes[0].check.as_deref()), (Some("戒厳はいつ？"), Some("date")));
        assert_eq!(notes[0].accept.as_ref().unwrap(), &vec!["2024/12".to_string()]);
    }

    #[test]
    fn kiokus_own_export_gives_back_its_deck_and_ids() {
        let tsv = "#separator:tab\n#html:false\n#notetype column:1\n#guid column:2\n#tags column:3\n#deck:年表\n\
            Basic (optional reversed card)\tkorea/cvid\tkorea\tCVID\t非核化\ty\n\
            Cloze\tkorea/court\tkorea\t{{c1::2025年4月4日}}\t\n";
        let imported = import_text(tsv).unwrap();
        assert_eq!(imported.kioku_deck.as_deref(), Some("korea"));
        assert_eq!(imported.notes[0].id.as_deref(), Some("cvid"));
        assert_eq!(imported.notes[0].reverse, Some(true));
        assert_eq!(imported.notes[1].id.as_deref(), Some("court"));
        assert_eq!(imported.anki_decks, vec!["年表".to_string()]);
    }

    #[test]
    fn media_and_image_occlusion_are_reported_by_line() {
        let tsv = "#separator:tab\n#html:true\n#notetype column:1\nBasic\t犬<img src=\"dog.jpg\">\tdog\nImage Occlusion\tx\ty\n\
            Vocab\t単語\t意味\t例文\nVocab\t語\t意\t例\n";
        let imported = import_text(tsv).unwrap();
        assert_eq!(imported.notes.len(), 3);
        assert_eq!(imported.notes[0].front.as_deref(), Some("犬"));
        assert_eq!(imported.warnings[0], "line 4: left out <img> dog.jpg (kioku cannot carry media)");
        assert!(imported.warnings[1].starts_with("line 5: skipped"), "{:?}", imported.warnings);
        assert_eq!(
            imported.warnings[2..],
            ["line 6: note type 'Vocab' has more fields than kioku uses: only the first 2 are kept".to_string()]
        );
    }
}
