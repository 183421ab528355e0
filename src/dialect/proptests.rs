//! Property tests over generated, dialect-flavoured text: the tag scanner,
//! the attribute-list parser and the two parse stages must never panic, and
//! every position they report must lie inside the article.
//! `PROPTEST_CASES=100000 cargo test --release proptests` runs a long session.

use proptest::prelude::*;

use super::tags::next_tag;
use super::tests::Fixture;
use crate::content::SourceArticle;
use crate::diag::Code;
use crate::ids::{ArticlePath, LangId};
use crate::syntax::attributes;

/// Pieces that matter to the dialect, and some that do not.
const FRAGMENTS: &[&str] = &[
    "{%",
    "%}",
    "{{",
    "}}",
    "{:",
    "}",
    "{",
    "-",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r",
    "\t",
    "|",
    "#",
    ".md",
    "../",
    "/",
    "link_new",
    "include",
    "icon",
    "raw",
    "endraw",
    "offer",
    "endoffer",
    "requirements",
    "selfcheck",
    "advanced",
    "item-add",
    "firewall",
    "image:",
    "1",
    "0",
    "'",
    "\"",
    "page.lang",
    "page.title",
    "=",
    ".",
    "{#",
    "## ",
    "```",
    "`",
    "    ",
    "_",
    "*",
    "**",
    "[",
    "](",
    ")",
    "> ",
    "- ",
    "1. ",
    "| a |",
    "|---|",
    "<a id=\"x\">",
    "<b>",
    "&nbsp;",
    "é",
    "Ü",
    "日本",
    "🙂",
    "\u{E000}",
    "\u{E001}",
    "\u{E002}",
    "\u{E003}",
    "\u{E004}",
    "⸢",
    "⸣",
    "!",
    "\\",
    "<div>\n",
    "\u{FFFD}",
    "\u{0}",
];

/// What `body` becomes through both parse stages.
struct Rendered {
    html: String,
    /// The Markdown twin, each address written as `u`.
    twin: String,
    links: Vec<crate::markdown::LinkTarget>,
    diags: Vec<crate::diag::Diagnostic>,
    /// How many cross-links the expansion made.
    cross_links: usize,
}

fn render(body: &str) -> Rendered {
    // Decoded as a file is at load, which ends every line with `\n`.
    let text = crate::content::decode(format!("---\ntitle: T\n---\n{body}").into_bytes()).unwrap();
    let path = ArticlePath::parse("guide/a.md").unwrap();
    let article =
        SourceArticle::parse(LangId::parse("en").unwrap(), path, "content/en/guide/a.md".into(), text).unwrap();
    let mut diags = Vec::new();
    let expanded = super::expand(&article, &fixture().context(), &mut diags);
    let doc = crate::markdown::parse(&expanded, highlighter(), &mut diags);
    let mut html = String::new();
    doc.write_html(&mut html, |_, out| out.push_str("<a>"));
    let mut twin = String::new();
    doc.write_markdown(&mut twin, |_, out| out.push('u'));
    let links = doc.links.into_iter().map(|l| l.target).collect();
    Rendered { html, twin, links, diags, cross_links: expanded.links.len() }
}

/// Built once: the theme and Fluent bundles cost more than a parse.
fn fixture() -> &'static Fixture {
    static FIXTURE: std::sync::OnceLock<Fixture> = std::sync::OnceLock::new();
    FIXTURE.get_or_init(Fixture::default)
}

fn highlighter() -> &'static crate::highlight::Highlighter {
    static HIGHLIGHTER: std::sync::OnceLock<crate::highlight::Highlighter> = std::sync::OnceLock::new();
    HIGHLIGHTER.get_or_init(crate::highlight::Highlighter::new)
}

fn dialect_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "[a-z ]{1,8}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat())
}

/// Markdown around a tag: the fragments, but none that opens or closes a tag.
fn markdown_text() -> impl Strategy<Value = String> {
    let fragments: Vec<&str> = FRAGMENTS.iter().copied().filter(|f| !["{%", "%}", "{{", "}}"].contains(f)).collect();
    let piece = prop_oneof![
        4 => proptest::sample::select(fragments).prop_map(str::to_string),
        1 => "[a-z ]{1,8}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        // Contexts where the two links differ on purpose are skipped.
        max_global_rejects: 1_000_000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn tag_scanner_returns_in_bounds_char_aligned_tags(text in dialect_text()) {
        let mut cursor = 0;
        while let Some(found) = next_tag(&text, cursor) {
            match found {
                Ok(tag) => {
                    prop_assert!(tag.start >= cursor && tag.start < tag.end && tag.end <= text.len());
                    prop_assert!(text.is_char_boundary(tag.start) && text.is_char_boundary(tag.end));
                    prop_assert!(tag.args_start <= tag.end);
                    cursor = tag.end;
                }
                Err(unterminated) => {
                    prop_assert!(unterminated.resume > unterminated.start && unterminated.resume <= text.len());
                    cursor = unterminated.resume;
                }
            }
        }
    }

    #[test]
    fn attribute_lists_parse_or_refuse(text in dialect_text()) {
        let text = format!("{{:{text}");
        if let Ok((attrs, len)) = attributes::parse(&text) {
            prop_assert!(len <= text.len() && text.is_char_boundary(len));
            // What is emitted is attribute syntax only: no way out of the tag.
            let html = attrs.to_html();
            prop_assert!(!html.contains('<') && !html.contains('>'));
            prop_assert!(attrs.pairs.iter().all(|(k, _)| !k.to_ascii_lowercase().starts_with("on")));
        }
    }

    #[test]
    fn parsing_any_article_reports_positions_inside_it(body in dialect_text()) {
        let lines = format!("---\ntitle: T\n---\n{body}").split(['\n', '\r']).count() as u32 + 1;
        let Rendered { html, twin, diags, .. } = render(&body);
        prop_assert!(!html.contains(super::markers::RESERVED), "a marker leaked into {}", html);
        prop_assert!(!twin.contains(super::markers::RESERVED), "a marker leaked into the twin {}", twin);
        prop_assert!(!twin.contains(crate::syntax::CROSS_LINK_SCHEME), "{}", twin);
        for d in &diags {
            let location = d.location.as_ref().expect("every dialect diagnostic has a location");
            prop_assert_eq!(&location.file, std::path::Path::new("content/en/guide/a.md"));
            prop_assert!(location.line >= 4 && location.line <= lines, "{:?} in {} lines", location, lines);
            prop_assert!(location.column >= 1);
        }
    }

    #[test]
    fn a_plain_cross_link_renders_as_its_markdown_link(
        before in markdown_text(),
        after in markdown_text(),
        text in "[a-z][a-zé«» ]{0,8}[a-z?!.:)(\"']",
    ) {
        let marked = render(&format!("{before}{{% link_new {text} | b.md %}}{after}"));
        let written = render(&format!("{before}[{text}](/b.md){after}"));
        let (cross_links, diags) = (marked.cross_links, &marked.diags);
        let (marked_links, written_links) = (marked.links, written.links);
        // Where the two differ on purpose: the tag was not expanded (code),
        // the link sits where a Markdown link is not one (raw HTML, after
        // `!` or `\\`, inside another link).
        prop_assume!(!before.ends_with(['!', '\\']));
        prop_assume!(cross_links == 1 && marked_links.len() == written_links.len());
        prop_assume!(!diags.iter().any(|d| matches!(d.code, Code::LinkNested | Code::LinkUnread)));
        prop_assert_eq!(marked.html, written.html);
        prop_assert_eq!(marked_links, written_links);
        // The twin writes both as the same Markdown link.
        prop_assert_eq!(marked.twin, written.twin);
    }
}
