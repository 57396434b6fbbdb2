//! Invitations for a class's students: `invites.csv` (UTF-8 with a BOM so Excel opens it; mode
//! 0600, since it holds codes) and a printable HTML page with one card per student and a QR
//! code each. Names come from a roster, so they are escaped in HTML (by maud) and neutralised in
//! the CSV like every CSV kioku writes.

use std::io::Write;
use std::path::Path;

use maud::{html, PreEscaped, DOCTYPE};

use crate::i18n::Lang;
use crate::safe_text::csv_cell;
use crate::{Error, Result};

/// One student's invitation: their id, name and code in clear (shown once, never stored).
pub struct Invitation {
    pub id: String,
    pub name: String,
    pub code: String,
}

/// The file names in a class folder.
pub const CSV_FILE: &str = "invites.csv";
pub const HTML_FILE: &str = "invites.html";

/// Writes `DIR/invites.csv` and `DIR/invites.html` for `invitations`, replacing earlier ones
/// (each run gives the students it made or reset). Both are created with mode 0600 on Unix.
pub fn write(dir: &Path, invitations: &[Invitation], public_url: Option<&str>, lang: Lang) -> Result<()> {
    let csv = csv_text(invitations)?;
    write_private(&dir.join(CSV_FILE), csv.as_bytes())?;
    write_private(&dir.join(HTML_FILE), html_page(invitations, public_url, lang).as_bytes())
}

/// The CSV: a BOM, then 学籍番号, 氏名, code.
pub fn csv_text(invitations: &[Invitation]) -> Result<String> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let fail = |e: csv::Error| Error::Input(e.to_string());
    out.write_record(["学籍番号", "氏名", "code"]).map_err(fail)?;
    for i in invitations {
        out.write_record([csv_cell(&i.id), csv_cell(&i.name), csv_cell(&i.code)].iter().map(|c| c.as_ref()))
            .map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| Error::Input(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::Input(e.to_string()))
}

/// What an invitation's QR code holds: the class's sign-in page for this student when the
/// public address is known, else the code alone.
pub fn qr_text(invitation: &Invitation, public_url: Option<&str>) -> String {
    match public_url {
        Some(url) => {
            let query = serde_urlencoded::to_string([("id", invitation.id.as_str())]).unwrap_or_default();
            format!("{}/login?{query}", url.trim_end_matches('/'))
        }
        None => invitation.code.clone(),
    }
}

/// A QR code as an SVG image (only squares: no text from the roster is in it).
fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code.render::<qrcode::render::svg::Color>().min_dimensions(150, 150).quiet_zone(true).build(),
        Err(_) => String::new(),
    }
}

/// The printable page: one card per student (cut along the lines), in `lang`.
pub fn html_page(invitations: &[Invitation], public_url: Option<&str>, lang: Lang) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                title { (crate::tr_in!(lang, "class-invite-title")) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                @for i in invitations {
                    section.card {
                        h2 { (crate::tr_in!(lang, "class-invite-heading")) }
                        p { (crate::tr_in!(lang, "class-invite-id")) " " strong { (i.id) } }
                        p { (crate::tr_in!(lang, "class-invite-name")) " " strong { (i.name) } }
                        p { (crate::tr_in!(lang, "class-invite-code")) " " code { (i.code) } }
                        @if let Some(url) = public_url {
                            p { (crate::tr_in!(lang, "class-invite-open")) " " code { (url) } }
                        }
                        div.qr { (PreEscaped(qr_svg(&qr_text(i, public_url)))) }
                        p.small { (crate::tr_in!(lang, "class-invite-password")) }
                    }
                }
            }
        }
    }
    .into_string()
}

const STYLE: &str = "body{font-family:sans-serif;margin:0}\
.card{border:1px dashed #888;padding:1em;margin:0.5em;width:42%;display:inline-block;vertical-align:top;\
break-inside:avoid}.card h2{font-size:1.1em;margin:0 0 .5em}.card code{font-size:1.3em;letter-spacing:.1em}\
.small{font-size:.8em}@media print{.card{width:44%}}";

/// Writes a file readable by its owner only (it holds codes); replaces an earlier one.
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |e: std::io::Error| Error::Input(format!("{}: {e}", path.display()));
    let _ = std::fs::remove_file(path);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invitation(id: &str, name: &str) -> Invitation {
        Invitation { id: id.into(), name: name.into(), code: "ACDEF-GHJKM".into() }
    }

    #[test]
    fn the_csv_has_a_bom_and_neutralised_cells() {
        let text = csv_text(&[invitation("1", "=HYPERLINK(\"x\")"), invitation("2", "山田")]).unwrap();
        assert_eq!(text, "\u{feff}学籍番号,氏名,code\n1,\"'=HYPERLINK(\"\"x\"\")\",ACDEF-GHJKM\n2,山田,ACDEF-GHJKM\n");
    }

    #[test]
    fn the_page_escapes_names_and_has_a_qr_code_each() {
        let page = html_page(&[invitation("1", "<script>x</script>"), invitation("2", "b")], None, Lang::En);
        assert!(!page.contains("<script>x"));
        assert!(page.contains("&lt;script&gt;x"));
        assert_eq!(page.matches("<svg").count(), 2);
    }

    #[test]
    fn the_qr_code_holds_the_sign_in_page_or_the_code() {
        let i = invitation("20 25", "a");
        assert_eq!(qr_text(&i, Some("https://k.example/")), "https://k.example/login?id=20+25");
        assert_eq!(qr_text(&i, None), "ACDEF-GHJKM");
    }

    #[cfg(unix)]
    #[test]
    fn the_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &[invitation("1", "a")], None, Lang::Ja).unwrap();
        for name in [CSV_FILE, HTML_FILE] {
            let mode = std::fs::metadata(dir.path().join(name)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }
}
