//! The lexical layer that loading, the dialect expansion and the Markdown
//! stage share: the reserved marker characters the expansion leaves for the
//! Markdown stage, kramdown attribute lists, the Markdown flavour itself, and
//! the one HTML tokenizer every check of raw HTML reads through.
//! It depends on no stage, so every stage may use it.

pub mod attributes;
pub mod data_path;
pub mod html;
pub mod markers;
pub mod yaml_limits;

use pulldown_cmark::Options;

/// The Markdown flavour of helpgen: CommonMark with GFM tables, footnotes,
/// strikethrough and task lists, and `{#id .class}` heading attributes as
/// kramdown writes them.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Link destinations of the form `helpgen-link:N` refer to the expansion's
/// cross-link N.
pub const CROSS_LINK_SCHEME: &str = "helpgen-link:";

/// `%C3%BCbersicht` -> `übersicht`, as a browser reads a URL's path or
/// fragment; invalid sequences are kept as written.
pub fn percent_decode(text: &str) -> String {
    let decoded = percent_encoding::percent_decode_str(text).decode_utf8();
    decoded.map_or_else(|_| text.to_string(), |decoded| decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn percent_decoding_keeps_invalid_sequences() {
        assert_eq!(percent_decode("mod%C3%A8les"), "modèles");
        assert_eq!(percent_decode("a%20b"), "a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%FF"), "%FF");
    }
}
