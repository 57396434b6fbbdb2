//! Writing an Anki package (`.apkg`): a zip holding `collection.anki2`, an SQLite database in
//! Anki's collection schema 11 (which every Anki since 2.1 imports), and an empty `media` map.
//! The package carries its own note types (kioku Basic, kioku Cloze) and its deck, so it imports
//! into an Anki in any interface language, into the right deck. SQL lives here, in `store/`.
//!
//! Ids are stable hashes (of the guid, the deck id, the note type's name), so importing a newer
//! package of the same deck updates the notes in place and keeps every card's history in Anki.

use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection};
use serde_json::json;

use crate::deck::interchange::anki::{PackageNote, KIOKU_BASIC, KIOKU_CLOZE};
use crate::rng::fnv1a;
use crate::{Error, Result};

/// A positive id below 2^52 (Anki's ids pass through JavaScript) from a hash of `parts`.
fn id_of(parts: &[&[u8]]) -> i64 {
    (fnv1a(parts) >> 12) as i64 + 1
}

const CSS: &str = ".card { font-family: sans-serif; font-size: 20px; text-align: center; color: black; background-color: white; }\n\
.explanation { font-size: 16px; }\n.cloze { font-weight: bold; color: blue; }\n.nightMode .cloze { color: lightblue; }\n";

/// The two note types, as schema 11 JSON, keyed by id.
fn note_types(deck_id: i64) -> serde_json::Value {
    let field = |name: &str, ord: u32| json!({"name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": []});
    let template = |name: &str, ord: u32, qfmt: &str, afmt: &str| json!({"name": name, "ord": ord, "qfmt": qfmt, "afmt": afmt, "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0});
    // `furigana:` shows readings (`文在寅[ムン・ジェイン]`) as ruby, as kioku shows them.
    let explanation = "{{#Explanation}}<br><br><div class=explanation>{{furigana:Explanation}}</div>{{/Explanation}}";
    let basic_id = id_of(&[KIOKU_BASIC.as_bytes()]);
    let cloze_id = id_of(&[KIOKU_CLOZE.as_bytes()]);
    let common = |id: i64, name: &str, kind: u8, flds, tmpls, req| {
        json!({
            "id": id, "name": name, "type": kind, "mod": 1_700_000_000, "usn": 0, "sortf": 0, "did": deck_id,
            "tmpls": tmpls, "flds": flds, "css": CSS, "latexPre": "", "latexPost": "", "latexsvg": false,
            "req": req, "tags": [], "vers": []
        })
    };
    let basic = common(
        basic_id,
        KIOKU_BASIC,
        0,
        json!([field("Front", 0), field("Back", 1), field("Add Reverse", 2), field("Explanation", 3)]),
        json!([
            template(
                "Card 1",
                0,
                "{{furigana:Front}}",
                &format!("{{{{FrontSide}}}}\n\n<hr id=answer>\n\n{{{{furigana:Back}}}}{explanation}")
            ),
            template(
                "Card 2",
                1,
                "{{#Add Reverse}}{{furigana:Back}}{{/Add Reverse}}",
                &format!("{{{{FrontSide}}}}\n\n<hr id=answer>\n\n{{{{furigana:Front}}}}{explanation}"),
            ),
        ]),
        json!([[0, "any", [0]], [1, "all", [1, 2]]]),
    );
    let cloze = common(
        cloze_id,
        KIOKU_CLOZE,
        1,
        json!([field("Text", 0), field("Back Extra", 1)]),
        json!([template(
            "Cloze",
            0,
            "{{furigana:cloze:Text}}",
            "{{furigana:cloze:Text}}<br>\n{{furigana:Back Extra}}"
        )]),
        json!([[0, "any", [0]]]),
    );
    json!({ basic_id.to_string(): basic, cloze_id.to_string(): cloze })
}

/// Writes `notes` as a package of one deck named `deck_name` (`deck_key`, the kioku deck id,
/// fixes the Anki deck's id). `now_ms` stamps the notes as modified, so Anki's import takes them
/// as newer than what it has. The file appears whole or not at all (written beside, then
/// renamed). Returns `Error::Input` naming the file when it cannot be written.
pub fn write_package(path: &Path, deck_name: &str, deck_key: &str, notes: &[PackageNote], now_ms: i64) -> Result<()> {
    let failed = |e: &dyn std::fmt::Display| {
        Error::Input(crate::tr!("interchange-cannot-write", path = path.display().to_string(), error = e.to_string()))
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.is_dir()) {
        return Err(failed(&crate::tr!("interchange-no-folder", path = dir.display().to_string())));
    }
    let collection = collection_bytes(path, deck_name, deck_key, notes, now_ms).map_err(|e| failed(&e))?;
    let partial = sibling(path, "part");
    let write = || -> std::result::Result<(), Box<dyn std::error::Error>> {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&partial)?);
        let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file("collection.anki2", stored)?;
        zip.write_all(&collection)?;
        zip.start_file("media", stored)?;
        zip.write_all(b"{}")?;
        zip.finish()?.sync_all()?;
        std::fs::rename(&partial, path)?;
        Ok(())
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        failed(&e)
    })
}

/// `.NAME.kioku-SUFFIX-PID` beside `path`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.kioku-{suffix}-{}", std::process::id()))
}

/// The collection database's bytes (built in a file beside `path`, removed after).
fn collection_bytes(
    path: &Path,
    deck_name: &str,
    deck_key: &str,
    notes: &[PackageNote],
    now_ms: i64,
) -> std::result::Result<Vec<u8>, Box<dyn std::error::Error>> {
    let temp = sibling(path, "collection");
    let _ = std::fs::remove_file(&temp);
    let result = (|| -> std::result::Result<Vec<u8>, Box<dyn std::error::Error>> {
        let mut conn = Connection::open(&temp)?;
        fill(&mut conn, deck_name, deck_key, notes, now_ms)?;
        conn.close().map_err(|(_, e)| e)?;
        Ok(std::fs::read(&temp)?)
    })();
    let _ = std::fs::remove_file(&temp);
    result
}

fn fill(
    conn: &mut Connection,
    deck_name: &str,
    deck_key: &str,
    notes: &[PackageNote],
    now_ms: i64,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute_batch(
        "CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
            scm integer not null, ver integer not null, dty integer not null, usn integer not null,
            ls integer not null, conf text not null, models text not null, decks text not null,
            dconf text not null, tags text not null);
        CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
            mod integer not null, usn integer not null, tags text not null, flds text not null,
            sfld integer not null, csum integer not null, flags integer not null, data text not null);
        CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
            ord integer not null, mod integer not null, usn integer not null, type integer not null,
            queue integer not null, due integer not null, ivl integer not null, factor integer not null,
            reps integer not null, lapses integer not null, left integer not null, odue integer not null,
            odid integer not null, flags integer not null, data text not null);
        CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
            ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
            time integer not null, type integer not null);
        CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);",
    )?;
    let deck_id = id_of(&["kioku deck ".as_bytes(), deck_key.as_bytes()]);
    let now_secs = now_ms / 1000;
    let deck = |id: i64, name: &str| {
        json!({
            "id": id, "name": name, "mod": now_secs, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0],
            "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false,
            "desc": "", "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0
        })
    };
    let decks = json!({ "1": deck(1, "Default"), deck_id.to_string(): deck(deck_id, deck_name) });
    tx.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, '{}', ?3, ?4, '{}', '{}')",
        params![now_secs, now_ms, note_types(deck_id).to_string(), decks.to_string()],
    )?;
    let basic_id = id_of(&[KIOKU_BASIC.as_bytes()]);
    let cloze_id = id_of(&[KIOKU_CLOZE.as_bytes()]);
    let mut note_row = tx.prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, 0, 0, '')")?;
    let mut card_row =
        tx.prepare("INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')")?;
    for (position, note) in notes.iter().enumerate() {
        let note_id = id_of(&["kioku note ".as_bytes(), note.guid.as_bytes()]);
        let tags = if note.tags.is_empty() { String::new() } else { format!(" {} ", note.tags.join(" ")) };
        let sort_field = crate::deck::interchange::html::from_html(note.fields.first().map_or("", String::as_str)).0;
        note_row.execute(params![
            note_id,
            note.guid,
            if note.cloze { cloze_id } else { basic_id },
            now_secs,
            tags,
            note.fields.join("\u{1f}"),
            sort_field,
        ])?;
        for ord in &note.ords {
            let card_id = id_of(&["kioku card ".as_bytes(), note.guid.as_bytes(), &ord.to_le_bytes()]);
            card_row.execute(params![card_id, note_id, deck_id, ord, now_secs, position as i64 + 1])?;
        }
    }
    drop((note_row, card_row));
    tx.commit()
}
