//! HTML escaping for text that is not meant to be markup: one escaper for
//! the whole code base, pulldown-cmark's (SIMD-accelerated), which the
//! Markdown writer uses too. It escapes quotes as well as `&`, `<` and `>`,
//! so its output is safe in element text and in any quoted attribute value.

pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_html(&mut out, text);
    out
}

pub fn push_html(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, text);
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::html(r#"<a href="x" title='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(super::html("Prérequis\u{a0}:"), "Prérequis\u{a0}:");
    }
}
