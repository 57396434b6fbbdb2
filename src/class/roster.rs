//! A class roster: the CSV a school office gives a teacher (学籍番号, 氏名, optionally クラス),
//! read as Excel saves it — UTF-8 with or without a BOM, or Shift_JIS on Japanese Windows — and
//! checked before any account is made: every problem at once, each with its line.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// One student of a roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Student {
    /// The 学籍番号 as kioku keeps it: NFKC (full-width digits and letters made ASCII), trimmed.
    pub id: String,
    /// 氏名, trimmed.
    pub name: String,
    /// クラス ('' when the roster has no such column).
    pub group: String,
}

/// What is wrong with a roster, each problem with its line (1 = the header).
#[derive(Debug, PartialEq, Eq)]
pub enum RosterError {
    /// Neither UTF-8 nor Shift_JIS: (line, byte offset in it) of the first byte that is not.
    Encoding { line: usize },
    /// The header lacks the id or the name column.
    Header { missing: &'static str },
    /// Problems on lines of students.
    Lines(Vec<(usize, LineProblem)>),
    /// No student at all.
    Empty,
}

/// One line's problem.
#[derive(Debug, PartialEq, Eq)]
pub enum LineProblem {
    NoId,
    NoName,
    /// The id `teacher` names the teacher's account.
    Reserved,
    /// Excel wrote a long number in exponent form (1.23E+11): the digits are lost.
    Exponent(String),
    /// Characters other than letters, digits, `-`, `_` and `.`.
    BadId(String),
    /// Already on `first_line`.
    Duplicate {
        id: String,
        first_line: usize,
    },
    /// Not a CSV record (an unclosed quote).
    Malformed(String),
}

/// Column names accepted for each field (matched after trimming, case-insensitively).
const ID_NAMES: &[&str] = &["学籍番号", "id", "student id", "student_id", "番号"];
const NAME_NAMES: &[&str] = &["氏名", "name", "名前"];
const GROUP_NAMES: &[&str] = &["クラス", "group", "class", "組"];

/// The longest id and name kept (longer is a mistake, not a name).
const MAX_FIELD_CHARS: usize = 100;

/// Decodes a roster file: UTF-8 (a BOM is dropped), else Shift_JIS (Windows-31J, as Excel saves
/// it). Anything else is `RosterError::Encoding` with the line of the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<String, RosterError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(utf8) => {
            let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
            if had_errors {
                // The line of the first byte that is valid in neither (as UTF-8's error says).
                let at = utf8.valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                Err(RosterError::Encoding { line })
            } else {
                Ok(text.into_owned())
            }
        }
    }
}

/// Reads a roster's text: a header naming the id and name columns (and perhaps the group), then
/// one student a line; blank lines are skipped. Every problem is reported at once.
pub fn parse(text: &str) -> Result<Vec<Student>, RosterError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(RosterError::Lines(vec![(1, LineProblem::Malformed(e.to_string()))])),
        None => return Err(RosterError::Empty),
    };
    let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let id_col = find(ID_NAMES).ok_or(RosterError::Header { missing: "学籍番号 (id)" })?;
    let name_col = find(NAME_NAMES).ok_or(RosterError::Header { missing: "氏名 (name)" })?;
    let group_col = find(GROUP_NAMES);
    let mut students = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push((line, LineProblem::Malformed(e.to_string())));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let id = normalise_id(&cell(id_col));
        let name = cell(name_col);
        let group = group_col.map(cell).unwrap_or_default();
        let problem = if id.is_empty() {
            Some(LineProblem::NoId)
        } else if id.eq_ignore_ascii_case("teacher") {
            Some(LineProblem::Reserved)
        } else if looks_like_exponent(&id) {
            Some(LineProblem::Exponent(id.clone()))
        } else if id.chars().count() > MAX_FIELD_CHARS
            || !id.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            Some(LineProblem::BadId(id.clone()))
        } else if name.is_empty() || name.chars().count() > MAX_FIELD_CHARS {
            Some(LineProblem::NoName)
        } else if let Some(&first_line) = seen.get(&id) {
            Some(LineProblem::Duplicate { id: id.clone(), first_line })
        } else {
            None
        };
        match problem {
            Some(p) => problems.push((line, p)),
            None => {
                seen.insert(id.clone(), line);
                students.push(Student { id, name, group });
            }
        }
    }
    if !problems.is_empty() {
        return Err(RosterError::Lines(problems));
    }
    if students.is_empty() {
        return Err(RosterError::Empty);
    }
    Ok(students)
}

/// An id as kioku keeps it (as typed at sign-in or on the command line): NFKC, trimmed.
pub fn normalise_id(id: &str) -> String {
    id.trim().nfkc().collect::<String>().trim().to_string()
}

/// Whether an id is a number Excel wrote in exponent form (`1.23E+11`, `4.5e10`).
fn looks_like_exponent(id: &str) -> bool {
    let Some((mantissa, exponent)) = id.split_once(['E', 'e']) else { return false };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && mantissa.chars().any(|c| c.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Vec<Student> {
        parse(text).unwrap()
    }

    #[test]
    fn japanese_and_english_headers_and_an_optional_group() {
        let s = ok("学籍番号,氏名,クラス\n2025001,山田 太郎,1組\n");
        assert_eq!(s, vec![Student { id: "2025001".into(), name: "山田 太郎".into(), group: "1組".into() }]);
        let s = ok("Name, ID\nAlice,a-1\n\nBob,b_2\n");
        assert_eq!(
            s.iter().map(|s| (s.id.as_str(), s.name.as_str(), s.group.as_str())).collect::<Vec<_>>(),
            [("a-1", "Alice", ""), ("b_2", "Bob", "")]
        );
    }

    #[test]
    fn full_width_digits_are_normalised() {
        assert_eq!(ok("学籍番号,氏名\n２０２５００１,佐藤\n")[0].id, "2025001");
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = "id,name\n1.23E+11,A\nteacher,B\n7,C\n7,D\n,E\n8,\n9 9,F\n";
        let Err(RosterError::Lines(problems)) = parse(text) else { panic!() };
        assert_eq!(
            problems,
            vec![
                (2, LineProblem::Exponent("1.23E+11".into())),
                (3, LineProblem::Reserved),
                (5, LineProblem::Duplicate { id: "7".into(), first_line: 4 }),
                (6, LineProblem::NoId),
                (7, LineProblem::NoName),
                (8, LineProblem::BadId("9 9".into())),
            ]
        );
    }

    #[test]
    fn a_header_without_ids_or_names_is_refused() {
        assert_eq!(parse("番号のない,表\n1,2\n"), Err(RosterError::Header { missing: "学籍番号 (id)" }));
        assert_eq!(parse("id,score\n1,2\n"), Err(RosterError::Header { missing: "氏名 (name)" }));
        assert_eq!(parse("id,name\n"), Err(RosterError::Empty));
    }

    #[test]
    fn utf8_with_bom_and_shift_jis_decode_to_the_same_text() {
        let text = "学籍番号,氏名\n1,山田\n";
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom).unwrap(), text);
        let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
        assert!(!unmappable);
        assert_ne!(&sjis[..], text.as_bytes());
        assert_eq!(decode(&sjis).unwrap(), text);
    }

    #[test]
    fn bytes_that_are_neither_utf8_nor_shift_jis_name_their_line() {
        // 0xFF is no lead byte in either.
        assert_eq!(decode(b"id,name\n1,a\n2,\xFF\xFF\n"), Err(RosterError::Encoding { line: 3 }));
    }
}
