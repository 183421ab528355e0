//! Code highlighting, kept behind this one module so the highlighter can be
//! swapped. syntect's sets are loaded once per build and passed around as a
//! value; output uses CSS classes (`hl-*`), never inline styles, so the
//! theme's stylesheet (`css/highlight.css`) decides the colours, for light
//! and dark, and a strict CSP is not needed.
//!
//! A help center shows the same code in every language: each distinct
//! block is highlighted once per build and its HTML reused.

use std::collections::HashMap;
use std::sync::Mutex;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// The highlighted blocks kept for reuse stop growing past this size.
const CACHE_BYTES: usize = 32 << 20;

pub struct Highlighter {
    syntaxes: SyntaxSet,
    /// The HTML of each block highlighted so far, by language and code.
    done: Mutex<Cache>,
}

#[derive(Default)]
struct Cache {
    /// By language, then code: looked up without copying the code.
    blocks: HashMap<String, HashMap<String, String>>,
    bytes: usize,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter::new()
    }
}

impl Highlighter {
    pub fn new() -> Highlighter {
        Highlighter { syntaxes: SyntaxSet::load_defaults_newlines(), done: Mutex::default() }
    }

    /// `<pre><code>` for a fenced block. Unknown or missing languages give
    /// plain escaped text rather than an error: a writer's `~~~ foo` is fine.
    pub fn highlight(&self, code: &str, lang: &str) -> String {
        let lang = lang.split([' ', ',', '{']).next().unwrap_or("").trim();
        let kept = |done: &Cache| done.blocks.get(lang).and_then(|blocks| blocks.get(code)).cloned();
        if let Some(html) = self.done.lock().ok().and_then(|done| kept(&done)) {
            return html;
        }
        let html = self.highlight_once(code, lang);
        if let Ok(mut done) = self.done.lock() {
            let size = html.len() + code.len();
            if done.bytes + size <= CACHE_BYTES {
                done.bytes += size;
                done.blocks.entry(lang.to_string()).or_default().insert(code.to_string(), html.clone());
            }
        }
        html
    }

    /// Empties the cache: once a site is parsed, what it held is in the
    /// articles' HTML, and one article parsed again rarely repeats a block.
    pub fn forget_blocks(&self) {
        if let Ok(mut done) = self.done.lock() {
            *done = Cache::default();
        }
    }

    fn highlight_once(&self, code: &str, lang: &str) -> String {
        let syntax = (!lang.is_empty()).then(|| self.syntaxes.find_syntax_by_token(lang)).flatten();
        let class =
            if lang.is_empty() { String::new() } else { format!(" class=\"language-{}\"", crate::escape::html(lang)) };
        let inner = match syntax {
            Some(syntax) => {
                let mut html = ClassedHTMLGenerator::new_with_class_style(syntax, &self.syntaxes, CLASS_STYLE);
                let ok = LinesWithEndings::from(code)
                    .all(|line| html.parse_html_for_line_which_includes_newline(line).is_ok());
                if ok {
                    html.finalize()
                } else {
                    crate::escape::html(code)
                }
            }
            None => crate::escape::html(code),
        };
        // Focusable: a long line makes the block scroll, and keyboard users must
        // be able to scroll it too.
        format!("<pre class=\"code-block\" tabindex=\"0\"><code{class}>{inner}</code></pre>\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_classes_and_no_inline_style() {
        let h = Highlighter::new();
        let html = h.highlight("key: <value>\n", "yaml");
        assert!(html.starts_with("<pre class=\"code-block\" tabindex=\"0\"><code class=\"language-yaml\">"), "{html}");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("&lt;value&gt;"), "{html}");
    }

    #[test]
    fn a_block_seen_again_is_highlighted_once() {
        let h = Highlighter::new();
        let first = h.highlight("key: value\n", "yaml");
        assert_eq!(h.highlight("key: value\n", "yaml {.x}"), first);
        let other = h.highlight("key: value\n", "json");
        assert_ne!(other, first);
        let done = h.done.lock().expect("cache");
        assert_eq!(done.blocks.values().map(HashMap::len).sum::<usize>(), 2);
        assert_eq!(done.bytes, first.len() + other.len() + 2 * "key: value\n".len());
        drop(done);
        h.forget_blocks();
        assert_eq!(h.done.lock().expect("cache").bytes, 0);
        assert_eq!(h.highlight("key: value\n", "yaml"), first);
    }

    #[test]
    fn unknown_languages_are_escaped_plain_text() {
        let h = Highlighter::new();
        let html = h.highlight("<b>\n", "no-such-lang\"x");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(html.contains("language-no-such-lang&quot;x"), "{html}");
    }
}
