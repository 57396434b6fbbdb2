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

/// Reads the next line. Bytes that are not UTF-8 are replaced, never fatal.
pub fn read(input: &mut dyn BufRead) -> std::io::Result<Line> {
    let mut buf = Vec::new();
    if input.read_until(b'\n', &mut buf)? == 0 {
        return Ok(Line::End);
    }
    Ok(classify(normalize(&String::from_utf8_lossy(&buf))))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
