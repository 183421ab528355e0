//! The lexical layer that loading, the dialect expansion and the Markdown
//! stage share: the reserved marker characters the expansion leaves for the
//! Markdown stage, kramdown attribute lists, the Markdown flavour itself, and
//! the one HTML tokenizer every check of raw HTML reads through.
//! It depends on no stage, so every stage may use it.

pub mod attributes;
pub mod html;
pub mod markers;

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
