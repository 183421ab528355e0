//! HTML escaping for text that is not meant to be markup. One function for
//! element text and attribute values alike: escaping quotes everywhere costs
//! nothing and removes a class of mistakes.

pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_html(&mut out, text);
    out
}

pub fn push_html(out: &mut String, text: &str) {
    // Copied in runs between the characters to escape, which are all ASCII:
    // their byte offsets are character boundaries.
    let mut from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[from..at]);
        out.push_str(entity);
        from = at + 1;
    }
    out.push_str(&text[from..]);
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
