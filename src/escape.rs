//! HTML escaping for text that is not meant to be markup: one escaper for
//! the whole code base, pulldown-cmark's (SIMD-accelerated), which the
//! Markdown writer uses too. It escapes quotes as well as `&`, `<` and `>`,
//! so its output is safe in element text and in any quoted attribute value.
//! And the Markdown twins' escaping, for text helpgen writes into Markdown.

pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_html(&mut out, text);
    out
}

pub fn push_html(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, text);
}

/// Text that Markdown shows as it is, inside a line or a table cell: every
/// character that could start inline syntax is backslash-escaped (all are
/// ASCII punctuation, which CommonMark lets a backslash escape), and line
/// breaks become spaces, so the text cannot end its line or its cell.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An address as a Markdown link destination, read whole: in angle
/// brackets when it holds spaces or parentheses.
pub fn markdown_url(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>', '\n', '\r', '\t']) {
        format!("<{}>", url.replace('<', "%3C").replace('>', "%3E").replace(['\n', '\r', '\t'], " "))
    } else {
        url.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_urls_are_read_whole() {
        assert_eq!(super::markdown_url("https://x.org/a"), "https://x.org/a");
        assert_eq!(super::markdown_url("https://x.org/a b(c)<d>"), "<https://x.org/a b(c)%3Cd%3E>");
    }

    #[test]
    fn markdown_text_shows_as_written() {
        assert_eq!(super::markdown_text("a *b* [c](d) | <e>\nf"), "a \\*b\\* \\[c\\](d) \\| \\<e\\> f");
        assert_eq!(super::markdown_text("Prérequis : 443"), "Prérequis : 443");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::html(r#"<a href="x" title='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(super::html("Prérequis\u{a0}:"), "Prérequis\u{a0}:");
    }
}
