//! Anki's fields are HTML: to text for a deck (`from_html`) and from a deck's text (`to_html`).
//! The tokenizer (html5gum, WHATWG) decodes every entity and reads tags in any case; the block
//! structure is ours: blocks and `<br>` become line breaks, media is reported, not lost quietly.

use html5gum::{Token, Tokenizer};

/// Elements that start a new line (HTML's block elements that Anki's editor writes).
const BLOCKS: &[&str] = &[
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "section",
    "article",
];
/// Elements whose content is never shown text.
const HIDDEN: &[&str] = &["script", "style", "head", "title"];
/// Elements that carry media kioku cannot show.
const MEDIA: &[&str] = &["img", "audio", "video", "object", "embed", "iframe", "svg", "math"];

/// Text of an HTML field: entities decoded, `<br>` and block boundaries as line breaks, other
/// tags dropped, spaces at line ends trimmed. Media (an `<img>`, `<audio>`, Anki's
/// `[sound:…]`) is left out and named in the returned list, so the caller can warn.
pub fn from_html(field: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut media = Vec::new();
    let mut hidden_depth = 0usize;
    let line_break = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for token in Tokenizer::new(field).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "br" {
                    out.push('\n');
                } else if BLOCKS.contains(&name.as_str()) {
                    line_break(&mut out);
                } else if HIDDEN.contains(&name.as_str()) && !tag.self_closing {
                    hidden_depth += 1;
                } else if MEDIA.contains(&name.as_str()) {
                    let source = tag
                        .attributes
                        .get(b"src".as_slice())
                        .map(|s| String::from_utf8_lossy(s).into_owned())
                        .unwrap_or_default();
                    media.push(if source.is_empty() { format!("<{name}>") } else { format!("<{name}> {source}") });
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if BLOCKS.contains(&name.as_str()) {
                    line_break(&mut out);
                } else if HIDDEN.contains(&name.as_str()) {
                    hidden_depth = hidden_depth.saturating_sub(1);
                }
            }
            // Raw line breaks and tabs in HTML are spaces; a no-break space is a space.
            Token::String(text) if hidden_depth == 0 => {
                out.extend(String::from_utf8_lossy(&text).chars().map(|c| match c {
                    '\n' | '\r' | '\t' | '\u{a0}' => ' ',
                    c => c,
                }))
            }
            _ => {}
        }
    }
    let (text, sounds) = take_sounds(&out);
    media.extend(sounds);
    (tidy(&text), media)
}

/// Text of a plain (non-HTML) field, with Anki's `[sound:…]` references taken out and named.
pub fn from_plain(field: &str) -> (String, Vec<String>) {
    let (text, sounds) = take_sounds(field);
    (tidy(&text), sounds)
}

/// A deck's text as an HTML field: `<`, `>`, `&` and quotes escaped, line breaks as `<br>`.
pub fn to_html(text: &str) -> String {
    html_escape::encode_text(text).replace("\r\n", "\n").replace('\n', "<br>")
}

/// Anki's sound references `[sound:file.mp3]` out of a text, and their file names.
fn take_sounds(text: &str) -> (String, Vec<String>) {
    let mut rest = text;
    let mut out = String::new();
    let mut sounds = Vec::new();
    while let Some(start) = rest.find("[sound:") {
        let Some(len) = rest[start..].find(']') else { break };
        out.push_str(&rest[..start]);
        sounds.push(format!("[sound:{}]", &rest[start + 7..start + len]));
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    (out, sounds)
}

/// Lines trimmed at the end, no blank lines at the start or end, at most one blank line between.
fn tidy(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n').map(str::trim_end) {
        if line.trim().is_empty() && lines.last().is_none_or(|l| l.trim().is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values are what a browser shows for these fields (entities from the HTML spec's
    /// table: &#x27; and &#39; and &apos; are ', &mdash; is —, &yen; is ¥, &#12354; is あ).
    #[test]
    fn blocks_breaks_and_entities_as_a_browser_shows_them() {
        assert_eq!(from_html("<div>one</div><div>two</div>").0, "one\ntwo");
        assert_eq!(from_html("<p>a</p><p>b</p>").0, "a\nb");
        assert_eq!(from_html("<ul><li>x</li><li>y</li></ul>").0, "x\ny");
        assert_eq!(from_html("<table><tr><td>1</td><td>2</td></tr></table>").0, "1\n2");
        assert_eq!(from_html("a<BR>b<br/>c<Br />d").0, "a\nb\nc\nd");
        assert_eq!(from_html("It&#x27;s &#39;x&#39; &apos;y&apos;").0, "It's 'x' 'y'");
        assert_eq!(from_html("a &mdash; &yen;100 &#12354; &amp; &lt;b&gt;&nbsp;z").0, "a — ¥100 あ & <b> z");
        assert_eq!(from_html("<b>bold</b> and <span style=\"color:red\">red</span>").0, "bold and red");
        assert_eq!(from_html("{{c1::東京::首都}}<br>").0, "{{c1::東京::首都}}");
    }

    #[test]
    fn media_is_named_not_dropped_quietly() {
        let (text, media) = from_html("犬<img src=\"dog.jpg\">[sound:wan.mp3]");
        assert_eq!(text, "犬");
        assert_eq!(media, vec!["<img> dog.jpg".to_string(), "[sound:wan.mp3]".to_string()]);
        assert_eq!(from_plain("a [sound:b.mp3] c"), ("a  c".to_string(), vec!["[sound:b.mp3]".to_string()]));
    }

    #[test]
    fn text_goes_to_html_and_back_unchanged() {
        for text in ["It's <b> & \"q\"", "line 1\nline 2", "{{c1::x}} 〜 ¥"] {
            assert_eq!(from_html(&to_html(text)).0, text);
        }
        assert_eq!(to_html("a<b\nc"), "a&lt;b<br>c");
    }
}
