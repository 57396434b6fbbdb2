//! Table columns aligned by display width, so Japanese labels (two columns a character) line
//! up with English ones.

use unicode_width::UnicodeWidthStr;

/// `text` followed by spaces up to `width` display columns (never cut).
pub fn pad_end(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// Spaces up to `width` display columns, then `text` (never cut).
pub fn pad_start(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// The display width of `text`.
pub fn width(text: &str) -> usize {
    text.width()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_columns() {
        assert_eq!(pad_end("新規", 6), "新規  ");
        assert_eq!(pad_start("新規", 6), "  新規");
        assert_eq!(pad_start("new", 5), "  new");
        assert_eq!(pad_end("learning", 4), "learning");
        assert_eq!(width("学習中"), 6);
    }
}
