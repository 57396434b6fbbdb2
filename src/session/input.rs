//! Reading protocol lines: CR and surrounding spaces stripped, NFKC-normalised (full-width
//! digits and letters become ASCII), commands recognised case-insensitively.

use std::io::BufRead;

use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Undo,
    Suspend,
    Bury,
    Quit,
    /// A line starting with ':' that is no command (invalid).
    Unknown(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// End of input (treated as `:q`).
    End,
    Command(Command),
    Text(String),
}

/// Normalises one raw line as the protocol says.
pub fn normalize(raw: &str) -> String {
    let trimmed = raw.trim_end_matches(['\n', '\r']).replace('\r', "");
    let nfkc: String = trimmed.trim().nfkc().collect();
    nfkc.trim().to_string()
}

/// Classifies a normalised line.
pub fn classify(line: String) -> Line {
    if !line.starts_with(':') {
        return Line::Text(line);
    }
    let command = match line.to_lowercase().as_str() {
        ":u" | ":undo" => Command::Undo,
        ":s" | ":suspend" => Command::Suspend,
        ":b" | ":bury" => Command::Bury,
        ":q" | ":quit" => Command::Quit,
        _ => Command::Unknown(line),
    };
    Line::Command(command)
}

/// The longest line kept, in bytes (far beyond any answer); the rest of a longer line is read
/// and dropped, so memory stays bounded whatever is piped in.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Reads the next line. Bytes that are not UTF-8 are replaced, never fatal.
pub fn read(input: &mut dyn BufRead) -> std::io::Result<Line> {
    match read_bounded(input, MAX_LINE_BYTES)? {
        None => Ok(Line::End),
        Some(mut buf) => {
            // A cut inside a character drops that character's first bytes rather than adding U+FFFD.
            if let Err(e) = std::str::from_utf8(&buf) {
                if e.error_len().is_none() {
                    buf.truncate(e.valid_up_to());
                }
            }
            Ok(classify(normalize(&String::from_utf8_lossy(&buf))))
        }
    }
}

/// One line of at most `max_bytes` (its newline included); the rest of the line up to the
/// newline is consumed and dropped. `None` at the end of input.
pub fn read_bounded(input: &mut dyn BufRead, max_bytes: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let mut read_any = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(read_any.then_some(line));
        }
        read_any = true;
        let (len, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = max_bytes.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..len.min(room)]);
        input.consume(len);
        if done {
            return Ok(Some(line));
        }
    }
}

/// Reads a confirmation from standard input: true for `yes` or `はい` (any case, full-width
/// letters too, as a Japanese keyboard may type them); anything else, or the end of input, is no.
pub fn confirmed() -> std::io::Result<bool> {
    let line = read_bounded(&mut std::io::stdin().lock(), 64)?.unwrap_or_default();
    Ok(is_yes(&normalize(&String::from_utf8_lossy(&line))))
}

/// `yes` or `はい`, already normalised.
fn is_yes(line: &str) -> bool {
    line.eq_ignore_ascii_case("yes") || line == "はい"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confirmation_is_yes_or_hai_as_typed_on_either_keyboard() {
        for yes in ["yes", "YES", "ｙｅｓ", "はい", " yes\r\n"] {
            assert!(is_yes(&normalize(yes)), "{yes:?}");
        }
        for no in ["y", "no", "いいえ", "", "yes!"] {
            assert!(!is_yes(&normalize(no)), "{no:?}");
        }
    }

    #[test]
    fn lines_are_normalised_and_commands_recognised() {
        assert_eq!(classify(normalize("  ３\r\n")), Line::Text("3".into()));
        assert_eq!(classify(normalize("\u{3000}good\u{3000}")), Line::Text("good".into()));
        assert_eq!(classify(normalize(":Q\n")), Line::Command(Command::Quit));
        assert_eq!(classify(normalize("：ｕ")), Line::Command(Command::Undo));
        assert_eq!(classify(normalize(":x")), Line::Command(Command::Unknown(":x".into())));
        let mut input: &[u8] = b"a\n\xff\n";
        assert_eq!(read(&mut input).unwrap(), Line::Text("a".into()));
        assert_eq!(read(&mut input).unwrap(), Line::Text("\u{fffd}".into()));
        assert_eq!(read(&mut input).unwrap(), Line::End);
    }

    #[test]
    fn a_long_line_is_cut_and_the_next_line_read_whole() {
        // Three lines: 10 bytes, 5 bytes, and an unterminated "xy"; kept up to 4 bytes each.
        let mut input: &[u8] = b"0123456789
abcd
xy";
        assert_eq!(read_bounded(&mut input, 4).unwrap(), Some(b"0123".to_vec()));
        assert_eq!(read_bounded(&mut input, 4).unwrap(), Some(b"abcd".to_vec()));
        assert_eq!(read_bounded(&mut input, 4).unwrap(), Some(b"xy".to_vec()));
        assert_eq!(read_bounded(&mut input, 4).unwrap(), None);
        // Through a small buffer too: the line spans many fill_buf calls.
        let data = format!("{}\nok\n", "あ".repeat(50_000));
        let mut reader = std::io::BufReader::with_capacity(7, data.as_bytes());
        let Line::Text(first) = read(&mut reader).unwrap() else { panic!("a text line") };
        assert!(first.len() <= MAX_LINE_BYTES, "{}", first.len());
        assert_eq!(read(&mut reader).unwrap(), Line::Text("ok".into()));
    }
}
